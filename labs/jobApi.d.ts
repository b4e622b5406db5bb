/**
 * The job API as job files see it: the globals of a MapReduce or Spark job file (Hadoop's names
 * for MapReduce, Spark's RDD names for Spark). The labs' starter, solution and reference files
 * are type-checked against it (labs/tsconfig.jobs.json), and the editor gives it to Monaco for
 * autocomplete and squiggles (renderer/features/editor/jobApiTypes.ts). Global types: job files
 * name them in JSDoc (`/** @type {MapReduceJob} *\/`, `/** @param {SparkContext} sc *\/`).
 */
/** A counter of the job (Hadoop: org.apache.hadoop.mapreduce.Counter). */
interface MapReduceCounter {
  /** Default 1; a whole number, may be negative. @counterpart Hadoop: Counter.increment */
  increment(n?: number): void;
  /** This task's count so far. @counterpart Hadoop: Counter.getValue */
  getValue(): number;
  /** @counterpart Hadoop: Counter.getName */
  getName(): string;
  /** @counterpart Hadoop: Counter.getDisplayName */
  getDisplayName(): string;
}

/** What map, combine and reduce get as `ctx` (Hadoop: Mapper.Context / Reducer.Context). */
interface MapReduceContext<K = unknown, V = unknown> {
  /** The record is copied when written (Hadoop serializes it). @counterpart Hadoop: TaskInputOutputContext.write */
  write(key: K, value: V): void;
  /**
   * Your counters are shown after Hadoop's, in their group; the job's total sums the successful task attempts. At most
   * 120 counters (mapreduce.job.counters.max).
   * @counterpart Hadoop: TaskAttemptContext.getCounter(String groupName, String counterName)
   */
  getCounter(group: string, name: string): MapReduceCounter;
  /**
   * In map, the current record's offset; in reduce and combine, the key of the value last taken from `values` — with a
   * grouping comparator one call holds several keys, and this one moves along as you iterate (Hadoop's key object does
   * the same).
   * @counterpart Hadoop: TaskInputOutputContext.getCurrentKey
   */
  getCurrentKey(): unknown;
}

/**
 * The Hadoop settings a job may set (Hadoop: job.getConfiguration().set(name, value)), by
 * Hadoop's names. Numbers may be given as numbers or as text.
 */
interface MapReduceConf {
  /** Records end at this text instead of at \n, \r or \r\n. @counterpart Hadoop: textinputformat.record.delimiter */
  'textinputformat.record.delimiter'?: string;
  /**
   * The smallest split, in bytes (default 1).
   * @counterpart Hadoop: mapreduce.input.fileinputformat.split.minsize (FileInputFormat.SPLIT_MINSIZE)
   */
  'mapreduce.input.fileinputformat.split.minsize'?: number | string;
  /**
   * The largest split, in bytes (default Long.MAX_VALUE).
   * @counterpart Hadoop: mapreduce.input.fileinputformat.split.maxsize (FileInputFormat.SPLIT_MAXSIZE)
   */
  'mapreduce.input.fileinputformat.split.maxsize'?: number | string;
  /** The map's sort buffer (MB, 1 to 2047; default 100). @counterpart Hadoop: mapreduce.task.io.sort.mb */
  'mapreduce.task.io.sort.mb'?: number | string;
  /** How full the buffer gets before a spill (default 0.8). @counterpart Hadoop: mapreduce.map.sort.spill.percent */
  'mapreduce.map.sort.spill.percent'?: number | string;
  /**
   * Spills from which the combiner runs again at the merge (default 3).
   * @counterpart Hadoop: mapreduce.map.combine.minspills
   */
  'mapreduce.map.combine.minspills'?: number | string;
}

/**
 * A MapReduce job (Hadoop's names, TextInputFormat and TextOutputFormat): map gets the byte
 * offset of each line and the line; reduce gets each key once, in sorted order, with its values
 * as an Iterable you walk once (`for (const v of values)`), as Hadoop gives them.
 */
interface MapReduceJob<K = any, V = any, OK = any, OV = any> {
  /**
   * @counterpart ClusterLab: marks a MapReduce job file (on Hadoop, a driver class configures a Job)
   */
  kind: 'mapreduce';
  /** Shown on the timeline and in errors. Default: "job 1", "job 2", ... @counterpart Hadoop: Job.setJobName */
  name?: string;
  /** A DFS path, or an array of them. @counterpart Hadoop: FileInputFormat.addInputPath */
  input: string | string[];
  /**
   * Written as part-r-00000, ... (part-m-00000, ... in a map-only job).
   * @counterpart Hadoop: FileOutputFormat.setOutputPath
   */
  output: string;
  /**
   * How many reducers (and output partitions). Default 1; 0 makes a map-only job: each map writes its part-m file
   * directly, with no partition, sort, combine, shuffle or reduce (as on Hadoop, reduce and combine are then not run).
   * @counterpart Hadoop: Job.setNumReduceTasks
   */
  numReduceTasks?: number;
  /**
   * Called once per line; the key is the line's byte offset in the file. Default: Hadoop's identity Mapper, which
   * writes (offset, line).
   * @counterpart Hadoop: Mapper.map
   */
  map?(offset: number, line: string, ctx: MapReduceContext<K, V>): void;
  /**
   * A Reducer that runs on a map's sorted output at each spill of its sort buffer, and again at the merge when there
   * were 3 or more spills: zero, one or several times per record, so it must be associative and commutative, and give
   * what reduce expects.
   * @counterpart Hadoop: Job.setCombinerClass
   */
  combine?(key: K, values: Iterable<V>, ctx: MapReduceContext<K, V>): void;
  /**
   * Called once per key (per group of keys the grouping comparator calls equal, with the group's first key). `values`
   * is an Iterable walked once: `for (const v of values)`; copy it with `[...values]` to walk it twice. Default:
   * Hadoop's identity Reducer, which writes every (key, value).
   * @counterpart Hadoop: Reducer.reduce
   */
  reduce?(key: K, values: Iterable<V>, ctx: MapReduceContext<OK, OV>): void;
  /**
   * Which reducer gets a key. Default: Hadoop's HashPartitioner, (hashCode & Integer.MAX_VALUE) % numReduceTasks, with
   * the hashCode of the key's Writable (a string as Text, an integer as IntWritable or LongWritable).
   * @counterpart Hadoop: Job.setPartitionerClass · Hadoop: Partitioner.getPartition
   */
  partition?(key: K, numReduceTasks: number): number;
  /**
   * Orders the keys reduce sees: negative when a comes first, 0 when equal, positive when b comes first. Default:
   * numbers, then strings, ...
   * @counterpart Hadoop: Job.setSortComparatorClass
   */
  sortComparator?(a: K, b: K): number;
  /**
   * Consecutive keys it calls equal (0) go to one reduce call, their values together (secondary sort). Default: the
   * sort comparator.
   * @counterpart Hadoop: Job.setGroupingComparatorClass
   */
  groupingComparator?(a: K, b: K): number;
  /** Hadoop's job configuration, by Hadoop's names. @counterpart Hadoop: Job.getConfiguration */
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
   * The value: in a task the read-only snapshot, on the driver the object broadcast. After destroy(), reading it fails
   * ("Attempted to use Broadcast(0) after it was destroyed").
   * @counterpart Spark: Broadcast.value · PySpark: Broadcast.value
   */
  readonly value: T;
  /** The broadcast's number, from 0 (PySpark's Broadcast has no id). @counterpart Spark: Broadcast.id */
  readonly id: number;
  /**
   * Drops the executors' copies; a later task fetches it again.
   * @counterpart Spark: Broadcast.unpersist · PySpark: Broadcast.unpersist
   */
  unpersist(blocking?: boolean): void;
  /**
   * Removes it everywhere; using it afterwards fails.
   * @counterpart Spark: Broadcast.destroy · PySpark: Broadcast.destroy
   */
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
  /** @counterpart Spark: AccumulatorV2.add · PySpark: Accumulator.add */
  add(v: IN): void;
  /** The driver's total. @counterpart Spark: AccumulatorV2.value · PySpark: Accumulator.value */
  readonly value: OUT;
  /** Back to zero (PySpark has no reset: set value). @counterpart Spark: AccumulatorV2.reset */
  reset(): void;
  /** @counterpart Spark: AccumulatorV2.isZero */
  isZero(): boolean;
  /** The name given when it was made, or null. @counterpart Spark: AccumulatorV2.name */
  readonly name: string | null;
  /** @counterpart Spark: AccumulatorV2.id */
  readonly id: number;
}

