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
