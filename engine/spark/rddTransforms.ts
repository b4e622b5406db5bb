/**
 * RDD transformations on elements of any kind (Spark's RDD class): lazy, they only add to the
 * lineage. Each takes the RDD and the learner's arguments, checked (rddArgs.ts).
 */
import { keyId, keyText } from '../exec/keyOrder';
import { partitionerFor } from './defaultPartitioner';
import { checkPartitionCount, Rdd, type Pair } from './rdd';
import { atSite, boolArg, describeRow, fnArg, optPartitions, keyFnArg } from './rddArgs';
import { reduceByKey, sortByKey, subtractByKey } from './rddPairFunctions';

type Fn1 = (x: unknown) => unknown;

/** The rows of what `f` returned, or a clear error when it is not iterable. */
export function iterableRows(method: string, out: unknown, of: string, site: Error): Iterable<unknown> {
  if (out !== null && out !== undefined && typeof (out as Iterable<unknown>)[Symbol.iterator] === 'function')
    return out as Iterable<unknown>;
  throw atSite(
    new TypeError(
      `${method}: the function must return an iterable (an array, a Set, a generator...), it returned ${describeRow(out)} for ${of}`,
    ),
    site,
  );
}

export function rddArg(method: string, other: unknown): Rdd {
  if (other instanceof Rdd) return other;
  throw new TypeError(`${method}: other must be an RDD, got ${describeRow(other)}`);
}

export function map(rdd: Rdd, f: unknown): Rdd {
  const g = fnArg<Fn1>('map', 'f', f);
  const child = rdd.narrow('map', (rows) => rows.map((x) => g(x)));
  child.step = { kind: 'map', fn: g };
  return child;
}

export function flatMap(rdd: Rdd, f: unknown): Rdd {
  const g = fnArg<Fn1>('flatMap', 'f', f);
  const child = rdd.narrow('flatMap', (rows, _p, site) => {
    const out: unknown[] = [];
    for (const x of rows) for (const y of iterableRows('flatMap', g(x), `the element ${keyText(x)}`, site)) out.push(y);
    return out;
  });
  child.step = { kind: 'flatMap', fn: g };
  return child;
}

export function filter(rdd: Rdd, f: unknown): Rdd {
  const g = fnArg<Fn1>('filter', 'f', f);
  const child = rdd.narrow('filter', (rows) => rows.filter((x) => g(x)), true);
  child.step = { kind: 'filter', fn: g };
  return child;
}

export function mapPartitionsWithIndex(rdd: Rdd, f: unknown, preservesPartitioning?: unknown): Rdd {
  const g = fnArg<(i: number, it: Iterator<unknown>) => unknown>('mapPartitionsWithIndex', 'f', f);
  const keep = boolArg('mapPartitionsWithIndex', 'preservesPartitioning', preservesPartitioning, false);
  return rdd.narrow(
    'mapPartitionsWithIndex',
    (rows, p, site) => [
      ...iterableRows('mapPartitionsWithIndex', g(p, rows[Symbol.iterator]()), `partition ${p}`, site),
    ],
    keep,
  );
}

export function mapPartitions(rdd: Rdd, f: unknown, preservesPartitioning?: unknown): Rdd {
  const g = fnArg<(it: Iterator<unknown>) => unknown>('mapPartitions', 'f', f);
  const keep = boolArg('mapPartitions', 'preservesPartitioning', preservesPartitioning, false);
  return rdd.narrow(
    'mapPartitions',
    (rows, p, site) => [...iterableRows('mapPartitions', g(rows[Symbol.iterator]()), `partition ${p}`, site)],
    keep,
  );
}

export function glom(rdd: Rdd): Rdd {
  return rdd.narrow('glom', (rows) => [rows.slice()]);
}

export function keyBy(rdd: Rdd, f: unknown): Rdd {
  const g = fnArg<Fn1>('keyBy', 'f', f);
  return rdd.narrow('keyBy', (rows) => rows.map((x) => [g(x), x]));
}

