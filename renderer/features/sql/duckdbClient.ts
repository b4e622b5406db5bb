/**
 * DuckDB-wasm in the browser, offline: the worker and the wasm module (the `eh` bundle only)
 * are files of the app, imported as URLs. Started on first use and shared afterwards, with the
 * cluster's tables (clusterTables) on it.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { ClusterTables } from './clusterTables';
import { queryResult, type ArrowTableLike, type QueryResult } from './queryResult';
import type { SqlDb } from './sqlDb';
import { readCapped, type BatchLike } from './readCapped';
import { plainSqlError } from './plainSqlError';

export type { QueryResult };

/** Rows shown of a query's answer (the count says how many there are in all). */
export const SHOWN_ROWS = 500;
/** Rows counted at most: past this, reading stops and the count says "more than". */
export const COUNTED_ROWS = 1_000_000;

interface Session {
  conn: duckdb.AsyncDuckDBConnection;
  tables: ClusterTables;
}

let session: Promise<Session> | undefined;

/** Starts DuckDB (once) and answers the connection with the cluster's tables. */
export function connectDuckDb(): Promise<Session> {
  session ??= (async () => {
    const worker = new Worker(ehWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(ehWasm);
    const conn = await db.connect();
    const sqlDb: SqlDb = {
      registerText: (name, text) => db.registerFileText(name, text),
      dropText: async (name) => {
        await db.dropFile(name);
      },
      query: async (sql) => {
        const r = queryResult((await conn.query(sql)) as unknown as ArrowTableLike, Number.MAX_SAFE_INTEGER);
        return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c, row[i]])));
      },
    };
    return { conn, tables: new ClusterTables(sqlDb) };
  })();
  return session;
}

/**
 * Runs the learner's SQL after any table loading: the first SHOWN_ROWS rows and the total,
 * streamed batch by batch (readCapped.ts), so a huge answer never reaches the page whole.
 */
export async function runSql(sql: string): Promise<QueryResult> {
  const { conn, tables } = await connectDuckDb();
  return tables.exclusive(async () => {
    const reader = await conn.send(sql, true).catch((error: unknown) => {
      throw plainSqlError(error);
    });
    const answer = await readCapped(
      reader as unknown as AsyncIterable<BatchLike>,
      SHOWN_ROWS,
      COUNTED_ROWS,
      (reader as unknown as { schema?: ArrowTableLike['schema'] | null }).schema ?? null,
      () => conn.cancelSent(),
    );
    return { ...queryResult(answer.table, SHOWN_ROWS), total: answer.total, ...(answer.more ? { more: true } : {}) };
  });
}
