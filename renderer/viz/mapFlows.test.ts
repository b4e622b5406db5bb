import { describe, expect, it } from 'vitest';
import type { JobRunReport, RunEvent } from '../../engine/api';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../../labs/runStep';
import type { HdfsRunReport } from '../../labs/labTypes';
import hdfsBlocksLab from '../../labs/hdfs-blocks/lab';
import iotAveragesLab from '../../labs/mapreduce-iot-averages/lab';
import sparkInMemoryLab from '../../labs/spark-in-memory/lab';
import { deriveMapFlows, type MapFlow } from './mapFlows';
import { MapFlowIndex } from './mapFlowIndex';

const runner = createFunctionRunner();
const sum = (flows: readonly MapFlow[]) => flows.reduce((s, f) => s + f.bytes, 0);
const nodesOf = (r: { snapshots: unknown }, final?: { racks: { id: string; nodes: string[] }[] }) => {
  const snap = final ?? (r.snapshots as { racks: { id: string; nodes: string[] }[] }[])[0]!;
  return snap.racks.flatMap((rack) => rack.nodes.map((id) => ({ id, rack: rack.id })));
};
const ofType = <T extends RunEvent['type']>(trace: readonly RunEvent[], type: T) =>
  trace.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);

async function job(
  lab: typeof iotAveragesLab,
  step: number,
  faults = [] as { atMs: number; kind: 'killNode'; node: string }[],
) {
  const o = await runStep({ lab, stepIndex: step, source: lab.steps[step]!.solution, runner, faults });
  return o.report as JobRunReport;
}

/** Flows active at t by brute force: every flow whose interval contains t. */
const bruteActive = (flows: readonly MapFlow[], t: number) => flows.filter((f) => f.start <= t && t < f.end);

describe('deriveMapFlows', () => {
  it('MapReduce: shuffle bytes equal the trace and the counters, remote reads equal the read counter', async () => {
    const report = await job(iotAveragesLab, 2);
    const flows = deriveMapFlows(report.trace, nodesOf(report));
    const shuffle = flows.filter((f) => f.kind === 'shuffle');
    expect(shuffle.length).toBeGreaterThan(0);
    expect(sum(shuffle)).toBe(
      sum(
        ofType(report.trace, 'shuffleFetched').map((e) => ({
          ...e,
          start: 0,
          end: 0,
          scope: 'local',
          kind: 'shuffle',
        })),
      ),
    );
    expect(sum(shuffle.filter((f) => f.from !== f.to))).toBe(report.metrics.shuffleBytesRemote);
    expect(sum(shuffle.filter((f) => f.from === f.to))).toBe(report.metrics.shuffleBytesLocal);
    const reads = flows.filter((f) => f.kind === 'read');
    expect(sum(reads)).toBe(report.metrics.bytesReadRemote);
    // Each fetch lies inside its reducer's shuffle phase, and fetches of one attempt follow one another.
    for (const f of shuffle) expect(f.end).toBeGreaterThanOrEqual(f.start);
    // The job's part files go down their write pipelines.
    expect(flows.some((f) => f.kind === 'write')).toBe(true);
  });

  it('places a remote read inside its attempt’s read phase, from another node', async () => {
    const report = await job(iotAveragesLab, 2);
    const reads = deriveMapFlows(report.trace, nodesOf(report)).filter((f) => f.kind === 'read');
    for (const f of reads) {
      const a = report.attempts.find(
        (x) =>
          x.node === f.to &&
          x.start + x.cost.startup <= f.start + 1e-6 &&
          f.end <= x.start + x.cost.startup + x.cost.read + 1e-6,
      );
      expect(a, `${f.from}->${f.to} at ${f.start}`).toBeDefined();
      // A NODE_LOCAL split may still end in a block stored elsewhere (its last record crosses the boundary).
      expect(f.from).not.toBe(f.to);
    }
  });

  it('Spark: shuffle bytes equal the trace’s fetches, each inside its task’s shuffle-read phase', async () => {
    const report = await job(sparkInMemoryLab as typeof iotAveragesLab, 2);
    const flows = deriveMapFlows(report.trace, nodesOf(report));
    const shuffle = flows.filter((f) => f.kind === 'shuffle');
    expect(shuffle.length).toBeGreaterThan(0);
    expect(sum(shuffle)).toBe(ofType(report.trace, 'shuffleFetched').reduce((s, e) => s + e.bytes, 0));
    expect(sum(flows.filter((f) => f.kind === 'read'))).toBe(report.metrics.bytesReadRemote);
  });

  it('HDFS: a killed DataNode’s blocks are re-replicated source -> target, and the put goes down its pipeline', async () => {
    const o = await runStep({ lab: hdfsBlocksLab, stepIndex: 2, source: hdfsBlocksLab.steps[2]!.solution });
    const report = o.report as HdfsRunReport;
    const flows = deriveMapFlows(report.trace, nodesOf(report, report.final));
    const rep = flows.filter((f) => f.kind === 'replication');
    const done = ofType(report.trace, 'blockReplicated');
    expect(done.length).toBeGreaterThan(0);
    expect(rep).toHaveLength(done.length);
    expect(sum(rep)).toBe(done.reduce((s, e) => s + e.bytes, 0));
    for (const e of done) expect(rep.some((f) => f.end === e.t && f.from === e.from && f.to === e.to)).toBe(true);
    const allocated = ofType(report.trace, 'blockAllocated');
    const writes = flows.filter((f) => f.kind === 'write');
    // Two hops per block of three replicas (a writer on the first DataNode's node adds a same-node hop).
    expect(sum(writes.filter((f) => f.from !== f.to))).toBe(
      allocated.reduce((s, e) => s + e.bytes * (e.replicas.length - 1), 0),
    );
    // The put takes no simulated time (the log says the file is written at 0 s, and every replica is
    // shown from then): its hops are drawn at that instant, not as transfers still running seconds later.
    const written = ofType(report.trace, 'fileWritten').find((e) => e.path === '/data/big.bin')!;
    for (const f of writes) expect([f.start, f.end]).toEqual([written.t, written.t]);
  });

  it('the index gives exactly the flows whose interval contains t, forward and backward', async () => {
    const report = await job(iotAveragesLab, 2, [{ atMs: 1500, kind: 'killNode', node: 'n2' }]);
    const flows = deriveMapFlows(report.trace, nodesOf(report));
    const index = new MapFlowIndex(flows);
    const key = (f: MapFlow) => `${f.kind}|${f.from}|${f.to}|${f.start}|${f.end}|${f.bytes}`;
    const times = [...new Set(flows.flatMap((f) => [f.start, f.end, (f.start + f.end) / 2]))].sort((a, b) => a - b);
    for (const t of [...times, ...times.slice().reverse()]) {
      expect(index.activeAt(t).map(key).sort()).toEqual(bruteActive(flows, t).map(key).sort());
    }
    expect(bruteActive(flows, -1)).toHaveLength(0);
    // Lingering: a flow that ended 5 ms ago is drawn fading within a 10 ms window, not within 1 ms.
    const f = flows.find((x) => x.end > x.start)!;
    const pairsAfter = (linger: number) =>
      index.pairs(f.end + 5, linger, (n) => n).filter((p) => p.key === `${f.from}>${f.to}`);
    expect(pairsAfter(10)[0]?.fade ?? 0).toBeGreaterThan(0);
  });
});
