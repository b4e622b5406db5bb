/**
 * Spark SQL's physical operators built from RDDs, named as Spark's plan names them so the DAG
 * shows them: narrow operators (Scan, Filter, Project, HashAggregate partial/final, Sort,
 * BroadcastHashJoin, SortMergeJoin) pipelined inside a stage, and Exchange (a shuffle) between
 * stages. Rows are arrays in schema order.
 */
import type { RddDep } from '../jobRecord';
import { Rdd, type Pair } from '../rdd';
import { keyId } from '../../exec/keyOrder';
import type { Partitioner } from '../hashPartitioner';
import { Murmur3Partitioner } from './murmur3';
import { type AggFn, type DataType } from './column';
import { compareValues } from './expressions';

export function narrowDep(parent: Rdd, parents: number[][] | null = null): RddDep {
  return { kind: 'narrow', parent: parent.id, parents, shuffleId: -1 };
}

/** A narrow operator over each partition of `parent`. */
export function narrowOp(parent: Rdd, name: string, f: (rows: unknown[], p: number) => unknown[]): Rdd {
  return new Rdd(parent.rt, name, parent.numPartitions, [narrowDep(parent)], (p) => f(parent.iterator(p), p));
}

/**
 * A hash Exchange then the operator after it: rows keyed by `key` to `n` partitions (the map side
 * carries the Exchange's name), and `next` over each partition's rows, in map order.
 */
export function exchangeThen(
  parent: Rdd,
  partitioner: Partitioner,
  name: string,
  key: (row: unknown[]) => unknown,
  nextName: string,
  next: (rows: unknown[][]) => unknown[][],
): Rdd {
  const keyed = narrowOp(parent, name, (rows) => rows.map((r) => [key(r as unknown[]), r]));
  const shuffled = parent.rt.shuffle(keyed, partitioner, null, name);
  return narrowOp(shuffled, nextName, (pairs) => next(rowsOf(pairs)));
}

/** The rows a shuffle without an aggregator delivers (Spark's ShuffledRDD gives the [key, row] records). */
function rowsOf(pairs: unknown[]): unknown[][] {
  return (pairs as [unknown, unknown[]][]).map(([, row]) => row);
}

/** The shuffled [key, value] records grouped by key, in the order keys first arrive. */
function groupPairs(pairs: unknown[]): [unknown, unknown[]][] {
  const m = new Map<unknown, [unknown, unknown[]]>();
  for (const [k, v] of pairs as [unknown, unknown][]) {
    const id = keyId(k);
    const e = m.get(id);
    if (e) e[1].push(v);
    else m.set(id, [k, [v]]);
  }
  return [...m.values()];
}

/** The grouping key of a row: the value itself for one column, else the values' tuple. */
export function groupKey(fns: ((r: unknown[]) => unknown)[]): (r: unknown[]) => unknown {
  if (fns.length === 1) return fns[0]!;
  return (r) => fns.map((f) => f(r));
}

export interface AggSpec {
  fn: AggFn;
  /** The input; null for count(*) / count(1). */
  input: ((r: unknown[]) => unknown) | null;
}

type Buf = unknown;

function initBuf(a: AggSpec): Buf {
  return a.fn === 'count' ? 0 : a.fn === 'avg' ? [0, 0] : null;
}

function update(a: AggSpec, b: Buf, row: unknown[]): Buf {
  const v = a.input ? a.input(row) : 1;
  if (v === null || v === undefined) return b;
  switch (a.fn) {
    case 'count':
      return (b as number) + 1;
    case 'sum':
      return b === null ? (v as number) : (b as number) + (v as number);
    case 'avg': {
      const [s, c] = b as [number, number];
      return [s + (v as number), c + 1];
    }
    case 'min':
      return b === null || compareValues(v, b) < 0 ? v : b;
    case 'max':
      return b === null || compareValues(v, b) > 0 ? v : b;
  }
}

function merge(a: AggSpec, x: Buf, y: Buf): Buf {
  switch (a.fn) {
    case 'count':
      return (x as number) + (y as number);
    case 'avg': {
      const [s, c] = x as [number, number];
      const [t, d] = y as [number, number];
      return [s + t, c + d];
    }
    default:
      if (x === null) return y;
      if (y === null) return x;
      if (a.fn === 'sum') return (x as number) + (y as number);
      return (a.fn === 'min' ? compareValues(y, x) < 0 : compareValues(y, x) > 0) ? y : x;
  }
}

function result(a: AggSpec, b: Buf): unknown {
  if (a.fn !== 'avg') return b;
  const [s, c] = b as [number, number];
  return c === 0 ? null : s / c;
}

