// Spark SQL's DataFrame and what it is made of: Column, Row, StructType, GroupedData.

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
  /**
   * CAST to a type by its SQL name (`string`, `int`, `bigint`, `double`, `boolean`, `timestamp`, `binary`):
   * a value that does not convert is null (Spark 3, ANSI mode off). A Kafka record's value is binary:
   * `col('value').cast('string')`; a timestamp is read from `yyyy-MM-dd HH:mm:ss` or ISO 8601 text, or
   * from seconds since 1970.
   * @counterpart Spark: Column.cast · PySpark: Column.cast
   */
  cast(to: string): Column;
  /** The same as cast. @counterpart PySpark: Column.astype */
  astype(to: string): Column;
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
  /**
   * Every row. The actions (collect, count, take, head, first, show) run jobs and return
   * promises: `await df.count()` (a driver that ends with one it never awaited fails at its line).
   * @counterpart Spark: Dataset.collect · PySpark: DataFrame.collect
   */
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