/**
 * Whole numbers (a Scala Long): also counts and averages what was added.
 * Spark: org.apache.spark.util.LongAccumulator · PySpark: sc.accumulator(0)
 */
interface LongAccumulator extends Accumulator<number, number> {
  /** How many values were added. @counterpart Spark: LongAccumulator.count */
  readonly count: number;
  /** The sum (the same as value). @counterpart Spark: LongAccumulator.sum */
  readonly sum: number;
  /** sum / count (NaN when nothing was added). @counterpart Spark: LongAccumulator.avg */
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
  /**
   * The total; the driver may also set it (Spark 1 had this Accumulator; Spark 2+ has AccumulatorV2).
   * @counterpart PySpark: Accumulator.value
   */
  value: number;
}

/** Any value; an array literal returned by map or flatMap is read as a [key, value] pair. */
type Pairable = {} | null | undefined | [unknown, unknown];

/**
 * Spark's StatCounter (from `rdd.stats()`): count, mean, sum, min, max, variance and standard
 * deviations of numbers, as methods. Its own fields are Spark's (`n`, `mu`, `m2`, `maxValue`,
 * `minValue`): returning it from the driver shows those.
 * Spark: org.apache.spark.util.StatCounter · PySpark: pyspark.statcounter.StatCounter
 */
interface StatCounter {
  /**
   * How many numbers (Spark's private field; count() reads it).
   * @counterpart Spark: StatCounter.n · PySpark: StatCounter.n
   */
  readonly n: number;
  /**
   * The running mean (Spark's private field; mean() reads it).
   * @counterpart Spark: StatCounter.mu · PySpark: StatCounter.mu
   */
  readonly mu: number;
  /**
   * The running sum of squared differences from the mean (Welford), which the variances divide.
   * @counterpart Spark: StatCounter.m2 · PySpark: StatCounter.m2
   */
  readonly m2: number;
  /**
   * The largest number (Spark's private field; max() reads it).
   * @counterpart Spark: StatCounter.maxValue · PySpark: StatCounter.maxValue
   */
  readonly maxValue: number;
  /**
   * The smallest number (Spark's private field; min() reads it).
   * @counterpart Spark: StatCounter.minValue · PySpark: StatCounter.minValue
   */
  readonly minValue: number;
  /** @counterpart Spark: StatCounter.count · PySpark: StatCounter.count */
  count(): number;
  /** NaN when empty. @counterpart Spark: StatCounter.mean · PySpark: StatCounter.mean */
  mean(): number;
  /** @counterpart Spark: StatCounter.sum · PySpark: StatCounter.sum */
  sum(): number;
  /** -Infinity when empty. @counterpart Spark: StatCounter.max · PySpark: StatCounter.max */
  max(): number;
  /** Infinity when empty. @counterpart Spark: StatCounter.min · PySpark: StatCounter.min */
  min(): number;
  /** Population variance (divides by n). @counterpart Spark: StatCounter.variance · PySpark: StatCounter.variance */
  variance(): number;
  /** Divides by n - 1. @counterpart Spark: StatCounter.sampleVariance · PySpark: StatCounter.sampleVariance */
  sampleVariance(): number;
  /** Population standard deviation. @counterpart Spark: StatCounter.stdev · PySpark: StatCounter.stdev */
  stdev(): number;
  /** @counterpart Spark: StatCounter.sampleStdev · PySpark: StatCounter.sampleStdev */
  sampleStdev(): number;
  /**
   * Adds a number or another StatCounter's numbers.
   * @counterpart Spark: StatCounter.merge · PySpark: StatCounter.merge
   */
  merge(value: number | StatCounter): StatCounter;
  /** @counterpart Spark: StatCounter.copy · PySpark: StatCounter.copy */
  copy(): StatCounter;
  /**
   * `(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)`.
   * @counterpart Spark: StatCounter.toString · PySpark: StatCounter.__repr__
   */
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
  /**
   * Read-only: the number of partitions (the same as getNumPartitions()).
   * @counterpart Spark: RDD.partitions.length · PySpark: rdd.getNumPartitions()
   */
  readonly numPartitions: number;

