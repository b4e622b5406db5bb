/**
 * DuckDB for spark.sql, one per sandbox: opened by the first spark.sql and kept for the next runs
 * (jobTaskExecutor.ts). A failed opening is tried again by the next spark.sql.
 */
import type { SqlEngine } from './contract/sqlEngine';

/** What opens DuckDB in a sandbox (the executor's runtime); `askHost` gets DuckDB's compiled wasm module. */
export interface SqlOpener {
  sqlEngine?(askHost: () => Promise<unknown>): Promise<SqlEngine>;
}

const sqlOpened = new WeakMap<SqlOpener, Promise<SqlEngine>>();

export function openSql(runtime: SqlOpener, askHost: () => Promise<unknown>): Promise<SqlEngine> {
  let opening = sqlOpened.get(runtime);
  if (!opening) {
    opening = runtime.sqlEngine!(askHost);
    sqlOpened.set(runtime, opening);
    opening.catch(() => sqlOpened.delete(runtime));
  }
  return opening;
}
