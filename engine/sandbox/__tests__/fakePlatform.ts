/**
 * Test helpers for the sandbox pool (sandboxPoolCore.test.ts): a platform whose fake workers run
 * the real task executor in-process, on a clock that moves only when the test moves it, and a
 * small word-count job with a run helper.
 */
import { decodeUtf8, encodeUtf8 } from '../../core';
import { createJobTaskExecutor } from '../jobTaskExecutor';
import { evaluateWithFunction } from '../inProcessRunner';
import { runJob } from '../../api/runJob';
import type { SandboxPost } from '../sandboxMessages';
import type { PoolPlatform, SandboxPoolCore } from '../sandboxPoolCore';

export class FakePlatform implements PoolPlatform {
  size = 2;
  timeoutSeconds: number | null = 20;
  clock = 1_000_000;
  live = 0;
  spawned = 0;
  /** Workers ignore map tasks (they "loop" without a guard). */
  hang = false;
  /** Workers never begin a load (still starting). */
  neverStart = false;
  /** While hanging, a worker first reports that its loop at this line runs (a guard too slow to trip). */
  hangInLoopAt: number | null = null;
  /** Every look at the clock from inside a worker takes this long (a loop burning time). */
  workerMsPerLook = 0;
  /** The most map tasks one worker has had sent and not yet answered, and their most input bytes. */
  maxMapsInFlight = 0;
  maxBytesInFlight = 0;
  /** The number of map tasks in each message sent to a worker. */
  batches: number[] = [];
  /** The most map tasks of each job (by index) one worker has had in flight. */
  maxInFlightByJob = new Map<number, number>();
  sendsViewBytesOnly?: boolean;
  sqlWorkersApart?: boolean;
  /** Per worker spawned: whether it was of the SQL kind. */
  kinds: boolean[] = [];
  /** Per batch sent: the buffers under its tasks' bytes (their total size) and the buffers it transferred. */
  batchBuffers: { bytes: number; buffers: number; transferred: number }[] = [];
  private timers: { at: number; fire: () => void; cancelled: boolean }[] = [];

  now = () => this.clock;
  log() {}
  startTimer(ms: number, fire: () => void) {
    const timer = { at: this.clock + ms, fire, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }
  /** Moves the wall clock on, firing the timers that fall due. */
  advance(ms: number) {
    this.clock += ms;
    for (const t of this.timers.filter((t) => !t.cancelled && t.at <= this.clock)) {
      t.cancelled = true;
      t.fire();
    }
  }
  get activeTimers() {
    return this.timers.filter((t) => !t.cancelled).length;
  }
  spawn(onMessage: (reply: SandboxPost) => void, _onError: (error: Error) => void, sql: boolean) {
    this.kinds.push(sql);
    this.live++;
    this.spawned++;
    let alive = true;
    const maps: number[] = [];
    const jobs: number[] = [];
    const executor = createJobTaskExecutor({
      evaluate: evaluateWithFunction,
      now: () => (this.clock += this.workerMsPerLook),
      lineOffset: 2,
      decodeUtf8,
      post: (m) => {
        // A batch's map answers come packed (packedMapOutputs.ts), each a mapPacked marker.
        for (const r of m.type === 'batch' ? m.replies : [m])
          if (r.type === 'mapDone' || r.type === 'mapPacked' || r.type === 'failed') maps.shift();
        void Promise.resolve().then(() => alive && onMessage(m));
      },
    });
    return {
      post: (m: Parameters<typeof executor.handle>[0], transfer?: ArrayBuffer[]) => {
        if (this.neverStart) return;
        const tasks = m.type === 'map' ? [m] : m.type === 'mapBatch' ? m.tasks : [];
        if (m.type === 'mapBatch') {
          const buffers = new Set(m.tasks.map((t) => t.task.bytes.buffer));
          this.batchBuffers.push({
            bytes: [...buffers].reduce((a, b) => a + b.byteLength, 0),
            buffers: buffers.size,
            transferred: transfer?.length ?? 0,
          });
        }
        for (const t of tasks) {
          maps.push(t.task.bytes.length);
          jobs.push(t.task.jobIndex);
        }
        for (const j of new Set(jobs))
          this.maxInFlightByJob.set(j, Math.max(this.maxInFlightByJob.get(j) ?? 0, jobs.filter((x) => x === j).length));
        this.maxMapsInFlight = Math.max(this.maxMapsInFlight, maps.length);
        this.maxBytesInFlight = Math.max(
          this.maxBytesInFlight,
          maps.reduce((a, b) => a + b, 0),
        );
        if (tasks.length > 0) this.batches.push(tasks.length);
        if (this.hang && tasks.length > 0) {
          const line = this.hangInLoopAt;
          if (line !== null) void Promise.resolve().then(() => alive && onMessage({ type: 'loop', line }));
          return;
        }
        void Promise.resolve().then(() => alive && executor.handle(m));
      },
      terminate: () => {
        if (alive) this.live--;
        alive = false;
      },
    };
  }
}

export const JOB = `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/count', numReduceTasks: 2,
  map(offset, line, ctx) { for (const w of line.split(' ')) ctx.write(w, 1); },
  reduce(word, ones, ctx) { let n = 0; for (const one of ones) { __clusterlabLoopGuard(2); n += one; } ctx.write(word, n); } };`;
// Line 2 of this job loops for ever, guarded as compileJobSource guards it.
export const RUNAWAY = `exports.default = { kind: 'mapreduce', input: '/in/words.txt', output: '/out/count', numReduceTasks: 1,
  map(offset, line, ctx) { let i = 0; while (i >= 0) { __clusterlabLoopGuard(2); i++; } },
  reduce(word, ones, ctx) { ctx.write(word, [...ones].length); } };`;
export const words = encodeUtf8(
  Array.from({ length: 400 }, (_, i) => `w${i % 7} w${i % 3} w${i % 5}`).join('\n') + '\n',
);

export function runOn(pool: SandboxPoolCore, code = JOB, blockSize = 1024, input = words) {
  return runJob({
    source: { fileName: 'count.js', code },
    runner: pool,
    cluster: 'classroom',
    seed: 1,
    blockSize,
    files: [{ path: '/in/words.txt', bytes: input }],
    snapshots: false,
  });
}

/** Lets queued replies (microtasks) through. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