  // ---- transformations ----
  /** @counterpart Spark: RDD.map · PySpark: rdd.map */
  map<U extends Pairable>(f: (x: T) => U): RDD<U>;
  /** f returns an iterable (an array, a Set, a generator). @counterpart Spark: RDD.flatMap · PySpark: rdd.flatMap */
  flatMap<U extends Pairable>(f: (x: T) => Iterable<U>): RDD<U>;
  /** Keeps the partitioner. @counterpart Spark: RDD.filter · PySpark: rdd.filter */
  filter(f: (x: T) => boolean): RDD<T>;
  /**
   * f gets an iterator over one partition and returns an iterable. preservesPartitioning (default false) keeps the
   * partitioner.
   * @counterpart Spark: RDD.mapPartitions · PySpark: rdd.mapPartitions
   */
  mapPartitions<U extends Pairable>(f: (it: Iterator<T>) => Iterable<U>, preservesPartitioning?: boolean): RDD<U>;
  /**
   * f gets the partition's index too.
   * @counterpart Spark: RDD.mapPartitionsWithIndex · PySpark: rdd.mapPartitionsWithIndex
   */
  mapPartitionsWithIndex<U extends Pairable>(
    f: (index: number, it: Iterator<T>) => Iterable<U>,
    preservesPartitioning?: boolean,
  ): RDD<U>;
  /** Each partition as one array. @counterpart Spark: RDD.glom · PySpark: rdd.glom */
  glom(): RDD<T[]>;
  /** @counterpart Spark: RDD.keyBy · PySpark: rdd.keyBy */
  keyBy<K>(f: (x: T) => K): RDD<[K, T]>;
  /**
   * Shuffles into numPartitions (default: this RDD's number of partitions).
   * @counterpart Spark: RDD.distinct · PySpark: rdd.distinct
   */
  distinct(numPartitions?: number): RDD<T>;
  /** Keeps duplicates; partitions of both. @counterpart Spark: RDD.union · PySpark: rdd.union */
  union(other: RDD<T>): RDD<T>;
  /**
   * Elements in both, without duplicates (a shuffle).
   * @counterpart Spark: RDD.intersection · PySpark: rdd.intersection
   */
  intersection(other: RDD<T>, numPartitions?: number): RDD<T>;
  /** Elements not in other; keeps this RDD's duplicates. @counterpart Spark: RDD.subtract · PySpark: rdd.subtract */
  subtract(other: RDD<T>, numPartitions?: number): RDD<T>;
  /** Every [a, b] pair; partitions multiply. @counterpart Spark: RDD.cartesian · PySpark: rdd.cartesian */
  cartesian<U>(other: RDD<U>): RDD<[T, U]>;
  /** [f(x), all x with that key]. @counterpart Spark: RDD.groupBy · PySpark: rdd.groupBy */
  groupBy<K>(f: (x: T) => K, numPartitions?: number): RDD<[K, T[]]>;
  /** Sorts by f(x) with a range partitioner. @counterpart Spark: RDD.sortBy · PySpark: rdd.sortBy */
  sortBy<K>(f: (x: T) => K, ascending?: boolean, numPartitions?: number): RDD<T>;
  /** A round-robin shuffle into numPartitions. @counterpart Spark: RDD.repartition · PySpark: rdd.repartition */
  repartition(numPartitions: number): RDD<T>;
  /**
   * Fewer partitions without a shuffle (asking for more keeps the count), or with one when shuffle is true.
   * @counterpart Spark: RDD.coalesce · PySpark: rdd.coalesce
   */
  coalesce(numPartitions: number, shuffle?: boolean): RDD<T>;
  /**
   * Pairs element i with element i of other (same partitions and sizes).
   * @counterpart Spark: RDD.zip · PySpark: rdd.zip
   */
  zip<U>(other: RDD<U>): RDD<[T, U]>;
  /** [x, index] in partition order. @counterpart Spark: RDD.zipWithIndex · PySpark: rdd.zipWithIndex */
  zipWithIndex(): RDD<[T, number]>;
  /** [x, i * numPartitions + partition]. @counterpart Spark: RDD.zipWithUniqueId · PySpark: rdd.zipWithUniqueId */
  zipWithUniqueId(): RDD<[T, number]>;
  /**
   * A random sample: each element kept with chance fraction, or kept a Poisson(fraction) number of times with
   * replacement.
   * @counterpart Spark: RDD.sample · PySpark: rdd.sample
   */
  sample(withReplacement: boolean, fraction: number, seed?: number): RDD<T>;
  /** Disjoint random parts in proportion to weights. @counterpart Spark: RDD.randomSplit · PySpark: rdd.randomSplit */
  randomSplit(weights: number[], seed?: number): RDD<T>[];
  /**
   * Each partition's elements, one per line, go to a program's standard input; each line it prints is an element. No
   * shell: the command is split on whitespace. The simulated executors have cat, grep, wc, sort, uniq, head, tail, tr,
   * cut and rev; a program that exits with a non-zero status fails the task (grep does when nothing matches).
   * @counterpart Spark: RDD.pipe · PySpark: rdd.pipe
   */
  pipe(command: string | string[], env?: Record<string, string>): RDD<string>;

  // ---- persistence and information ----
  /** persist('MEMORY_ONLY'). @counterpart Spark: RDD.cache · PySpark: rdd.cache */
  cache(): RDD<T>;
  /**
   * Default MEMORY_ONLY; a persisted RDD's level cannot change.
   * @counterpart Spark: RDD.persist · PySpark: rdd.persist
   */
  persist(level?: StorageLevel): RDD<T>;
  /** @counterpart Spark: RDD.unpersist · PySpark: rdd.unpersist */
  unpersist(blocking?: boolean): RDD<T>;
  /**
   * The level's name, 'NONE' when not persisted.
   * @counterpart Spark: RDD.getStorageLevel · PySpark: rdd.getStorageLevel
   */
  getStorageLevel(): StorageLevel;
  /**
   * True after cache() or persist(), until unpersist() (an attribute in PySpark).
   * @counterpart PySpark: rdd.is_cached
   */
  isCached(): boolean;
  /** @counterpart Spark: RDD.id · PySpark: rdd.id */
  id(): number;
  /** The name given with setName, else null. @counterpart Spark: RDD.name · PySpark: rdd.name */
  name(): string | null;
  /** @counterpart Spark: RDD.setName · PySpark: rdd.setName */
  setName(name: string): RDD<T>;
  /** @counterpart Spark: RDD.getNumPartitions · PySpark: rdd.getNumPartitions */
  getNumPartitions(): number;
  /**
   * The lineage as Spark prints it, `+-` where a shuffle begins a stage.
   * @counterpart Spark: RDD.toDebugString · PySpark: rdd.toDebugString
   */
  toDebugString(): string;

