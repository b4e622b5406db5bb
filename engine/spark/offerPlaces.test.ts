// An offer below ANY looks only at the free slots where a pending task could run there
// (PendingTasks.placesAt, ExecutorPool.freeSlotsAt). Each run here is compared, trace byte for
// byte, with the same run offering every free slot at every level, as the scheduler did before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import type { RunJobOptions } from '../api/jobTypes';
import type { ClusterSpec, NodeOptions } from '../cluster';
import { PendingTasks } from './pendingTasks';
import { ExecutorPool } from './executorPool';
import { slotsAt } from './slotPool';
import { createRng } from '../core';
import { fakeScheduler, task, taskSet, waits } from './__tests__/fakeSlots';

const DATA: NodeOptions = { roles: ['datanode', 'nodemanager'] };
const COMPUTE: NodeOptions = { roles: ['nodemanager'] };
/** Data on 3 of the 6 nodes of rack r1; 18 more nodes, in two racks, run only executors. */
const FEW_DATANODES: ClusterSpec = {
  name: 'few-datanodes',
  node: { cores: 2, memoryMb: 8192 },
  racks: [
    { nodes: [DATA, COMPUTE, DATA, COMPUTE, DATA, COMPUTE] },
    { nodes: 12, node: { roles: ['nodemanager'] } },
    { nodes: 6, node: { roles: ['nodemanager'] } },
  ],
};

// A cached RDD read again (PROCESS_LOCAL), a union of parallelized data (no preferences) with
// a file's blocks (preferences in rack r1) in one stage, and a task that always throws, caught by the driver.
const JOB = `exports.default = async (sc) => {
  const words = sc.textFile('/data/corpus.txt').flatMap((l) => l.split(/\\s+/)).filter((w) => w).cache();
  const counts = await words.map((w) => [w.length, 1]).reduceByKey((a, b) => a + b, 7).collect();
  const again = await words.map((w) => w[0]).distinct(5).count();
  const mixed = await sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8, 9], 9).map(String).union(sc.textFile('/data/corpus.txt')).count();
  let failed = '';
  try {
    await sc.parallelize([1, 2, 3, 4], 4).map((x) => { if (x === 3) throw new Error('no threes'); return x; }).collect();
  } catch (e) {
    failed = e.message;
  }
  return [counts.length, again, mixed, failed];
};`;

async function run(extra: Partial<RunJobOptions>): Promise<string> {
  const runner = createFunctionRunner();
  try {
    const r = await runJob({
      source: { fileName: 'offers.js', code: JOB },
      runner,
      cluster: FEW_DATANODES,
      seed: 5,
      blockSize: 16 * 1024,
      ...extra,
    });
    expect(r.result).toHaveLength(4);
    return JSON.stringify([r.result, r.trace]);
  } finally {
    await runner.close();
  }
}

/** The run as it is, and the run with every offer looking at every free slot. */
async function bothWays(extra: Partial<RunJobOptions>): Promise<[string, string]> {
  const looked = vi.spyOn(ExecutorPool.prototype, 'freeSlotsAt');
  const fast = await run(extra);
  // The restricted path was taken (the test would compare a run with itself otherwise).
  expect(looked).toHaveBeenCalled();
  vi.restoreAllMocks();
  vi.spyOn(PendingTasks.prototype, 'placesAt').mockReturnValue(null);
  const full = await run(extra);
  return [fast, full];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('offers below ANY look only where pending tasks could run', () => {
  const cases: [string, Partial<RunJobOptions>][] = [
    ['with the default locality waits', {}],
    ['with short locality waits', { sparkConf: { 'spark.locality.wait': '10ms' } }],
    [
      'when a data node dies mid-run and speculation is on',
      {
        sparkConf: { 'spark.speculation': 'true' },
        faults: [
          { atMs: 2_000, kind: 'slowNode', node: 'n1', factor: 6 },
          { atMs: 2_300, kind: 'killNode', node: 'n3' },
        ],
      },
    ],
    [
      'when rack r2 is cut off for a while',
      { faults: [{ atMs: 2_100, kind: 'partitionRack', rack: 'r2', durationMs: 30_000 }] },
    ],
  ];
  it.each(cases)('launches the same attempts in the same slots: %s', async (_name, extra) => {
    const [fast, full] = await bothWays(extra);
    expect(fast).toBe(full);
  });
});

describe('ExecutorPool.freeSlotsAt', () => {
  it('gives the free slots on the places asked, in the order of freeSlots()', async () => {
    const seen: number[] = [];
    const original = ExecutorPool.prototype.freeSlotsAt;
    vi.spyOn(ExecutorPool.prototype, 'freeSlotsAt').mockImplementation(function (this: ExecutorPool, places) {
      const got = original.call(this, places);
      expect(got).toEqual(slotsAt(this.freeSlots(), places));
      seen.push(got.length);
      return got;
    });
    await run({ faults: [{ atMs: 2_300, kind: 'killNode', node: 'n3' }] });
    expect(seen.length).toBeGreaterThan(10);
  });
});

/** Random task sets (preferences on executors only, nodes, both or none; failures) on 9 one-slot nodes. */
function randomSchedule(seed: number): string {
  const rng = createRng(seed);
  const { int } = rng;
  const { kernel, scheduler, nodes } = fakeScheduler();
  const pickNodes = () => Array.from({ length: 1 + int(3) }, () => nodes[int(nodes.length)]!);
  for (let s = 0; s < 1 + int(3); s++) {
    const tasks = Array.from({ length: 1 + int(30) }, (_, i) => {
      const kind = int(4);
      const at = kind === 1 || kind === 3 ? pickNodes() : [];
      const execs = kind === 2 || kind === 3 ? pickNodes().map((n) => `exec-${n}`) : [];
      return task(i, at, 100 + int(4000), execs);
    });
    const failing = new Set(tasks.filter(() => int(6) === 0).map((t) => t.id));
    const spec = taskSet(tasks, {
      id: `s${s}`,
      localityWaitMs: waits([0, 500, 3000][int(3)]!),
      failAttempt: (t, attempt) => (failing.has(t.id) && attempt < 2 ? 'boom' : null),
    });
    kernel.post(int(3) * 1000, () => scheduler.submit(spec));
  }
  kernel.run();
  return JSON.stringify(scheduler.attempts);
}

describe('offers below ANY, by a random schedule', () => {
  it('launch as offering every free slot does, for 60 random sets of tasks', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const fast = randomSchedule(seed);
      const full = vi.spyOn(PendingTasks.prototype, 'placesAt').mockReturnValue(null);
      expect(randomSchedule(seed), `seed ${seed}`).toBe(fast);
      full.mockRestore();
    }
  });
});
