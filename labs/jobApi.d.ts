/**
 * The job API as job files see it: the globals of a MapReduce or Spark job file (Hadoop's names
 * for MapReduce, Spark's RDD names for Spark). The labs' starter, solution and reference files
 * are type-checked against it (labs/tsconfig.jobs.json), and the editor gives it to Monaco for
 * autocomplete and squiggles (renderer/features/editor/jobApiTypes.ts). Global types: job files
 * name them in JSDoc (`/** @type {MapReduceJob} *\/`, `/** @param {SparkContext} sc *\/`).
 */
/** A counter of the job (Hadoop: org.apache.hadoop.mapreduce.Counter). */
interface MapReduceCounter {
  /** Hadoop: Counter.increment(long incr). Default 1; a whole number, may be negative. */
  increment(n?: number): void;
  /** Hadoop: Counter.getValue(): this task's count so far. */
  getValue(): number;
  /** Hadoop: Counter.getName(). */
  getName(): string;
  /** Hadoop: Counter.getDisplayName(). */
  getDisplayName(): string;
}

/** What map, combine and reduce get as `ctx` (Hadoop: Mapper.Context / Reducer.Context). */
interface MapReduceContext<K = unknown, V = unknown> {
  /** Hadoop: Context.write(key, value). The record is copied when written (Hadoop serializes it). */
  write(key: K, value: V): void;
  /**
   * Hadoop: Context.getCounter(String groupName, String counterName). Your counters are shown
   * after Hadoop's, in their group; the job's total sums the successful task attempts.
   * At most 120 counters (mapreduce.job.counters.max).
   */
  getCounter(group: string, name: string): MapReduceCounter;
  /**
   * Hadoop: Context.getCurrentKey(). In map, the current record's offset; in reduce and combine,
   * the key of the value last taken from `values` — with a grouping comparator one call holds
   * several keys, and this one moves along as you iterate (Hadoop's key object does the same).
   */
  getCurrentKey(): unknown;
}

/**
 * The Hadoop settings a job may set (Hadoop: job.getConfiguration().set(name, value)), by
 * Hadoop's names. Numbers may be given as numbers or as text.
 */
interface MapReduceConf {
  /** Hadoop: textinputformat.record.delimiter. Records end at this text instead of at \n, \r or \r\n. */
  'textinputformat.record.delimiter'?: string;
  /** Hadoop: mapreduce.input.fileinputformat.split.minsize (bytes; default 1). */
  'mapreduce.input.fileinputformat.split.minsize'?: number | string;
  /** Hadoop: mapreduce.input.fileinputformat.split.maxsize (bytes; default Long.MAX_VALUE). */
  'mapreduce.input.fileinputformat.split.maxsize'?: number | string;
  /** Hadoop: mapreduce.task.io.sort.mb, the map's sort buffer (MB, 1 to 2047; default 100). */
  'mapreduce.task.io.sort.mb'?: number | string;
  /** Hadoop: mapreduce.map.sort.spill.percent, how full the buffer gets before a spill (default 0.8). */
  'mapreduce.map.sort.spill.percent'?: number | string;
  /** Hadoop: mapreduce.map.combine.minspills, spills from which the combiner runs again at the merge (default 3). */
  'mapreduce.map.combine.minspills'?: number | string;
}

/**
 * A MapReduce job (Hadoop's names, TextInputFormat and TextOutputFormat): map gets the byte
 * offset of each line and the line; reduce gets each key once, in sorted order, with its values
 * as an Iterable you walk once (`for (const v of values)`), as Hadoop gives them.
 */