/**
 * HashAggregate(partial) → Exchange hashpartitioning → HashAggregate(final), Spark's plan for
 * groupBy().agg(): each map task aggregates its partition first (the partial buffers are what
 * crosses the shuffle), the reduce side merges them. With no grouping keys Spark's Exchange is
 * SinglePartition. Output rows: the keys, then each aggregate's value.
 */
export function hashAggregate(
  child: Rdd,
  keys: ((r: unknown[]) => unknown)[],
  aggs: AggSpec[],
  n: number,
  names: { partial: string; exchange: string; final: string },
  /** The grouping keys' column types: Spark SQL's Exchange hashes them with Murmur3 (murmur3.ts). */
  keyTypes: DataType[],
): Rdd {
  const key = keys.length === 0 ? () => 0 : groupKey(keys);
  const partial = narrowOp(child, names.partial, (rows) => {
    const m = new Map<unknown, [unknown, Buf[]]>();
    for (const r of rows as unknown[][]) {
      const k = key(r);
      const id = keyId(k);
      let e = m.get(id);
      if (!e) m.set(id, (e = [k, aggs.map(initBuf)]));
      for (let i = 0; i < aggs.length; i++) e[1][i] = update(aggs[i]!, e[1][i], r);
    }
    // A global aggregate gives one row even over no input (count() of nothing is 0).
    if (keys.length === 0 && m.size === 0) m.set(0, [0, aggs.map(initBuf)]);
    return [...m.values()];
  });
  const parts = keys.length === 0 ? 1 : n;
  return aggregateExchange(partial, parts, keyTypes, names, (pairs) => {
    const out: unknown[][] = [];
    for (const [k, bufs] of groupPairs(pairs) as [unknown, Buf[][]][]) {
      const merged = bufs.reduce((x, y) => x.map((b, i) => merge(aggs[i]!, b, y[i])));
      const keyVals = keys.length === 0 ? [] : keys.length === 1 ? [k] : (k as unknown[]);
      out.push([...keyVals, ...merged.map((b, i) => result(aggs[i]!, b))]);
    }
    return out;
  });
}

/**
 * The Exchange after a HashAggregate (partial) and the HashAggregate (final) after it: the partial
 * rows' [key, buffers] records to `parts` partitions by key (Murmur3 over the keys' types), then
 * `final` over each reduce partition's records. The DataFrame's agg and spark.sql's GROUP BY share it.
 */
export function aggregateExchange(
  partial: Rdd,
  parts: number,
  keyTypes: DataType[],
  names: { exchange: string; final: string },
  /** A reduce partition's records (`shuffled` gives any partition's, for work done once for all). */
  final: (pairs: [unknown, unknown][], p: number, shuffled: Rdd) => unknown[][],
): Rdd {
  const shuffled = partial.rt.shuffle(partial, new Murmur3Partitioner(parts, keyTypes), null, names.exchange);
  return narrowOp(shuffled, names.final, (pairs, p) => final(pairs as [unknown, unknown][], p, shuffled));
}

export interface SortKey {
  eval: (r: unknown[]) => unknown;
  asc: boolean;
  nullsFirst: boolean;
}

/** Spark's SortOrder: each key ascending or descending, nulls first or last as asked. */
export function rowComparator(keys: SortKey[]): (a: unknown[], b: unknown[]) => number {
  const ks = keys;
  return (a, b) => {
    for (const k of ks) {
      const x = k.eval(a);
      const y = k.eval(b);
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null) === k.nullsFirst ? -1 : 1;
      }
      const c = compareValues(x, y);
      if (c !== 0) return k.asc ? c : -c;
    }
    return 0;
  };
}

/**
 * Exchange rangepartitioning → Sort: Spark's plan for orderBy. The range bounds come from the
 * rows' keys (Spark samples them in a job of its own; the cut is the same kind), each partition
 * then sorts its rows, so partition i's rows all come before partition i+1's.
 */
export function rangeSort(child: Rdd, keys: SortKey[], n: number, exchangeName: string, sortName: string): Rdd {
  const cmp = rowComparator(keys);
  let bounds: unknown[][] | null = null;
  const boundsOf = () => {
    if (bounds) return bounds;
    const all = Array.from({ length: child.numPartitions }, (_, q) => child.iterator(q) as unknown[][])
      .flat()
      .sort(cmp);
    return (bounds = Array.from({ length: n - 1 }, (_, i) => all[Math.floor(((i + 1) * all.length) / n)]!).filter(
      (b) => b !== undefined,
    ));
  };
  const keyed = narrowOp(child, exchangeName, (rows) => {
    const b = boundsOf();
    return (rows as unknown[][]).map((r) => {
      // The first bound the row does not sort after (the bounds are in order): a binary search, as
      // Spark's RangePartitioner does past 128 bounds (a scan made 8,000 partitions cost 8,000 compares a row).
      let lo = 0;
      let hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cmp(r, b[mid]!) > 0) lo = mid + 1;
        else hi = mid;
      }
      return [lo, r] as Pair;
    });
  });
  // The key of each record is the range it falls in: the Exchange sends it to that partition.
  const ranges: Partitioner = { numPartitions: n, getPartition: (k) => k as number, equals: () => false };
  const shuffled = child.rt.shuffle(keyed, ranges, null, exchangeName);
  return narrowOp(shuffled, sortName, (pairs) => rowsOf(pairs).sort(cmp));
}

