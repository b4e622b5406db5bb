/**
 * RDD actions: each runs one or more Spark jobs (rt.runJob, recorded in the job log) and returns
 * a promise. Results computed per partition are merged in the driver in partition order, as
 * Spark's DAGScheduler hands them to the job's result handler.
 */
import { compareKeys, keyId } from '../exec/keyOrder';
import { textOutput } from './fileOutput';
import { RangePartitioner } from './rangePartitioner';
import type { Rdd } from './rdd';
import { asPair, atSite, callSite, countArg, fnArg, keyFnArg } from './rddArgs';
import { serializerCopy } from './serializerCopy';

type Fn1 = (x: unknown) => unknown;
type Fn2 = (a: unknown, b: unknown) => unknown;

/** Spark's answer to reduce, first, max, min... on an RDD without elements. */
export function emptyCollection(method: string, site: Error): Error {
  return atSite(
    new RangeError(
      `${method}: empty collection (this RDD has no elements; Spark throws UnsupportedOperationException)`,
    ),
    site,
  );
}

export async function collect(rdd: Rdd): Promise<unknown[]> {
  return (await rdd.rt.runJob(rdd, 'collect', (rows) => rows)).flat();
}

export async function count(rdd: Rdd): Promise<number> {
  return (await rdd.rt.runJob(rdd, 'count', (rows) => rows.length)).reduce((a, b) => a + b, 0);
}

/**
 * Spark's take: a job on the first partition, then on more partitions each round: 4 times as many
 * as scanned when nothing was found, else 1.5 times as many as the rows found so far suggest for
 * the rows still wanted, at most 4 times as many (RDD.take, spark.rdd.limit.scaleUpFactor 4). A
 * negative num takes nothing, as Spark's loop never starts.
 */
export async function take(rdd: Rdd, num: unknown, action = 'take'): Promise<unknown[]> {
  const n = typeof num === 'number' && Number.isInteger(num) && num < 0 ? 0 : countArg(action, 'num', num);
  const out: unknown[] = [];
  let scanned = 0;
  while (out.length < n && scanned < rdd.numPartitions) {
    const left = n - out.length;
    let tryParts = 1;
    if (scanned > 0)
      tryParts = out.length === 0 ? scanned * 4 : Math.min(Math.ceil((1.5 * left * scanned) / out.length), scanned * 4);
    const parts = Array.from({ length: Math.min(tryParts, rdd.numPartitions - scanned) }, (_, i) => scanned + i);
    const res = await rdd.rt.runJob(rdd, action, (rows) => rows.slice(0, left), parts);
    for (const rows of res) for (const row of rows) if (out.length < n) out.push(row);
    scanned += parts.length;
  }
  return out;
}

export async function first(rdd: Rdd): Promise<unknown> {
  const site = callSite();
  const rows = await take(rdd, 1, 'first');
  if (rows.length === 0) throw emptyCollection('first', site);
  return rows[0];
}

export async function isEmpty(rdd: Rdd): Promise<boolean> {
  return rdd.numPartitions === 0 || (await take(rdd, 1, 'isEmpty')).length === 0;
}

export async function reduce(rdd: Rdd, f: unknown): Promise<unknown> {
  const g = fnArg<Fn2>('reduce', 'f', f);
  const site = callSite();
  const parts = await rdd.rt.runJob(rdd, 'reduce', (rows) =>
    rows.length === 0 ? [] : [rows.reduce((a, b) => g(a, b))],
  );
  const vals = parts.flat();
  if (vals.length === 0) throw emptyCollection('reduce', site);
  return vals.reduce((a, b) => g(a, b));
}

/**
 * fold: each partition folds from its own copy of zeroValue, and the driver folds the partitions'
 * results from another copy, as Spark does: a zero value that is not neutral counts once per
 * partition plus once.
 */
export async function fold(rdd: Rdd, zeroValue: unknown, op: unknown): Promise<unknown> {
  const g = fnArg<Fn2>('fold', 'op', op);
  const parts = await rdd.rt.runJob(rdd, 'fold', (rows) => rows.reduce((a, b) => g(a, b), serializerCopy(zeroValue)));
  return parts.reduce((a, b) => g(a, b), serializerCopy(zeroValue));
}

export async function aggregate(rdd: Rdd, zeroValue: unknown, seqOp: unknown, combOp: unknown): Promise<unknown> {
  const seq = fnArg<Fn2>('aggregate', 'seqOp', seqOp);
  const comb = fnArg<Fn2>('aggregate', 'combOp', combOp);
  const parts = await rdd.rt.runJob(rdd, 'aggregate', (rows) =>
    rows.reduce((a, b) => seq(a, b), serializerCopy(zeroValue)),
  );
  return parts.reduce((a, b) => comb(a, b), serializerCopy(zeroValue));
}

export async function foreach(rdd: Rdd, f: unknown): Promise<void> {
  const g = fnArg<Fn1>('foreach', 'f', f);
  await rdd.rt.runJob(rdd, 'foreach', (rows) => {
    for (const x of rows) g(x);
    return 0;
  });
}

export async function foreachPartition(rdd: Rdd, f: unknown): Promise<void> {
  const g = fnArg<(it: Iterator<unknown>) => unknown>('foreachPartition', 'f', f);
  await rdd.rt.runJob(rdd, 'foreachPartition', (rows) => {
    g(rows[Symbol.iterator]());
    return 0;
  });
}

/**
 * toLocalIterator: an async iterator (`for await (const x of rdd.toLocalIterator())`) that runs
 * one job per partition, when the iteration reaches it, as Spark's does.
 */
