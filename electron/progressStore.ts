/**
 * Progress saved as one JSON file in the user-data folder, written atomically: a temp file
 * is written and fsynced, the previous file is kept as a backup, then the temp file is renamed
 * over it. A file that does not parse is moved aside (never silently replaced) and the backup
 * is used when it is readable.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LoadProgressResult, ProgressData } from './preloadApi';

export class ProgressStore {
  readonly file: string;
  readonly backup: string;

  constructor(folder: string, name = 'progress.json') {
    this.file = join(folder, name);
    this.backup = `${this.file}.bak`;
  }

  async load(): Promise<LoadProgressResult> {
    const main = await readJson(this.file);
    if (main.kind === 'ok') return { data: main.data };
    if (main.kind === 'missing') {
      const backup = await readJson(this.backup);
      return { data: backup.kind === 'ok' ? backup.data : null };
    }
    const aside = `${this.file}.corrupt-${await nextFreeSuffix(this.file)}`;
    await rename(this.file, aside);
    const backup = await readJson(this.backup);
    const restored = backup.kind === 'ok' ? ' Progress was restored from the backup.' : '';
    return {
      data: backup.kind === 'ok' ? backup.data : null,
      recovered: `Saved progress could not be read (${main.reason}); the file was moved to ${aside}.${restored}`,
    };
  }

  /** Saves run one after another, so two quick saves never interleave their temp file and rename. */
  private queue: Promise<void> = Promise.resolve();

  save(data: ProgressData): Promise<void> {
    const next = this.queue.then(() => this.write(data));
    this.queue = next.catch(() => {});
    return next;
  }

  private async write(data: ProgressData): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify(data, null, 1), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    const current = await readJson(this.file);
    if (current.kind === 'ok') await copyFile(this.file, this.backup, constants.COPYFILE_FICLONE);
    await rename(temp, this.file);
  }
}

type ReadResult = { kind: 'ok'; data: ProgressData } | { kind: 'missing' } | { kind: 'corrupt'; reason: string };

async function readJson(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt', reason: (error as Error).message };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return { kind: 'corrupt', reason: 'not a JSON object' };
    return { kind: 'ok', data: data as ProgressData };
  } catch (error) {
    return { kind: 'corrupt', reason: (error as Error).message };
  }
}

async function nextFreeSuffix(file: string): Promise<number> {
  for (let i = 1; ; i++) {
    try {
      await readFile(`${file}.corrupt-${i}`);
    } catch {
      return i;
    }
  }
}
