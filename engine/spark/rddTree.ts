/**
 * treeAggregate and treeReduce as Spark's RDD.treeAggregate builds them: each partition is
 * aggregated from a copy of the zero value, then, while there are more partial results than
 * `scale + ceil(n / scale)` (scale = max(ceil(n^(1/depth)), 2)), they are combined in fewer
 * partitions by a foldByKey shuffle keyed by `index % n`; the driver folds what is left. Each level
 * is a stage of its own, as in Spark's DAG.
 */
import { HashPartitioner } from './hashPartitioner';
import type { Rdd } from './rdd';
import { emptyCollection } from './rddActions';
import { callSite, describeArg, fnArg } from './rddArgs';
import { serializerCopy } from './serializerCopy';

type Fn2 = (a: unknown, b: unknown) => unknown;

function depthArg(method: string, depth: unknown): number {
  if (depth === undefined) return 2;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1)
    throw new RangeError(`${method}: Depth must be greater than or equal to 1 but got ${describeArg(depth)}`);
  return depth;
}

async function treeAggregateWith(
  rdd: Rdd,
  zeroValue: unknown,
  seq: Fn2,
  comb: Fn2,
  depth: number,
  action: string,
): Promise<unknown> {
  if (rdd.numPartitions === 0) return serializerCopy(zeroValue);
  let partial = rdd.narrow(action, (rows) => [rows.reduce((a, b) => seq(a, b), serializerCopy(zeroValue))]);
  let n = partial.numPartitions;
  const scale = Math.max(Math.ceil(Math.pow(n, 1 / depth)), 2);
  while (n > scale + Math.ceil(n / scale)) {
    n = Math.floor(n / scale);
    const cur = n;
    const keyed = partial.narrow(action, (rows, i) => rows.map((x) => [i % cur, x]));
    const p = new HashPartitioner(cur);
    const folded = rdd.rt.shuffle(
      keyed,
      p,
      { create: (v: unknown) => comb(serializerCopy(zeroValue), v), merge: comb, combine: comb },
      action,
    );
    partial = folded.narrow(action, (rows) => rows.map((kv) => (kv as [unknown, unknown])[1]));
  }
  const parts = await rdd.rt.runJob(partial, action, (rows) =>
    rows.reduce((a, b) => comb(a, b), serializerCopy(zeroValue)),
  );
  return parts.reduce((a, b) => comb(a, b), serializerCopy(zeroValue));
}

/** Spark: RDD.treeAggregate(zeroValue)(seqOp, combOp, depth = 2). */
export function treeAggregate(
  rdd: Rdd,
  zeroValue: unknown,
  seqOp: unknown,
  combOp: unknown,
  depth?: unknown,
): Promise<unknown> {
  const seq = fnArg<Fn2>('treeAggregate', 'seqOp', seqOp);
  const comb = fnArg<Fn2>('treeAggregate', 'combOp', combOp);
  return treeAggregateWith(rdd, zeroValue, seq, comb, depthArg('treeAggregate', depth), 'treeAggregate');
}

/** Spark: RDD.treeReduce(f, depth = 2); an empty RDD gets Spark's "empty collection". */
export async function treeReduce(rdd: Rdd, f: unknown, depth?: unknown): Promise<unknown> {
  const g = fnArg<Fn2>('treeReduce', 'f', f);
  const d = depthArg('treeReduce', depth);
  const site = callSite();
  // Spark's Option[T]: [] for None, [x] for Some(x).
  const op = (a: unknown, b: unknown): unknown => {
    const x = a as unknown[];
    const y = b as unknown[];
    return x.length === 0 ? y : y.length === 0 ? x : [g(x[0], y[0])];
  };
  const out = (await treeAggregateWith(rdd, [], (acc, v) => op(acc, [v]), op, d, 'treeReduce')) as unknown[];
  if (out.length === 0) throw emptyCollection('treeReduce', site);
  return out[0];
}
