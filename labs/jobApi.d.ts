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

/**
 * A broadcast variable: a value shipped once to every executor instead of with every task.
 * The tasks read a snapshot taken when it was broadcast, deep-copied and read-only (writing to it
 * in a task throws a TypeError); the driver's `value` is the object it broadcast.
 * Spark: org.apache.spark.broadcast.Broadcast · PySpark: pyspark.Broadcast
 */
interface Broadcast<T> {
  /**
   * The value: in a task the read-only snapshot, on the driver the object broadcast. After
   * destroy(), reading it fails ("Attempted to use Broadcast(0) after it was destroyed").
   * Spark: Broadcast.value · PySpark: Broadcast.value
   */
  readonly value: T;
  /** Spark: Broadcast.id · PySpark: Broadcast (no id; the broadcast's number, from 0) */
  readonly id: number;
  /** Drops the executors' copies; a later task fetches it again. Spark: Broadcast.unpersist · PySpark: Broadcast.unpersist */
  unpersist(blocking?: boolean): void;
  /** Removes it everywhere; using it afterwards fails. Spark: Broadcast.destroy · PySpark: Broadcast.destroy */
  destroy(blocking?: boolean): void;
}

/**
 * An accumulator: tasks add to it, the driver reads the total. Inside a task `add` goes to the
 * task's own copy, merged into the driver's value when the task succeeds (a failed task's adds
 * are dropped); a transformation recomputed by two actions adds twice (cache it to add once).
 * Reading `value` (or count, sum, avg, isZero) inside a task throws, as in PySpark.
 * Spark: org.apache.spark.util.AccumulatorV2 · PySpark: pyspark.Accumulator
 */
interface Accumulator<IN, OUT> {
  /** Spark: AccumulatorV2.add · PySpark: Accumulator.add */
  add(v: IN): void;
  /** The driver's total. Spark: AccumulatorV2.value · PySpark: Accumulator.value */
  readonly value: OUT;
  /** Back to zero. Spark: AccumulatorV2.reset · PySpark: (none; set value) */
  reset(): void;
  /** Spark: AccumulatorV2.isZero · PySpark: (none) */
  isZero(): boolean;
  /** The name given when it was made, or null. Spark: AccumulatorV2.name · PySpark: (none) */
  readonly name: string | null;
  /** Spark: AccumulatorV2.id · PySpark: (none) */
  readonly id: number;
}

/**
 * Whole numbers (a Scala Long): also counts and averages what was added.
 * Spark: org.apache.spark.util.LongAccumulator · PySpark: sc.accumulator(0)
 */
interface LongAccumulator extends Accumulator<number, number> {
  /** How many values were added. Spark: LongAccumulator.count · PySpark: (none) */
  readonly count: number;
  /** The sum (the same as value). Spark: LongAccumulator.sum · PySpark: (none) */
  readonly sum: number;
  /** sum / count (NaN when nothing was added). Spark: LongAccumulator.avg · PySpark: (none) */
  readonly avg: number;
}

/** Spark: org.apache.spark.util.DoubleAccumulator · PySpark: sc.accumulator(0.0) */
interface DoubleAccumulator extends LongAccumulator {}

/**
 * A list of everything the tasks added (copied as a serializer would), in task order.
 * Spark: org.apache.spark.util.CollectionAccumulator · PySpark: (none; an AccumulatorParam)
 */
interface CollectionAccumulator<T> extends Accumulator<T, T[]> {}

/**
 * PySpark's number accumulator: `sc.accumulator(0)`; the driver may also set `value`.
 * Spark: (Spark 1's Accumulator) · PySpark: pyspark.Accumulator
 */
interface NumberAccumulator extends Accumulator<number, number> {
  /** Spark: (none) · PySpark: Accumulator.value (settable on the driver) */
  value: number;
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

/**
 * The entry point of a Spark job: `export default async (sc) => ...`. A member that does not
 * exist but is close to one that does (`sc.textfile`) is a TypeError naming the right one.
 * Spark: org.apache.spark.SparkContext · PySpark: pyspark.SparkContext
 */
interface SparkContext {
  /** The lines of a file or of a directory's files. Spark: SparkContext.textFile · PySpark: sc.textFile */
  textFile(path: string, minPartitions?: number): RDD<string>;
  /**
   * An RDD of the array's elements cut into numSlices partitions (default: defaultParallelism).
   * Spark: SparkContext.parallelize · PySpark: sc.parallelize
   */
  parallelize<T>(data: T[], numSlices?: number): RDD<T>;
  /**
   * The whole numbers from start (inclusive) to end (exclusive) by step; `range(n)` is 0 to n-1.
   * Spark: SparkContext.range · PySpark: sc.range
   */
  range(start: number, end?: number, step?: number, numSlices?: number): RDD<number>;
  /** One RDD with the elements of all of them. Spark: SparkContext.union · PySpark: sc.union */
  union<T>(rdds: RDD<T>[]): RDD<T>;
  /** An RDD with no elements (one empty partition here). Spark: SparkContext.emptyRDD · PySpark: sc.emptyRDD */
  emptyRDD<T = never>(): RDD<T>;
  /** A read-only value shipped once to each executor. Spark: SparkContext.broadcast · PySpark: sc.broadcast */
  broadcast<T>(value: T): Broadcast<T>;
  /** Spark: SparkContext.longAccumulator · PySpark: sc.accumulator(0) */
  longAccumulator(name?: string): LongAccumulator;
  /** Spark: SparkContext.doubleAccumulator · PySpark: sc.accumulator(0.0) */
  doubleAccumulator(name?: string): DoubleAccumulator;
  /** Spark: SparkContext.collectionAccumulator · PySpark: (none) */
  collectionAccumulator<T>(name?: string): CollectionAccumulator<T>;
  /** A number accumulator starting at `value` (default 0). Spark: (none) · PySpark: sc.accumulator */
  accumulator(value?: number): NumberAccumulator;
  /**
   * One of ALL, DEBUG, ERROR, FATAL, INFO, OFF, TRACE, WARN (checked as Spark checks it; the
   * simulator's Spark writes no log). Spark: SparkContext.setLogLevel · PySpark: sc.setLogLevel
   */
  setLogLevel(level: string): void;
  /** After stop(), sc's methods fail. Spark: SparkContext.stop · PySpark: sc.stop */
  stop(): void;
  /**
   * The executors' total cores (at least 2), or spark.default.parallelism when the run sets it
   * (`--conf spark.default.parallelism=8`). Spark: SparkContext.defaultParallelism · PySpark: sc.defaultParallelism
   */
  readonly defaultParallelism: number;
  /** The job file's name. Spark: SparkContext.appName · PySpark: sc.appName */
  readonly appName: string;
  /** Always "yarn": the simulated cluster runs Spark on YARN. Spark: SparkContext.master · PySpark: sc.master */
  readonly master: string;
  /** The Spark version whose behaviour ClusterLab follows, "3.5.1". Spark: SparkContext.version · PySpark: sc.version */
  readonly version: string;
}

declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void };

/**
 * A Spark job file's default export: the driver program, given `sc`. Functions passed to RDD
 * methods are closures shipped to tasks: each task gets its own copy of the driver's variables
 * they use (changes stay in the task), as Spark's guide ("Understanding closures") explains; use
 * an accumulator to count across tasks.
 * Spark: a driver program's main(args) · PySpark: a script run by spark-submit
 */
type SparkJob = (sc: SparkContext) => Promise<unknown> | unknown;
