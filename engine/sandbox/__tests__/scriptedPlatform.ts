/**
 * Test helpers for the sandbox pool's checks of its workers' replies: a platform of scripted
 * workers (the test plays their replies), a pool with a job loaded on one, and a Spark run started on it.
 */
import type { SandboxReply, SandboxRequest } from '../sandboxMessages';
import { SandboxPoolCore, type PoolPlatform } from '../sandboxPoolCore';

/** One scripted worker: the test plays its replies. */
export const zeroCounters = {
  mapInputRecords: 0,
  mapOutputRecords: 0,
  mapOutputBytes: 0,
  combineInputRecords: 0,
  combineOutputRecords: 0,
  spills: 0,
  spilledRecords: 0,
};

export class ScriptedPlatform implements PoolPlatform {
  size = 1;
  timeoutSeconds: number | null = 10;
  clock = 0;
  logs: string[] = [];
  workers: {
    reply: (r: unknown) => void;
    posted: Exclude<SandboxRequest, { type: 'mapBatch' }>[];
    batches: Extract<SandboxRequest, { type: 'mapBatch' }>[];
    terminated: boolean;
  }[] = [];
  now = () => this.clock;
  startTimer() {
    return () => {};
  }
  log(text: string) {
    this.logs.push(text);
  }
  spawn(onMessage: (reply: SandboxReply) => void) {
    const worker = {
      reply: (r: unknown) => onMessage(r as SandboxReply),
      posted: [] as Exclude<SandboxRequest, { type: 'mapBatch' }>[],
      batches: [] as Extract<SandboxRequest, { type: 'mapBatch' }>[],
      terminated: false,
    };
    this.workers.push(worker);
    return {
      post: (m: SandboxRequest) => {
        if (m.type === 'mapBatch') worker.batches.push(m);
        else worker.posted.push(m);
        // A worker says when it begins a load (before that, it posts for the run before).
        if (m.type === 'load') worker.reply({ type: 'loading', id: m.id });
      },
      terminate: () => void (worker.terminated = true),
    };
  }
}

/** A pool on one scripted worker, with a job loaded. */
export async function loadedPool() {
  const platform = new ScriptedPlatform();
  const pool = new SandboxPoolCore(platform);
  const loading = pool.load({ fileName: 'job.js', code: '' });
  const worker = platform.workers[0]!;
  worker.reply({ type: 'loaded', id: worker.posted[0]!.id, shape: { kind: 'spark' } });
  await loading;
  return { platform, pool, worker };
}

export async function sparkRun() {
  const { platform, pool, worker } = await loadedPool();
  const driver = pool.runSparkDriver({ catalog: [], readFiles: () => Promise.resolve([]) });
  driver.catch(() => {}); // tests that end the run without awaiting the driver
  await Promise.resolve(); // the pool sends once the burst of requests is queued
  const request = worker.posted[1]!;
  return { platform, pool, worker, driver, request };
}