  // ---- actions ----
  /** @counterpart Spark: RDD.collect · PySpark: rdd.collect */
  collect(): Promise<T[]>;
  /** @counterpart Spark: RDD.count · PySpark: rdd.count */
  count(): Promise<number>;
  /** Scans 1 partition, then more each job. @counterpart Spark: RDD.take · PySpark: rdd.take */
  take(num: number): Promise<T[]>;
  /** Fails on an empty RDD ("empty collection"). @counterpart Spark: RDD.first · PySpark: rdd.first */
  first(): Promise<T>;
  /** @counterpart Spark: RDD.isEmpty · PySpark: rdd.isEmpty */
  isEmpty(): Promise<boolean>;
  /** Fails on an empty RDD ("empty collection"). @counterpart Spark: RDD.reduce · PySpark: rdd.reduce */
  reduce(f: (a: T, b: T) => T): Promise<T>;
  /**
   * Folds each partition from a copy of zeroValue, then the results from another copy: a zero that is not neutral
   * counts once per partition plus once.
   * @counterpart Spark: RDD.fold · PySpark: rdd.fold
   */
  fold(zeroValue: T, op: (a: T, b: T) => T): Promise<T>;
  /**
   * seqOp within partitions, combOp in the driver, each from a copy of zeroValue.
   * @counterpart Spark: RDD.aggregate · PySpark: rdd.aggregate
   */
  aggregate<U>(zeroValue: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U): Promise<U>;
  /**
   * reduce, combining partial results in a tree of depth levels (default 2).
   * @counterpart Spark: RDD.treeReduce · PySpark: rdd.treeReduce
   */
  treeReduce(f: (a: T, b: T) => T, depth?: number): Promise<T>;
  /**
   * aggregate, combining partial results in a tree of depth levels (default 2), each level a shuffle stage.
   * @counterpart Spark: RDD.treeAggregate · PySpark: rdd.treeAggregate
   */
  treeAggregate<U>(zeroValue: U, seqOp: (acc: U, x: T) => U, combOp: (a: U, b: U) => U, depth?: number): Promise<U>;
  /** Runs f on every element in the tasks. @counterpart Spark: RDD.foreach · PySpark: rdd.foreach */
  foreach(f: (x: T) => void): Promise<void>;
  /** @counterpart Spark: RDD.foreachPartition · PySpark: rdd.foreachPartition */
  foreachPartition(f: (it: Iterator<T>) => void): Promise<void>;
  /**
   * `for await (const x of rdd.toLocalIterator())`: one job per partition.
   * @counterpart Spark: RDD.toLocalIterator · PySpark: rdd.toLocalIterator
   */
  toLocalIterator(): AsyncIterableIterator<T>;
  /** The num smallest (by keyfunc), ascending. @counterpart Spark: RDD.takeOrdered · PySpark: rdd.takeOrdered */
  takeOrdered(num: number, keyfunc?: (x: T) => unknown): Promise<T[]>;
  /** The num largest (by keyfunc), largest first. @counterpart Spark: RDD.top · PySpark: rdd.top */
  top(num: number, keyfunc?: (x: T) => unknown): Promise<T[]>;
  /** @counterpart Spark: RDD.max · PySpark: rdd.max */
  max(key?: (x: T) => unknown): Promise<T>;
  /** @counterpart Spark: RDD.min · PySpark: rdd.min */
  min(key?: (x: T) => unknown): Promise<T>;
  /**
   * How many times each element occurs, keyed by the elements.
   * @counterpart Spark: RDD.countByValue · PySpark: rdd.countByValue
   */
  countByValue(): Promise<Map<T, number>>;
  /**
   * num random elements (a count job, then sample jobs).
   * @counterpart Spark: RDD.takeSample · PySpark: rdd.takeSample
   */
  takeSample(withReplacement: boolean, num: number, seed?: number): Promise<T[]>;
  /**
   * One part file per partition (part-00000...).
   * @counterpart Spark: RDD.saveAsTextFile · PySpark: rdd.saveAsTextFile
   */
  saveAsTextFile(path: string): Promise<void>;
  /**
   * Hadoop SequenceFiles, one part file per partition (part-00000..., then _SUCCESS). Keys and values
   * become Writables as PySpark converts them: a string a Text, a whole number an IntWritable (a
   * LongWritable past 32 bits, as is a BigInt), any other number a DoubleWritable, a boolean a
   * BooleanWritable, a Uint8Array a BytesWritable, null a NullWritable. A file has one key class and
   * one value class: numbers take the widest their values need (1 and 2.5: DoubleWritable); keys of
   * two kinds fail as Hadoop's Writer does ("wrong key class"), and an object or array fails
   * ("Data of type ... cannot be used"): JSON.stringify it, or use saveAsObjectFile. An RDD with no
   * records writes headers naming NullWritable. No compression. Read it back with sc.sequenceFile.
   * @counterpart Spark: SequenceFileRDDFunctions.saveAsSequenceFile · PySpark: rdd.saveAsSequenceFile
   */
  saveAsSequenceFile<K, V>(this: RDD<[K, V]>, path: string): Promise<void>;
  /**
   * A SequenceFile of NullWritable keys and BytesWritable values, each value a batch of 10 serialized
   * elements, as Spark writes it. Spark serializes with Java serialization; ClusterLab, having no JVM,
   * with its own serialization in its place (a JVM cannot read these files). It keeps what Spark's
   * serializer keeps: numbers, strings, booleans, null, undefined, BigInts, arrays, plain objects,
   * Maps, Sets, Dates, typed arrays and shared references; a function, a Symbol or a class instance
   * fails (Java's NotSerializableException). Read it back with sc.objectFile.
   * @counterpart Spark: RDD.saveAsObjectFile · PySpark: rdd.saveAsPickleFile
   */
  saveAsObjectFile(path: string): Promise<void>;

  // ---- numeric RDDs (Spark's DoubleRDDFunctions) ----
  /** 0 for an empty RDD. @counterpart Spark: DoubleRDDFunctions.sum · PySpark: rdd.sum */
  sum(this: RDD<number>): Promise<number>;
  /** @counterpart Spark: DoubleRDDFunctions.mean · PySpark: rdd.mean */
  mean(this: RDD<number>): Promise<number>;
  /** @counterpart Spark: DoubleRDDFunctions.stats · PySpark: rdd.stats */
  stats(this: RDD<number>): Promise<StatCounter>;
  /** Population variance. @counterpart Spark: DoubleRDDFunctions.variance · PySpark: rdd.variance */
  variance(this: RDD<number>): Promise<number>;
  /** Population standard deviation. @counterpart Spark: DoubleRDDFunctions.stdev · PySpark: rdd.stdev */
  stdev(this: RDD<number>): Promise<number>;
  /** @counterpart Spark: DoubleRDDFunctions.sampleVariance · PySpark: rdd.sampleVariance */
  sampleVariance(this: RDD<number>): Promise<number>;
  /** @counterpart Spark: DoubleRDDFunctions.sampleStdev · PySpark: rdd.sampleStdev */
  sampleStdev(this: RDD<number>): Promise<number>;
  /**
   * [buckets, counts]: a number of even buckets from min to max, or sorted bounds; each bucket is [lo, hi) but the
   * last, [lo, hi].
   * @counterpart Spark: DoubleRDDFunctions.histogram · PySpark: rdd.histogram
   */
  histogram(this: RDD<number>, buckets: number | number[]): Promise<[number[], number[]]>;

