/**
 * docs/job-api.md (scripts/apiReference.mjs writes it from labs/jobApi/) cut into the
 * sections the reference page shows and filters: one per declaration (`## RDD`) and one per
 * member (`### RDD.map`), each keeping its Markdown for markdownToReact.
 */
export interface ApiSection {
  /** `RDD` for a declaration, `RDD.map` for a member: the anchor (`#/api/RDD.map`). */
  id: string;
  /** The declaration a member belongs to (itself for a declaration). */
  owner: string;
  kind: 'declaration' | 'member';
  /** The section's Markdown without its heading. */
  body: string;
}

export interface ApiReference {
  /** The document's own title (its `# ` heading), or null. */
  title: string | null;
  /** The Markdown before the first declaration. */
  intro: string;
  sections: ApiSection[];
}

export function apiSections(markdown: string): ApiReference {
  const lines = markdown.split('\n');
  let title: string | null = null;
  const intro: string[] = [];
  const sections: ApiSection[] = [];
  let current: { section: ApiSection; lines: string[] } | null = null;
  let fenced = false;
  const close = () => {
    if (current) sections.push({ ...current.section, body: current.lines.join('\n').trim() });
  };
  for (const line of lines) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,3}) (.+)$/.exec(line);
    if (heading?.[1] === '#') title = heading[2]!.trim();
    else if (heading) {
      close();
      const id = heading[2]!.trim();
      const member = heading[1] === '###';
      const owner = member ? id.slice(0, id.indexOf('.') < 0 ? id.length : id.indexOf('.')) : id;
      current = { section: { id, owner, kind: member ? 'member' : 'declaration', body: '' }, lines: [] };
    } else if (current) current.lines.push(line);
    else intro.push(line);
  }
  close();
  return { title, intro: intro.join('\n').trim(), sections };
}

/**
 * The sections a filter keeps: every word of the query (case-insensitive) in a member's name,
 * signature or text; a declaration whose name matches keeps all its members; a declaration is
 * shown while any of its members is.
 */
export function filterSections(sections: readonly ApiSection[], query: string): ApiSection[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...sections];
  const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  const ownerMatches = new Set(sections.filter((s) => s.kind === 'declaration' && matches(s.id)).map((s) => s.id));
  const kept = new Set(
    sections.filter((s) => s.kind === 'member' && (ownerMatches.has(s.owner) || matches(`${s.id}\n${s.body}`))),
  );
  const owners = new Set([...kept].map((s) => s.owner));
  return sections.filter(
    (s) => kept.has(s) || (s.kind === 'declaration' && (owners.has(s.id) || ownerMatches.has(s.id))),
  );
}
