// Spark SQL's entry point: SparkSession (spark), its DataFrameReader (spark.read) and the
// functions (spark.functions).

/**
 * Spark's DataFrameReader (spark.read). csv and json run a job to read the header / infer the schema: await them.
 * A path may be a glob ('/data/*.csv', '/logs/{mon,tue}.txt'); several paths go as an array
 * (['/a.csv', '/b.csv']). A comma is part of a path here, as in Spark: sc.textFile splits at commas, a reader does not.
 */
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
  load(path: string | readonly string[]): Promise<DataFrame>;
  /**
   * header (false), inferSchema (false: every column a string), sep (',').
   * @counterpart Spark: DataFrameReader.csv · PySpark: DataFrameReader.csv
   */
  csv(
    path: string | readonly string[],
    options?: { header?: boolean | string; inferSchema?: boolean | string; sep?: string },
  ): Promise<DataFrame>;
  /**
   * JSON Lines, one object a line; fields sorted by name, as Spark infers them.
   * @counterpart Spark: DataFrameReader.json · PySpark: DataFrameReader.json
   */
  json(path: string | readonly string[]): Promise<DataFrame>;
  /** One `value` column, a row per line. @counterpart Spark: DataFrameReader.text · PySpark: DataFrameReader.text */
  text(path: string | readonly string[]): DataFrame;
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
  /**
   * get_json_object(json, path): the value at a JSONPath (`$.car`, `$.pos.lat`, `$.tags[0]`) as a string
   * (an object or array as its JSON), or null when the text is not JSON or nothing is there.
   * @counterpart Spark: functions.get_json_object · PySpark: functions.get_json_object
   */
  get_json_object(col: ColumnOrName, path: string): Column;
  /**
   * window(timeColumn, windowDuration, slideDuration = windowDuration): the event-time windows a row falls
   * in, for a streaming groupBy: tumbling (`'1 minute'`) or sliding (`'1 minute', '20 seconds'`), aligned
   * to 1970-01-01 00:00 UTC. The result column `window` is a struct of `start` and `end`.
   * @counterpart Spark: functions.window · PySpark: functions.window
   */
  window(timeColumn: ColumnOrName, windowDuration: string, slideDuration?: string): Column;
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
   * (a GROUP BY with count, sum, min, max or avg as groupBy().agg(): HashAggregate (partial), an
   * Exchange hashpartitioning on the keys, HashAggregate (final); other GROUP BYs shuffle the rows;
   * broadcast or sort-merge joins; a last stage for ORDER BY or LIMIT) and each task's part is
   * DuckDB running the query over that task's rows (or partials).
   * Awaited here (DuckDB opens on first use); in Spark it returns the DataFrame at once.
   * @counterpart Spark: SparkSession.sql · PySpark: SparkSession.sql
   */
  sql(sqlText: string): Promise<DataFrame>;
  /**
   * The session's SQL settings, checked when set as Spark checks them: spark.sql.shuffle.partitions
   * ('200'; an int above 0, at most 100,000 here), spark.sql.autoBroadcastJoinThreshold ('10485760b';
   * a byte size such as 10485760 or 10m, negative turns broadcasting off). ClusterLab does not
   * simulate Adaptive Query Execution: spark.sql.adaptive.enabled (and .coalescePartitions.enabled,
   * .skewJoin.enabled) read 'false' and setting one to true fails. get of a key neither set nor known
   * throws [SQL_CONF_NOT_FOUND]; Spark core settings (spark.executor.memory...) are refused
   * ([CANNOT_MODIFY_CONFIG]): set them at submit time (export const conf).
   * @counterpart Spark: SparkSession.conf (RuntimeConfig) · PySpark: SparkSession.conf
   */
  readonly conf: {
    set(key: string, value: string | number | boolean): void;
    get(key: string): string;
    get(key: string, defaultValue: string | null): string | null;
    unset(key: string): void;
    isModifiable(key: string): boolean;
  };
}
