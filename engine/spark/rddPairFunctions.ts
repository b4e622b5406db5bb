/**
 * Spark's PairRDDFunctions: transformations of RDDs of [key, value] pairs. Without a partition
 * count a shuffle takes Partitioner.defaultPartitioner's (defaultPartitioner.ts); a parent already
 * partitioned the same way is combined or joined without a shuffle (a narrow dependency), as Spark
 * does after partitionBy or reduceByKey.
 */
import { partitionerFor } from './defaultPartitioner';
import { FunctionPartitioner, HashPartitioner, type Partitioner } from './hashPartitioner';
import { checkPartitionCount, combineRows, Rdd, type Aggregator, type Pair } from './rdd';
import { asPairs, boolArg, describeRow, fnArg, optFnArg, optPartitions, keyFnArg } from './rddArgs';
import { groupAggregator, iterableRows, rddArg } from './rddTransforms';
import { serializerCopy } from './serializerCopy';

type Fn1 = (x: unknown) => unknown;
type Fn2 = (a: unknown, b: unknown) => unknown;

/** Spark's combineByKeyWithClassTag: narrow when already partitioned by `partitioner`, else a shuffle. */
function combineWith(rdd: Rdd, agg: Aggregator, partitioner: Partitioner, name: string, mapSideCombine = true): Rdd {
  if (partitioner.equals(rdd.partitioner))
    return rdd.narrow(name, (rows, _p, site) => combineRows(asPairs(rows, name, site), agg), true);
  return rdd.rt.shuffle(rdd, partitioner, agg, name, mapSideCombine);
}

export function mapValues(rdd: Rdd, f: unknown): Rdd {
  const g = fnArg<Fn1>('mapValues', 'f', f);
  return rdd.narrow('mapValues', (rows, _p, site) => asPairs(rows, 'mapValues', site).map(([k, v]) => [k, g(v)]), true);
}

export function flatMapValues(rdd: Rdd, f: unknown): Rdd {
  const g = fnArg<Fn1>('flatMapValues', 'f', f);
  return rdd.narrow(
    'flatMapValues',
    (rows, _p, site) => {
      const out: Pair[] = [];
      for (const [k, v] of asPairs(rows, 'flatMapValues', site))
        for (const w of iterableRows('flatMapValues', g(v), `the value ${describeRow(v)}`, site)) out.push([k, w]);
      return out;
    },
    true,
  );
}

export function keys(rdd: Rdd): Rdd {
  return rdd.narrow('keys', (rows, _p, site) => asPairs(rows, 'keys', site).map((kv) => kv[0]));
}

export function values(rdd: Rdd): Rdd {
  return rdd.narrow('values', (rows, _p, site) => asPairs(rows, 'values', site).map((kv) => kv[1]));
}

export function combineByKey(
  rdd: Rdd,
  createCombiner: unknown,
  mergeValue: unknown,
  mergeCombiners: unknown,
  numPartitions?: unknown,
): Rdd {
  const agg: Aggregator = {
    create: fnArg<Fn1>('combineByKey', 'createCombiner', createCombiner),
    merge: fnArg<Fn2>('combineByKey', 'mergeValue', mergeValue),
    combine: fnArg<Fn2>('combineByKey', 'mergeCombiners', mergeCombiners),
  };
  agg.learnerFns = [agg.create, agg.merge, agg.combine];
  const n = optPartitions('combineByKey', numPartitions);
  return combineWith(rdd, agg, partitionerFor([rdd], n), 'combineByKey');
}

export function reduceByKey(rdd: Rdd, f: unknown, numPartitions?: unknown): Rdd {
  const g = fnArg<Fn2>('reduceByKey', 'f', f);
  const n = optPartitions('reduceByKey', numPartitions);
  const agg: Aggregator = { create: (v) => v, merge: g, combine: g, learnerFns: [g] };
  return combineWith(rdd, agg, partitionerFor([rdd], n), 'reduceByKey');
}

export function groupByKey(rdd: Rdd, numPartitions?: unknown): Rdd {
  const n = optPartitions('groupByKey', numPartitions);
  return combineWith(rdd, groupAggregator, partitionerFor([rdd], n), 'groupByKey', false);
}

export function aggregateByKey(rdd: Rdd, zero: unknown, seqOp: unknown, combOp: unknown, numPartitions?: unknown): Rdd {
  const seq = fnArg<Fn2>('aggregateByKey', 'seqOp', seqOp);
  const comb = fnArg<Fn2>('aggregateByKey', 'combOp', combOp);
  const n = optPartitions('aggregateByKey', numPartitions);
  // Each key starts from its own copy of the zero value, as Spark deserializes one per key.
  const agg = { create: (v: unknown) => seq(serializerCopy(zero), v), merge: seq, combine: comb };
  return combineWith(rdd, agg, partitionerFor([rdd], n), 'aggregateByKey');
}

