/**
 * DuckDB-wasm in the browser, offline: the worker and the wasm module (the `eh` bundle only)
 * are files of the app, imported as URLs. Started on first use and shared afterwards.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

let connection: Promise<duckdb.AsyncDuckDBConnection> | undefined;

export function connectDuckDb(): Promise<duckdb.AsyncDuckDBConnection> {
  connection ??= (async () => {
    const worker = new Worker(ehWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(ehWasm);
    return db.connect();
  })();
  return connection;
}

/** Runs one SQL statement; BIGINTs come back as numbers when they fit, else as strings. */
export async function runSql(sql: string): Promise<QueryResult> {
  const conn = await connectDuckDb();
  const table = await conn.query(sql);
  const columns = table.schema.fields.map((f) => f.name);
  const rows = table.toArray().map((row: Record<string, unknown>) => columns.map((c) => plain(row[c])));
  return { columns, rows };
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value !== null && typeof value === 'object' && 'toString' in value && !(value instanceof Date))
    return String(value);
  return value;
}
