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
