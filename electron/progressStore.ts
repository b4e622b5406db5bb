/**
 * Progress saved as one JSON file in the user-data folder. A save takes the folder's lock file
 * (so two writers never interleave), copies the current file to the backup atomically, then
 * writes the new file atomically (unique temp file, fsync, rename): after a kill at any moment
 * the main file is whole, or the backup holds the last-but-one state.
 *
 * Loading never destroys anything: a file that does not parse is moved aside and the backup is
 * used (the backup is used even when the bad file cannot be moved aside); a file that cannot be
 * read (permission denied, busy) is not corrupt: it is kept, the learner is told, and this store
 * then refuses every save so the real file is never overwritten. A failed load blocks saves too.
 */
import { copyFile, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { LoadProgressResult, ProgressData } from './preloadApi';
import { readJson, tempName, writeAtomic, type ReadResult } from './progressFiles';
import { alive, withLock } from './progressLock';

export class ProgressStore {
  readonly file: string;
  readonly backup: string;
  readonly lockFile: string;
  /** Why saving is refused in this session (set by a load that could not read the real file). */
  private blocked: string | null = null;

  constructor(folder: string, name = 'progress.json') {
    this.file = join(folder, name);
    this.backup = `${this.file}.bak`;
    this.lockFile = `${this.file}.lock`;
  }

  async load(): Promise<LoadProgressResult> {
    try {
      return await this.loadFiles();
    } catch (error) {
      this.blocked = `Saved progress could not be loaded (${(error as Error).message}), so nothing will be saved over it in this session.`;
      return { data: null, recovered: this.blocked };
    }
  }

  private async loadFiles(): Promise<LoadProgressResult> {
    await this.removeDeadTemps();
    const main = await readJson(this.file);
    if (main.kind === 'ok') return { data: main.data };
    const backup = await readJson(this.backup);
    if (main.kind === 'missing') {
      if (backup.kind === 'ok')
        return { data: backup.data, recovered: 'Saved progress was missing; it was restored from the backup.' };
      if (backup.kind === 'unavailable') return this.refuse(this.backup, backup, null);
      return { data: null };
    }
    if (main.kind === 'unavailable') return this.refuse(this.file, main, backup);
    // Corrupt: keep it under another name, and use the backup whether or not that worked.
    const restored = backup.kind === 'ok' ? ' Progress was restored from the backup.' : '';
    const data = backup.kind === 'ok' ? backup.data : null;
    const aside = `${this.file}.corrupt-${await this.nextFreeSuffix()}`;
    try {
      await rename(this.file, aside);
    } catch {
      this.blocked = `Saved progress could not be read (${main.reason}) and could not be moved aside; it was left as it is, and nothing will be saved over it in this session.${restored}`;
      return { data, recovered: this.blocked };
    }
    if (backup.kind === 'unavailable') return this.refuse(this.backup, backup, null);
    return {
      data,
      recovered: `Saved progress could not be read (${main.reason}); the file was moved to ${aside}.${restored}`,
    };
  }

  private refuse(file: string, result: ReadResult & { kind: 'unavailable' }, backup: ReadResult | null) {
    const fromBackup = backup?.kind === 'ok';
    this.blocked =
      `Saved progress at ${file} could not be opened (${result.reason}). It was left untouched and nothing will be saved over it in this session` +
      `${fromBackup ? '; the backup is shown meanwhile' : ''}. Close other programs using it or fix its permissions, then restart ClusterLab.`;
    return { data: fromBackup ? backup.data : null, recovered: this.blocked };
  }

  /** Saves run one after another, so two quick saves never interleave their temp file and rename. */
  private queue: Promise<void> = Promise.resolve();

  save(data: ProgressData): Promise<void> {
    const next = this.queue.then(() => this.write(data));
    this.queue = next.catch(() => {});
    return next;
  }

  private async write(data: ProgressData): Promise<void> {
    if (this.blocked) throw new Error(this.blocked);
    const text = JSON.stringify(data, null, 1);
    await mkdir(dirname(this.file), { recursive: true });
    await withLock(this.lockFile, async () => {
      const current = await readJson(this.file);
      if (current.kind === 'unavailable' || current.kind === 'corrupt') {
        // Another writer or program damaged it since the load: keep it rather than overwrite.
        const reason = current.reason;
        throw new Error(`the saved progress file could not be read (${reason}), so it was not overwritten`);
      }
      if (current.kind === 'ok') await this.copyToBackup();
      await writeAtomic(this.file, text);
    });
  }

  /** The backup is replaced atomically too: a copy to a temp file, fsynced, renamed over it. */
  private async copyToBackup(): Promise<void> {
    const temp = tempName(this.backup);
    try {
      await copyFile(this.file, temp);
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.backup);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
  }

  private async nextFreeSuffix(): Promise<number> {
    const names = new Set(await readdir(dirname(this.file)).catch(() => [] as string[]));
    for (let i = 1; ; i++) if (!names.has(`${basename(this.file)}.corrupt-${i}`)) return i;
  }

  /** Temp files left by a writer killed mid-save (its pid is gone) are removed. */
  private async removeDeadTemps(): Promise<void> {
    const prefix = basename(this.file);
    const names = await readdir(dirname(this.file)).catch(() => [] as string[]);
    for (const name of names) {
      const match = new RegExp(`^${escape(prefix)}(\\.bak)?\\.(\\d+)-\\d+\\.tmp$`).exec(name);
      if (match && !alive(Number(match[2]))) await unlink(join(dirname(this.file), name)).catch(() => {});
    }
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