interface MapReduceJob<K = any, V = any, OK = any, OV = any> {
  kind: 'mapreduce';
  /** Hadoop: Job.setJobName. Shown on the timeline and in errors. Default: "job 1", "job 2", ... */
  name?: string;
  /** Hadoop: FileInputFormat.addInputPath. A DFS path, or an array of them. */
  input: string | string[];
  /** Hadoop: FileOutputFormat.setOutputPath. Written as part-r-00000, ... (part-m-00000, ... in a map-only job). */
  output: string;
  /**
   * Hadoop: Job.setNumReduceTasks. How many reducers (and output partitions). Default 1; 0 makes
   * a map-only job: each map writes its part-m file directly, with no partition, sort, combine,
   * shuffle or reduce (as on Hadoop, reduce and combine are then not run).
   */
  numReduceTasks?: number;
  /**
   * Hadoop: Mapper.map(key, value, context). Called once per line; the key is the line's byte
   * offset in the file. Default: Hadoop's identity Mapper, which writes (offset, line).
   */
  map?(offset: number, line: string, ctx: MapReduceContext<K, V>): void;
  /**
   * Hadoop: Job.setCombinerClass (a Reducer). Runs on a map's sorted output at each spill of its
   * sort buffer, and again at the merge when there were 3 or more spills: zero, one or several
   * times per record, so it must be associative and commutative, and give what reduce expects.
   */
  combine?(key: K, values: Iterable<V>, ctx: MapReduceContext<K, V>): void;
  /**
   * Hadoop: Reducer.reduce(key, Iterable values, context). Called once per key (per group of
   * keys the grouping comparator calls equal, with the group's first key). `values` is an
   * Iterable walked once: `for (const v of values)`; copy it with `[...values]` to walk it twice.
   * Default: Hadoop's identity Reducer, which writes every (key, value).
   */
  reduce?(key: K, values: Iterable<V>, ctx: MapReduceContext<OK, OV>): void;
  /**
   * Hadoop: Job.setPartitionerClass (Partitioner.getPartition). Which reducer gets a key.
   * Default: Hadoop's HashPartitioner, (hashCode & Integer.MAX_VALUE) % numReduceTasks, with the
   * hashCode of the key's Writable (a string as Text, an integer as IntWritable or LongWritable).
   */
  partition?(key: K, numReduceTasks: number): number;
  /**
   * Hadoop: Job.setSortComparatorClass. Orders the keys reduce sees: negative when a comes
   * first, 0 when equal, positive when b comes first. Default: numbers, then strings, ...
   */
  sortComparator?(a: K, b: K): number;
  /**
   * Hadoop: Job.setGroupingComparatorClass. Consecutive keys it calls equal (0) go to one reduce
   * call, their values together (secondary sort). Default: the sort comparator.
   */
  groupingComparator?(a: K, b: K): number;
  /** Hadoop's job configuration, by Hadoop's names (Job.getConfiguration().set(...)). */
  conf?: MapReduceConf;
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
  /**
   * Each partition's elements, one per line, go to a program's standard input; each line it prints
   * is an element. No shell: the command is split on whitespace. The simulated executors have cat,
   * grep, wc, sort, uniq, head, tail, tr, cut and rev; a program that exits with a non-zero status
   * fails the task (grep does when nothing matches). Spark: RDD.pipe / PySpark: rdd.pipe
   */
  pipe(command: string | string[], env?: Record<string, string>): RDD<string>;

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
  /**
   * One shuffle that places each pair by its key (hash, or partitionFunc(key) mod numPartitions)
   * and sorts every partition by key: sorted inside each partition, not across them.
   * Spark: OrderedRDDFunctions.repartitionAndSortWithinPartitions · PySpark: rdd.repartitionAndSortWithinPartitions
   */
  repartitionAndSortWithinPartitions<K, V>(
    this: RDD<[K, V]>,
    numPartitions?: number,
    partitionFunc?: (key: K) => number,
    ascending?: boolean,
    keyfunc?: (key: K) => unknown,
  ): RDD<[K, V]>;
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

/**
 * The entry point of a Spark job: `export default async (sc) => ...`. A member that does not
 * exist but is close to one that does (`sc.textfile`) is a TypeError naming the right one.
 * Spark: org.apache.spark.SparkContext · PySpark: pyspark.SparkContext
 */
interface SparkContext {
  /** The lines of a file or of a directory's files. Spark: SparkContext.textFile · PySpark: sc.textFile */
  textFile(path: string, minPartitions?: number): RDD<string>;
  /**
   * One [path, content] pair per file of a directory (or glob), each file whole.
   * Spark: SparkContext.wholeTextFiles · PySpark: sc.wholeTextFiles
   */
  wholeTextFiles(path: string, minPartitions?: number): RDD<[string, string]>;
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

declare const console: {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
};

/**
 * A Spark job file's default export: the driver program, given `sc` and the SparkSession `spark`. Functions passed to RDD
 * methods are closures shipped to tasks: each task gets its own copy of the driver's variables
 * they use (changes stay in the task), as Spark's guide ("Understanding closures") explains; use
 * an accumulator to count across tasks.
 * Spark: a driver program's main(args) · PySpark: a script run by spark-submit
 */
type SparkJob = (sc: SparkContext, spark: SparkSession) => Promise<unknown> | unknown;

// ---- Spark SQL: DataFrames (engine/spark/sql). A Spark job gets the session as its second
// argument: `export default async (sc, spark) => { ... }` (spark.sparkContext is sc). ----

/** A column name or a Column, as Spark's DataFrame methods take them. */
type ColumnOrName = string | Column;

/** Spark's Column (pyspark.sql.Column): an expression; JavaScript has no operators to overload, so Scala's method names. */
interface Column {
  /** Column.alias / as / name: the output column's name. */
  alias(name: string): Column;
  as(name: string): Column;
  name(name: string): Column;
  /** Column.plus (`+`), minus, multiply, divide (always a double), mod. */
  plus(other: unknown): Column;
  minus(other: unknown): Column;
  multiply(other: unknown): Column;
  divide(other: unknown): Column;
  mod(other: unknown): Column;
  /** Column.equalTo (`===`), eq; notEqual (`=!=`); eqNullSafe (`<=>`). */
  equalTo(other: unknown): Column;
  eq(other: unknown): Column;
  notEqual(other: unknown): Column;
  eqNullSafe(other: unknown): Column;
  /** Column.gt, geq, lt, leq: comparisons (null when either side is null). */
  gt(other: unknown): Column;
  geq(other: unknown): Column;
  lt(other: unknown): Column;
  leq(other: unknown): Column;
  /** Column.and / or / not: SQL's three-valued logic. */
  and(other: Column): Column;
  or(other: Column): Column;
  not(): Column;
  /** Column.isNull / isNotNull. */
  isNull(): Column;
  isNotNull(): Column;
  /** Column.asc (nulls first) / desc (nulls last), and the explicit null orders. */
  asc(): Column;
  desc(): Column;
  asc_nulls_last(): Column;
  desc_nulls_first(): Column;
}

/** A row of collect() / take() / first(): Spark's Row as a plain object keyed by column name. */
type Row = Record<string, unknown>;

/** Spark's StructType as df.schema gives it. */
interface StructType {
  fields: { name: string; dataType: string; nullable: boolean }[];
  /** StructType.simpleString: `struct<day:string,t:double>`. */
  simpleString: string;
}

/** Spark's DataFrame (Dataset[Row]): lazy transformations; actions run Spark jobs and return promises. */
interface DataFrame {
  /** DataFrame.columns. */
  readonly columns: string[];
  /** DataFrame.dtypes: [name, type] pairs (`int`, `bigint`, `double`, `string`, `boolean`). */
  readonly dtypes: [string, string][];
  /** DataFrame.schema. */
  readonly schema: StructType;
  /** DataFrame.printSchema: the `root |-- name: type (nullable = true)` tree on the console. */
  printSchema(): void;
  /** DataFrame.explain: the physical plan on the console (`== Physical Plan ==`, `*(n)` codegen stages). */
  explain(): void;
  /** DataFrame.col / df['name']: this DataFrame's column (tells same-named columns apart after a join). */
  col(name: string): Column;
  /** DataFrame.select: columns by name (`'*'` for all) or expressions. */
  select(...cols: (ColumnOrName | ColumnOrName[])[]): DataFrame;
  /** DataFrame.filter / where: rows whose condition is true (SQL expression strings are not supported: use columns). */
  filter(condition: Column): DataFrame;
  where(condition: Column): DataFrame;
  /** DataFrame.withColumn: adds or replaces a column. */
  withColumn(name: string, col: Column): DataFrame;
  /** DataFrame.withColumnRenamed. */
  withColumnRenamed(existing: string, newName: string): DataFrame;
  /** DataFrame.drop: without the named columns. */
  drop(...cols: ColumnOrName[]): DataFrame;
  /** DataFrame.groupBy (groupby): then agg, count, sum, avg/mean, min, max. */
  groupBy(...cols: (ColumnOrName | ColumnOrName[])[]): GroupedData;
  groupby(...cols: (ColumnOrName | ColumnOrName[])[]): GroupedData;
  /** DataFrame.agg: an aggregate over all rows (groupBy().agg). */
  agg(...exprs: Column[]): DataFrame;
  /** DataFrame.distinct: HashAggregate on every column. */
  distinct(): DataFrame;
  /** DataFrame.orderBy / sort: Exchange rangepartitioning then Sort (ascending: nulls first). */
  orderBy(...cols: (ColumnOrName | ColumnOrName[])[]): DataFrame;
  sort(...cols: (ColumnOrName | ColumnOrName[])[]): DataFrame;
  /** DataFrame.limit (after orderBy: TakeOrderedAndProject). */
  limit(n: number): DataFrame;
  /**
   * DataFrame.join(other, on, how): on is a column name, names, or a Column condition
   * (equalities joined with and); how is inner (default), left, right, full / outer (and
   * Spark's *_outer spellings). A side at most spark.sql.autoBroadcastJoinThreshold (10 MB) is
   * broadcast (BroadcastHashJoin), else both sides are shuffled (SortMergeJoin).
   */
  join(other: DataFrame, on: string | string[] | Column, how?: string): DataFrame;
  /** DataFrame.cache / persist / unpersist. */
  cache(): DataFrame;
  persist(): DataFrame;
  unpersist(): DataFrame;
  /** DataFrame.createOrReplaceTempView: spark.table(name) gives it back. */
  createOrReplaceTempView(name: string): void;
  /** DataFrame.collect: every row. */
  collect(): Promise<Row[]>;
  /** DataFrame.count. */
  count(): Promise<number>;
  /** DataFrame.take / head(n): the first n rows. */
  take(n: number): Promise<Row[]>;
  head(n: number): Promise<Row[]>;
  head(): Promise<Row | null>;
  /** DataFrame.first: the first row, or null. */
  first(): Promise<Row | null>;
  /** DataFrame.show(n = 20, truncate = true): Spark's +---+ table on the console. */
  show(n?: number, truncate?: boolean | number): Promise<void>;
}

/** Spark's RelationalGroupedDataset (pyspark GroupedData). */
interface GroupedData {
  /** GroupedData.agg: aggregate columns such as sum('t'), count('*'). */
  agg(...exprs: (Column | Column[])[]): DataFrame;
  /** GroupedData.count: a `count` column. */
  count(): DataFrame;
  /** GroupedData.sum / avg / mean / min / max: of the named numeric columns (all of them when none is named). */
  sum(...cols: string[]): DataFrame;
  avg(...cols: string[]): DataFrame;
  mean(...cols: string[]): DataFrame;
  min(...cols: string[]): DataFrame;
  max(...cols: string[]): DataFrame;
}

/** Spark's DataFrameReader (spark.read). csv and json run a job to read the header / infer the schema: await them. */
interface DataFrameReader {
  /** DataFrameReader.option / options: header, inferSchema, sep (delimiter). */
  option(key: string, value: string | boolean | number): DataFrameReader;
  options(options: Record<string, string | boolean | number>): DataFrameReader;
  format(source: 'csv' | 'json' | 'text'): DataFrameReader;
  load(path: string): Promise<DataFrame>;
  /** DataFrameReader.csv: header (false), inferSchema (false: every column a string), sep (','). */
  csv(
    path: string,
    options?: { header?: boolean | string; inferSchema?: boolean | string; sep?: string },
  ): Promise<DataFrame>;
  /** DataFrameReader.json: JSON Lines, one object a line; fields sorted by name, as Spark infers them. */
  json(path: string): Promise<DataFrame>;
  /** DataFrameReader.text: one `value` column, a row per line. */
  text(path: string): DataFrame;
}

/** pyspark.sql.functions (org.apache.spark.sql.functions), as spark.functions. */
interface SqlFunctions {
  col(name: string): Column;
  column(name: string): Column;
  lit(value: string | number | boolean | null): Column;
  /** count(col) counts non-null values; count('*') counts rows (named count(1)). */
  count(col: ColumnOrName | 1): Column;
  sum(col: ColumnOrName): Column;
  avg(col: ColumnOrName): Column;
  mean(col: ColumnOrName): Column;
  min(col: ColumnOrName): Column;
  max(col: ColumnOrName): Column;
  upper(col: ColumnOrName): Column;
  lower(col: ColumnOrName): Column;
  length(col: ColumnOrName): Column;
  /** substring(str, pos, len): pos counts from 1. */
  substring(col: ColumnOrName, pos: number, len: number): Column;
  /** round(col, scale = 0): HALF_UP. */
  round(col: ColumnOrName, scale?: number): Column;
  concat(...cols: ColumnOrName[]): Column;
  coalesce(...cols: ColumnOrName[]): Column;
  asc(name: string): Column;
  desc(name: string): Column;
  /** broadcast(df): join hint, broadcast this side whatever its size. */
  broadcast(df: DataFrame): DataFrame;
}

/** Spark 3's SparkSession: the job's second argument. */
interface SparkSession {
  /** SparkSession.sparkContext: the job's sc. */
  readonly sparkContext: SparkContext;
  /** SparkSession.read. */
  readonly read: DataFrameReader;
  /** The functions object (`const { col, sum } = spark.functions`, PySpark's `import pyspark.sql.functions as F`). */
  readonly functions: SqlFunctions;
  /** SparkSession.createDataFrame: rows as objects, or arrays with column names (default _1, _2...). */
  createDataFrame(data: Record<string, unknown>[] | unknown[][], columns?: string[]): DataFrame;
  /** SparkSession.table: a temporary view made by createOrReplaceTempView. */
  table(name: string): DataFrame;
  /** SparkSession.conf: spark.sql.shuffle.partitions (200), spark.sql.autoBroadcastJoinThreshold (10485760; -1 turns broadcasting off). */
  readonly conf: {
    set(key: string, value: string | number | boolean): void;
    get(key: string, defaultValue?: string): string | null;
  };
}