  // ---- pair functions: for RDDs of [key, value] arrays. A pair may also be an array of one type,
  // such as `line.split(' ')`: the second signature of some.
  /** @counterpart Spark: PairRDDFunctions.keys · PySpark: rdd.keys */
  keys<K, V>(this: RDD<[K, V]>): RDD<K>;
  /** @counterpart Spark: PairRDDFunctions.values · PySpark: rdd.values */
  values<K, V>(this: RDD<[K, V]>): RDD<V>;
  /** Keeps the partitioner. @counterpart Spark: PairRDDFunctions.mapValues · PySpark: rdd.mapValues */
  mapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => U): RDD<[K, U]>;
  mapValues<K, U>(this: RDD<K[]>, f: (v: K) => U): RDD<[K, U]>;
  /** Keeps the partitioner. @counterpart Spark: PairRDDFunctions.flatMapValues · PySpark: rdd.flatMapValues */
  flatMapValues<K, V, U>(this: RDD<[K, V]>, f: (v: V) => Iterable<U>): RDD<[K, U]>;
  /**
   * Spark's three functions: a key's first value makes a combiner, later values merge into it (per partition),
   * combiners merge across partitions.
   * @counterpart Spark: PairRDDFunctions.combineByKey · PySpark: rdd.combineByKey
   */
  combineByKey<K, V, C>(
    this: RDD<[K, V]>,
    createCombiner: (v: V) => C,
    mergeValue: (c: C, v: V) => C,
    mergeCombiners: (a: C, b: C) => C,
    numPartitions?: number,
  ): RDD<[K, C]>;
  /** Combines on the map side too. @counterpart Spark: PairRDDFunctions.reduceByKey · PySpark: rdd.reduceByKey */
  reduceByKey<K, V>(this: RDD<[K, V]>, f: (a: V, b: V) => V, numPartitions?: number): RDD<[K, V]>;
  reduceByKey<K>(this: RDD<K[]>, f: (a: K, b: K) => K, numPartitions?: number): RDD<[K, K]>;
  /** No map-side combine. @counterpart Spark: PairRDDFunctions.groupByKey · PySpark: rdd.groupByKey */
  groupByKey<K, V>(this: RDD<[K, V]>, numPartitions?: number): RDD<[K, V[]]>;
  groupByKey<K>(this: RDD<K[]>, numPartitions?: number): RDD<[K, K[]]>;
  /**
   * Each key starts from its own copy of zero (a Set stays a Set).
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
   * Each key starts from its own copy of zero.
   * @counterpart Spark: PairRDDFunctions.foldByKey · PySpark: rdd.foldByKey
   */
  foldByKey<K, V>(this: RDD<[K, V]>, zero: V, func: (a: V, b: V) => V, numPartitions?: number): RDD<[K, V]>;
  /**
   * Hash partitions by key (or partitionFunc(key) mod numPartitions); later joins and reduceByKey with the same
   * partitioning need no shuffle.
   * @counterpart Spark: PairRDDFunctions.partitionBy · PySpark: rdd.partitionBy
   */
  partitionBy<K, V>(this: RDD<[K, V]>, numPartitions: number, partitionFunc?: (key: K) => number): RDD<[K, V]>;
  /**
   * Range partitioned by (keyfunc of) the key.
   * @counterpart Spark: OrderedRDDFunctions.sortByKey · PySpark: rdd.sortByKey
   */
  sortByKey<K, V>(
    this: RDD<[K, V]>,
    ascending?: boolean,
    numPartitions?: number,
    keyfunc?: (key: K) => unknown,
  ): RDD<[K, V]>;
  sortByKey<K>(this: RDD<K[]>, ascending?: boolean, numPartitions?: number, keyfunc?: (key: K) => unknown): RDD<[K, K]>;
  /**
   * One shuffle that places each pair by its key (hash, or partitionFunc(key) mod numPartitions) and sorts every
   * partition by key: sorted inside each partition, not across them.
   * @counterpart Spark: OrderedRDDFunctions.repartitionAndSortWithinPartitions · PySpark: rdd.repartitionAndSortWithinPartitions
   */
  repartitionAndSortWithinPartitions<K, V>(
    this: RDD<[K, V]>,
    numPartitions?: number,
    partitionFunc?: (key: K) => number,
    ascending?: boolean,
    keyfunc?: (key: K) => unknown,
  ): RDD<[K, V]>;
  /** [k, [values here, values in other]]. @counterpart Spark: PairRDDFunctions.cogroup · PySpark: rdd.cogroup */
  cogroup<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V[], W[]]]>;
  cogroup<K, V, W1, W2>(
    this: RDD<[K, V]>,
    other1: RDD<[K, W1]>,
    other2: RDD<[K, W2]>,
    numPartitions?: number,
  ): RDD<[K, [V[], W1[], W2[]]]>;
  /** cogroup with any number of RDDs. @counterpart Spark: PairRDDFunctions.groupWith · PySpark: rdd.groupWith */
  groupWith<K, V>(this: RDD<[K, V]>, ...others: RDD<[K, unknown]>[]): RDD<[K, unknown[][]]>;
  /** @counterpart Spark: PairRDDFunctions.join · PySpark: rdd.join */
  join<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W]]>;
  join<K, W>(this: RDD<K[]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [K, W]]>;
  /** @counterpart Spark: PairRDDFunctions.leftOuterJoin · PySpark: rdd.leftOuterJoin */
  leftOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V, W | null]]>;
  /** @counterpart Spark: PairRDDFunctions.rightOuterJoin · PySpark: rdd.rightOuterJoin */
  rightOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V | null, W]]>;
  /** @counterpart Spark: PairRDDFunctions.fullOuterJoin · PySpark: rdd.fullOuterJoin */
  fullOuterJoin<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, [V | null, W | null]]>;
  /**
   * Pairs whose key is not in other.
   * @counterpart Spark: PairRDDFunctions.subtractByKey · PySpark: rdd.subtractByKey
   */
  subtractByKey<K, V, W>(this: RDD<[K, V]>, other: RDD<[K, W]>, numPartitions?: number): RDD<[K, V]>;
  /** A Map keyed by the real keys. @counterpart Spark: PairRDDFunctions.countByKey · PySpark: rdd.countByKey */
  countByKey<K, V>(this: RDD<[K, V]>): Promise<Map<K, number>>;
  /**
   * A Map; a key seen twice keeps its last value.
   * @counterpart Spark: PairRDDFunctions.collectAsMap · PySpark: rdd.collectAsMap
   */
  collectAsMap<K, V>(this: RDD<[K, V]>): Promise<Map<K, V>>;
  /**
   * The key's values; reads one partition when the RDD has a partitioner.
   * @counterpart Spark: PairRDDFunctions.lookup · PySpark: rdd.lookup
   */
  lookup<K, V>(this: RDD<[K, V]>, key: K): Promise<V[]>;
}

/**
 * The entry point of a Spark job: `export default async (sc) => ...`. A member that does not
 * exist but is close to one that does (`sc.textfile`) is a TypeError naming the right one.
 * Spark: org.apache.spark.SparkContext · PySpark: pyspark.SparkContext
 */