export function foldByKey(rdd: Rdd, zero: unknown, func: unknown, numPartitions?: unknown): Rdd {
  const f = fnArg<Fn2>('foldByKey', 'func', func);
  const n = optPartitions('foldByKey', numPartitions);
  const agg = { create: (v: unknown) => f(serializerCopy(zero), v), merge: f, combine: f };
  return combineWith(rdd, agg, partitionerFor([rdd], n), 'foldByKey');
}

export function partitionBy(rdd: Rdd, numPartitions: unknown, partitionFunc?: unknown): Rdd {
  const n = checkPartitionCount('partitionBy(numPartitions)', numPartitions);
  const f = optFnArg<Fn1>('partitionBy', 'partitionFunc', partitionFunc);
  const p = f ? new FunctionPartitioner(n, f) : new HashPartitioner(n);
  if (p.equals(rdd.partitioner)) return rdd;
  return rdd.rt.shuffle(rdd, p, null, 'partitionBy');
}

export function sortByKey(rdd: Rdd, ascending?: unknown, numPartitions?: unknown, keyfunc?: unknown): Rdd {
  const asc = boolArg('sortByKey', 'ascending', ascending, true);
  const n = optPartitions('sortByKey', numPartitions) ?? rdd.numPartitions;
  const kf = keyFnArg<Fn1>('sortByKey', 'keyfunc', keyfunc);
  return rdd.rt.sortShuffle(rdd, asc, n, kf);
}

/** cogroup(other1[, other2[, other3]][, numPartitions]): each key's values in every RDD. */
export function cogroup(rdd: Rdd, ...args: unknown[]): Rdd {
  const last = args[args.length - 1];
  const n = typeof last === 'number' || (args.length > 1 && !(last instanceof Rdd)) ? args.pop() : undefined;
  if (args.length === 0) throw new TypeError('cogroup: give at least one other RDD, e.g. a.cogroup(b)');
  const others = args.map((o) => rddArg('cogroup', o));
  const all = [rdd, ...others];
  return rdd.rt.cogroup(all, partitionerFor(all, optPartitions('cogroup', n)));
}

/** groupWith(other, ...others): cogroup with any number of RDDs (PySpark's groupWith). */
export function groupWith(rdd: Rdd, ...others: unknown[]): Rdd {
  if (others.length === 0) throw new TypeError('groupWith: give at least one other RDD, e.g. a.groupWith(b)');
  const all = [rdd, ...others.map((o) => rddArg('groupWith', o))];
  return rdd.rt.cogroup(all, partitionerFor(all, undefined), 'groupWith');
}

type JoinKind = 'join' | 'leftOuterJoin' | 'rightOuterJoin' | 'fullOuterJoin';

function joinWith(kind: JoinKind, rdd: Rdd, otherArg: unknown, numPartitions: unknown): Rdd {
  const other = rddArg(kind, otherArg);
  const n = optPartitions(kind, numPartitions);
  const cg = rdd.rt.cogroup([rdd, other], partitionerFor([rdd, other], n), kind);
  const keepLeft = kind === 'leftOuterJoin' || kind === 'fullOuterJoin';
  const keepRight = kind === 'rightOuterJoin' || kind === 'fullOuterJoin';
  return cg.narrow(
    kind,
    (rows) => {
      const out: Pair[] = [];
      for (const [k, [vs, ws]] of rows as [unknown, [unknown[], unknown[]]][]) {
        const left = vs.length === 0 && keepRight ? [null] : vs;
        const right = ws.length === 0 && keepLeft ? [null] : ws;
        for (const v of left) for (const w of right) out.push([k, [v, w]]);
      }
      return out;
    },
    true,
  );
}

export const join = (rdd: Rdd, other: unknown, numPartitions?: unknown): Rdd =>
  joinWith('join', rdd, other, numPartitions);
export const leftOuterJoin = (rdd: Rdd, other: unknown, numPartitions?: unknown): Rdd =>
  joinWith('leftOuterJoin', rdd, other, numPartitions);
export const rightOuterJoin = (rdd: Rdd, other: unknown, numPartitions?: unknown): Rdd =>
  joinWith('rightOuterJoin', rdd, other, numPartitions);
export const fullOuterJoin = (rdd: Rdd, other: unknown, numPartitions?: unknown): Rdd =>
  joinWith('fullOuterJoin', rdd, other, numPartitions);

/** The pairs of this RDD whose key is not in other (Spark's SubtractedRDD; partitioned as this one, else by its count). */
export function subtractByKey(rdd: Rdd, otherArg: unknown, numPartitions?: unknown): Rdd {
  const other = rddArg('subtractByKey', otherArg);
  const n = optPartitions('subtractByKey', numPartitions);
  const p = n !== undefined ? new HashPartitioner(n) : (rdd.partitioner ?? new HashPartitioner(rdd.numPartitions));
  const cg = rdd.rt.cogroup([rdd, other], p, 'subtractByKey');
  cg.sparkClass = 'SubtractedRDD';
  return cg.narrow(
    'subtractByKey',
    (rows) => {
      const out: Pair[] = [];
      for (const [k, [vs, ws]] of rows as [unknown, [unknown[], unknown[]]][])
        if (ws.length === 0) for (const v of vs) out.push([k, v]);
      return out;
    },
    true,
  );
}
