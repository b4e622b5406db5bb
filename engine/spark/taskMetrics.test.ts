import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import type { AttemptRecord, TaskIo } from '../exec/taskTypes';
import { Kernel, Trace, type TraceEvent } from '../core';
import { Cluster, preset, resolveClusterSpec } from '../cluster';
import { interleave, type Slot } from './slotPool';
import { FilteringSlots } from './__tests__/fakeSlots';
import { TaskScheduler } from './taskScheduler';
import { ZERO_COST } from '../exec/taskTypes';
import type { SimTask } from './simTask';

// A word count saved to HDFS, then a parallelized collection counted: HDFS input, a combined
// shuffle, an HDFS output and tasks without preferred locations.
const JOB = `exports.default = async (sc) => {
  const counts = sc.textFile('/in/words.txt', 4).map((w) => [w, 1]).reduceByKey((a, b) => a + b, 3);
  await counts.saveAsTextFile('/out/counts');
  const n = await sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8], 4).map((x) => x * 2).count();
  const cached = sc.textFile('/in/words.txt', 4).cache();
  await cached.count();
  await cached.count();
  return n;
};`;
const words = Array.from({ length: 4000 }, (_, i) => `w${(i * 13) % 101}`).join('\n');

async function run() {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'io.js', code: JOB },
      runner,
      cluster: 'cookbook-9',
      seed: 3,
      blockSize: 8 * 1024,
      files: [{ path: '/in/words.txt', bytes: new TextEncoder().encode(words) }],
      snapshots: false,
    });
  } finally {
    await runner.close();
  }
}

const sum = (as: readonly AttemptRecord[], k: keyof TaskIo) => as.reduce((s, a) => s + a.io[k], 0);

describe("Spark attempts' task metrics (AttemptRecord.io)", () => {
  it('add up to the run metrics, shuffle write equals shuffle read equals the fetched bytes', async () => {
    const report = await run();
    const attempts = report.attempts ?? [];
    const m = report.metrics;
    if (m.kind !== 'spark') throw new Error('not a Spark run');
    const stage = (id: number) => attempts.filter((a) => a.taskSet === `stage-${id}`);
    const ok = (as: AttemptRecord[]) => as.filter((a) => a.status === 'succeeded');
    // Job 0: stage 0 reads the file and writes the shuffle, stage 1 reads it and saves.
    const map = ok(stage(0));
    const reduce = ok(stage(1));
    expect(map.length).toBe(4);
    expect(reduce.length).toBe(3);
    const fileBytes = new TextEncoder().encode(words).length;
    expect(sum(map, 'inputBytes')).toBe(fileBytes);
    expect(sum(map, 'inputRecords')).toBe(4000);
    const written = sum(map, 'shuffleWriteBytes');
    expect(written).toBeGreaterThan(0);
    expect(sum(reduce, 'shuffleReadBytes')).toBe(written);
    expect(sum(map, 'shuffleWriteRecords')).toBe(sum(reduce, 'shuffleReadRecords'));
    // One record per key and map (a map-side combine): at most 101 keys in each of 4 maps.
    expect(sum(reduce, 'shuffleReadRecords')).toBeLessThanOrEqual(4 * 101);
    const fetched = report.trace.filter((e) => e.type === 'shuffleFetched').reduce((s, e) => s + e.bytes, 0);
    expect(sum(reduce, 'shuffleReadBytes')).toBe(fetched);
    expect(sum(attempts, 'shuffleReadBytes')).toBe(m.shuffleBytes);
    expect(sum(attempts, 'shuffleRemoteBytes')).toBe(m.shuffleBytesRemote);
    // HDFS input of every attempt = the run's bytes read (cached reads are input too, not HDFS).
    const lastJob = report.trace.filter((e) => e.type === 'jobSubmitted').at(-1)!;
    const hdfs = attempts.filter((a) => a.taskSet !== `stage-${lastJob.stages![0]}`);
    expect(sum(hdfs, 'inputBytes')).toBe(m.bytesReadLocal + m.bytesReadRemote);
    expect(sum(hdfs, 'inputBytes')).toBe(2 * fileBytes);
    // saveAsTextFile's output: the part files' records are the distinct words.
    expect(sum(reduce, 'outputRecords')).toBe(101);
    expect(sum(reduce, 'outputBytes')).toBeGreaterThan(0);
    expect(sum(map, 'outputBytes')).toBe(0);
  });

  it('the cached count reads its input from the cache; parallelized tasks have NO_PREF and no input', async () => {
    const report = await run();
    const attempts = report.attempts ?? [];
    const jobStages = report.trace.filter((e) => e.type === 'jobSubmitted').map((e) => e.stages ?? []);
    const [, parallel, , again] = jobStages;
    const par = attempts.filter((a) => a.taskSet === `stage-${parallel![0]}`);
    expect(par.map((a) => a.locality)).toEqual(['NO_PREF', 'NO_PREF', 'NO_PREF', 'NO_PREF']);
    expect(sum(par, 'inputBytes')).toBe(0);
    const m = report.metrics;
    if (m.kind !== 'spark') throw new Error('not a Spark run');
    expect(m.counters.NO_PREF_TASKS).toBe(attempts.filter((a) => a.locality === 'NO_PREF').length);
    const second = attempts.filter((a) => a.taskSet === `stage-${again![0]}`);
    expect(second.every((a) => a.locality === 'PROCESS_LOCAL')).toBe(true);
    expect(sum(second, 'inputRecords')).toBe(4000);
    expect(sum(second, 'inputBytes')).toBeGreaterThan(0);
  });
});

