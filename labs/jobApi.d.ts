/**
 * The job API as job files see it: the globals of a MapReduce or Spark job file (Hadoop's names
 * for MapReduce, Spark's RDD names for Spark). The labs' starter, solution and reference files
 * are type-checked against it (labs/tsconfig.jobs.json), and the editor gives it to Monaco for
 * autocomplete and squiggles (renderer/features/editor/jobApiTypes.ts). Global types: job files
 * name them in JSDoc (`/** @type {MapReduceJob} *\/`, `/** @param {SparkContext} sc *\/`).
 */
/** Emits key/value pairs from map, combine and reduce (Hadoop's Context.write). */
interface MapReduceContext<K = unknown, V = unknown> {
  write(key: K, value: V): void;
}

/**
 * A MapReduce job (Hadoop's names, TextInputFormat): map gets the byte offset of each line and
 * the line; reduce gets all values of one key as an array, keys in sorted order.
 */
interface MapReduceJob<K = any, V = any, OK = any, OV = any> {
  kind: 'mapreduce';
  /** Shown on the timeline and in errors. Default: "job 1", "job 2", ... */
  name?: string;
  /** A DFS path, or an array of them. */
  input: string | string[];
  /** Written back to HDFS as part-r-00000, part-r-00001, ... */
  output: string;
  /** How many reducers (and output partitions). Default 1. */
  numReduceTasks?: number;
  map(offset: number, line: string, ctx: MapReduceContext<K, V>): void;
  /** Optional: runs on each map task's output before the shuffle; same shape as reduce. */
  combine?(key: K, values: V[], ctx: MapReduceContext<K, V>): void;
  reduce(key: K, values: V[], ctx: MapReduceContext<OK, OV>): void;
  /** Optional: which reducer gets a key. Default: a hash of the key. */
  partition?(key: K, numReduceTasks: number): number;
}

interface Broadcast<T> {
  readonly value: T;
}

/** Any value; an array literal returned by map or flatMap is read as a [key, value] pair. */
type Pairable = {} | null | undefined | [unknown, unknown];

/** A resilient distributed dataset: lazy transformations, actions return promises. */
interface RDD<T> {
  map<U extends Pairable>(f: (x: T) => U): RDD<U>;
  flatMap<U extends Pairable>(f: (x: T) => Iterable<U>): RDD<U>;
  filter(f: (x: T) => boolean): RDD<T>;
  distinct(numPartitions?: number): RDD<T>;
  union(other: RDD<T>): RDD<T>;
  keyBy<K>(f: (x: T) => K): RDD<[K, T]>;
  sortBy<K>(f: (x: T) => K, ascending?: boolean, numPartitions?: number): RDD<T>;
  repartition(numPartitions: number): RDD<T>;
  coalesce(numPartitions: number): RDD<T>;
  cache(): RDD<T>;
  persist(level?: string): RDD<T>;
  unpersist(): RDD<T>;
  collect(): Promise<T[]>;
  count(): Promise<number>;
  take(n: number): Promise<T[]>;
  first(): Promise<T>;
  reduce(f: (a: T, b: T) => T): Promise<T>;
  saveAsTextFile(path: string): Promise<void>;
  getNumPartitions(): number;
  // Pair functions: for RDDs of [key, value] arrays. A pair may also be an array of one type,
  // such as `line.split(' ')`: the second signature of each.
  mapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => U): RDD<[K, U]>;
  mapValues<K, U>(this: RDD<K[]>, f: (v: K) => U): RDD<[K, U]>;
  flatMapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => Iterable<U>): RDD<[K, U]>;
  reduceByKey<K, V>(this: RDD<[K, V]>, f: (a: V, b: V) => V, numPartitions?: number): RDD<[K, V]>;
  reduceByKey<K>(this: RDD<K[]>, f: (a: K, b: K) => K, numPartitions?: number): RDD<[K, K]>;
  groupByKey<K, V>(this: RDD<[K, V]>, numPartitions?: number): RDD<[K, V[]]>;
  groupByKey<K>(this: RDD<K[]>, numPartitions?: number): RDD<[K, K[]]>;
  aggregateByKey<K, V, U>(
    this: RDD<[K, V]>,
    zero: U,
    seqOp: (acc: U, v: V) => U,
    combOp: (a: U, b: U) => U,
    numPartitions?: number,
  ): RDD<[K, U]>;
  sortByKey<K, V>(this: RDD<[K, V]>, ascending?: boolean, numPartitions?: number): RDD<[K, V]>;
  sortByKey<K>(this: RDD<K[]>, ascending?: boolean, numPartitions?: number): RDD<[K, K]>;
  join<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W]]>;
  join<K, W>(this: RDD<K[]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [K, W]]>;
  leftOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W | null]]>;
  countByKey<K, V>(this: RDD<[K, V]>): Promise<Record<string, number>>;
}

/** The entry point of a Spark job: `export default async (sc) => ...`. */
interface SparkContext {
  textFile(path: string, minPartitions?: number): RDD<string>;
  parallelize<T>(data: T[], numSlices?: number): RDD<T>;
  broadcast<T>(value: T): Broadcast<T>;
}

declare const console: {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
};

type SparkJob = (sc: SparkContext) => Promise<unknown> | unknown;
