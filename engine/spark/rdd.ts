/**
 * Spark's RDD with its real semantics, evaluated inside the sandbox: transformations only build
 * lineage (narrow or shuffle dependencies); actions run a job over the partitions and return a
 * promise. Partitions are computed as arrays, narrow steps pipelined per partition, shuffles
 * materialized once (their output is reused by later jobs, as Spark reuses shuffle files), and
 * persisted RDDs keep their partitions. Pairs are `[key, value]` arrays.
 */
import { LIMITS, formatCount } from '../core';
import { approxBytes, compareKeys, keyId } from '../exec/keyOrder';
import type { RddDep } from './jobRecord';
import type { SparkRuntime } from './sparkRuntime';

export type Pair = [unknown, unknown];
type Compute = (p: number) => unknown[];

export interface Aggregator {
  create(v: unknown): unknown;
  merge(c: unknown, v: unknown): unknown;
  combine(a: unknown, b: unknown): unknown;
}

export function sizeOf(rows: unknown[]): number {
  const n = Math.min(rows.length, 32);
  if (n === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += approxBytes(rows[i]) + 8;
  return Math.round((s / n) * rows.length);
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

function deepCopy<T>(v: T): T {
  return typeof v === 'object' && v !== null ? (JSON.parse(JSON.stringify(v)) as T) : v;
}

export class Rdd {
  readonly id: number;
  persisted = false;
  readonly cached = new Map<number, unknown[]>();
  readonly records: number[];
  readonly bytes: number[];
  /** RDDs in the longest path from a source to this one (1 for a source). */
  readonly depth: number;
  source: { path: string; ranges: [number, number][]; files: string[] } | null = null;

  constructor(
    readonly rt: SparkRuntime,
    readonly name: string,
    readonly numPartitions: number,
    readonly deps: RddDep[],
    private readonly computeFn: Compute,
    /** Hash partition count when the RDD is hash partitioned by key (co-partitioned joins are narrow). */
    readonly partitioner: number | null = null,
  ) {
    checkPartitionCount(name, numPartitions);
    this.depth = lineageDepth(rt, name, deps);
    this.id = rt.register(this);
    this.records = new Array<number>(numPartitions).fill(-1);
    this.bytes = new Array<number>(numPartitions).fill(0);
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

  private narrow(name: string, f: (rows: unknown[], p: number) => unknown[], keepPartitioner = false): Rdd {
    return new Rdd(
      this.rt,
      name,
      this.numPartitions,
      [{ kind: 'narrow', parent: this.id, parents: null, shuffleId: -1 }],
      (p) => f(this.iterator(p), p),
      keepPartitioner ? this.partitioner : null,
    );
  }

  // ---- transformations ----
  map(f: (x: unknown) => unknown): Rdd {
    return this.narrow('map', (rows) => rows.map((x) => f(x)));
  }
  flatMap(f: (x: unknown) => Iterable<unknown>): Rdd {
    return this.narrow('flatMap', (rows) => {
      const out: unknown[] = [];
      for (const x of rows) for (const y of f(x)) out.push(y);
      return out;
    });
  }
  filter(f: (x: unknown) => unknown): Rdd {
    return this.narrow('filter', (rows) => rows.filter((x) => f(x)));
  }
  mapValues(f: (v: unknown) => unknown): Rdd {
    return this.narrow('mapValues', (rows) => (rows as Pair[]).map(([k, v]) => [k, f(v)]), true);
  }
  flatMapValues(f: (v: unknown) => Iterable<unknown>): Rdd {
    return this.narrow(
      'flatMapValues',
      (rows) => {
        const out: Pair[] = [];
        for (const [k, v] of rows as Pair[]) for (const w of f(v)) out.push([k, w]);
        return out;
      },
      true,
    );
  }
  keyBy(f: (x: unknown) => unknown): Rdd {
    return this.map((x) => [f(x), x]);
  }
  union(other: Rdd): Rdd {
    const n = this.numPartitions;
    const deps: RddDep[] = [
      {
        kind: 'narrow',
        parent: this.id,
        parents: Array.from({ length: n + other.numPartitions }, (_, p) => (p < n ? [p] : [])),
        shuffleId: -1,
      },
      {
        kind: 'narrow',
        parent: other.id,
        parents: Array.from({ length: n + other.numPartitions }, (_, p) => (p >= n ? [p - n] : [])),
        shuffleId: -1,
      },
    ];
    return new Rdd(this.rt, 'union', n + other.numPartitions, deps, (p) =>
      p < n ? this.iterator(p) : other.iterator(p - n),
    );
  }
  distinct(numPartitions?: number): Rdd {
    return this.map((x) => [x, null])
      .reduceByKey((a) => a, numPartitions)
      .map((kv) => (kv as Pair)[0]);
  }
  combineByKey(agg: Aggregator | null, numPartitions = this.rt.defaultParallelism(this), name = 'shuffled'): Rdd {
    if (this.partitioner === numPartitions && agg) {
      // Already partitioned by key: combine inside each partition, no shuffle (a narrow dependency).
      return this.narrow(name, (rows) => combineRows(rows as Pair[], agg), true);
    }
    return this.rt.shuffle(this, numPartitions, agg, name);
  }
  reduceByKey(f: (a: unknown, b: unknown) => unknown, numPartitions?: number): Rdd {
    return this.combineByKey({ create: (v) => v, merge: f, combine: f }, numPartitions, 'reduceByKey');
  }
  groupByKey(numPartitions?: number): Rdd {
    return this.rt.shuffle(this, numPartitions ?? this.rt.defaultParallelism(this), null, 'groupByKey');
  }
  aggregateByKey(
    zero: unknown,
    seq: (a: unknown, v: unknown) => unknown,
    comb: (a: unknown, b: unknown) => unknown,
    numPartitions?: number,
  ): Rdd {
    return this.combineByKey(
      { create: (v) => seq(deepCopy(zero), v), merge: seq, combine: comb },
      numPartitions,
      'aggregateByKey',
    );
  }
  join(other: Rdd, numPartitions?: number): Rdd {
    return this.rt.cogroup(this, other, numPartitions).flatMapValues((vw) => {
      const [vs, ws] = vw as [unknown[], unknown[]];
      const out: unknown[] = [];
      for (const v of vs) for (const w of ws) out.push([v, w]);
      return out;
    });
  }
  leftOuterJoin(other: Rdd, numPartitions?: number): Rdd {
    return this.rt.cogroup(this, other, numPartitions).flatMapValues((vw) => {
      const [vs, ws] = vw as [unknown[], unknown[]];
      const out: unknown[] = [];
      for (const v of vs)
        if (ws.length === 0) out.push([v, null]);
        else for (const w of ws) out.push([v, w]);
      return out;
    });
  }
  sortByKey(ascending = true, numPartitions = this.numPartitions): Rdd {
    return this.rt.sortShuffle(this, ascending, numPartitions);
  }
  sortBy(f: (x: unknown) => unknown, ascending = true, numPartitions = this.numPartitions): Rdd {
    return this.keyBy(f)
      .sortByKey(ascending, numPartitions)
      .map((kv) => (kv as Pair)[1]);
  }
  repartition(numPartitions: number): Rdd {
    checkPartitionCount('repartition(numPartitions)', numPartitions);
    return this.rt.roundRobin(this, numPartitions);
  }
  coalesce(numPartitions: number, shuffle = false): Rdd {
    checkPartitionCount('coalesce(numPartitions)', numPartitions);
    if (shuffle || numPartitions >= this.numPartitions) return shuffle ? this.repartition(numPartitions) : this;
    const groups = Array.from({ length: numPartitions }, (_, i) => {
      const from = Math.floor((i * this.numPartitions) / numPartitions);
      const to = Math.floor(((i + 1) * this.numPartitions) / numPartitions);
      return Array.from({ length: to - from }, (_, j) => from + j);
    });
    return new Rdd(
      this.rt,
      'coalesce',
      numPartitions,
      [{ kind: 'narrow', parent: this.id, parents: groups, shuffleId: -1 }],
      (p) => groups[p]!.flatMap((q) => this.iterator(q)),
    );
  }
  cache(): Rdd {
    return this.persist();
  }
  persist(_level?: unknown): Rdd {
    this.persisted = true;
    return this;
  }
  unpersist(): Rdd {
    this.persisted = false;
    this.cached.clear();
    return this;
  }

  // ---- actions (each one is a Spark job) ----
  async collect(): Promise<unknown[]> {
    return (await this.rt.runJob(this, 'collect', (rows) => rows)).flat();
  }
  async count(): Promise<number> {
    return (await this.rt.runJob(this, 'count', (rows) => rows.length)).reduce((a, b) => a + b, 0);
  }
  async take(n: number): Promise<unknown[]> {
    const out: unknown[] = [];
    for (let p = 0; p < this.numPartitions && out.length < n; p++) {
      const [rows] = await this.rt.runJob(this, 'take', (r) => r.slice(0, n - out.length), [p]);
      for (const row of rows!) out.push(row);
    }
    return out;
  }
  async first(): Promise<unknown> {
    const [x] = await this.take(1);
    if (x === undefined) throw new Error('first: the RDD is empty');
    return x;
  }
  async reduce(f: (a: unknown, b: unknown) => unknown): Promise<unknown> {
    const parts = await this.rt.runJob(this, 'reduce', (rows) =>
      rows.length === 0 ? [] : [rows.reduce((a, b) => f(a, b))],
    );
    const vals = parts.flat();
    if (vals.length === 0) throw new Error('reduce: the RDD is empty');
    return vals.reduce((a, b) => f(a, b));
  }
  async countByKey(): Promise<Record<string, number>> {
    const counts = await this.map((kv) => [(kv as Pair)[0], 1])
      .reduceByKey((a, b) => (a as number) + (b as number))
      .collect();
    const out: Record<string, number> = {};
    for (const [k, v] of (counts as Pair[]).sort((a, b) => compareKeys(a[0], b[0]))) out[String(k)] = v as number;
    return out;
  }
  async saveAsTextFile(path: string): Promise<void> {
    await this.rt.runJob(this, 'saveAsTextFile', (rows) => rows, undefined, path);
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