interface SparkContext {
  /** The lines of a file or of a directory's files. @counterpart Spark: SparkContext.textFile · PySpark: sc.textFile */
  textFile(path: string, minPartitions?: number): RDD<string>;
  /**
   * One [path, content] pair per file of a directory (or glob), each file whole.
   * @counterpart Spark: SparkContext.wholeTextFiles · PySpark: sc.wholeTextFiles
   */
  wholeTextFiles(path: string, minPartitions?: number): RDD<[string, string]>;
  /**
   * The [key, value] pairs of SequenceFiles (saveAsSequenceFile's output), the Writables as values:
   * Text a string, IntWritable, DoubleWritable and LongWritable a number (a LongWritable past 2^53 a
   * BigInt), BooleanWritable a boolean, BytesWritable a Uint8Array, NullWritable null. Paths as
   * textFile takes them; files are split as SequenceFileInputFormat splits them (at sync markers).
   * A file that is not a SequenceFile fails as Hadoop does ("... not a SequenceFile").
   * @counterpart Spark: SparkContext.sequenceFile · PySpark: sc.sequenceFile
   */
  sequenceFile<K = unknown, V = unknown>(path: string, minPartitions?: number): RDD<[K, V]>;
  /**
   * The elements saveAsObjectFile wrote, with their types (a Map stays a Map). Paths as textFile takes them.
   * @counterpart Spark: SparkContext.objectFile · PySpark: sc.pickleFile
   */
  objectFile<T = unknown>(path: string, minPartitions?: number): RDD<T>;
  /**
   * An RDD of the array's elements cut into numSlices partitions (default: defaultParallelism).
   * @counterpart Spark: SparkContext.parallelize · PySpark: sc.parallelize
   */
  parallelize<T>(data: T[], numSlices?: number): RDD<T>;
  /**
   * The whole numbers from start (inclusive) to end (exclusive) by step; `range(n)` is 0 to n-1.
   * @counterpart Spark: SparkContext.range · PySpark: sc.range
   */
  range(start: number, end?: number, step?: number, numSlices?: number): RDD<number>;
  /** One RDD with the elements of all of them. @counterpart Spark: SparkContext.union · PySpark: sc.union */
  union<T>(rdds: RDD<T>[]): RDD<T>;
  /**
   * An RDD with no elements (one empty partition here).
   * @counterpart Spark: SparkContext.emptyRDD · PySpark: sc.emptyRDD
   */
  emptyRDD<T = never>(): RDD<T>;
  /**
   * A read-only value shipped once to each executor.
   * @counterpart Spark: SparkContext.broadcast · PySpark: sc.broadcast
   */
  broadcast<T>(value: T): Broadcast<T>;
  /** @counterpart Spark: SparkContext.longAccumulator · PySpark: sc.accumulator(0) */
  longAccumulator(name?: string): LongAccumulator;
  /** @counterpart Spark: SparkContext.doubleAccumulator · PySpark: sc.accumulator(0.0) */
  doubleAccumulator(name?: string): DoubleAccumulator;
  /** PySpark has none (it would take an AccumulatorParam). @counterpart Spark: SparkContext.collectionAccumulator */
  collectionAccumulator<T>(name?: string): CollectionAccumulator<T>;
  /**
   * A number accumulator starting at `value` (default 0). Spark 2+ has no such method: longAccumulator.
   * @counterpart PySpark: sc.accumulator
   */
  accumulator(value?: number): NumberAccumulator;
  /**
   * One of ALL, DEBUG, ERROR, FATAL, INFO, OFF, TRACE, WARN (checked as Spark checks it; the simulator's Spark writes
   * no log).
   * @counterpart Spark: SparkContext.setLogLevel · PySpark: sc.setLogLevel
   */
  setLogLevel(level: string): void;
  /** After stop(), sc's methods fail. @counterpart Spark: SparkContext.stop · PySpark: sc.stop */
  stop(): void;
  /**
   * The executors' total cores (at least 2), or spark.default.parallelism when the run sets it (`--conf
   * spark.default.parallelism=8`).
   * @counterpart Spark: SparkContext.defaultParallelism · PySpark: sc.defaultParallelism
   */
  readonly defaultParallelism: number;
  /** The job file's name. @counterpart Spark: SparkContext.appName · PySpark: sc.appName */
  readonly appName: string;
  /**
   * Always "yarn": the simulated cluster runs Spark on YARN.
   * @counterpart Spark: SparkContext.master · PySpark: sc.master
   */
  readonly master: string;
  /**
   * The Spark version whose behaviour ClusterLab follows, "3.5.1".
   * @counterpart Spark: SparkContext.version · PySpark: sc.version
   */
  readonly version: string;
}

declare const console: {
  /**
   * Shown in the driver's output, as spark-submit shows the driver's stdout.
   * @counterpart JavaScript: console.log · PySpark: print
   */
  log(...values: unknown[]): void;
  /** @counterpart JavaScript: console.info */
  info(...values: unknown[]): void;
  /** @counterpart JavaScript: console.warn */
  warn(...values: unknown[]): void;
  /** The driver's stderr. @counterpart JavaScript: console.error */
  error(...values: unknown[]): void;
};

/**
 * A Spark job file's default export: the driver program, given `sc` and the SparkSession `spark`. The functions a job
 * defines are closures shipped to tasks however they reach one (given to an RDD method, or through a variable, a method,
 * a factory, `bind`, a helper): each task gets its own copy of the driver's variables they use (changes stay in the
 * task), as Spark's guide ("Understanding closures") explains; use an accumulator to count across tasks. A function
 * made inside a task works on that task's own variables. An object with #private fields cannot be copied: Spark's
 * "Task not serializable".
 * Spark: a driver program's main(args) · PySpark: a script run by spark-submit
 */
type SparkJob = (sc: SparkContext, spark: SparkSession) => Promise<unknown> | unknown;

// ---- Spark SQL: DataFrames (engine/spark/sql). A Spark job gets the session as its second
// argument: `export default async (sc, spark) => { ... }` (spark.sparkContext is sc). ----

/** A column name or a Column, as Spark's DataFrame methods take them. */
type ColumnOrName = string | Column;

/** Spark's Column (pyspark.sql.Column): an expression; JavaScript has no operators to overload, so Scala's method names. */
interface Column {
  /** The output column's name. @counterpart Spark: Column.alias · PySpark: Column.alias */
  alias(name: string): Column;
  /** The same as alias (`as` is a keyword in Python: PySpark has alias only). @counterpart Spark: Column.as */
  as(name: string): Column;
  /** The same as alias. @counterpart Spark: Column.name · PySpark: Column.name */
  name(name: string): Column;
  /** `+` in Scala and Python. @counterpart Spark: Column.plus · PySpark: Column.__add__ */
  plus(other: unknown): Column;
  /** `-`. @counterpart Spark: Column.minus · PySpark: Column.__sub__ */
  minus(other: unknown): Column;
  /** `*`. @counterpart Spark: Column.multiply · PySpark: Column.__mul__ */
  multiply(other: unknown): Column;
  /** `/`: always a double. @counterpart Spark: Column.divide · PySpark: Column.__truediv__ */
  divide(other: unknown): Column;
  /** `%`. @counterpart Spark: Column.mod · PySpark: Column.__mod__ */
  mod(other: unknown): Column;
  /**
   * `===` in Scala, `==` in Python: null when either side is null.
   * @counterpart Spark: Column.equalTo · PySpark: Column.__eq__
   */
  equalTo(other: unknown): Column;
  /** The same as equalTo. @counterpart Spark: Column.=== · PySpark: Column.__eq__ */
  eq(other: unknown): Column;
  /** `=!=` in Scala, `!=` in Python. @counterpart Spark: Column.notEqual · PySpark: Column.__ne__ */
  notEqual(other: unknown): Column;
  /**
   * `<=>`: true when both are null, false when one is.
   * @counterpart Spark: Column.eqNullSafe · PySpark: Column.eqNullSafe
   */
  eqNullSafe(other: unknown): Column;
  /** `>` (null when either side is null). @counterpart Spark: Column.gt · PySpark: Column.__gt__ */
  gt(other: unknown): Column;
  /** `>=`. @counterpart Spark: Column.geq · PySpark: Column.__ge__ */
  geq(other: unknown): Column;
  /** `<`. @counterpart Spark: Column.lt · PySpark: Column.__lt__ */
  lt(other: unknown): Column;
  /** `<=`. @counterpart Spark: Column.leq · PySpark: Column.__le__ */
  leq(other: unknown): Column;
  /**
   * `&&` in Scala, `&` in Python: SQL's three-valued logic.
   * @counterpart Spark: Column.and · PySpark: Column.__and__
   */
  and(other: Column): Column;
  /** `||` in Scala, `|` in Python. @counterpart Spark: Column.or · PySpark: Column.__or__ */
  or(other: Column): Column;
  /** `!` in Scala, `~` in Python. @counterpart Spark: functions.not · PySpark: Column.__invert__ */
  not(): Column;
  /** @counterpart Spark: Column.isNull · PySpark: Column.isNull */
  isNull(): Column;
  /** @counterpart Spark: Column.isNotNull · PySpark: Column.isNotNull */
  isNotNull(): Column;
  /** Ascending, nulls first. @counterpart Spark: Column.asc · PySpark: Column.asc */
  asc(): Column;
  /** Descending, nulls last. @counterpart Spark: Column.desc · PySpark: Column.desc */
  desc(): Column;
  /** @counterpart Spark: Column.asc_nulls_last · PySpark: Column.asc_nulls_last */
  asc_nulls_last(): Column;
  /** @counterpart Spark: Column.desc_nulls_first · PySpark: Column.desc_nulls_first */
  desc_nulls_first(): Column;
}

