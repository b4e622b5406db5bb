import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import type { RunJobOptions } from '../api/jobTypes';
import type { TraceEvent } from '../core';

const runner = createFunctionRunner;

// Word count, then the top words from the same counts: the second job finds the reduceByKey
// shuffle output still there, so that stage is skipped (Spark reuses shuffle files).
const JOB = `exports.default = async (sc) => {
  const counts = sc.textFile('/data/corpus.txt', 6).flatMap((l) => l.split(/\\s+/)).filter((w) => w).map((w) => [w, 1]).reduceByKey((a, b) => a + b);
  const n = await counts.count();
  const top = await counts.sortBy((p) => -p[1]).take(3);
  return [n, top];
};`;

async function run(extra: Partial<RunJobOptions> = {}) {
  const r = runner();
  try {
    return await runJob({
      source: { fileName: 'wc.js', code: JOB },
      runner: r,
      cluster: 'cookbook-9',
      seed: 5,
      blockSize: 256 * 1024,
      ...extra,
    });
  } finally {
    await r.close();
  }
}
const ofType = (trace: TraceEvent[], type: string) => trace.filter((e) => e.type === type);

describe('Spark on the engine core', () => {
  it('runs executors in YARN containers, reads HDFS blocks locally and records stages and shuffle fetches', async () => {
    const report = await run();
    const t = report.trace;
    expect(ofType(t, 'executorAdded').length).toBe(9);
    expect(ofType(t, 'containerAllocated').length).toBe(9);
    expect(ofType(t, 'stageSubmitted').length).toBeGreaterThan(0);
    expect(ofType(t, 'stageCompleted').length).toBe(ofType(t, 'stageSubmitted').length);
    expect(ofType(t, 'stageSkipped').length).toBeGreaterThan(0);
    expect(ofType(t, 'shuffleFetched').length).toBeGreaterThan(0);
    expect(report.metrics.bytesReadLocal).toBeGreaterThan(report.metrics.bytesReadRemote);
    expect(report.snapshots.some((s) => s.yarn.apps.length > 0 || s.nodes.some((n) => n.containers > 0))).toBe(true);
    // Stage events name their parents (the DAG view draws them), jobs their action.
    const submitted = new Map(ofType(t, 'stageSubmitted').map((e) => [e.stage as number, e.parents as number[]]));
    const skipped = ofType(t, 'stageSkipped');
    expect(skipped.every((e) => Array.isArray(e.parents))).toBe(true);
    const known = new Set([...submitted.keys(), ...skipped.map((e) => e.stage as number)]);
    for (const parents of submitted.values()) for (const p of parents) expect(known.has(p)).toBe(true);
    expect([...submitted.values()].some((p) => p.length > 0)).toBe(true);
    // The second job's result stage reads the skipped reduceByKey stage.
    expect([...submitted.values()].some((p) => p.includes(skipped[0]!.stage as number))).toBe(true);
    expect(ofType(t, 'jobSubmitted').map((e) => e.action)).toEqual(['count', 'take']);
    const again = await run();
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(t));
  });

  it('loses an executor when its node dies and recomputes what it held: same result, more time', async () => {
    const base = await run();
    const firstStage = ofType(base.trace, 'taskStarted')[0]!;
    const victim = firstStage.node as string;
    const faulty = await run({ faults: [{ atMs: firstStage.t + 1, kind: 'killNode', node: victim }] });
    expect(faulty.result).toEqual(base.result);
    expect(ofType(faulty.trace, 'executorLost').map((e) => e.node)).toEqual([victim]);
    expect(faulty.attempts.some((a) => a.status === 'killed' && a.node === victim)).toBe(true);
    expect(faulty.simulatedMs).toBeGreaterThan(base.simulatedMs);
  });
});
