/**
 * DuckDB for spark.sql, one per sandbox: asked for by the first spark.sql and kept for the next runs
 * (jobTaskExecutor.ts). A failed opening is tried again by the next spark.sql. (The browser's SQL
 * worker opens it before any job's code runs and hands that one out; one that failed to open it is
 * retired after its run, so the next run's workers try again: sandboxSqlWorker.ts.)
 */
import type { SqlEngine } from './contract/sqlEngine';

/** What opens DuckDB in a sandbox (the executor's runtime). */
export interface SqlOpener {
  sqlEngine?(): Promise<SqlEngine>;
}

const sqlOpened = new WeakMap<SqlOpener, Promise<SqlEngine>>();

export function openSql(runtime: SqlOpener): Promise<SqlEngine> {
  let opening = sqlOpened.get(runtime);
  if (!opening) {
    opening = runtime.sqlEngine!();
    sqlOpened.set(runtime, opening);
    opening.catch(() => sqlOpened.delete(runtime));
  }
  return opening;
}