/** One slot per node, free again when its attempt ends. */
class Slots extends FilteringSlots {
  private free: Map<string, Slot[]>;
  constructor(nodes: Cluster['nodes']) {
    super();
    this.free = new Map(nodes.map((n) => [n.id, [{ id: `${n.id}/0`, node: n, executor: `exec-${n.id}` }]]));
  }
  freeSlots(): Slot[] {
    return interleave([...this.free.values()]);
  }
  take(slot: Slot): void {
    this.free.set(slot.node.id, []);
  }
  give(slot: Slot): void {
    this.free.set(slot.node.id, [slot]);
  }
  startupMs(): number {
    return 0;
  }
  nodeDied(node: string): void {
    this.free.set(node, []);
  }
}

describe('NO_PREF in delay scheduling (TaskSetManager)', () => {
  it('runs tasks without preferences at once, while a task with a preference still waits for its node', () => {
    const kernel = new Kernel();
    const trace = new Trace<TraceEvent>();
    const cluster = new Cluster(resolveClusterSpec(preset('two-racks')), kernel, trace);
    const scheduler = new TaskScheduler(kernel, cluster, new Slots(cluster.nodes), trace);
    const busy = (id: string, nodes: string[], ms: number): SimTask => ({
      id,
      index: Number(id.slice(1)),
      preferredNodes: nodes,
      cost: () => ({ ...ZERO_COST, compute: ms }),
    });
    const wait = 3000;
    // n1 is busy for 1 s with t0; t1 wants n1 too; t2 and t3 want nothing.
    scheduler.submit({
      id: 's',
      tasks: [busy('t0', ['n1'], 1000), busy('t1', ['n1'], 500), busy('t2', [], 500), busy('t3', [], 500)],
      maxAttempts: 1,
      localityWaitMs: { process: wait, node: wait, rack: wait },
      speculation: null,
      onTaskFinished: () => {},
      onFinished: () => {},
    });
    kernel.run();
    const by = new Map(scheduler.attempts.map((a) => [a.task, a]));
    expect(by.get('t2')).toMatchObject({ locality: 'NO_PREF', start: 0 });
    expect(by.get('t3')).toMatchObject({ locality: 'NO_PREF', start: 0 });
    // t1 waits (spark.locality.wait) for n1, which frees at 1 s: it runs NODE_LOCAL there.
    expect(by.get('t1')).toMatchObject({ locality: 'NODE_LOCAL', node: 'n1', start: 1000 });
  });
});
