/**
 * The job API's TypeScript declarations, given to Monaco so learners get autocomplete and
 * error squiggles offline. They describe the job-file format of the `clusterlab` engine:
 * Hadoop's names for MapReduce, Spark's RDD names for Spark. Global types: no import needed.
 */
export const JOB_API_DTS = `
/** Emits key/value pairs from map, combine and reduce (Hadoop's Context.write). */
interface MapReduceContext<K = unknown, V = unknown> {
  write(key: K, value: V): void;
}

/**
 * A MapReduce job (Hadoop's names, TextInputFormat): map gets the byte offset of each line and
 * the line; values reaching reduce are grouped by key and sorted.
 */
interface MapReduceJob<K = any, V = any, OK = any, OV = any> {
  kind: 'mapreduce';
  /** A DFS path, or an array of them. */
  input: string | string[];
  /** Written back to HDFS as part-r-00000, part-r-00001, ... */
  output: string;
  /** How many reducers (and output partitions). Default 1. */
  numReduceTasks?: number;
  map(offset: number, line: string, ctx: MapReduceContext<K, V>): void;
  /** Optional: runs on each map task's output before the shuffle; same shape as reduce. */
  combine?(key: K, values: Iterable<V>, ctx: MapReduceContext<K, V>): void;
  reduce(key: K, values: Iterable<V>, ctx: MapReduceContext<OK, OV>): void;
  /** Optional: which reducer gets a key. Default: a hash of the key. */
  partition?(key: K, numReduceTasks: number): number;
}

interface Broadcast<T> {
  readonly value: T;
}

/** A resilient distributed dataset: lazy transformations, actions return promises. */
interface RDD<T> {
  map<U>(f: (x: T) => U): RDD<U>;
  flatMap<U>(f: (x: T) => Iterable<U>): RDD<U>;
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
  // Pair functions: for RDDs of [key, value] arrays.
  mapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => U): RDD<[K, U]>;
  flatMapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => Iterable<U>): RDD<[K, U]>;
  reduceByKey<K, V>(this: RDD<[K, V]>, f: (a: V, b: V) => V, numPartitions?: number): RDD<[K, V]>;
  groupByKey<K, V>(this: RDD<[K, V]>, numPartitions?: number): RDD<[K, V[]]>;
  aggregateByKey<K, V, U>(this: RDD<[K, V]>, zero: U, seqOp: (acc: U, v: V) => U, combOp: (a: U, b: U) => U, numPartitions?: number): RDD<[K, U]>;
  sortByKey<K, V>(this: RDD<[K, V]>, ascending?: boolean, numPartitions?: number): RDD<[K, V]>;
  join<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W]]>;
  leftOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W | null]]>;
  countByKey<K, V>(this: RDD<[K, V]>): Promise<Record<string, number>>;
}

/** The entry point of a Spark job: \`export default async (sc) => ...\`. */
interface SparkContext {
  textFile(path: string, minPartitions?: number): RDD<string>;
  parallelize<T>(data: T[], numSlices?: number): RDD<T>;
  broadcast<T>(value: T): Broadcast<T>;
}

declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void };

type SparkJob = (sc: SparkContext) => Promise<unknown> | unknown;
`;
