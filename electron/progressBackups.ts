/**
 * Backups of the learner's progress made before an import (the page's "Import progress…"): each a
 * JSON file in userData/backups named like labs/handIn's backupName
 * (`progress-before-import-2026-11-30T15-50-00Z.json`), written atomically; the last five kept.
 * The name comes from the main process's clock, never from the page.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './progressFiles';

export const BACKUPS_KEPT = 5;
const BACKUP_FILE = /^progress-before-import-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?\.json$/;

/** The same name as labs/handIn's backupName (a test keeps the two in step). */
export function backupFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return `progress-before-import-${stamp}.json`;
}

/** Oldest first: `…Z.json` before `…Z-2.json` (a second backup in the same second). */
function byAge(a: string, b: string): number {
  const x = a.replace(/\.json$/, '');
  const y = b.replace(/\.json$/, '');
  return x < y ? -1 : x > y ? 1 : 0;
}

export class ProgressBackups {
  readonly folder: string;

  constructor(
    userData: string,
    private readonly now: () => Date = () => new Date(),
    private readonly kept = BACKUPS_KEPT,
  ) {
    this.folder = join(userData, 'backups');
  }

  /** Writes `text` (the progress as JSON) as a new backup and returns its full path. */
  async write(text: string): Promise<string> {
    await mkdir(this.folder, { recursive: true });
    const existing = new Set(await readdir(this.folder));
    const first = backupFileName(this.now());
    let name = first;
    for (let n = 2; existing.has(name); n++) name = first.replace(/\.json$/, `-${n}.json`);
    const file = join(this.folder, name);
    await writeAtomic(file, text);
    const backups = [...existing, name].filter((f) => BACKUP_FILE.test(f)).sort(byAge);
    for (const old of backups.slice(0, Math.max(0, backups.length - this.kept)))
      await unlink(join(this.folder, old)).catch(() => {});
    return file;
  }
}
