/**
 * How a DataFrame's actions run: each as the learner's tracked call (engine/spark/awaitedActions.ts),
 * and take/head/show as Spark's executeTake.
 */
import { calledInTask, currentTask } from '../taskContext';
import type { DfState } from './dataFrame';

/**
 * A DataFrame action: `run` on the frame's state (`state()`: a lookup that throws for a
 * non-DataFrame, the Promise's failure then), its result tracked as the learner's call
 * (`df.count`, at the line that called it) until their code takes it.
 */
export function action<T>(state: () => DfState, name: string, run: (d: DfState) => Promise<T>): Promise<T> {
  let d: DfState;
  try {
    d = state();
  } catch (error) {
    return Promise.reject(error as Error);
  }
  // Inside a task: refused as an RDD's action is (SPARK-5063), not run as a job of its own.
  if (currentTask() !== 0) throw calledInTask(`DataFrame.${name}`);
  const rt = d.rdd.rt;
  const line = rt.lineOf(new Error('call site'));
  // Begun at once, as an async method begins; what it throws is its Promise's failure, as there.
  let result: Promise<T>;
  try {
    result = run(d);
  } catch (error) {
    result = Promise.reject(error);
  }
  return rt.actions.track(result, `df.${name}`, line);
}

/**
 * Spark's SparkPlan.executeTake: a job over the first partition, then over 4 times as many
 * partitions as scanned so far (spark.sql.limit.scaleUpFactor), until n rows are found.
 */
export async function takeRows(d: DfState, n: number, action: string): Promise<unknown[][]> {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${action}(n): n must be a whole number of at least 0, got ${String(n)}`);
  const out: unknown[][] = [];
  const total = d.rdd.numPartitions;
  let scanned = 0;
  while (out.length < n && scanned < total) {
    let tryParts = 1;
    if (scanned > 0)
      tryParts =
        out.length === 0
          ? scanned * 4
          : Math.min(Math.max(1, Math.ceil((1.5 * n * scanned) / out.length) - scanned), scanned * 4);
    const parts = Array.from({ length: Math.min(tryParts, total - scanned) }, (_, i) => scanned + i);
    const got = await d.s.rt.runJob(d.rdd, action, (rows) => rows.slice(0, n - out.length), parts);
    for (const rows of got) for (const r of rows) if (out.length < n) out.push(r as unknown[]);
    scanned += parts.length;
  }
  return out;
}
