// kill -9 during saves: a child Node process loads the store and saves in a loop; it is killed
// with SIGKILL at (seeded) random moments, then the files are checked: the main file and the
// backup both parse, the main file holds at least the last save the child reported done, and
// the backup holds the state before it (or the same state, when
// the kill fell between the backup's rename and the main file's). CLUSTERLAB_KILL_ROUNDS sets the rounds (default 100).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ProgressStore } from './progressStore';

const ROUNDS = Number(process.env.CLUSTERLAB_KILL_ROUNDS ?? 100);

const CHILD = `
const { ProgressStore } = require(process.argv[1]);
const store = new ProgressStore(process.argv[2]);
(async () => {
  const loaded = await store.load();
  if (loaded.recovered) process.stdout.write('recovered ' + loaded.recovered + '\\n');
  let n = loaded.data ? loaded.data.n : 0;
  process.stdout.write('ready\\n');
  for (;;) {
    n += 1;
    await store.save({ n, pad: 'x'.repeat(20000 + (n % 7) * 1000) });
    process.stdout.write('saved ' + n + '\\n');
  }
})();
`;

/** A small seeded generator, so a failing round can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function bundleStore(dir: string): Promise<string> {
  const out = join(dir, 'progressStore.cjs');
  await build({
    entryPoints: [join(__dirname, 'progressStore.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  return out;
}

/**
 * One round: start the child, kill it `delayMs` after it is ready (or, with `afterFirstSave`, after
 * it reported its first save, so the round surely saved something however loaded the machine is);
 * the last save it reported.
 */
function round(
  bundle: string,
  folder: string,
  delayMs: number,
  afterFirstSave: boolean,
): Promise<{ lastSaved: number; recovered: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD, bundle, folder], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lastSaved = 0;
    const recovered: string[] = [];
    let buffer = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready' && !afterFirstSave) arm();
        else if (line.startsWith('saved ')) {
          lastSaved = Number(line.slice(6));
          arm();
        } else if (line.startsWith('recovered ')) recovered.push(line);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ lastSaved, recovered }));
  });
}

const parse = (file: string): { n: number } | 'unreadable' | null => {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { n: number };
  } catch {
    return 'unreadable';
  }
};

describe('ProgressStore under kill -9', () => {
  it(`loses nothing in ${ROUNDS} rounds of SIGKILL during saves`, { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterlab-kill-'));
    const bundle = await bundleStore(dir);
    const folder = join(dir, 'userData');
    const random = rng(20261128);
    const losses: string[] = [];
    let acknowledged = 0;
    let killedMidSave = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const { lastSaved, recovered } = await round(bundle, folder, Math.floor(random() * 25), i % 2 === 1);
      acknowledged = Math.max(acknowledged, lastSaved);
      const main = parse(join(folder, 'progress.json'));
      const backup = parse(join(folder, 'progress.json.bak'));
      if (recovered.length) losses.push(`round ${i}: ${recovered.join('; ')}`);
      // No file yet is no loss while nothing was reported saved (a loaded machine may kill the first round early).
      if (main === 'unreadable' || (main === null && acknowledged > 0))
        losses.push(`round ${i}: main file ${main ?? 'missing'}`);
      else if (main === null) continue;
      else if (main.n < acknowledged) losses.push(`round ${i}: main has ${main.n}, ${acknowledged} was saved`);
      if (backup === 'unreadable') losses.push(`round ${i}: backup unreadable`);
      // Killed between the backup's rename and the main file's: the backup already equals the main file.
      else if (backup && typeof main === 'object' && main && backup.n !== main.n - 1 && backup.n !== main.n)
        losses.push(`round ${i}: backup has ${backup.n}, main ${main.n}`);
      if (typeof main === 'object' && main && main.n > acknowledged) killedMidSave++;
    }
    const loaded = await new ProgressStore(folder).load();
    expect(loaded.recovered).toBeUndefined();
    expect(losses).toEqual([]);
    // Every other round kills only after a reported save, so the child really saved between kills.
    expect(acknowledged).toBeGreaterThanOrEqual(Math.floor(ROUNDS / 2));
    console.info(
      `kill -9: ${ROUNDS} rounds, ${losses.length} losses, ${acknowledged} saves, ${killedMidSave} saves landed but killed before reporting`,
    );
  });
});
