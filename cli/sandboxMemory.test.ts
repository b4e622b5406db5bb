// A memory bomb in a job ends its run with the sandbox's memory limit named, not the CLI: each
// sandbox worker is a child process with its own heap limit (CLUSTERLAB_WORKER_MEMORY_MB, here
// 64 MB), loops stop at half of it with their line, one allocation too big for V8 aborts only the
// child, and the child's resident size is watched for ArrayBuffers, which the heap limit does not count.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..', 'scripts', 'clusterlab.mjs');

function runBomb(source: string) {
  const dir = mkdtempSync(join(tmpdir(), 'clusterlab-memory-'));
  const file = join(dir, 'bomb.js');
  writeFileSync(file, source);
  return spawnSync(process.execPath, [CLI, 'run', file, '--timeout', '60'], {
    encoding: 'utf8',
    env: { ...process.env, CLUSTERLAB_WORKER_MEMORY_MB: '64', CLUSTERLAB_WORKERS: '2' },
  });
}

describe('a memory bomb', () => {
  it('in a Spark driver ends the run at its loop with the limit named, exit 1, no stack', { timeout: 120_000 }, () => {
    const r = runBomb('export default async () => { const a = []; for (;;) a.push(new Array(1e5).fill(1)); };\n');
    expect(r.status).toBe(1);
    // Big steps may reach the worker's heap limit between two looks of the loop guard.
    expect(r.stderr).toMatch(
      /bomb\.js:1: RangeError: your code holds more than [\d,]+ MB of data in memory|memory limit of 64 MB/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |node:internal|ERR_WORKER/);
  });

  it('in a map task fails its attempts with the limit named, and the job, exit 1', { timeout: 120_000 }, () => {
    const r = runBomb(
      "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/m', map(o, line, ctx) { const a = []; for (;;) a.push(new Array(1e5).fill(1)); }, reduce(k, v, ctx) {} };\n",
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/holds more than [\d,]+ MB of data in memory|memory limit of 64 MB/);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |node:internal|ERR_WORKER/);
  });

  it(
    'that grows an array by one element per step ends at its loop, not in a V8 abort of the CLI',
    { timeout: 120_000 },
    () => {
      const r = runBomb(
        'export default async () => { const a = []; let i = 0; while (i < 10) a.push(i); return a.length; };\n',
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/bomb\.js:1: RangeError: your code holds more than [\d,]+ MB of data in memory/);
    },
  );

  it('of typed arrays (outside the heap limit) ends with the process limit named', { timeout: 120_000 }, () => {
    const r = runBomb(
      'export default async () => { const keep = []; for (let i = 0; i < 8; i++) { const b = new Uint8Array(256 * 1024 * 1024); for (let j = 0; j < b.length; j += 4096) b[j] = 1; keep.push(b); } return keep.length; };\n',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the sandbox's memory limit of 576 MB, ArrayBuffers and typed arrays included");
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  // V8 ends the whole process when one allocation cannot fit: these once took the CLI down
  // (signal 6, "invalid array length" / CALL_AND_RETRY_LAST), whatever handler it had.
  it.each([
    ['a Spark driver', 'export default async () => new Array(2e8).fill(0).length;\n'],
    ['a Spark driver (Array.from)', 'export default async () => Array.from({ length: 2e8 }).length;\n'],
    [
      'a map task',
      "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/m', map(o, line, ctx) { ctx.write('a', new Array(3e8).fill(1.5).length); }, reduce(k, v, ctx) {} };\n",
    ],
  ])('of one allocation too big for the heap, in %s, ends the run, not the CLI', { timeout: 120_000 }, (_, source) => {
    const r = runBomb(source);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^clusterlab run: job failed: .*bomb\.js: .*memory limit of 64 MB/),
    ]);
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |node:internal|FATAL|Abort/);
  });
});

describe('a streaming scenario that fills memory', () => {
  it('with one allocation too big for the heap ends the run, not the CLI', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterlab-memory-'));
    const file = join(dir, 'alloc.js');
    writeFileSync(
      file,
      "export default { durationMs: 1000, topic: { partitions: 2 }, producers: [{ ratePerSec: 10, generate: () => new Array(2e8).fill(0).length }], process: () => null, sink: 'append', delivery: 'at-least-once' };\n",
    );
    const r = spawnSync(process.execPath, [CLI, 'stream', file, '--timeout', '60'], {
      encoding: 'utf8',
      env: { ...process.env, CLUSTERLAB_WORKER_MEMORY_MB: '64' },
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe(
      'clusterlab stream: alloc.js: the scenario stopped: it used more than its memory limit of 64 MB — does it keep ever more data?\n',
    );
  });

  // `a.push(1)` forever once grew the array to V8's maximum length before the stream worker's
  // heap limit was reached: a native abort of the whole command (exit 133). Scenario loops now
  // look at the heap (cli/heapGuard.ts) and stop at their line; the default limit is the one at risk.
  it('ends at its loop with the memory named, exit 1, one line, no stack', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterlab-memory-'));
    const file = join(dir, 'push.js');
    writeFileSync(
      file,
      "export default { durationMs: 1000, topic: { partitions: 2 }, producers: [{ ratePerSec: 10, generate: () => { const a = []; for (;;) a.push(1); } }], process: () => null, sink: 'append', delivery: 'at-least-once' };\n",
    );
    const r = spawnSync(process.execPath, [CLI, 'stream', file, '--timeout', '60'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      /^clusterlab stream: push\.js:1: producers\[0\]\.generate: threw your code holds more than [\d,]+ MB of data in memory/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('that outgrows the heap limit itself ends with the limit named', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterlab-memory-'));
    const file = join(dir, 'big.js');
    writeFileSync(
      file,
      "export default { durationMs: 1000, topic: { partitions: 2 }, producers: [{ ratePerSec: 10, generate: () => { const a = []; for (;;) a.push(new Array(1e6).fill(1)); } }], process: () => null, sink: 'append', delivery: 'at-least-once' };\n",
    );
    const r = spawnSync(process.execPath, [CLI, 'stream', file, '--timeout', '60'], {
      encoding: 'utf8',
      env: { ...process.env, CLUSTERLAB_WORKER_MEMORY_MB: '256' },
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/big\.js.*(memory limit of 256 MB|holds more than [\d,]+ MB of data in memory)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
