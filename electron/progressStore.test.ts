import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProgressStore } from './progressStore';

const folder = () => mkdtempSync(join(tmpdir(), 'clusterlab-progress-'));

describe('ProgressStore', () => {
  it('returns null before anything was saved, then what was saved', async () => {
    const store = new ProgressStore(folder());
    expect(await store.load()).toEqual({ data: null });
    await store.save({ labs: { 'hdfs-blocks': { step: 2 } } });
    expect(await store.load()).toEqual({ data: { labs: { 'hdfs-blocks': { step: 2 } } } });
  });

  it('keeps one backup of the previous version and leaves no temp file', async () => {
    const dir = folder();
    const store = new ProgressStore(dir);
    await store.save({ v: 1 });
    await store.save({ v: 2 });
    expect(JSON.parse(readFileSync(store.backup, 'utf8'))).toEqual({ v: 1 });
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toEqual({ v: 2 });
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'progress.json.bak']);
  });

  it('moves a corrupt file aside with a message and restores the backup', async () => {
    const dir = folder();
    const store = new ProgressStore(dir);
    await store.save({ v: 1 });
    await store.save({ v: 2 });
    writeFileSync(store.file, '{"v": 3, oops');
    const loaded = await store.load();
    expect(loaded.data).toEqual({ v: 1 });
    expect(loaded.recovered).toMatch(
      /could not be read .*moved to .*progress\.json\.corrupt-1.*restored from the backup/,
    );
    expect(readFileSync(join(dir, 'progress.json.corrupt-1'), 'utf8')).toBe('{"v": 3, oops');
    expect(existsSync(store.file)).toBe(false);
  });

  it('serialises overlapping saves: the last one wins and nothing is left behind', async () => {
    const dir = folder();
    const store = new ProgressStore(dir);
    await Promise.all([1, 2, 3, 4, 5].map((v) => store.save({ v })));
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toEqual({ v: 5 });
    expect(JSON.parse(readFileSync(store.backup, 'utf8'))).toEqual({ v: 4 });
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'progress.json.bak']);
  });
});
