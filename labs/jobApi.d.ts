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

/**
 * Spark's StatCounter (from `rdd.stats()`): count, mean, sum, min, max, variance and standard
 * deviations of numbers, as methods. Its own fields are Spark's (`n`, `mu`, `m2`, `maxValue`,
 * `minValue`): returning it from the driver shows those.
 * Spark: org.apache.spark.util.StatCounter / PySpark: pyspark.statcounter.StatCounter
 */
interface StatCounter {
  readonly n: number;
  readonly mu: number;
  readonly m2: number;
  readonly maxValue: number;
  readonly minValue: number;
  /** Spark: StatCounter.count / PySpark: StatCounter.count */
  count(): number;
  /** NaN when empty. Spark: StatCounter.mean / PySpark: StatCounter.mean */
  mean(): number;
  /** Spark: StatCounter.sum / PySpark: StatCounter.sum */
  sum(): number;
  /** -Infinity when empty. Spark: StatCounter.max / PySpark: StatCounter.max */
  max(): number;
  /** Infinity when empty. Spark: StatCounter.min / PySpark: StatCounter.min */
  min(): number;
  /** Population variance (divides by n). Spark: StatCounter.variance / PySpark: StatCounter.variance */
  variance(): number;
  /** Divides by n - 1. Spark: StatCounter.sampleVariance / PySpark: StatCounter.sampleVariance */
  sampleVariance(): number;
  /** Population standard deviation. Spark: StatCounter.stdev / PySpark: StatCounter.stdev */
  stdev(): number;
  /** Spark: StatCounter.sampleStdev / PySpark: StatCounter.sampleStdev */
  sampleStdev(): number;
  /** Adds a number or another StatCounter's numbers. Spark: StatCounter.merge / PySpark: StatCounter.merge */
  merge(value: number | StatCounter): StatCounter;
  /** Spark: StatCounter.copy / PySpark: StatCounter.copy */
  copy(): StatCounter;
  /** `(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)`. Spark: StatCounter.toString */
  toString(): string;
}

/** Spark's StorageLevel constants, by name. */
type StorageLevel =
  | 'NONE'
  | 'DISK_ONLY'
  | 'DISK_ONLY_2'
  | 'DISK_ONLY_3'
  | 'MEMORY_ONLY'
  | 'MEMORY_ONLY_2'
  | 'MEMORY_ONLY_SER'
  | 'MEMORY_ONLY_SER_2'
  | 'MEMORY_AND_DISK'
  | 'MEMORY_AND_DISK_2'
  | 'MEMORY_AND_DISK_SER'
  | 'MEMORY_AND_DISK_SER_2'
  | 'OFF_HEAP';

/**
 * A resilient distributed dataset: transformations are lazy and return a new RDD; actions run
 * Spark jobs and return promises (`await rdd.count()`). Pairs are `[key, value]` arrays (Scala's
 * Tuple2, Python's tuple). Partitions of keyed shuffles are Spark's HashPartitioner's
 * (Java's hashCode of the key). Random methods take a seed; without one the seed is 42, so runs
 * repeat (Spark would draw a random seed). An extra argument is an error.
 */
interface RDD<T> {
  /** Read-only: the number of partitions (the same as getNumPartitions()). */
  readonly numPartitions: number;