export function union(rdd: Rdd, otherArg: unknown): Rdd {
  const other = rddArg('union', otherArg);
  if (rdd.partitioner && rdd.partitioner.equals(other.partitioner)) {
    // Spark's PartitionerAwareUnionRDD: partition p of each parent makes partition p.
    const u = new Rdd(
      rdd.rt,
      'union',
      rdd.numPartitions,
      [rdd, other].map((x) => ({ kind: 'narrow', parent: x.id, parents: null, shuffleId: -1 })),
      (p) => [...rdd.iterator(p), ...other.iterator(p)],
      rdd.partitioner,
    );
    u.sparkClass = 'PartitionerAwareUnionRDD';
    return u;
  }
  const n = rdd.numPartitions;
  const total = n + other.numPartitions;
  const u = new Rdd(
    rdd.rt,
    'union',
    total,
    [
      {
        kind: 'narrow',
        parent: rdd.id,
        parents: Array.from({ length: total }, (_, p) => (p < n ? [p] : [])),
        shuffleId: -1,
      },
      {
        kind: 'narrow',
        parent: other.id,
        parents: Array.from({ length: total }, (_, p) => (p >= n ? [p - n] : [])),
        shuffleId: -1,
      },
    ],
    (p) => (p < n ? rdd.iterator(p) : other.iterator(p - n)),
  );
  u.sparkClass = 'UnionRDD';
  return u;
}

export function distinct(rdd: Rdd, numPartitions?: unknown): Rdd {
  const n = optPartitions('distinct', numPartitions) ?? rdd.numPartitions;
  if (rdd.partitioner && n === rdd.numPartitions)
    // Spark 3.3+: already partitioned, duplicates are in the same partition.
    return rdd.narrow(
      'distinct',
      (rows) => {
        const seen = new Map<unknown, unknown>();
        for (const x of rows) if (!seen.has(keyId(x))) seen.set(keyId(x), x);
        return [...seen.values()];
      },
      true,
    );
  return map(
    reduceByKey(
      map(rdd, (x: unknown) => [x, null]),
      (a: unknown) => a,
      n,
    ),
    (kv: unknown) => (kv as Pair)[0],
  );
}

export function repartition(rdd: Rdd, numPartitions: unknown): Rdd {
  return rdd.rt.roundRobin(rdd, checkPartitionCount('repartition(numPartitions)', numPartitions));
}

export function coalesce(rdd: Rdd, numPartitions: unknown, shuffle?: unknown): Rdd {
  const requested = checkPartitionCount('coalesce(numPartitions)', numPartitions);
  if (boolArg('coalesce', 'shuffle', shuffle, false)) return rdd.rt.roundRobin(rdd, requested);
  // Without a shuffle, coalesce cannot add partitions: asking for more keeps the current number.
  const n = Math.min(requested, rdd.numPartitions);
  const groups = Array.from({ length: n }, (_, i) => {
    const from = Math.floor((i * rdd.numPartitions) / n);
    const to = Math.floor(((i + 1) * rdd.numPartitions) / n);
    return Array.from({ length: to - from }, (_, j) => from + j);
  });
  const c = new Rdd(rdd.rt, 'coalesce', n, [{ kind: 'narrow', parent: rdd.id, parents: groups, shuffleId: -1 }], (p) =>
    groups[p]!.flatMap((q) => rdd.iterator(q)),
  );
  c.sparkClass = 'CoalescedRDD';
  return c;
}

export function zip(rdd: Rdd, otherArg: unknown): Rdd {
  const other = rddArg('zip', otherArg);
  if (other.numPartitions !== rdd.numPartitions)
    throw new RangeError(
      `zip: Can't zip RDDs with unequal numbers of partitions: List(${rdd.numPartitions}, ${other.numPartitions})`,
    );
  const z = new Rdd(
    rdd.rt,
    'zip',
    rdd.numPartitions,
    [rdd, other].map((x) => ({ kind: 'narrow', parent: x.id, parents: null, shuffleId: -1 })),
    (p) => {
      const a = rdd.iterator(p);
      const b = other.iterator(p);
      if (a.length !== b.length)
        throw atSite(
          new RangeError(
            `zip: Can only zip RDDs with same number of elements in each partition (partition ${p} has ${a.length} and ${b.length})`,
          ),
          z.site,
        );
      return a.map((x, i) => [x, b[i]]);
    },
  );
  z.sparkClass = 'ZippedPartitionsRDD2';
  return z;
}

