/**
 * Spark's RDD with its real semantics, evaluated inside the sandbox: transformations only build
 * lineage (narrow or shuffle dependencies); actions run a job over the partitions and return a
 * promise (the methods are in rddApi.ts and the files it gathers). Partitions are computed as arrays, narrow steps pipelined per partition, shuffles
 * materialized once (their output is reused by later jobs, as Spark reuses shuffle files), and
 * persisted RDDs keep their partitions. Pairs are `[key, value]` arrays.
 */
import { LIMITS, formatCount } from '../core';
import { approxBytes, keyId } from '../exec/keyOrder';
import type { Partitioner } from './hashPartitioner';
import type { RddDep } from './jobRecord';
import type { SparkRuntime } from './sparkRuntime';

export type Pair = [unknown, unknown];
type Compute = (p: number) => unknown[];

export interface Aggregator {
  create(v: unknown): unknown;
  merge(c: unknown, v: unknown): unknown;
  combine(a: unknown, b: unknown): unknown;
  /** The learner's functions it calls (an engine aggregator: none); absent when not known. */
  learnerFns?: readonly unknown[];
}

export function sizeOf(rows: unknown[]): number {
  const n = Math.min(rows.length, SIZE_SAMPLE);
  let s = 0;
  for (let i = 0; i < n; i++) s += rowBytes(rows[i]);
  return sizeFromSample(s, n, rows.length);
}

/** How many of a partition's first rows its size is estimated from. */
export const SIZE_SAMPLE = 32;

/** One sampled row's bytes in sizeOf. */
export function rowBytes(row: unknown): number {
  return approxBytes(row) + 8;
}

/** sizeOf from the bytes of the first `sampled` rows (rowBytes) of `count` rows. */
export function sizeFromSample(sampleBytes: number, sampled: number, count: number): number {
  return sampled === 0 ? 0 : Math.round((sampleBytes / sampled) * count);
}

/** A map, filter or flatMap over single rows with the learner's function (a pipelined map task runs them row by row: fusedMapSide.ts). */
export interface RowStep {
  kind: 'map' | 'filter' | 'flatMap';
  fn: (x: unknown) => unknown;
}

/**
 * A partition count the learner gave (`parallelize(data, n)`, `repartition(n)`...): a whole number
 * from 1 to LIMITS.maxPartitions, checked before any partition is built. Thrown inside the
 * learner's call, so the error names their line.
 */
export function checkPartitionCount(what: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw new RangeError(`${what}: the number of partitions must be a whole number of at least 1, got ${String(n)}`);
  if (n > LIMITS.maxPartitions)
    throw new RangeError(
      `${what}: ${formatCount(n)} partitions is more than the simulator's limit of ${formatCount(LIMITS.maxPartitions)} partitions per RDD`,
    );
  return n;
}

/**
 * The depth of a new RDD's lineage, checked against LIMITS.maxLineageDepth before it is built
 * (the scheduler walks lineages recursively, as Spark's does). Thrown inside the learner's call.
 */
function lineageDepth(rt: SparkRuntime, name: string, deps: RddDep[]): number {
  let depth = 1;
  for (const d of deps) depth = Math.max(depth, (rt.rdds[d.parent]?.depth ?? 0) + 1);
  if (depth > LIMITS.maxLineageDepth)
    throw new RangeError(
      `${name}: this RDD's lineage would be ${formatCount(depth)} RDDs long, more than the simulator's limit of ${formatCount(LIMITS.maxLineageDepth)} (Spark itself overflows its stack on lineages this long and cuts them with checkpoint()); start a new lineage from collected data, e.g. sc.parallelize(await rdd.collect())`,
    );
  return depth;
}

/** Spark's StorageLevel names (persist(level)); cache() is MEMORY_ONLY. */
export const STORAGE_LEVELS = [
  'NONE',
  'DISK_ONLY',
  'DISK_ONLY_2',
  'DISK_ONLY_3',
  'MEMORY_ONLY',
  'MEMORY_ONLY_2',
  'MEMORY_ONLY_SER',
  'MEMORY_ONLY_SER_2',
  'MEMORY_AND_DISK',
  'MEMORY_AND_DISK_2',
  'MEMORY_AND_DISK_SER',
  'MEMORY_AND_DISK_SER_2',
  'OFF_HEAP',
] as const;
export type StorageLevelName = (typeof STORAGE_LEVELS)[number];

