/**
 * The job API as job files see it: the globals of a MapReduce or Spark job file (Hadoop's names
 * for MapReduce, Spark's RDD names for Spark). The labs' starter, solution and reference files
 * are type-checked against it (labs/tsconfig.jobs.json), and the editor gives it to Monaco for
 * autocomplete and squiggles (renderer/features/editor/jobApiTypes.ts). Global types: job files
 * name them in JSDoc (`/** @type {MapReduceJob} *\/`, `/** @param {SparkContext} sc *\/`).
 */
/** Emits key/value pairs from map, combine and reduce (Hadoop's Context.write). */
interface MapReduceContext<K = unknown, V = unknown> {
  /**
   * Emits one key/value pair.
   * @counterpart Hadoop: TaskInputOutputContext.write (Mapper.Context, Reducer.Context)
   */
  write(key: K, value: V): void;
}

/**
 * A MapReduce job (Hadoop's names, TextInputFormat): map gets the byte offset of each line and
 * the line; reduce gets all values of one key as an array, keys in sorted order.
 */
interface MapReduceJob<K = any, V = any, OK = any, OV = any> {
  /**
   * Tells a MapReduce job file from a Spark one.
   * @counterpart ClusterLab: Hadoop's job is a Java class with a driver main(); this object is its configuration
   */
  kind: 'mapreduce';
  /**
   * Shown on the timeline and in errors. Default: "job 1", "job 2", ...
   * @counterpart Hadoop: Job.setJobName (mapreduce.job.name)
   */
  name?: string;
  /**
   * A DFS path, or an array of them.
   * @counterpart Hadoop: FileInputFormat.addInputPath (mapreduce.input.fileinputformat.inputdir)
   */
  input: string | string[];
  /**
   * Written back to HDFS as part-r-00000, part-r-00001, ...
   * @counterpart Hadoop: FileOutputFormat.setOutputPath (mapreduce.output.fileoutputformat.outputdir)
   */
  output: string;
  /**
   * How many reducers (and output partitions). Default 1.
   * @counterpart Hadoop: Job.setNumReduceTasks (mapreduce.job.reduces)
   */
  numReduceTasks?: number;
  /**
   * Called once per input line with its byte offset (the key of TextInputFormat).
   * @counterpart Hadoop: Mapper.map
   */
  map(offset: number, line: string, ctx: MapReduceContext<K, V>): void;
  /**
   * Optional: runs on each map task's output before the shuffle; same shape as reduce.
   * @counterpart Hadoop: Job.setCombinerClass (a Reducer run on map output)
   */
  combine?(key: K, values: V[], ctx: MapReduceContext<K, V>): void;
  /**
   * Called once per key with all its values, keys in sorted order.
   * @counterpart Hadoop: Reducer.reduce
   */
  reduce(key: K, values: V[], ctx: MapReduceContext<OK, OV>): void;
  /**
   * Optional: which reducer gets a key. Default: a hash of the key.
   * @counterpart Hadoop: Partitioner.getPartition (default HashPartitioner)
   */
  partition?(key: K, numReduceTasks: number): number;
}

interface Broadcast<T> {
  /**
   * The broadcast value, read-only on the executors.
   * @counterpart Spark: Broadcast.value · PySpark: broadcast.value
   */
  readonly value: T;
}

/** Any value; an array literal returned by map or flatMap is read as a [key, value] pair. */
type Pairable = {} | null | undefined | [unknown, unknown];