export function zipWithIndex(rdd: Rdd): Rdd {
  // Spark counts the partitions before (a job when there are several); here when a partition is
  // computed, each earlier partition counted once (counting them all again for each partition made
  // the work grow with the square of the input).
  const sizes: number[] = [];
  const z = rdd.narrow('zipWithIndex', (rows, p) => {
    let start = 0;
    for (let q = 0; q < p; q++) start += sizes[q] ??= rdd.iterator(q).length;
    return rows.map((x, i) => [x, start + i]);
  });
  z.sparkClass = 'ZippedWithIndexRDD';
  return z;
}

export function zipWithUniqueId(rdd: Rdd): Rdd {
  const n = rdd.numPartitions;
  return rdd.narrow('zipWithUniqueId', (rows, p) => rows.map((x, i) => [x, i * n + p]));
}

export function cartesian(rdd: Rdd, otherArg: unknown): Rdd {
  const other = rddArg('cartesian', otherArg);
  const nb = other.numPartitions;
  const total = checkPartitionCount('cartesian', rdd.numPartitions * nb);
  const c = new Rdd(
    rdd.rt,
    'cartesian',
    total,
    [
      {
        kind: 'narrow',
        parent: rdd.id,
        parents: Array.from({ length: total }, (_, p) => [Math.floor(p / nb)]),
        shuffleId: -1,
      },
      { kind: 'narrow', parent: other.id, parents: Array.from({ length: total }, (_, p) => [p % nb]), shuffleId: -1 },
    ],
    (p) => {
      const a = rdd.iterator(Math.floor(p / nb));
      const b = other.iterator(p % nb);
      const out: unknown[] = [];
      for (const x of a) for (const y of b) out.push([x, y]);
      return out;
    },
  );
  c.sparkClass = 'CartesianRDD';
  return c;
}

export function groupBy(rdd: Rdd, f: unknown, numPartitions?: unknown): Rdd {
  const g = fnArg<Fn1>('groupBy', 'f', f);
  const n = optPartitions('groupBy', numPartitions);
  const keyed = rdd.narrow('groupBy', (rows) => rows.map((x) => [g(x), x]));
  return rdd.rt.shuffle(keyed, partitionerFor([keyed], n), groupAggregator, 'groupBy', false);
}

/** groupByKey's aggregator: each key's values in an array (no map-side combine, as Spark). */
export const groupAggregator = {
  learnerFns: [],
  create: (v: unknown): unknown => [v],
  merge: (c: unknown, v: unknown): unknown => ((c as unknown[]).push(v), c),
  combine: (a: unknown, b: unknown): unknown => (a as unknown[]).concat(b as unknown[]),
};

export function intersection(rdd: Rdd, otherArg: unknown, numPartitions?: unknown): Rdd {
  const other = rddArg('intersection', otherArg);
  const n = optPartitions('intersection', numPartitions);
  const a = map(rdd, (x: unknown) => [x, null]);
  const b = map(other, (x: unknown) => [x, null]);
  const cg = rdd.rt.cogroup([a, b], partitionerFor([a, b], n), 'intersection');
  return cg.narrow('intersection', (rows) =>
    (rows as [unknown, unknown[][]][]).filter(([, vs]) => vs[0]!.length > 0 && vs[1]!.length > 0).map(([k]) => k),
  );
}

export function subtract(rdd: Rdd, otherArg: unknown, numPartitions?: unknown): Rdd {
  const other = rddArg('subtract', otherArg);
  const n = optPartitions('subtract', numPartitions) ?? rdd.numPartitions;
  const a = map(rdd, (x: unknown) => [x, null]);
  const b = map(other, (x: unknown) => [x, null]);
  return subtractByKey(a, b, n).narrow('subtract', (rows) => (rows as Pair[]).map((kv) => kv[0]));
}

export function sortBy(rdd: Rdd, f: unknown, ascending?: unknown, numPartitions?: unknown): Rdd {
  const g = keyFnArg<Fn1>('sortBy', 'keyfunc', f) ?? fnArg<Fn1>('sortBy', 'keyfunc', f);
  const keyed = keyBy(rdd, g);
  return sortByKey(keyed, ascending, numPartitions ?? rdd.numPartitions).narrow('sortBy', (rows) =>
    (rows as Pair[]).map((kv) => kv[1]),
  );
}
