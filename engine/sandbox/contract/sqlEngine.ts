/**
 * The SQL engine a Spark job's `spark.sql(text)` runs on: DuckDB, given to the driver by the
 * sandbox it runs in (DriverHost.sqlEngine; the CLI's child process and the app's sandbox worker
 * each open DuckDB-wasm there: engine/sandbox/duckDbEngine.ts, so a runaway query ends with the run's budget like any task).
 * DuckDB parses, binds and plans the learner's SQL (its errors are the learner's messages), and
 * computes each task's partition; ClusterLab never parses SQL itself (it only cuts a plain
 * aggregate query into its clauses: engine/spark/sql/aggregateQueryText.ts).
 */

/** A column's type as Spark SQL names it (spark/sql/column.ts DataType). */
export type SqlType = 'integer' | 'long' | 'double' | 'string' | 'boolean' | 'null';

export interface SqlColumn {
  name: string;
  type: SqlType;
}

/** A table the query reads: a temporary view's columns and (for a task) its rows. */
export interface SqlTable {
  name: string;
  columns: SqlColumn[];
  rows: unknown[][];
}

/** One operator of DuckDB's physical plan, as `EXPLAIN (FORMAT JSON)` gives it. */
export interface SqlPlanNode {
  name: string;
  children: SqlPlanNode[];
  extra_info: Record<string, unknown>;
}

export interface SqlPlan {
  /** DuckDB's physical plan (its roots; one for a query). */
  plan: SqlPlanNode[];
  /** The result's columns, named as DuckDB names them, typed as Spark would type them. */
  columns: SqlColumn[];
  /** The result columns' types as DuckDB names them (`INTEGER`, `HUGEINT`, `DECIMAL(18,3)`...). */
  duckTypes: string[];
}

/** DuckDB behind a synchronous face (DuckDB-wasm's blocking build): one query at a time. */
export interface SqlEngine {
  /** Plans `sql` over empty tables of these columns; throws SqlEngineError with DuckDB's message. */
  plan(sql: string, tables: SqlTable[]): SqlPlan;
  /** Runs `sql` over the tables' rows: the result's rows, arrays in `columns` order. */
  run(sql: string, tables: SqlTable[], columns: SqlColumn[]): unknown[][];
  /**
   * `run` for each partition's tables at once (the rows loaded once), and the query's answer over
   * all partitions' rows together (`whole`).
   */
  runPartitions(sql: string, parts: SqlTable[][], columns: SqlColumn[]): { parts: unknown[][][]; whole: unknown[][] };
}

/** What DuckDB said of the learner's SQL (a parser, binder or catalog error), or a refused statement. */
export class SqlEngineError extends Error {
  override name = 'ParseException';
  constructor(
    message: string,
    /** Spark's exception class for it: ParseException (syntax) or AnalysisException (names, types). */
    readonly sparkClass: 'ParseException' | 'AnalysisException',
  ) {
    super(message);
    this.name = sparkClass;
  }
}

/** A name as a DuckDB (SQL) identifier: double-quoted, quotes doubled. */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
