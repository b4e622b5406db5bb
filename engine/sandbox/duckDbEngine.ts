/**
 * spark.sql's engine over one DuckDB-wasm connection (its blocking build: the CLI's sandbox
 * process and the app's sandbox worker open it, cli/duckDbNode.ts and renderer/sandbox/). Each
 * call loads the tables it is given as temporary tables, asks DuckDB, and returns plain values.
 * The connection is locked down first: no files, no network, no extensions, no settings changed
 * afterwards (`enable_external_access`, `lock_configuration`), so a learner's SQL reads only the
 * views it is given.
 */
import {
  SqlEngineError,
  type SqlColumn,
  type SqlEngine,
  type SqlPlan,
  type SqlPlanNode,
  type SqlTable,
  type SqlType,
} from './contract/sqlEngine';

/** The parts of an Arrow table the adapter reads (apache-arrow's Table, as DuckDB-wasm returns it). */
export interface ArrowTableLike {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): { get(row: number): unknown } | null;
}

/** DuckDB-wasm's blocking connection (DuckDBConnection of `@duckdb/duckdb-wasm/blocking`). */
export interface BlockingConnection {
  query(sql: string): ArrowTableLike;
  prepare(sql: string): { close(): void };
}

/** The operators a query's plan may hold; anything else (COPY, INSERT, ATTACH...) is refused. */
const QUERY_OPERATORS = new Set([
  'PROJECTION',
  'FILTER',
  'SEQ_SCAN',
  'HASH_GROUP_BY',
  'PERFECT_HASH_GROUP_BY',
  'UNGROUPED_AGGREGATE',
  'SIMPLE_AGGREGATE',
  'HASH_JOIN',
  'NESTED_LOOP_JOIN',
  'PIECEWISE_MERGE_JOIN',
  'BLOCKWISE_NL_JOIN',
  'CROSS_PRODUCT',
  'IE_JOIN',
  'ASOF_JOIN',
  'POSITIONAL_JOIN',
  'DELIM_JOIN',
  'LEFT_DELIM_JOIN',
  'RIGHT_DELIM_JOIN',
  'DELIM_SCAN',
  'ORDER_BY',
  'TOP_N',
  'LIMIT',
  'STREAMING_LIMIT',
  'LIMIT_PERCENT',
  'WINDOW',
  'STREAMING_WINDOW',
  'UNION',
  'DUMMY_SCAN',
  'COLUMN_DATA_SCAN',
  'EMPTY_RESULT',
  'CTE',
  'CTE_SCAN',
  'RECURSIVE_CTE',
  'RECURSIVE_CTE_SCAN',
  'RECURSIVE_RECURRING_CTE_SCAN',
  'UNNEST',
  'CHUNK_SCAN',
]);

const SETUP = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET enable_external_access = false',
  "SET memory_limit = '1GB'",
  // Plans are made over empty tables: statistics would prove every filter empty (EMPTY_RESULT).
  "SET disabled_optimizers = 'statistics_propagation,empty_result_pullup'",
  'SET lock_configuration = true',
];

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

const SQL_TYPES: Record<SqlType, string> = {
  integer: 'INTEGER',
  long: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  string: 'VARCHAR',
  null: 'VARCHAR',
};

/** A DuckDB column type as Spark would type the column (dates and nested values become strings). */
export function sparkTypeOf(duckType: string): SqlType {
  const t = duckType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(t)) return 'integer';
  if (/^(BIGINT|UINTEGER|HUGEINT|UBIGINT|UHUGEINT)$/.test(t)) return 'long';
  if (/^(FLOAT|DOUBLE|DECIMAL.*)$/.test(t)) return 'double';
  if (t === 'BOOLEAN') return 'boolean';
  return 'string';
}

function literal(v: unknown, type: SqlType): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean' && type === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && (type === 'integer' || type === 'long' || type === 'double')) {
    if (Number.isFinite(v)) return type === 'double' ? `${v}::DOUBLE` : String(v);
    return `'${Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity'}'::DOUBLE`;
  }
  const text =
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  return `'${text.replace(/'/g, "''")}'`;
}

const INSERT_CHUNK = 500;