/** A resilient distributed dataset: lazy transformations, actions return promises. */
interface RDD<T> {
  /**
   * A new RDD of f applied to each element.
   * @counterpart Spark: RDD.map · PySpark: rdd.map
   */
  map<U extends Pairable>(f: (x: T) => U): RDD<U>;
  /**
   * A new RDD of all the elements f returns for each element.
   * @counterpart Spark: RDD.flatMap · PySpark: rdd.flatMap
   */
  flatMap<U extends Pairable>(f: (x: T) => Iterable<U>): RDD<U>;
  /**
   * A new RDD of the elements for which f is true.
   * @counterpart Spark: RDD.filter · PySpark: rdd.filter
   */
  filter(f: (x: T) => boolean): RDD<T>;
  /**
   * The distinct elements (a shuffle).
   * @counterpart Spark: RDD.distinct · PySpark: rdd.distinct
   */
  distinct(numPartitions?: number): RDD<T>;
  /**
   * The elements of both RDDs, duplicates kept (no shuffle).
   * @counterpart Spark: RDD.union · PySpark: rdd.union
   */
  union(other: RDD<T>): RDD<T>;
  /**
   * Pairs [f(x), x].
   * @counterpart Spark: RDD.keyBy · PySpark: rdd.keyBy
   */
  keyBy<K>(f: (x: T) => K): RDD<[K, T]>;
  /**
   * The elements sorted by f(x) (a range-partitioned shuffle).
   * @counterpart Spark: RDD.sortBy · PySpark: rdd.sortBy
   */
  sortBy<K>(f: (x: T) => K, ascending?: boolean, numPartitions?: number): RDD<T>;
  /**
   * Exactly numPartitions partitions, by a full shuffle.
   * @counterpart Spark: RDD.repartition · PySpark: rdd.repartition
   */
  repartition(numPartitions: number): RDD<T>;
  /**
   * Fewer partitions without a shuffle.
   * @counterpart Spark: RDD.coalesce · PySpark: rdd.coalesce
   */
  coalesce(numPartitions: number): RDD<T>;
  /**
   * Keeps the partitions in executor memory once computed (persist with MEMORY_ONLY).
   * @counterpart Spark: RDD.cache · PySpark: rdd.cache
   */
  cache(): RDD<T>;
  /**
   * Keeps the partitions once computed, at a storage level.
   * @counterpart Spark: RDD.persist · PySpark: rdd.persist
   */
  persist(level?: string): RDD<T>;
  /**
   * Drops the kept partitions.
   * @counterpart Spark: RDD.unpersist · PySpark: rdd.unpersist
   */
  unpersist(): RDD<T>;
  /**
   * All elements, brought to the driver (an action: runs a job).
   * @counterpart Spark: RDD.collect · PySpark: rdd.collect
   */
  collect(): Promise<T[]>;
  /**
   * The number of elements (an action).
   * @counterpart Spark: RDD.count · PySpark: rdd.count
   */
  count(): Promise<number>;
  /**
   * The first n elements, scanning as few partitions as it can (an action).
   * @counterpart Spark: RDD.take · PySpark: rdd.take
   */
  take(n: number): Promise<T[]>;
  /**
   * The first element (an action).
   * @counterpart Spark: RDD.first · PySpark: rdd.first
   */
  first(): Promise<T>;
  /**
   * Combines all elements with f, which must be commutative and associative (an action).
   * @counterpart Spark: RDD.reduce · PySpark: rdd.reduce
   */
  reduce(f: (a: T, b: T) => T): Promise<T>;
  /**
   * Writes one part-NNNNN file per partition and _SUCCESS into a new HDFS directory; an existing one is an error (an action).
   * @counterpart Spark: RDD.saveAsTextFile · PySpark: rdd.saveAsTextFile
   */
  saveAsTextFile(path: string): Promise<void>;
  /**
   * How many partitions the RDD has.
   * @counterpart Spark: RDD.getNumPartitions · PySpark: rdd.getNumPartitions
   */
  getNumPartitions(): number;
  // Pair functions: for RDDs of [key, value] arrays. A pair may also be an array of one type,
  // such as `line.split(' ')`: the second signature of each.
  /**
   * f applied to each value, keys and partitioning kept.
   * @counterpart Spark: PairRDDFunctions.mapValues · PySpark: rdd.mapValues
   */
  mapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => U): RDD<[K, U]>;
  mapValues<K, U>(this: RDD<K[]>, f: (v: K) => U): RDD<[K, U]>;
  /**
   * Each value replaced by the values f returns, keys kept.
   * @counterpart Spark: PairRDDFunctions.flatMapValues · PySpark: rdd.flatMapValues
   */
  flatMapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => Iterable<U>): RDD<[K, U]>;
  /**
   * The values of each key merged with f, combined on the map side before the shuffle.
   * @counterpart Spark: PairRDDFunctions.reduceByKey · PySpark: rdd.reduceByKey
   */
  reduceByKey<K, V>(this: RDD<[K, V]>, f: (a: V, b: V) => V, numPartitions?: number): RDD<[K, V]>;
  reduceByKey<K>(this: RDD<K[]>, f: (a: K, b: K) => K, numPartitions?: number): RDD<[K, K]>;
  /**
   * All values of each key in one array (no map-side combine).
   * @counterpart Spark: PairRDDFunctions.groupByKey · PySpark: rdd.groupByKey
   */
  groupByKey<K, V>(this: RDD<[K, V]>, numPartitions?: number): RDD<[K, V[]]>;
  groupByKey<K>(this: RDD<K[]>, numPartitions?: number): RDD<[K, K[]]>;
  /**
   * The values of each key folded into a copy of zero with seqOp within each partition, then merged with combOp.
   * @counterpart Spark: PairRDDFunctions.aggregateByKey · PySpark: rdd.aggregateByKey
   */
  aggregateByKey<K, V, U>(
    this: RDD<[K, V]>,
    zero: U,
    seqOp: (acc: U, v: V) => U,
    combOp: (a: U, b: U) => U,
    numPartitions?: number,
  ): RDD<[K, U]>;
  /**
   * Sorted by key (a range-partitioned shuffle).
   * @counterpart Spark: OrderedRDDFunctions.sortByKey · PySpark: rdd.sortByKey
   */
  sortByKey<K, V>(this: RDD<[K, V]>, ascending?: boolean, numPartitions?: number): RDD<[K, V]>;
  sortByKey<K>(this: RDD<K[]>, ascending?: boolean, numPartitions?: number): RDD<[K, K]>;
  /**
   * Pairs [k, [v, w]] for each key in both RDDs.
   * @counterpart Spark: PairRDDFunctions.join · PySpark: rdd.join
   */
  join<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W]]>;
  join<K, W>(this: RDD<K[]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [K, W]]>;
  /**
   * Every pair of this RDD, with the matching values of the other or null.
   * @counterpart Spark: PairRDDFunctions.leftOuterJoin · PySpark: rdd.leftOuterJoin
   */
  leftOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W | null]]>;
  /**
   * The number of elements of each key, brought to the driver (an action).
   * @counterpart Spark: PairRDDFunctions.countByKey · PySpark: rdd.countByKey
   */
  countByKey<K, V>(this: RDD<[K, V]>): Promise<Record<string, number>>;
}

