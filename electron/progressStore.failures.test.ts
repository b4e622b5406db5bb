// The progress store when the disk misbehaves: unreadable files (permission, busy) are kept and
// never overwritten, a corrupt file that cannot be moved aside still gives the backup, a failed
// load blocks saves, a read-only folder fails a save without touching the files, and two store
// instances on one folder never break each other's saves.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Fault = (path: string) => NodeJS.ErrnoException | null;
const faults = vi.hoisted(() => ({
  readFile: null as Fault | null,
  rename: null as Fault | null,
  open: null as Fault | null,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const wrap =
    <A extends unknown[], R>(name: keyof typeof faults, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const error = faults[name]?.(String(args[0]));
      if (error) throw error;
      return fn(...args);
    };
  return {
    ...real,
    readFile: wrap('readFile', real.readFile),
    rename: wrap('rename', real.rename),
    open: wrap('open', real.open),
  };
});

const { ProgressStore } = await import('./progressStore');

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const folder = () => mkdtempSync(join(tmpdir(), 'clusterlab-progress-'));
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

afterEach(() => {
  faults.readFile = faults.rename = faults.open = null;
});

async function savedTwice() {
  const dir = folder();
  const store = new ProgressStore(dir);
  await store.save({ v: 1 });
  await store.save({ v: 2 });
  return { dir, file: store.file, backup: store.backup };
}

describe('ProgressStore when files cannot be read', () => {
  for (const code of ['EACCES', 'EPERM', 'EBUSY']) {
    it(`${code} on the main file is not corruption: the file is kept, the learner told, and no save overwrites it`, async () => {
      const { dir, file } = await savedTwice();
      faults.readFile = (p) => (p === file ? errno(code) : null);
      const store = new ProgressStore(dir);
      const loaded = await store.load();
      expect(loaded.data).toEqual({ v: 1 });
      expect(loaded.recovered).toMatch(
        /could not be opened \((permission denied|the file is in use by another program)\)/,
      );
      expect(loaded.recovered).toMatch(/left untouched and nothing will be saved over it/);
      expect(loaded.recovered).not.toMatch(/corrupt|moved/);
      await expect(store.save({ v: 99 })).rejects.toThrow(/nothing will be saved over it/);
      faults.readFile = null;
      expect(json(file)).toEqual({ v: 2 });
      expect(readdirSync(dir).some((n) => n.includes('corrupt'))).toBe(false);
    });
  }

  it('a folder in place of the file is kept too (EISDIR)', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'progress.json'));
    const store = new ProgressStore(dir);
    const loaded = await store.load();
    expect(loaded).toMatchObject({ data: null, recovered: expect.stringMatching(/a folder has the file’s name/) });
    await expect(store.save({ v: 1 })).rejects.toThrow(/nothing will be saved/);
  });

  it('uses the backup when the corrupt main file cannot be moved aside, and then saves nothing over it', async () => {
    const { dir, file } = await savedTwice();
    writeFileSync(file, '{"v": 3, oops');
    faults.rename = (p) => (p === file ? errno('EACCES') : null);
    const store = new ProgressStore(dir);
    const loaded = await store.load();
    expect(loaded.data).toEqual({ v: 1 });
    expect(loaded.recovered).toMatch(/could not be moved aside; it was left as it is.*restored from the backup/);
    await expect(store.save({ v: 4 })).rejects.toThrow(/nothing will be saved over it/);
    expect(readFileSync(file, 'utf8')).toBe('{"v": 3, oops');
  });

  it('restores a missing main file from the backup, with a message', async () => {
    const { dir, file } = await savedTwice();
    const { rmSync } = await import('node:fs');
    rmSync(file);
    const loaded = await new ProgressStore(dir).load();
    expect(loaded).toEqual({ data: { v: 1 }, recovered: expect.stringMatching(/restored from the backup/) });
  });

  it('any other read error (EIO) blocks every later save too', async () => {
    const { dir, file } = await savedTwice();
    const store = new ProgressStore(dir);
    faults.readFile = () => errno('EIO');
    const loaded = await store.load();
    expect(loaded.data).toBeNull();
    faults.readFile = null;
    await expect(store.save({ v: 5 })).rejects.toThrow(/nothing will be saved over it/);
    expect(json(file)).toEqual({ v: 2 });
  });
});

describe('ProgressStore in a read-only folder', () => {
  it('fails the save with a clear reason and leaves both files and no temp file', async () => {
    const { dir, file, backup } = await savedTwice();
    faults.open = (p) => (p.endsWith('.tmp') || p.endsWith('.lock') ? errno('EROFS') : null);
    const store = new ProgressStore(dir);
    expect((await store.load()).data).toEqual({ v: 2 });
    await expect(store.save({ v: 3 })).rejects.toThrow(/EROFS/);
    faults.open = null;
    expect(json(file)).toEqual({ v: 2 });
    expect(json(backup)).toEqual({ v: 1 });
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'progress.json.bak']);
    await store.save({ v: 3 });
    expect(json(file)).toEqual({ v: 3 });
  });
});

describe('two stores on one folder', () => {
  it('serialise their saves through the lock file: every save lands whole, none fails, nothing is left behind', async () => {
    const dir = folder();
    const a = new ProgressStore(dir);
    const b = new ProgressStore(dir);
    const seen = new Set<string>();
    const watch = setInterval(() => {
      for (const f of [a.file, a.backup]) if (existsSync(f)) seen.add(readFileSync(f, 'utf8'));
    }, 1);
    const saves: Promise<void>[] = [];
    const done: unknown[] = [];
    const save = (store: typeof a, data: { writer: string; i: number }) =>
      store.save(data).then(() => void done.push(data));
    for (let i = 0; i < 40; i++) saves.push(save(a, { writer: 'a', i }), save(b, { writer: 'b', i }));
    await Promise.all(saves);
    clearInterval(watch);
    for (const text of seen) expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect([
      { writer: 'a', i: 39 },
      { writer: 'b', i: 39 },
    ]).toContainEqual(json(a.file));
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'progress.json.bak']);
  });

  it('takes over a lock left by a writer that was killed', async () => {
    const dir = folder();
    const store = new ProgressStore(dir);
    writeFileSync(store.lockFile, '999999999 0 0.5');
    await store.save({ v: 1 });
    expect(json(store.file)).toEqual({ v: 1 });
    expect(existsSync(store.lockFile)).toBe(false);
  });
});