/** DuckDB's message without the EXPLAIN prefix it quotes; Spark's exception class for it. */
function sqlError(error: unknown, sql: string): SqlEngineError {
  const message = error instanceof Error ? error.message : String(error);
  const parse = /^Parser Error/i.test(message);
  return new SqlEngineError(
    `${message.replace(/\s+$/, '')}${/Table with name|does not exist/i.test(message) ? `\n(spark.sql reads temporary views: create one with df.createOrReplaceTempView('name'); the query was: ${sql.slice(0, 200)})` : ''}`,
    parse ? 'ParseException' : 'AnalysisException',
  );
}

/** The query without the semicolons and blanks after it (DuckDB's EXPLAIN and subqueries take one statement). */
const statement = (sql: string) => sql.replace(/[\s;]+$/, '');

export function createDuckDbEngine(conn: BlockingConnection): SqlEngine {
  for (const s of SETUP) conn.query(s);
  let loaded: string[] = [];

  function load(tables: SqlTable[]): void {
    for (const name of loaded) conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
    loaded = [];
    for (const t of tables) {
      const cols = t.columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPES[c.type]}`).join(', ');
      conn.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(t.name)} (${cols})`);
      loaded.push(t.name);
      for (let i = 0; i < t.rows.length; i += INSERT_CHUNK) {
        const values = t.rows
          .slice(i, i + INSERT_CHUNK)
          .map((r) => `(${t.columns.map((c, j) => literal(r[j], c.type)).join(', ')})`)
          .join(',\n');
        conn.query(`INSERT INTO ${quoteIdent(t.name)} VALUES ${values}`);
      }
    }
  }

  function rowsOf(table: ArrowTableLike, width: number): unknown[][] {
    const cols = Array.from({ length: width }, (_, j) => table.getChildAt(j));
    const out: unknown[][] = [];
    for (let i = 0; i < table.numRows; i++)
      out.push(
        cols.map((c) => {
          const v = c?.get(i) ?? null;
          return typeof v === 'bigint' ? Number(v) : v;
        }),
      );
    return out;
  }

  return {
    plan(sql: string, tables: SqlTable[]): SqlPlan {
      load(tables.map((t) => ({ ...t, rows: [] })));
      const text = statement(sql);
      if (text.trim() === '') throw new SqlEngineError('spark.sql(sqlText): the SQL text is empty', 'ParseException');
      try {
        // Parses and binds the learner's text as written (errors point into it), one statement only.
        conn.prepare(text).close();
      } catch (error) {
        throw sqlError(error, sql);
      }
      let plan: SqlPlanNode[];
      let described: ArrowTableLike;
      try {
        const explained = conn.query(`EXPLAIN (FORMAT JSON) ${text}`);
        plan = JSON.parse(String(rowsOf(explained, 2)[0]?.[1] ?? '[]')) as SqlPlanNode[];
        described = conn.query(`DESCRIBE ${text}`);
      } catch (error) {
        throw sqlError(error, sql);
      }
      const refused = operators(plan).find((op) => !QUERY_OPERATORS.has(op));
      if (refused !== undefined)
        throw new SqlEngineError(
          `spark.sql runs queries (SELECT ... FROM views) over the job's temporary views; DuckDB planned ${refused} for this statement, which ClusterLab does not run`,
          'AnalysisException',
        );
      const columns = rowsOf(described, 2).map(([name, type]) => ({
        name: String(name),
        type: sparkTypeOf(String(type)),
      }));
      return { plan, columns };
    },
    run(sql: string, tables: SqlTable[], columns: SqlColumn[]): unknown[][] {
      load(tables);
      const alias = columns.map((_, i) => `c${i}`);
      const select = columns.map((c, i) => `CAST(${quoteIdent(alias[i]!)} AS ${SQL_TYPES[c.type]})`).join(', ');
      try {
        const result = conn.query(
          `SELECT ${select || '*'} FROM (\n${statement(sql)}\n) AS __q(${alias.map(quoteIdent).join(', ')})`,
        );
        return rowsOf(result, columns.length);
      } catch (error) {
        throw sqlError(error, sql);
      } finally {
        load([]);
      }
    },
  };
}

/** Every operator name of a plan (DuckDB pads some, e.g. 'SEQ_SCAN '). */
export function operators(plan: SqlPlanNode[]): string[] {
  const out: string[] = [];
  const walk = (n: SqlPlanNode) => {
    out.push(n.name.trim());
    for (const c of n.children ?? []) walk(c);
  };
  plan.forEach(walk);
  return out;
}