export function toLocalIterator(rdd: Rdd): AsyncIterableIterator<unknown> {
  let partition = 0;
  let buffer: unknown[] = [];
  let at = 0;
  const it: AsyncIterableIterator<unknown> = {
    async next(): Promise<IteratorResult<unknown>> {
      while (at >= buffer.length && partition < rdd.numPartitions) {
        const [rows] = await rdd.rt.runJob(rdd, 'toLocalIterator', (r) => r, [partition++]);
        buffer = rows ?? [];
        at = 0;
      }
      return at < buffer.length ? { value: buffer[at++], done: false } : { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

/** A Map keyed by the real keys (equal keys by value, as the JVM's equals: [1, 2] and [1, 2] are one key). */
function mapOf(pairs: [unknown, unknown][], add: (old: unknown, v: unknown) => unknown): Map<unknown, unknown> {
  const byId = new Map<unknown, [unknown, unknown]>();
  for (const [k, v] of pairs) {
    const id = keyId(k);
    const e = byId.get(id);
    if (e) e[1] = add(e[1], v);
    else byId.set(id, [k, v]);
  }
  return new Map([...byId.values()]);
}

export async function countByKey(rdd: Rdd): Promise<Map<unknown, number>> {
  const site = callSite();
  const parts = await rdd.rt.runJob(rdd, 'countByKey', (rows) => {
    const m = mapOf(
      rows.map((r) => [asPair(r, 'countByKey', site)[0], 1]),
      (a, b) => (a as number) + (b as number),
    );
    return [...m.entries()];
  });
  return mapOf(parts.flat(), (a, b) => (a as number) + (b as number)) as Map<unknown, number>;
}

export async function countByValue(rdd: Rdd): Promise<Map<unknown, number>> {
  const parts = await rdd.rt.runJob(rdd, 'countByValue', (rows) => [
    ...mapOf(
      rows.map((r) => [r, 1]),
      (a, b) => (a as number) + (b as number),
    ).entries(),
  ]);
  return mapOf(parts.flat(), (a, b) => (a as number) + (b as number)) as Map<unknown, number>;
}

/** collectAsMap: the pairs as a Map; a key seen twice keeps its last value, as Spark's HashMap.put. */
export async function collectAsMap(rdd: Rdd): Promise<Map<unknown, unknown>> {
  const site = callSite();
  const rows = (await rdd.rt.runJob(rdd, 'collectAsMap', (r) => r.map((x) => asPair(x, 'collectAsMap', site)))).flat();
  return mapOf(rows, (_old, v) => v);
}

/** lookup: the values of a key; only the key's partition is read when the partitioner is known. */
export async function lookup(rdd: Rdd, key: unknown): Promise<unknown[]> {
  const id = keyId(key);
  const site = callSite();
  // A range partitioner's bounds are known once its shuffle ran (rangePartitioner.ts): before, all partitions.
  const known = rdd.partitioner && !(rdd.partitioner instanceof RangePartitioner && !rdd.partitioner.rangeBounds);
  const parts = known ? [rdd.partitioner!.getPartition(key)] : undefined;
  const res = await rdd.rt.runJob(
    rdd,
    'lookup',
    (rows) =>
      rows
        .map((r) => asPair(r, 'lookup', site))
        .filter((kv) => keyId(kv[0]) === id)
        .map((kv) => kv[1]),
    parts,
  );
  return res.flat();
}

/** takeOrdered(num, keyfunc?): the num smallest (by keyfunc when given), in order. */
export async function takeOrdered(
  rdd: Rdd,
  num: unknown,
  keyfunc?: unknown,
  action = 'takeOrdered',
  desc = false,
): Promise<unknown[]> {
  const n = countArg(action, 'num', num);
  const kf = keyFnArg<Fn1>(action, 'keyfunc', keyfunc) ?? ((x: unknown) => x);
  if (n === 0) return [];
  const dir = desc ? -1 : 1;
  const smallest = (rows: unknown[]): unknown[] =>
    rows
      .map((x) => [kf(x), x] as const)
      .sort((a, b) => dir * compareKeys(a[0], b[0]))
      .slice(0, n)
      .map((e) => e[1]);
  const parts = await rdd.rt.runJob(rdd, action, smallest);
  return smallest(parts.flat());
}

/** top(num, keyfunc?): the num largest, largest first. */
export function top(rdd: Rdd, num: unknown, keyfunc?: unknown): Promise<unknown[]> {
  return takeOrdered(rdd, num, keyfunc, 'top', true);
}

async function extreme(rdd: Rdd, key: unknown, method: 'max' | 'min'): Promise<unknown> {
  const kf = keyFnArg<Fn1>(method, 'key', key) ?? ((x: unknown) => x);
  const site = callSite();
  const dir = method === 'max' ? 1 : -1;
  const better = (a: unknown, b: unknown): unknown => (dir * compareKeys(kf(b), kf(a)) > 0 ? b : a);
  const parts = await rdd.rt.runJob(rdd, method, (rows) => (rows.length ? [rows.reduce(better)] : []));
  const vals = parts.flat();
  if (vals.length === 0) throw emptyCollection(method, site);
  return vals.reduce(better);
}

export const max = (rdd: Rdd, key?: unknown): Promise<unknown> => extreme(rdd, key, 'max');
export const min = (rdd: Rdd, key?: unknown): Promise<unknown> => extreme(rdd, key, 'min');

export async function saveAsTextFile(rdd: Rdd, path: unknown): Promise<void> {
  if (typeof path !== 'string')
    throw new TypeError(`saveAsTextFile(path): the path must be a string like '/out/counts', got ${typeof path}`);
  await rdd.rt.runJob(rdd, 'saveAsTextFile', (rows) => rows, undefined, textOutput(path, callSite()));
}
