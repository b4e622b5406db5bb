/**
 * Views as URL hashes (#/, #/sandbox/sql, #/lab/hdfs-blocks/2, #/lab/hdfs-blocks/2/practice,
 * #/api/RDD.map), so a reload or the back
 * button returns to the same place. Steps are 1-based in the URL, 0-based in the app.
 */
export type SandboxTab = 'cluster' | 'editor' | 'stream' | 'sql';
/** How a lab page shows its steps: the lesson (absent), practice (the exercises alone) or the reference solution. */
export type LabMode = 'practice' | 'reference';
export type View =
  | { name: 'home' }
  | { name: 'sandbox'; tab: SandboxTab }
  | { name: 'lab'; labId: string; step: number; mode?: LabMode }
  | { name: 'api'; member: string | null };

const TABS: SandboxTab[] = ['cluster', 'editor', 'stream', 'sql'];

export function viewToHash(view: View): string {
  switch (view.name) {
    case 'home':
      return '#/';
    case 'sandbox':
      return `#/sandbox/${view.tab}`;
    case 'lab':
      return `#/lab/${encodeURIComponent(view.labId)}/${view.step + 1}${view.mode ? `/${view.mode}` : ''}`;
    case 'api':
      return view.member === null ? '#/api' : `#/api/${encodeURIComponent(view.member)}`;
  }
}

export function hashToView(hash: string): View {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'sandbox') {
    const tab = TABS.find((t) => t === parts[1]) ?? 'cluster';
    return { name: 'sandbox', tab };
  }
  if (parts[0] === 'lab' && parts[1]) {
    const step = Number(parts[2] ?? 1);
    const mode: { mode?: LabMode } = parts[3] === 'practice' || parts[3] === 'reference' ? { mode: parts[3] } : {};
    return { name: 'lab', labId: parts[1], step: Number.isInteger(step) && step >= 1 ? step - 1 : 0, ...mode };
  }
  if (parts[0] === 'api') return { name: 'api', member: parts[1] ?? null };
  return { name: 'home' };
}
