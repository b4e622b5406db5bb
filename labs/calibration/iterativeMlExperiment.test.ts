/**
 * Structural facts of the Spark paper's LR and k-means runs (no bands: the suite compares the
 * values): Hadoop re-reads the text every iteration, Spark reads it once and then from its
 * cache; the published task counts; real results; the figure list.
 */
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../engine/exec';
import {
  ML_BYTES,
  ML_SPLITS,
  iterativeMlExperiment,
  mlPoints,
  runIterativeMl,
  type MlRun,
} from './iterativeMlExperiment';
import { mlFigures } from './figures/mlFigures';

const ITERATIONS = 3;

/** The attempts of each iteration, by the jobs' ends in the trace. */
function byIteration(run: MlRun): AttemptRecord[][] {
  const { trace, attempts } = run.report;
  const start = trace.find((e) => e.type === 'jobSubmitted')!.t;
  const ends = trace.filter((e) => e.type === 'jobFinished').map((e) => e.t);
  return ends.map((end, i) => attempts.filter((a) => a.start >= (i === 0 ? start : ends[i - 1]!) && a.start <= end));
}

/** The tasks over the points: the first task set of an iteration. */
const pointTasks = (attempts: AttemptRecord[]) => attempts.filter((a) => a.taskSet === attempts[0]!.taskSet);

describe('the Spark paper’s iterative machine learning experiment', () => {
  it('a point is a line of D = 10 numbers (LR: a label ±1 first), and the sample is 100 GB at scale', async () => {
    const lr = mlPoints('lr', 4).trim().split('\n');
    expect(lr.map((l) => l.split(' ').length)).toEqual([11, 11, 11, 11]);
    expect(lr.map((l) => l.split(' ')[0])).toEqual(['-1', '1', '-1', '1']);
    const km = mlPoints('kmeans', 3).trim().split('\n');
    expect(km.every((l) => l.split(' ').length === 10 && l.split(' ').every((x) => Number.isFinite(Number(x))))).toBe(
      true,
    );
    expect(ML_SPLITS).toBe(400);
  });

  it('Hadoop re-reads and re-parses the text every iteration; 400 maps each', async () => {
    const run = await runIterativeMl({ algorithm: 'lr', system: 'hadoop', machines: 100, iterations: ITERATIONS });
    const c = run.report.metrics.kind === 'mapreduce' ? run.report.metrics.counters : null;
    expect(c?.TOTAL_LAUNCHED_MAPS).toBe(ITERATIONS * ML_SPLITS);
    expect(c?.MAP_INPUT_RECORDS).toBe(ITERATIONS * ML_SPLITS * 20);
    // Every iteration reads the whole file (a little more: a split reads on to its last line's end).
    expect((c!.HDFS_BYTES_READ * run.dataScale) / ML_BYTES).toBeGreaterThanOrEqual(ITERATIONS);
    for (const it of byIteration(run)) {
      const maps = pointTasks(it);
      expect(maps).toHaveLength(ML_SPLITS);
      expect(maps.every((a) => a.cost.read > 0)).toBe(true);
    }
    expect(run.iterationMs).toHaveLength(ITERATIONS);
    expect(run.laterMs).toBeGreaterThan(0);
  });

  it('Spark parses the text once, in the first iteration; later ones read the cached points, no HDFS bytes', async () => {
    for (const algorithm of ['lr', 'kmeans'] as const) {
      const run = await runIterativeMl({ algorithm, system: 'spark', machines: 100, iterations: ITERATIONS });
      const c = run.report.metrics.kind === 'spark' ? run.report.metrics.counters : null;
      expect(c?.CACHE_HITS).toBe((ITERATIONS - 1) * ML_SPLITS);
      expect(c?.BLOCKS_EVICTED).toBe(0);
      const [first, ...later] = byIteration(run).map(pointTasks);
      expect(first).toHaveLength(ML_SPLITS);
      expect(first!.every((a) => a.cost.read > 0)).toBe(true);
      for (const tasks of later) {
        expect(tasks).toHaveLength(ML_SPLITS);
        expect(tasks.every((a) => a.cost.read === 0 && a.locality === 'PROCESS_LOCAL')).toBe(true);
      }
      // Reading and parsing 100 GB makes the first iteration the longest.
      expect(run.firstMs).toBeGreaterThan(Math.max(...run.iterationMs.slice(1)));
    }
  });

  it('computes real results: LR weights and k-means centres, D = 10 numbers each', async () => {
    const lr = await runIterativeMl({ algorithm: 'lr', system: 'spark', machines: 25, iterations: 2 });
    const w = lr.report.result as number[];
    expect(w).toHaveLength(10);
    expect(w.every(Number.isFinite)).toBe(true);
    const km = await runIterativeMl({ algorithm: 'kmeans', system: 'hadoop', machines: 25, iterations: 1 });
    const centres = km.report.result as [number, string][];
    expect(centres.length).toBeGreaterThan(0);
    expect(centres.every(([, v]) => v.split(' ').length === 10)).toBe(true);
  });

  it('lists every measured figure it produces; ratios name them; all are validation figures', () => {
    const measured = mlFigures.filter((f) => !f.ratioOf).map((f) => f.id);
    expect([...iterativeMlExperiment.figures].sort()).toEqual([...measured].sort());
    expect(measured).toHaveLength(16);
    for (const f of mlFigures) {
      expect(f.role).toBe('validation');
      if (f.ratioOf) expect(measured).toEqual(expect.arrayContaining([f.ratioOf.numerator, f.ratioOf.denominator]));
    }
    expect(mlFigures.find((f) => f.id === 'lr.spark-speedup.later.100')?.value).toBeCloseTo(25.3, 1);
  });
});