  // ---- transformations ----
  /** Spark: RDD.map / PySpark: rdd.map */
  map<U extends Pairable>(f: (x: T) => U): RDD<U>;
  /** f returns an iterable (an array, a Set, a generator). Spark: RDD.flatMap / PySpark: rdd.flatMap */
  flatMap<U extends Pairable>(f: (x: T) => Iterable<U>): RDD<U>;
  /** Keeps the partitioner. Spark: RDD.filter / PySpark: rdd.filter */
  filter(f: (x: T) => boolean): RDD<T>;
  /**
   * f gets an iterator over one partition and returns an iterable. preservesPartitioning
   * (default false) keeps the partitioner. Spark: RDD.mapPartitions / PySpark: rdd.mapPartitions
   */
  mapPartitions<U extends Pairable>(f: (it: Iterator<T>) => Iterable<U>, preservesPartitioning?: boolean): RDD<U>;
  /** f gets the partition's index too. Spark: RDD.mapPartitionsWithIndex / PySpark: rdd.mapPartitionsWithIndex */
  mapPartitionsWithIndex<U extends Pairable>(
    f: (index: number, it: Iterator<T>) => Iterable<U>,
    preservesPartitioning?: boolean,
  ): RDD<U>;
  /** Each partition as one array. Spark: RDD.glom / PySpark: rdd.glom */
  glom(): RDD<T[]>;
  /** Spark: RDD.keyBy / PySpark: rdd.keyBy */
  keyBy<K>(f: (x: T) => K): RDD<[K, T]>;
  /** Shuffles into numPartitions (default: this RDD's count); Spark: RDD.distinct / PySpark: rdd.distinct */
  distinct(numPartitions?: number): RDD<T>;
  /** Keeps duplicates; partitions of both. Spark: RDD.union / PySpark: rdd.union */
  union(other: RDD<T>): RDD<T>;
  /** Elements in both, without duplicates (a shuffle). Spark: RDD.intersection / PySpark: rdd.intersection */
  intersection(other: RDD<T>, numPartitions?: number): RDD<T>;
  /** Elements not in other; keeps this RDD's duplicates. Spark: RDD.subtract / PySpark: rdd.subtract */
  subtract(other: RDD<T>, numPartitions?: number): RDD<T>;
  /** Every [a, b] pair; partitions multiply. Spark: RDD.cartesian / PySpark: rdd.cartesian */
  cartesian<U>(other: RDD<U>): RDD<[T, U]>;
  /** [f(x), all x with that key]. Spark: RDD.groupBy / PySpark: rdd.groupBy */
  groupBy<K>(f: (x: T) => K, numPartitions?: number): RDD<[K, T[]]>;
  /** Sorts by f(x) with a range partitioner. Spark: RDD.sortBy / PySpark: rdd.sortBy */
  sortBy<K>(f: (x: T) => K, ascending?: boolean, numPartitions?: number): RDD<T>;
  /** A round-robin shuffle into numPartitions. Spark: RDD.repartition / PySpark: rdd.repartition */
  repartition(numPartitions: number): RDD<T>;
  /**
   * Fewer partitions without a shuffle (asking for more keeps the count), or with one when shuffle
   * is true. Spark: RDD.coalesce / PySpark: rdd.coalesce
   */
  coalesce(numPartitions: number, shuffle?: boolean): RDD<T>;
  /** Pairs element i with element i of other (same partitions and sizes). Spark: RDD.zip / PySpark: rdd.zip */
  zip<U>(other: RDD<U>): RDD<[T, U]>;
  /** [x, index] in partition order. Spark: RDD.zipWithIndex / PySpark: rdd.zipWithIndex */
  zipWithIndex(): RDD<[T, number]>;
  /** [x, i * numPartitions + partition]. Spark: RDD.zipWithUniqueId / PySpark: rdd.zipWithUniqueId */
  zipWithUniqueId(): RDD<[T, number]>;
  /**
   * A random sample: each element kept with chance fraction, or kept a Poisson(fraction) number of
   * times with replacement. Spark: RDD.sample / PySpark: rdd.sample
   */
  sample(withReplacement: boolean, fraction: number, seed?: number): RDD<T>;
  /** Disjoint random parts in proportion to weights. Spark: RDD.randomSplit / PySpark: rdd.randomSplit */
  randomSplit(weights: number[], seed?: number): RDD<T>[];

