/**
 * The pool's first message to a sandbox worker with DuckDB (sandboxSqlWorker.ts): DuckDB's compiled
 * wasm module, or why there is none. The worker opens DuckDB with it before any job's code runs.
 */
export const DUCKDB_MODULE_MESSAGE = 'duckDbModule';

export interface DuckDbModuleMessage {
  type: typeof DUCKDB_MODULE_MESSAGE;
  module: WebAssembly.Module | null;
  error: string | null;
}
