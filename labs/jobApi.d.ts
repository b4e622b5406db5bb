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

declare const console: { log(...values: unknown[]): void; error(...values: unknown[]): void };

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