/**
 * One RDD: its lineage (deps), how a partition is computed, its partitioner and what Spark shows
 * of it (class name, creation site, name, storage level). The RDD API itself is in rddApi.ts.
 */
export class Rdd {
  readonly id: number;
  persisted = false;
  storageLevel: StorageLevelName = 'NONE';
  /** The name given with setName (Spark's rdd.name), null until then. */
  userName: string | null = null;
  /** Spark's class of this RDD, as toDebugString prints it. */
  sparkClass: string;
  /** Where the learner created it: an Error whose stack has their line (read only when needed). */
  readonly site: Error = new Error('call site');
  private siteText: string | null | undefined;
  readonly cached = new Map<number, unknown[]>();
  readonly records: number[];
  readonly bytes: number[];
  /** RDDs in the longest path from a source to this one (1 for a source). */
  readonly depth: number;
  source: { path: string; ranges: [number, number][]; files: string[] } | null = null;
  /** Set when this RDD is a map, filter or flatMap of its parent's rows (fusedMapSide.ts). */
  step: RowStep | null = null;
  /**
   * Hands a partition's rows one by one, the same as computing it gives, with no effect of the
   * learner's (textFile's lines, each with its byte offset): a pipelined map task reads its source this way (fusedMapSide.ts).
   */
  eachRow: ((p: number, each: (offset: number, row: unknown) => void) => void) | null = null;

  constructor(
    readonly rt: SparkRuntime,
    readonly name: string,
    readonly numPartitions: number,
    readonly deps: RddDep[],
    private readonly computeFn: Compute,
    /** How keys are placed in partitions when known (RDDs with equal partitioners are co-partitioned). */
    readonly partitioner: Partitioner | null = null,
  ) {
    checkPartitionCount(name, numPartitions);
    this.depth = lineageDepth(rt, name, deps);
    this.sparkClass = deps.length === 0 && name === 'parallelize' ? 'ParallelCollectionRDD' : 'MapPartitionsRDD';
    this.id = rt.register(this);
    this.records = new Array<number>(numPartitions).fill(-1);
    this.bytes = new Array<number>(numPartitions).fill(0);
  }

  /** The learner's file:line that created it (Spark's creation site), if known. */
  get callSite(): string | null {
    if (this.siteText === undefined) this.siteText = this.rt.describeSite(this.site);
    return this.siteText;
  }

  /** The partition's rows: from the cache, or computed (and then cached if persisted). */
  iterator(p: number): unknown[] {
    const hit = this.cached.get(p);
    if (hit) return hit;
    const rows = this.computeFn(p);
    if (this.records[p] === -1) {
      this.records[p] = rows.length;
      this.bytes[p] = sizeOf(rows);
    }
    if (this.persisted) this.cached.set(p, rows);
    return rows;
  }

  /** A child computed partition by partition from this one (Spark's MapPartitionsRDD). */
  /** `f` also gets the child's creation site, to name the learner's line in errors it finds. */
  narrow(name: string, f: (rows: unknown[], p: number, site: Error) => unknown[], keepPartitioner = false): Rdd {
    const child: Rdd = new Rdd(
      this.rt,
      name,
      this.numPartitions,
      [{ kind: 'narrow', parent: this.id, parents: null, shuffleId: -1 }],
      (p) => f(this.iterator(p), p, child.site),
      keepPartitioner ? this.partitioner : null,
    );
    return child;
  }
}

export function combineRows(rows: Pair[], agg: Aggregator): Pair[] {
  const m = new Map<unknown, Pair>();
  for (const [k, v] of rows) {
    const id = keyId(k);
    const c = m.get(id);
    if (c === undefined) m.set(id, [k, agg.create(v)]);
    else c[1] = agg.merge(c[1], v);
  }
  return [...m.values()];
}