/** Sort within each partition (the Sort under a SortMergeJoin). */
export function localSort(child: Rdd, keys: SortKey[], name: string): Rdd {
  const cmp = rowComparator(keys);
  return narrowOp(child, name, (rows) => [...(rows as unknown[][])].sort(cmp));
}

/** All rows into one partition, in partition order (Exchange SinglePartition), then `next`. */
export function singlePartition(child: Rdd, nextName: string, next: (rows: unknown[][]) => unknown[][]): Rdd {
  return exchangeThen(
    child,
    new Murmur3Partitioner(1, ['integer']),
    'Exchange SinglePartition',
    () => 0,
    nextName,
    next,
  );
}

export type JoinType = 'inner' | 'left' | 'right' | 'full';

/**
 * Joins the rows of one partition of each side on equal, non-null keys (a null key never matches,
 * as in SQL). `combine(l, r)` builds an output row; a missing side is null.
 */
export function joinRows(
  left: unknown[][],
  right: unknown[][],
  lkey: (r: unknown[]) => unknown,
  rkey: (r: unknown[]) => unknown,
  how: JoinType,
  combine: (l: unknown[] | null, r: unknown[] | null) => unknown[],
  keepUnmatchedRight: boolean,
): unknown[][] {
  const index = new Map<unknown, { rows: unknown[][]; matched: boolean }>();
  const unkeyedRight: unknown[][] = [];
  for (const r of right) {
    const k = rkey(r);
    if (hasNull(k)) {
      unkeyedRight.push(r);
      continue;
    }
    const id = keyId(k);
    let e = index.get(id);
    if (!e) index.set(id, (e = { rows: [], matched: false }));
    e.rows.push(r);
  }
  const out: unknown[][] = [];
  for (const l of left) {
    const k = lkey(l);
    const e = hasNull(k) ? undefined : index.get(keyId(k));
    if (e) {
      e.matched = true;
      for (const r of e.rows) out.push(combine(l, r));
    } else if (how === 'left' || how === 'full') out.push(combine(l, null));
  }
  if (keepUnmatchedRight && (how === 'right' || how === 'full')) {
    for (const e of index.values()) if (!e.matched) for (const r of e.rows) out.push(combine(null, r));
    for (const r of unkeyedRight) out.push(combine(null, r));
  }
  return out;
}

function hasNull(k: unknown): boolean {
  return k === null || (Array.isArray(k) && k.some((x) => x === null));
}

/** Rows of a two-parent operator whose partitions line up (SortMergeJoin after two Exchanges). */
export function zipOp(a: Rdd, b: Rdd, name: string, f: (x: unknown[][], y: unknown[][]) => unknown[][]): Rdd {
  return new Rdd(a.rt, name, a.numPartitions, [narrowDep(a), narrowDep(b)], (p) =>
    f(a.iterator(p) as unknown[][], b.iterator(p) as unknown[][]),
  );
}

/**
 * BroadcastExchange + BroadcastHashJoin: the small side is collected once into one partition that
 * every partition of the big side reads (no shuffle on the big side).
 */
export function broadcastJoin(
  big: Rdd,
  small: Rdd,
  bigIsLeft: boolean,
  f: (bigRows: unknown[][], smallRows: unknown[][]) => unknown[][],
  names: { exchange: string; join: string },
): Rdd {
  const all = Array.from({ length: small.numPartitions }, (_, i) => i);
  const bcast = new Rdd(big.rt, names.exchange, 1, [narrowDep(small, [all])], () =>
    all.flatMap((q) => small.iterator(q)),
  );
  let rows: unknown[][] | null = null;
  const deps = [
    narrowDep(big),
    narrowDep(
      bcast,
      Array.from({ length: big.numPartitions }, () => [0]),
    ),
  ];
  return new Rdd(big.rt, names.join, big.numPartitions, bigIsLeft ? deps : [deps[1]!, deps[0]!], (p) => {
    rows ??= bcast.iterator(0) as unknown[][];
    return f(big.iterator(p) as unknown[][], rows);
  });
}
