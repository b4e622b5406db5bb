// Spark's RDD: its transformations, persistence, actions and numeric functions. The pair
// functions are in pairRdd.d.ts (the same interface RDD<T>: TypeScript merges the two).

/**
 * A resilient distributed dataset: transformations are lazy and return a new RDD; actions run
 * Spark jobs and return promises (`await rdd.count()`: a driver that ends with an action it never
 * awaited fails at that action's line, its job unfinished). Pairs are `[key, value]` arrays (Scala's
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
  /**
   * Scans 1 partition, then more each job: as many as the rows found so far suggest for the rows
   * still wanted, times 1.5, at most 4 times as many as scanned. A negative num gives [].
   * @counterpart Spark: RDD.take · PySpark: rdd.take
   */
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
   * One part file per partition (part-00000..., then _SUCCESS), a line per element: its toString()
   * as Spark writes it, a string as it is, a pair [1, 'a'] as Scala's tuple (1,a) (any array is a
   * tuple: ['a', [1, 2]] is (a,(1,2))), whole numbers as 3, other numbers as Java's doubles (0.5,
   * 1.0E-7), an object as its JSON. A null or undefined element fails its task (Spark's
   * NullPointerException).
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
}
