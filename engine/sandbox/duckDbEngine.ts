/**
 * spark.sql's engine over one DuckDB-wasm connection (its blocking build: the CLI's sandbox
 * process and the app's sandbox worker open it, cli/duckDbNode.ts and renderer/sandbox/). Each
 * call loads the tables it is given as temporary tables, asks DuckDB, and returns plain values.
 * The connection is locked down first: no files, no network, no extensions, no settings changed
 * afterwards (`enable_external_access`, `lock_configuration`), so a learner's SQL reads only the
 * views it is given.
 */
import {
  quoteIdent,
  SqlEngineError,
  type SqlColumn,
  type SqlEngine,
  type SqlPlan,
  type SqlPlanNode,
  type SqlTable,
  type SqlType,
} from './contract/sqlEngine';
import { arrowTable, type ArrowKit } from './arrowColumns';

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
  insertArrowTable(table: unknown, options: { name: string; create?: boolean }): void;
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
  'REC_CTE',
  'REC_CTE_SCAN',
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

/** Where rows wait between Arrow and a view's table (schema main; the views are temporary tables). */
const STAGE = '__clusterlab_stage';
/** The partition number of a staged row (runPartitions). */
const PART = '__clusterlab_p';

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
  if (/^(BIGINT|UINTEGER|HUGEINT)$/.test(t)) return 'long';
  // Unsigned 64-bit values (hash()) do not fit a long.
  if (/^(FLOAT|DOUBLE|DECIMAL.*|UBIGINT|UHUGEINT)$/.test(t)) return 'double';
  if (t === 'BOOLEAN') return 'boolean';
  return 'string';
}