/** The entry point of a Spark job: `export default async (sc) => ...`. */
interface SparkContext {
  /**
   * An RDD of the lines of an HDFS file, a directory's files (not _ or . ones), comma-separated paths or a glob.
   * @counterpart Spark: SparkContext.textFile · PySpark: sc.textFile
   */
  textFile(path: string, minPartitions?: number): RDD<string>;
  /**
   * An RDD of a driver-side array, cut into numSlices partitions.
   * @counterpart Spark: SparkContext.parallelize · PySpark: sc.parallelize
   */
  parallelize<T>(data: T[], numSlices?: number): RDD<T>;
  /**
   * A read-only value shipped once to each executor.
   * @counterpart Spark: SparkContext.broadcast · PySpark: sc.broadcast
   */
  broadcast<T>(value: T): Broadcast<T>;
}

declare const console: {
  /**
   * Prints to the run's Console.
   * @counterpart JavaScript: console.log · Spark: println in the driver · PySpark: print
   */
  log(...values: unknown[]): void;
  /**
   * Prints to the run's Console.
   * @counterpart JavaScript: console.info · Spark: log4j INFO
   */
  info(...values: unknown[]): void;
  /**
   * Prints to the run's Console.
   * @counterpart JavaScript: console.warn · Spark: log4j WARN
   */
  warn(...values: unknown[]): void;
  /**
   * Prints to the run's Console.
   * @counterpart JavaScript: console.error · Spark: System.err.println
   */
  error(...values: unknown[]): void;
};

type SparkJob = (sc: SparkContext) => Promise<unknown> | unknown;
