// The CLI's spool folder (cli/spoolFolder.ts): made where it can be, and the folders of CLIs that
// were killed removed by the next, but never a live one's, nor one of a process it cannot see.
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as folderModule from './spoolFolder';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

let copies = 0;
/** A fresh copy of the module (its folder not made yet). */
async function freshModule(): Promise<typeof folderModule> {
  return (await import(/* @vite-ignore */ `./spoolFolder?fresh=${++copies}`)) as typeof folderModule;
}

describe('the spool folder', () => {
  it('is made once, named for its process, and removed, after which nothing is spooled', async () => {
    const m = await freshModule();
    const dir = m.spoolFolder()!;
    made.push(dir);
    expect(dir).toMatch(new RegExp(`${m.SPOOL_PREFIX}${m.pidNamespace()}-${process.pid}-`));
    expect(m.spoolFolder()).toBe(dir);
    expect(m.spoolHasRoom(1024)).toBe(true);
    expect(m.spoolHasRoom(Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(m.isSpoolFileOf(join(dir, 'child1-0'), process.pid)).toBe(true);
    expect(m.isSpoolFileOf(join(dir, 'child1-0'), process.pid + 1)).toBe(false);
    expect(m.isSpoolFileOf(join(dir, '..', 'child1-0'), process.pid)).toBe(false);
    expect(m.isSpoolFileOf('/home/someone/clusterlab-notes/child1-0', process.pid)).toBe(false);
    m.removeSpoolFolder();
    expect(existsSync(dir)).toBe(false);
    expect(m.spoolFolder()).toBe(null);
  });

  it("removes a dead process's folder of its own PID namespace and any older than a day, nothing else", async () => {
    const m = await freshModule();
    const probe = m.spoolFolder()!;
    const base = join(probe, '..');
    m.removeSpoolFolder();
    const ns = m.pidNamespace();
    const at = (name: string) => join(base, `${m.SPOOL_PREFIX}${name}`);
    const dead = at(`${ns}-999999999-a`);
    const live = at(`${ns}-${process.pid}-b`);
    const otherNamespace = at(`${Number(ns) + 1}-999999999-c`);
    const oldOtherNamespace = at(`${Number(ns) + 1}-999999998-d`);
    const plainFile = at(`${ns}-999999997-e`);
    for (const dir of [dead, live, otherNamespace, oldOtherNamespace]) mkdirSync(dir, { recursive: true });
    writeFileSync(plainFile, 'not a folder');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(oldOtherNamespace, twoDaysAgo, twoDaysAgo);
    made.push(live, otherNamespace, plainFile, dead, oldOtherNamespace);
    const next = await freshModule();
    made.push(next.spoolFolder()!);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(oldOtherNamespace)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(otherNamespace)).toBe(true);
    expect(existsSync(plainFile)).toBe(true);
  });
});