  // ---- persistence and information ----
  /** persist('MEMORY_ONLY'). Spark: RDD.cache / PySpark: rdd.cache */
  cache(): RDD<T>;
  /** Default MEMORY_ONLY; a persisted RDD's level cannot change. Spark: RDD.persist / PySpark: rdd.persist */
  persist(level?: StorageLevel): RDD<T>;
  /** Spark: RDD.unpersist / PySpark: rdd.unpersist */
  unpersist(blocking?: boolean): RDD<T>;
  /** The level's name, 'NONE' when not persisted. Spark: RDD.getStorageLevel / PySpark: rdd.getStorageLevel */
  getStorageLevel(): StorageLevel;
  /** True after cache() or persist(), until unpersist(). PySpark: rdd.is_cached (an attribute there) */
  isCached(): boolean;
  /** Spark: RDD.id / PySpark: rdd.id */
  id(): number;
  /** The name given with setName, else null. Spark: RDD.name / PySpark: rdd.name */
  name(): string | null;
  /** Spark: RDD.setName / PySpark: rdd.setName */
  setName(name: string): RDD<T>;
  /** Spark: RDD.getNumPartitions / PySpark: rdd.getNumPartitions */
  getNumPartitions(): number;
  /** The lineage as Spark prints it, `+-` where a shuffle begins a stage. Spark: RDD.toDebugString / PySpark: rdd.toDebugString */
  toDebugString(): string;

  // ---- actions ----
  /** Spark: RDD.collect / PySpark: rdd.collect */
  collect(): Promise<T[]>;
  /** Spark: RDD.count / PySpark: rdd.count */
  count(): Promise<number>;
  /** Scans 1 partition, then more each job. Spark: RDD.take / PySpark: rdd.take */
  take(num: number): Promise<T[]>;
  /** Fails on an empty RDD ("empty collection"). Spark: RDD.first / PySpark: rdd.first */
  first(): Promise<T>;
  /** Spark: RDD.isEmpty / PySpark: rdd.isEmpty */
  isEmpty(): Promise<boolean>;
  /** Fails on an empty RDD ("empty collection"). Spark: RDD.reduce / PySpark: rdd.reduce */
  reduce(f: (a: T, b: T) => T): Promise<T>;
  /**
   * Folds each partition from a copy of zeroValue, then the results from another copy: a zero that is
   * not neutral counts once per partition plus once. Spark: RDD.fold / PySpark: rdd.fold
   */
  fold(zeroValue: T, op: (a: T, b: T) => T): Promise<T>;
  /** seqOp within partitions, combOp in the driver, each from a copy of zeroValue. Spark: RDD.aggregate / PySpark: rdd.aggregate */
  aggregate<U>(zeroValue: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U): Promise<U>;
  /** reduce, combining partial results in a tree of depth levels (default 2). Spark: RDD.treeReduce / PySpark: rdd.treeReduce */
  treeReduce(f: (a: T, b: T) => T, depth?: number): Promise<T>;
  /**
   * aggregate, combining partial results in a tree of depth levels (default 2), each level a shuffle
   * stage. Spark: RDD.treeAggregate / PySpark: rdd.treeAggregate
   */
  treeAggregate<U>(zeroValue: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U, depth?: number): Promise<U>;
  /** Runs f on every element in the tasks. Spark: RDD.foreach / PySpark: rdd.foreach */
  foreach(f: (x: T) => void): Promise<void>;
  /** Spark: RDD.foreachPartition / PySpark: rdd.foreachPartition */
  foreachPartition(f: (it: Iterator<T>) => void): Promise<void>;
  /** `for await (const x of rdd.toLocalIterator())`: one job per partition. Spark: RDD.toLocalIterator / PySpark: rdd.toLocalIterator */
  toLocalIterator(): AsyncIterableIterator<T>;
  /** The num smallest (by keyfunc), ascending. Spark: RDD.takeOrdered / PySpark: rdd.takeOrdered */
  takeOrdered(num: number, keyfunc?: (x: T) => unknown): Promise<T[]>;
  /** The num largest (by keyfunc), largest first. Spark: RDD.top / PySpark: rdd.top */
  top(num: number, keyfunc?: (x: T) => unknown): Promise<T[]>;
  /** Spark: RDD.max / PySpark: rdd.max */
  max(key?: (x: T) => unknown): Promise<T>;
  /** Spark: RDD.min / PySpark: rdd.min */
  min(key?: (x: T) => unknown): Promise<T>;
  /** How many times each element occurs, keyed by the elements. Spark: RDD.countByValue / PySpark: rdd.countByValue */
  countByValue(): Promise<Map<T, number>>;
  /** num random elements (a count job, then sample jobs). Spark: RDD.takeSample / PySpark: rdd.takeSample */
  takeSample(withReplacement: boolean, num: number, seed?: number): Promise<T[]>;
  /** One part file per partition (part-00000...). Spark: RDD.saveAsTextFile / PySpark: rdd.saveAsTextFile */
  saveAsTextFile(path: string): Promise<void>;