/** A row of collect() / take() / first(): Spark's Row as a plain object keyed by column name. */
type Row = Record<string, unknown>;

/** Spark's StructType as df.schema gives it. */
interface StructType {
  /** Each StructField: name, dataType, nullable. @counterpart Spark: StructType.fields · PySpark: StructType.fields */
  fields: { name: string; dataType: string; nullable: boolean }[];
  /**
   * `struct<day:string,t:double>` (a method in Spark, a string here).
   * @counterpart Spark: StructType.simpleString · PySpark: StructType.simpleString
   */
  simpleString: string;
}

/** Spark's DataFrame (Dataset[Row]): lazy transformations; actions run Spark jobs and return promises. */
interface DataFrame {
  /** @counterpart Spark: Dataset.columns · PySpark: DataFrame.columns */
  readonly columns: string[];
  /**
   * [name, type] pairs (`int`, `bigint`, `double`, `string`, `boolean`).
   * @counterpart Spark: Dataset.dtypes · PySpark: DataFrame.dtypes
   */
  readonly dtypes: [string, string][];
  /** @counterpart Spark: Dataset.schema · PySpark: DataFrame.schema */
  readonly schema: StructType;
  /**
   * The `root |-- name: type (nullable = true)` tree on the console.
   * @counterpart Spark: Dataset.printSchema · PySpark: DataFrame.printSchema
   */
  printSchema(): void;
  /**
   * The physical plan on the console (`== Physical Plan ==`, `*(n)` codegen stages).
   * @counterpart Spark: Dataset.explain · PySpark: DataFrame.explain
   */
  explain(): void;
  /**
   * This DataFrame's column (tells same-named columns apart after a join).
   * @counterpart Spark: Dataset.col · PySpark: DataFrame.__getitem__ (df['name'])
   */
  col(name: string): Column;
  /** Columns by name (`'*'` for all) or expressions. @counterpart Spark: Dataset.select · PySpark: DataFrame.select */
  select(...cols: (ColumnOrName | ColumnOrName[])[]): DataFrame;
  /**
   * Rows whose condition is true (SQL expression strings are not supported: use columns).
   * @counterpart Spark: Dataset.filter · PySpark: DataFrame.filter
   */
  filter(condition: Column): DataFrame;
  /** The same as filter. @counterpart Spark: Dataset.where · PySpark: DataFrame.where */
  where(condition: Column): DataFrame;
  /** Adds or replaces a column. @counterpart Spark: Dataset.withColumn · PySpark: DataFrame.withColumn */
  withColumn(name: string, col: Column): DataFrame;
  /** @counterpart Spark: Dataset.withColumnRenamed · PySpark: DataFrame.withColumnRenamed */
  withColumnRenamed(existing: string, newName: string): DataFrame;
  /** Without the named columns. @counterpart Spark: Dataset.drop · PySpark: DataFrame.drop */
  drop(...cols: ColumnOrName[]): DataFrame;
  /**
   * Groups the rows by these columns, for agg, count, sum, avg/mean, min or max.
   * @counterpart Spark: Dataset.groupBy · PySpark: DataFrame.groupBy
   */
  groupBy(...cols: (ColumnOrName | ColumnOrName[])[]): GroupedData;
  /** PySpark's alias of groupBy. @counterpart PySpark: DataFrame.groupby */
  groupby(...cols: (ColumnOrName | ColumnOrName[])[]): GroupedData;
  /** An aggregate over all rows (groupBy().agg). @counterpart Spark: Dataset.agg · PySpark: DataFrame.agg */
  agg(...exprs: Column[]): DataFrame;
  /** HashAggregate on every column. @counterpart Spark: Dataset.distinct · PySpark: DataFrame.distinct */
  distinct(): DataFrame;
  /**
   * Exchange rangepartitioning then Sort (ascending: nulls first).
   * @counterpart Spark: Dataset.orderBy · PySpark: DataFrame.orderBy
   */
  orderBy(...cols: (ColumnOrName | ColumnOrName[])[]): DataFrame;
  /** The same as orderBy. @counterpart Spark: Dataset.sort · PySpark: DataFrame.sort */
  sort(...cols: (ColumnOrName | ColumnOrName[])[]): DataFrame;
  /** After orderBy: TakeOrderedAndProject. @counterpart Spark: Dataset.limit · PySpark: DataFrame.limit */
  limit(n: number): DataFrame;
  /**
   * join(other, on, how): on is a column name, names, or a Column condition (equalities joined with and); how is inner
   * (default), left, right, full / outer (and Spark's *_outer spellings). A side at most
   * spark.sql.autoBroadcastJoinThreshold (10 MB) is broadcast (BroadcastHashJoin), else both sides are shuffled
   * (SortMergeJoin).
   * @counterpart Spark: Dataset.join · PySpark: DataFrame.join
   */
  join(other: DataFrame, on: string | string[] | Column, how?: string): DataFrame;
  /** @counterpart Spark: Dataset.cache · PySpark: DataFrame.cache */
  cache(): DataFrame;
  /** @counterpart Spark: Dataset.persist · PySpark: DataFrame.persist */
  persist(): DataFrame;
  /** @counterpart Spark: Dataset.unpersist · PySpark: DataFrame.unpersist */
  unpersist(): DataFrame;
  /**
   * spark.table(name) gives it back.
   * @counterpart Spark: Dataset.createOrReplaceTempView · PySpark: DataFrame.createOrReplaceTempView
   */
  createOrReplaceTempView(name: string): void;
  /** Every row. @counterpart Spark: Dataset.collect · PySpark: DataFrame.collect */
  collect(): Promise<Row[]>;
  /** @counterpart Spark: Dataset.count · PySpark: DataFrame.count */
  count(): Promise<number>;
  /** The first n rows. @counterpart Spark: Dataset.take · PySpark: DataFrame.take */
  take(n: number): Promise<Row[]>;
  /**
   * head(n): the first n rows; head(): the first row, or null.
   * @counterpart Spark: Dataset.head · PySpark: DataFrame.head
   */
  head(n: number): Promise<Row[]>;
  head(): Promise<Row | null>;
  /** The first row, or null. @counterpart Spark: Dataset.first · PySpark: DataFrame.first */
  first(): Promise<Row | null>;
  /**
   * show(n = 20, truncate = true): Spark's +---+ table on the console.
   * @counterpart Spark: Dataset.show · PySpark: DataFrame.show
   */
  show(n?: number, truncate?: boolean | number): Promise<void>;
}

