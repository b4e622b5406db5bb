// The pair functions of interface RDD<T>, Spark's PairRDDFunctions (Scala adds them to an
// RDD[(K, V)] by an implicit conversion). TypeScript merges this interface with rdd.d.ts's.

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- RDD<T>'s declarations must name the same type parameters
interface RDD<T> {
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