  // ---- numeric RDDs (Spark's DoubleRDDFunctions) ----
  /** 0 for an empty RDD. Spark: DoubleRDDFunctions.sum / PySpark: rdd.sum */
  sum(this: RDD<number>): Promise<number>;
  /** Spark: DoubleRDDFunctions.mean / PySpark: rdd.mean */
  mean(this: RDD<number>): Promise<number>;
  /** Spark: DoubleRDDFunctions.stats / PySpark: rdd.stats */
  stats(this: RDD<number>): Promise<StatCounter>;
  /** Population variance. Spark: DoubleRDDFunctions.variance / PySpark: rdd.variance */
  variance(this: RDD<number>): Promise<number>;
  /** Population standard deviation. Spark: DoubleRDDFunctions.stdev / PySpark: rdd.stdev */
  stdev(this: RDD<number>): Promise<number>;
  /** Spark: DoubleRDDFunctions.sampleVariance / PySpark: rdd.sampleVariance */
  sampleVariance(this: RDD<number>): Promise<number>;
  /** Spark: DoubleRDDFunctions.sampleStdev / PySpark: rdd.sampleStdev */
  sampleStdev(this: RDD<number>): Promise<number>;
  /**
   * [buckets, counts]: a number of even buckets from min to max, or sorted bounds; each bucket is
   * [lo, hi) but the last, [lo, hi]. Spark: DoubleRDDFunctions.histogram / PySpark: rdd.histogram
   */
  histogram(this: RDD<number>, buckets: number | number[]): Promise<[number[], number[]]>;