/** A value as the column's type holds it (a view's rows may hold anything a job put there). */
function normalized(v: unknown, type: SqlType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'boolean') return typeof v === 'boolean' ? v : null;
  if (type === 'integer' || type === 'long' || type === 'double')
    return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const time = Date.prototype.getTime.call(v);
    return Number.isNaN(time) ? null : Date.prototype.toISOString.call(v);
  }
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** DuckDB's message without the EXPLAIN prefix it quotes; Spark's exception class for it. */
function sqlError(error: unknown, sql: string): SqlEngineError {
  // DuckDB-wasm repeats the `LINE n: ... ^` block; once is enough.
  const paragraphs = (error instanceof Error ? error.message : String(error)).split(/\n\s*\n/);
  let message = paragraphs.filter((p, i) => paragraphs.indexOf(p) === i).join('\n\n');
  // A task's query runs inside the wrapper that casts its columns: its LINE shows the learner's text.
  const wrapper = /LINE 1: (SELECT (?:CAST\("c\d+" AS \w+\)(?:, )?)+ FROM \()/.exec(message);
  if (wrapper) {
    const cut = wrapper[1]!.length;
    message = message
      .replace(wrapper[0], 'LINE 1: ')
      .replace(/\n( +)\^/, (m, spaces: string) => (spaces.length >= 9 + cut ? `\n${spaces.slice(cut)}^` : m));
  }
  const parse = /^Parser Error/i.test(message);
  return new SqlEngineError(
    `${message.replace(/\s+$/, '')}${/Table with name|does not exist/i.test(message) ? `\n(spark.sql reads temporary views: create one with df.createOrReplaceTempView('name'); the query was: ${sql.slice(0, 200)})` : ''}`,
    parse ? 'ParseException' : 'AnalysisException',
  );
}

/** The learner's query with its columns cast to the types Spark gives them (by position: names may repeat). */
function wrapped(sql: string, columns: SqlColumn[]): string {
  const alias = columns.map((_, i) => `c${i}`);
  const select = columns.map((c, i) => `CAST(${quoteIdent(alias[i]!)} AS ${SQL_TYPES[c.type]})`).join(', ');
  return `SELECT ${select || '*'} FROM (${statement(sql)}\n) AS __q(${alias.map(quoteIdent).join(', ')})`;
}

/** The query without the semicolons and blanks after it (DuckDB's EXPLAIN and subqueries take one statement). */
const statement = (sql: string) => sql.replace(/[\s;]+$/, '');

export function createDuckDbEngine(conn: BlockingConnection, arrow: ArrowKit): SqlEngine {
  for (const s of SETUP) conn.query(s);
  let loaded: string[] = [];

  function load(tables: SqlTable[]): void {
    for (const name of loaded) conn.query(`DROP TABLE IF EXISTS temp.${quoteIdent(name)}`);
    loaded = [];
    for (const t of tables) {
      const cols = t.columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPES[c.type]}`).join(', ');
      conn.query(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(t.name)} (${cols})`);
      loaded.push(t.name);
      insertRows(`temp.${quoteIdent(t.name)}`, t.columns, t.rows);
    }
  }

  /** Rows into `target`: as an Arrow table (fast), staged, then cast into the target's column types. */
  function insertRows(target: string, columns: SqlColumn[], rows: unknown[][]): void {
    if (rows.length === 0) return;
    const values = columns.map((c, j) => ({ type: c.type, values: rows.map((r) => normalized(r[j], c.type)) }));
    conn.query(`DROP TABLE IF EXISTS main.${STAGE}`);
    conn.insertArrowTable(arrowTable(arrow, values), { name: STAGE, create: true });
    conn.query(`INSERT INTO ${target} SELECT * FROM main.${STAGE}`);
    conn.query(`DROP TABLE main.${STAGE}`);
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
      const described2 = rowsOf(described, 2);
      const columns = described2.map(([name, type]) => ({ name: String(name), type: sparkTypeOf(String(type)) }));
      return { plan, columns, duckTypes: described2.map(([, type]) => String(type)) };
    },
    run(sql: string, tables: SqlTable[], columns: SqlColumn[]): unknown[][] {
      load(tables);
      try {
        const result = conn.query(wrapped(sql, columns));
        return rowsOf(result, columns.length);
      } catch (error) {
        throw sqlError(error, sql);
      } finally {
        load([]);
      }
    },
    runPartitions(sql: string, parts: SqlTable[][], columns: SqlColumn[]) {
      // Every partition's rows loaded once, each table with its partition's number; the task's
      // table is then a view of its own rows, and the whole query runs over all of them.
      load([]);
      const names = [...new Set(parts.flatMap((tables) => tables.map((t) => t.name)))];
      const staged = names.map((name, i) => {
        const first = parts.flatMap((tables) => tables.filter((t) => t.name === name))[0]!;
        const all = `main.${STAGE}_${i}`;
        const cols = first.columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPES[c.type]}`).join(', ');
        conn.query(`CREATE OR REPLACE TABLE ${all} (${cols}, ${PART} INTEGER)`);
        const rows: unknown[][] = [];
        parts.forEach((tables, p) => {
          for (const t of tables) if (t.name === name) for (const r of t.rows) rows.push([...r, p]);
        });
        insertRows(all, [...first.columns, { name: PART, type: 'long' }], rows);
        return { name, all, list: first.columns.map((c) => quoteIdent(c.name)).join(', ') };
      });
      const views = (where: string) => {
        for (const v of staged)
          conn.query(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(v.name)} AS SELECT ${v.list} FROM ${v.all}${where}`);
      };
      try {
        const out = parts.map((tables, p) => {
          if (tables.every((t) => t.rows.length === 0)) return [];
          views(` WHERE ${PART} = ${p}`);
          return rowsOf(conn.query(wrapped(sql, columns)), columns.length);
        });
        views('');
        return { parts: out, whole: rowsOf(conn.query(wrapped(sql, columns)), columns.length) };
      } catch (error) {
        throw sqlError(error, sql);
      } finally {
        for (const v of staged) {
          conn.query(`DROP VIEW IF EXISTS temp.${quoteIdent(v.name)}`);
          conn.query(`DROP TABLE IF EXISTS ${v.all}`);
        }
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