/** Spark's RelationalGroupedDataset (pyspark GroupedData). */
interface GroupedData {
  /**
   * Aggregate columns such as sum('t'), count('*').
   * @counterpart Spark: RelationalGroupedDataset.agg · PySpark: GroupedData.agg
   */
  agg(...exprs: (Column | Column[])[]): DataFrame;
  /** A `count` column. @counterpart Spark: RelationalGroupedDataset.count · PySpark: GroupedData.count */
  count(): DataFrame;
  /**
   * Of the named numeric columns (all of them when none is named); so are avg, mean, min and max.
   * @counterpart Spark: RelationalGroupedDataset.sum · PySpark: GroupedData.sum
   */
  sum(...cols: string[]): DataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.avg · PySpark: GroupedData.avg */
  avg(...cols: string[]): DataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.mean · PySpark: GroupedData.mean */
  mean(...cols: string[]): DataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.min · PySpark: GroupedData.min */
  min(...cols: string[]): DataFrame;
  /** @counterpart Spark: RelationalGroupedDataset.max · PySpark: GroupedData.max */
  max(...cols: string[]): DataFrame;
}

/** Spark's DataFrameReader (spark.read). csv and json run a job to read the header / infer the schema: await them. */
interface DataFrameReader {
  /**
   * header, inferSchema, sep (delimiter).
   * @counterpart Spark: DataFrameReader.option · PySpark: DataFrameReader.option
   */
  option(key: string, value: string | boolean | number): DataFrameReader;
  /** @counterpart Spark: DataFrameReader.options · PySpark: DataFrameReader.options */
  options(options: Record<string, string | boolean | number>): DataFrameReader;
  /** @counterpart Spark: DataFrameReader.format · PySpark: DataFrameReader.format */
  format(source: 'csv' | 'json' | 'text'): DataFrameReader;
  /** @counterpart Spark: DataFrameReader.load · PySpark: DataFrameReader.load */
  load(path: string): Promise<DataFrame>;
  /**
   * header (false), inferSchema (false: every column a string), sep (',').
   * @counterpart Spark: DataFrameReader.csv · PySpark: DataFrameReader.csv
   */
  csv(
    path: string,
    options?: { header?: boolean | string; inferSchema?: boolean | string; sep?: string },
  ): Promise<DataFrame>;
  /**
   * JSON Lines, one object a line; fields sorted by name, as Spark infers them.
   * @counterpart Spark: DataFrameReader.json · PySpark: DataFrameReader.json
   */
  json(path: string): Promise<DataFrame>;
  /** One `value` column, a row per line. @counterpart Spark: DataFrameReader.text · PySpark: DataFrameReader.text */
  text(path: string): DataFrame;
}

/** pyspark.sql.functions (org.apache.spark.sql.functions), as spark.functions. */
interface SqlFunctions {
  /** @counterpart Spark: functions.col · PySpark: functions.col */
  col(name: string): Column;
  /** @counterpart Spark: functions.column · PySpark: functions.column */
  column(name: string): Column;
  /** @counterpart Spark: functions.lit · PySpark: functions.lit */
  lit(value: string | number | boolean | null): Column;
  /**
   * count(col) counts non-null values; count('*') counts rows (named count(1)).
   * @counterpart Spark: functions.count · PySpark: functions.count
   */
  count(col: ColumnOrName | 1): Column;
  /** @counterpart Spark: functions.sum · PySpark: functions.sum */
  sum(col: ColumnOrName): Column;
  /** @counterpart Spark: functions.avg · PySpark: functions.avg */
  avg(col: ColumnOrName): Column;
  /** @counterpart Spark: functions.mean · PySpark: functions.mean */
  mean(col: ColumnOrName): Column;
  /** @counterpart Spark: functions.min · PySpark: functions.min */
  min(col: ColumnOrName): Column;
  /** @counterpart Spark: functions.max · PySpark: functions.max */
  max(col: ColumnOrName): Column;
  /** @counterpart Spark: functions.upper · PySpark: functions.upper */
  upper(col: ColumnOrName): Column;
  /** @counterpart Spark: functions.lower · PySpark: functions.lower */
  lower(col: ColumnOrName): Column;
  /** @counterpart Spark: functions.length · PySpark: functions.length */
  length(col: ColumnOrName): Column;
  /**
   * substring(str, pos, len): pos counts from 1.
   * @counterpart Spark: functions.substring · PySpark: functions.substring
   */
  substring(col: ColumnOrName, pos: number, len: number): Column;
  /** round(col, scale = 0): HALF_UP. @counterpart Spark: functions.round · PySpark: functions.round */
  round(col: ColumnOrName, scale?: number): Column;
  /** @counterpart Spark: functions.concat · PySpark: functions.concat */
  concat(...cols: ColumnOrName[]): Column;
  /** @counterpart Spark: functions.coalesce · PySpark: functions.coalesce */
  coalesce(...cols: ColumnOrName[]): Column;
  /** @counterpart Spark: functions.asc · PySpark: functions.asc */
  asc(name: string): Column;
  /** @counterpart Spark: functions.desc · PySpark: functions.desc */
  desc(name: string): Column;
  /**
   * broadcast(df): join hint, broadcast this side whatever its size.
   * @counterpart Spark: functions.broadcast · PySpark: functions.broadcast
   */
  broadcast(df: DataFrame): DataFrame;
}

/** Spark 3's SparkSession: the job's second argument. */
interface SparkSession {
  /** The job's sc. @counterpart Spark: SparkSession.sparkContext · PySpark: SparkSession.sparkContext */
  readonly sparkContext: SparkContext;
  /** @counterpart Spark: SparkSession.read · PySpark: SparkSession.read */
  readonly read: DataFrameReader;
  /**
   * The functions object: `const { col, sum } = spark.functions`.
   * @counterpart Spark: import org.apache.spark.sql.functions._ · PySpark: import pyspark.sql.functions as F
   */
  readonly functions: SqlFunctions;
  /**
   * Rows as objects, or arrays with column names (default _1, _2...).
   * @counterpart Spark: SparkSession.createDataFrame · PySpark: SparkSession.createDataFrame
   */
  createDataFrame(data: Record<string, unknown>[] | unknown[][], columns?: string[]): DataFrame;
  /**
   * A temporary view made by createOrReplaceTempView.
   * @counterpart Spark: SparkSession.table · PySpark: SparkSession.table
   */
  table(name: string): DataFrame;
  /**
   * A query over the temporary views, as a DataFrame: DuckDB parses and plans the SQL (its dialect;
   * its errors are the query's ParseException or AnalysisException), the plan runs as Spark's stages
   * (an Exchange hashpartitioning on GROUP BY keys, broadcast or sort-merge joins, a last stage for
   * ORDER BY or LIMIT) and each task's part is DuckDB running the query over that task's rows.
   * Awaited here (DuckDB opens on first use); in Spark it returns the DataFrame at once.
   * @counterpart Spark: SparkSession.sql · PySpark: SparkSession.sql
   */
  sql(sqlText: string): Promise<DataFrame>;
  /**
   * spark.sql.shuffle.partitions (200), spark.sql.autoBroadcastJoinThreshold (10485760; -1 turns broadcasting off).
   * @counterpart Spark: SparkSession.conf (RuntimeConfig) · PySpark: SparkSession.conf
   */
  readonly conf: {
    set(key: string, value: string | number | boolean): void;
    get(key: string, defaultValue?: string): string | null;
  };
}