  // ---- pair functions: for RDDs of [key, value] arrays. A pair may also be an array of one type,
  // such as `line.split(' ')`: the second signature of some.
  /** Spark: PairRDDFunctions.keys / PySpark: rdd.keys */
  keys<K, V>(this: RDD<[K, V]>): RDD<K>;
  /** Spark: PairRDDFunctions.values / PySpark: rdd.values */
  values<K, V>(this: RDD<[K, V]>): RDD<V>;
  /** Keeps the partitioner. Spark: PairRDDFunctions.mapValues / PySpark: rdd.mapValues */
  mapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => U): RDD<[K, U]>;
  mapValues<K, U>(this: RDD<K[]>, f: (v: K) => U): RDD<[K, U]>;
  /** Keeps the partitioner. Spark: PairRDDFunctions.flatMapValues / PySpark: rdd.flatMapValues */
  flatMapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => Iterable<U>): RDD<[K, U]>;
  /**
   * Spark's three functions: a key's first value makes a combiner, later values merge into it (per
   * partition), combiners merge across partitions. Spark: PairRDDFunctions.combineByKey / PySpark: rdd.combineByKey
   */
  combineByKey<K, V, C>(
    this: RDD<[K, V]>,
    createCombiner: (v: V) => C,
    mergeValue: (c: C, v: V) => C,
    mergeCombiners: (a: C, b: C) => C,
    numPartitions?: number,
  ): RDD<[K, C]>;
  /** Combines on the map side too. Spark: PairRDDFunctions.reduceByKey / PySpark: rdd.reduceByKey */
  reduceByKey<K, V>(this: RDD<[K, V]>, f: (a: V, b: V) => V, numPartitions?: number): RDD<[K, V]>;
  reduceByKey<K>(this: RDD<K[]>, f: (a: K, b: K) => K, numPartitions?: number): RDD<[K, K]>;
  /** No map-side combine. Spark: PairRDDFunctions.groupByKey / PySpark: rdd.groupByKey */
  groupByKey<K, V>(this: RDD<[K, V]>, numPartitions?: number): RDD<[K, V[]]>;
  groupByKey<K>(this: RDD<K[]>, numPartitions?: number): RDD<[K, K[]]>;
  /** Each key starts from its own copy of zero (a Set stays a Set). Spark: PairRDDFunctions.aggregateByKey / PySpark: rdd.aggregateByKey */
  aggregateByKey<K, V, U>(
    this: RDD<[K, V]>,
    zero: U,
    seqOp: (acc: U, v: V) => U,
    combOp: (a: U, b: U) => U,
    numPartitions?: number,
  ): RDD<[K, U]>;
  /** Each key starts from its own copy of zero. Spark: PairRDDFunctions.foldByKey / PySpark: rdd.foldByKey */
  foldByKey<K, V>(this: RDD<[K, V]>, zero: V, func: (a: V, b: V) => V, numPartitions?: number): RDD<[K, V]>;
  /**
   * Hash partitions by key (or partitionFunc(key) mod numPartitions); later joins and reduceByKey
   * with the same partitioning need no shuffle. Spark: PairRDDFunctions.partitionBy / PySpark: rdd.partitionBy
   */
  partitionBy<K, V>(this: RDD<[K, V]>, numPartitions: number, partitionFunc?: (key: K) => number): RDD<[K, V]>;
  /** Range partitioned by (keyfunc of) the key. Spark: OrderedRDDFunctions.sortByKey / PySpark: rdd.sortByKey */
  sortByKey<K, V>(
    this: RDD<[K, V]>,
    ascending?: boolean,
    numPartitions?: number,
    keyfunc?: (key: K) => unknown,
  ): RDD<[K, V]>;
  sortByKey<K>(this: RDD<K[]>, ascending?: boolean, numPartitions?: number, keyfunc?: (key: K) => unknown): RDD<[K, K]>;
  /** [k, [values here, values in other]]. Spark: PairRDDFunctions.cogroup / PySpark: rdd.cogroup */
  cogroup<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V[], W[]]]>;
  cogroup<K, V, W1, W2>(
    this: RDD<[K, V]>,
    other1: RDD<[K, W1]>,
    other2: RDD<[K, W2]>,
    numPartitions?: number,
  ): RDD<[K, [V[], W1[], W2[]]]>;
  /** cogroup with any number of RDDs. Spark: PairRDDFunctions.groupWith / PySpark: rdd.groupWith */
  groupWith<K, V>(this: RDD<[K, V]>, ...others: RDD<[K, unknown]>[]): RDD<[K, unknown[][]]>;
  /** Spark: PairRDDFunctions.join / PySpark: rdd.join */
  join<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W]]>;
  join<K, W>(this: RDD<K[]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [K, W]]>;
  /** Spark: PairRDDFunctions.leftOuterJoin / PySpark: rdd.leftOuterJoin */
  leftOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W | null]]>;
  /** Spark: PairRDDFunctions.rightOuterJoin / PySpark: rdd.rightOuterJoin */
  rightOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V | null, W]]>;
  /** Spark: PairRDDFunctions.fullOuterJoin / PySpark: rdd.fullOuterJoin */
  fullOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V | null, W | null]]>;
  /** Pairs whose key is not in other. Spark: PairRDDFunctions.subtractByKey / PySpark: rdd.subtractByKey */
  subtractByKey<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, V]>;
  /** A Map keyed by the real keys. Spark: PairRDDFunctions.countByKey / PySpark: rdd.countByKey */
  countByKey<K, V>(this: RDD<[K, V]>): Promise<Map<K, number>>;
  /** A Map; a key seen twice keeps its last value. Spark: PairRDDFunctions.collectAsMap / PySpark: rdd.collectAsMap */
  collectAsMap<K, V>(this: RDD<[K, V]>): Promise<Map<K, V>>;
  /** The key's values; reads one partition when the RDD has a partitioner. Spark: PairRDDFunctions.lookup / PySpark: rdd.lookup */
  lookup<K, V>(this: RDD<[K, V]>, key: K): Promise<V[]>;
}

/** The entry point of a Spark job: `export default async (sc) => ...`. */
interface SparkContext {
  textFile(path: string, minPartitions?: number): RDD<string>;
  parallelize<T>(data: T[], numSlices?: number): RDD<T>;
  broadcast<T>(value: T): Broadcast<T>;
}

declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void };

type SparkJob = (sc: SparkContext) => Promise<unknown> | unknown;
