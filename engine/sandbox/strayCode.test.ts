// Code a run leaves running in a reused worker (a callback the browser or V8 calls after its run
// ended) must not reach a later run: not its console, not the pool's protocol (a request of an
// ended driver), and the worker it ran in is not reused. Here the "late callback" is called by the
// next run's own top level, in the same workers, as if it fired just then.
import { afterEach, describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from '../core';
import { evaluateWithFunction } from './inProcessRunner';
import { createJobTaskExecutor } from './jobTaskExecutor';
import { runJob } from '../api/runJob';
import type { SandboxPost } from './sandboxMessages';
import { SandboxPoolCore, type PoolPlatform } from './sandboxPoolCore';

/** Workers that run the real executor in-process (each message a microtask later). */
class InlinePlatform implements PoolPlatform {
  size = 2;
  timeoutSeconds = null;
  spawned = 0;
  lines: string[] = [];
  posted: SandboxPost[] = [];
  executors: ReturnType<typeof createJobTaskExecutor>[] = [];
  /** Called in a worker just before it begins a load (as if a leftover callback ran then). */
  beforeLoad: (() => void) | null = null;
  now = () => 0;
  log = (text: string) => void this.lines.push(text);
  startTimer = () => () => {};
  spawn(onMessage: (reply: SandboxPost) => void) {
    this.spawned++;
    let alive = true;
    const executor = createJobTaskExecutor({
      evaluate: evaluateWithFunction,
      now: () => 0,
      lineOffset: 2,
      decodeUtf8,
      post: (m) => {
        this.posted.push(m);
        void Promise.resolve().then(() => alive && onMessage(m));
      },
    });
    this.executors.push(executor);
    return {
      post: (m: Parameters<typeof executor.handle>[0]) =>
        void Promise.resolve().then(() => {
          if (alive && m.type === 'load') this.beforeLoad?.();
          if (alive) executor.handle(m);
        }),
      terminate: () => {
        alive = false;
      },
    };
  }
}

const held = globalThis as { strayConsole?: Console[]; straySc?: unknown[] };
afterEach(() => {
  delete held.strayConsole;
  delete held.straySc;
});

/** A word count whose top level runs `top` first. */
const countWith = (top: string) => `${top}
exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/count', numReduceTasks: 1,
  map(offset, line, ctx) { for (const w of line.split(' ')) ctx.write(w, 1); },
  reduce(word, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(word, n); } };`;
/** Keeps each worker's console, as a callback that outlives the run would. */
const LEAVES_CONSOLE = countWith(`(globalThis.strayConsole ??= []).push(console);`);
/** Calls every kept console, then prints its own line. */
const CALLS_LEFT_CONSOLE = countWith(
  `for (const c of globalThis.strayConsole) c.log('LATE LINE'); console.log('MY LINE');`,
);

function runOn(pool: SandboxPoolCore, code: string, fileName: string) {
  return runJob({
    source: { fileName, code },
    runner: pool,
    cluster: 'classroom',
    seed: 1,
    blockSize: 1024,
    files: [{ path: '/in/words.txt', bytes: encodeUtf8('a b a\nc a b\n') }],
    snapshots: false,
  });
}

describe('code a run leaves running in a reused worker', () => {
  it('prints nothing in a later run, and its workers are not reused', async () => {
    const platform = new InlinePlatform();
    const pool = new SandboxPoolCore(platform);
    await runOn(pool, LEAVES_CONSOLE, 'first.js');
    expect(platform.spawned).toBe(2);
    platform.lines = [];
    const second = await runOn(pool, CALLS_LEFT_CONSOLE, 'second.js');
    expect(second.result).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
    expect(platform.lines).toEqual(['MY LINE']);
    // Both workers ran the stray code: both were retired when the second run ended.
    expect(platform.posted.filter((m) => m.type === 'stray')).toHaveLength(2);
    expect(pool.liveWorkers).toBe(0);
    const third = await runOn(pool, countWith(''), 'third.js');
    expect(third.result).toEqual(second.result);
    expect(platform.spawned).toBe(4);
    expect(pool.liveWorkers).toBe(2);
  });

  it('prints nothing in the next run when it runs before the worker began that run (the pool has)', async () => {
    const platform = new InlinePlatform();
    const pool = new SandboxPoolCore(platform);
    await runOn(pool, LEAVES_CONSOLE, 'first.js');
    platform.lines = [];
    // In each worker, the first run's console is still its current one.
    platform.beforeLoad = () => held.strayConsole!.shift()?.log('GAP LINE');
    const second = await runOn(pool, countWith(`console.log('MY LINE');`), 'second.js');
    expect(second.result).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
    expect(platform.lines).toEqual(['MY LINE']);
    expect(pool.liveWorkers).toBe(0);
  });

  it("draws nothing from a later run's chance", async () => {
    const drawing = (top: string) => countWith(top).replace('ctx.write(w, 1)', 'ctx.write(w, Math.random())');
    const keeps = drawing(`(globalThis.strayRandom ??= []).push(() => Math.random());`);
    const clean = await runOn(new SandboxPoolCore(new InlinePlatform()), drawing(''), 'draws.js');
    const platform = new InlinePlatform();
    const pool = new SandboxPoolCore(platform);
    await runOn(pool, keeps, 'draws.js');
    // The first run's code draws while the next run's tasks draw (as between a driver's awaits).
    const next = await runOn(
      pool,
      drawing('').replace('ctx.write(w, Math.random())', '(globalThis.strayRandom[0](), ctx.write(w, Math.random()))'),
      'draws.js',
    );
    expect(next.result).toEqual(clean.result);
    delete (globalThis as { strayRandom?: unknown }).strayRandom;
  });

  it('keeps the workers of ordinary runs (nothing is taken for leftover code)', async () => {
    const platform = new InlinePlatform();
    const pool = new SandboxPoolCore(platform);
    const spark = `exports.default = async (sc) => {
  const words = sc.textFile('/in/words.txt').flatMap((l) => l.split(' '));
  console.log('lines', await sc.textFile('/in/words.txt').count());
  return await words.map((w) => [w, 1]).reduceByKey((a, b) => a + b, 3).collect();
};`;
    for (const code of [spark, countWith(`console.log('top');`), spark]) await runOn(pool, code, 'job.js');
    expect(platform.posted.filter((m) => m.type === 'stray')).toHaveLength(0);
    expect(platform.spawned).toBe(2);
    expect(pool.liveWorkers).toBe(2);
  });

  it('a Spark driver left behind posts no request into a later run', async () => {
    const platform = new InlinePlatform();
    platform.size = 1;
    const pool = new SandboxPoolCore(platform);
    const keepsSc = `exports.default = async (sc) => { (globalThis.straySc ??= []).push(sc); return 1; };`;
    await runOn(pool, keepsSc, 'driver.js');
    // The kept driver reads a file and counts (a host request, progress) while the next run runs.
    const callsLeftDriver = countWith(`void globalThis.straySc[0].textFile('/in/words.txt').count();`);
    const next = await runOn(pool, callsLeftDriver, 'next.js');
    expect(next.result).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
    expect(platform.posted.filter((m) => m.type === 'hostRequest')).toHaveLength(0);
    expect(platform.posted.filter((m) => m.type === 'stray')).toHaveLength(1);
    expect(pool.liveWorkers).toBe(0);
  });

  it('a worker that says so between runs (an error its callback threw) is retired at once', async () => {
    const platform = new InlinePlatform();
    platform.size = 1;
    const pool = new SandboxPoolCore(platform);
    await runOn(pool, LEAVES_CONSOLE, 'first.js');
    expect(pool.liveWorkers).toBe(1);
    platform.executors[0]!.stray();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pool.liveWorkers).toBe(0);
    await runOn(pool, countWith(''), 'next.js');
    expect(platform.spawned).toBe(2);
  });
});
