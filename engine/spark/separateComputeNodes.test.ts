import { describe, expect, it } from 'vitest';
import type { ClusterSpec, NodeOptions } from '../cluster';
import { runInProcess } from '../api/__tests__/runInProcess';
import type { JobRunReport, RunEventOf, RunEventType, RunJobOptions } from '../api/jobTypes';

// Word count over the sample corpus: a stage reading HDFS blocks, then a shuffle.
const JOB = `exports.default = async (sc) => {
  const counts = sc.textFile('/data/corpus.txt').flatMap((l) => l.split(/\\s+/)).filter((w) => w).map((w) => [w, 1]).reduceByKey((a, b) => a + b);
  return counts.sortBy((p) => -p[1]).take(3);
};`;

const DN: NodeOptions = { roles: ['datanode'] };
const NM: NodeOptions = { roles: ['nodemanager'] };
const machine = { cores: 4, memoryMb: 8192, diskMBps: 100 };
const costs = { dataScale: 100 };

/** Spark workers on the DataNodes (Cookbook 20.2.10, Figure 20.5): six nodes, both roles, two racks. */
const COLOCATED: ClusterSpec = { name: 'colocated', node: machine, racks: [{ nodes: 3 }, { nodes: 3 }], costs };
/** The same six machines: three DataNodes on one rack, three Spark workers (NodeManagers) on the other. */
const SEPARATE: ClusterSpec = {
  name: 'separate',
  node: machine,
  racks: [
    { nodes: 3, node: DN },
    { nodes: 3, node: NM },
  ],
  costs,
};
/** Three DataNode-only and three NodeManager-only nodes, a pair on each of three racks. */
const PAIRED: ClusterSpec = {
  name: 'paired',
  node: machine,
  racks: [{ nodes: [DN, NM] }, { nodes: [DN, NM] }, { nodes: [DN, NM] }],
  costs,
};

function run(cluster: ClusterSpec, extra: Partial<RunJobOptions> = {}): Promise<JobRunReport> {
  return runInProcess({ source: { fileName: 'wc.js', code: JOB }, cluster, seed: 11, blockSize: 256 * 1024, ...extra });
}

/** The tasks of the first stage (they read the HDFS blocks) by locality level. */
function inputLocality(report: JobRunReport): Record<string, number> {
  const first = report.attempts[0]!.taskSet;
  const out: Record<string, number> = {};
  for (const a of report.attempts) if (a.taskSet === first) out[a.locality] = (out[a.locality] ?? 0) + 1;
  return out;
}

const networkBytes = (r: JobRunReport) => r.metrics.bytesReadRemote + r.metrics.shuffleBytesRemote;
const ofType = <T extends RunEventType>(r: JobRunReport, type: T) =>
  r.trace.filter((e): e is RunEventOf<T> => e.type === type);

describe('Spark workers on the DataNodes versus on separate machines', () => {
  it('reads blocks NODE_LOCAL on the DataNodes; on separate machines never, and moves more bytes', async () => {
    const together = await run(COLOCATED);
    const apart = await run(SEPARATE);
    expect(apart.result).toEqual(together.result);
    const blocks = together.attempts.filter((a) => a.taskSet === together.attempts[0]!.taskSet).length;
    expect(blocks).toBeGreaterThan(6);
    expect(inputLocality(together).NODE_LOCAL).toBe(blocks);
    expect(together.metrics.bytesReadRemote).toBe(0);
    // Separate machines: every block crosses the core switch to a worker on the other rack.
    expect(inputLocality(apart)).toEqual({ ANY: blocks });
    expect(apart.metrics.counters).toMatchObject({ NODE_LOCAL_TASKS: 0, RACK_LOCAL_TASKS: 0 });
    expect(apart.metrics.bytesReadLocal).toBe(0);
    expect(apart.metrics.bytesReadRemote).toBe(together.metrics.bytesReadLocal);
    expect(networkBytes(apart)).toBeGreaterThan(networkBytes(together));
    // Executors asked for and run only on the NodeManagers, tasks only there, and the reads take longer.
    expect(ofType(apart, 'containerRequested').flatMap((e) => e.nodes)).toEqual(['n4', 'n5', 'n6']);
    expect(ofType(apart, 'executorAdded').map((e) => e.node)).toEqual(['n4', 'n5', 'n6']);
    expect(new Set(apart.attempts.map((a) => a.node))).toEqual(new Set(['n4', 'n5', 'n6']));
    const readMs = (r: JobRunReport) => r.attempts.reduce((s, a) => s + a.cost.read, 0);
    expect(readMs(apart)).toBeGreaterThan(readMs(together));
    expect(apart.simulatedMs).toBeGreaterThan(together.simulatedMs);
  });

  it('runs tasks RACK_LOCAL beside a DataNode of their block, without waiting spark.locality.wait at NODE_LOCAL', async () => {
    const report = await run(PAIRED);
    const locality = inputLocality(report);
    expect(locality.NODE_LOCAL ?? 0).toBe(0);
    expect(locality.RACK_LOCAL).toBeGreaterThan(0);
    expect(report.metrics.bytesReadLocal).toBe(0);
    // The first stage's tasks start when it is submitted: no executor could ever run one NODE_LOCAL.
    const submitted = ofType(report, 'taskSetSubmitted')[0]!;
    const started = ofType(report, 'taskStarted').filter((e) => e.taskSet === submitted.taskSet);
    expect(started[0]!.t).toBe(submitted.t);
    expect(started.filter((e) => e.locality === 'RACK_LOCAL').every((e) => e.t < submitted.t + 3000)).toBe(true);
  });

  it('keeps running when a Spark worker or a DataNode dies, with the same result', async () => {
    const base = await run(SEPARATE);
    const firstTask = ofType(base, 'taskStarted')[0]!;
    const killed = await run(SEPARATE, {
      faults: [
        { atMs: firstTask.t + 1, kind: 'killNode', node: firstTask.node },
        { atMs: firstTask.t + 1, kind: 'killNode', node: 'n1' },
      ],
    });
    expect(killed.result).toEqual(base.result);
    expect(ofType(killed, 'executorLost').map((e) => e.node)).toEqual([firstTask.node]);
    expect(killed.attempts.every((a) => ['n4', 'n5', 'n6'].includes(a.node))).toBe(true);
    expect(killed.simulatedMs).toBeGreaterThan(base.simulatedMs);
  });

  it('is deterministic: the same seed gives the same trace', async () => {
    const a = await run(SEPARATE);
    const b = await run(SEPARATE);
    expect(JSON.stringify(b.trace)).toBe(JSON.stringify(a.trace));
    expect(JSON.stringify(b.snapshots)).toBe(JSON.stringify(a.snapshots));
  });
});
