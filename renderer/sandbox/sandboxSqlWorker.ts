/// <reference lib="webworker" />
/**
 * The browser sandbox worker with DuckDB (a Web Worker entry, emitted as
 * sandboxSqlWorker-<hash>.js, everything inlined): the pool starts it for a job whose code names
 * `sql` (engine/sandbox/jobWantsSql.ts); every other job runs in sandboxWorker.ts, a sixth of
 * its size (263 KB against 1.7 MB), which starts that much sooner. The worker itself is sandboxWorkerScope.ts's.
 */
import * as duckdb from 'duckdb-wasm-browser-blocking';
import * as arrow from 'apache-arrow';
import {
  createDuckDbEngine,
  lockProperties,
  type ArrowKit,
  type BlockingConnection,
  type SqlEngine,
} from '../../engine/sandbox';
import { startSandboxWorker } from './sandboxWorkerScope';
import { keepMutable } from './lockRealm';
import { DUCKDB_MODULE_MESSAGE, type DuckDbModuleMessage } from './duckDbModuleMessage';

/**
 * DuckDB for spark.sql, opened in this worker before any job's code runs (its blocking build,
 * so each task's query runs synchronously, and a runaway query ends with the run's budget like any
 * task). The worker cannot fetch: the pool hands over the compiled wasm module (webWorkerPool.ts).
 * DuckDB's runtime object is a global its code reads; it is set before the scope is sealed. The
 * learner's code can read it too, and a run that replaced one of its methods (openFile, say) would
 * change every later spark.sql in this worker: its methods are made read-only and permanent. DuckDB
 * writes only its data fields (_files, _globalFileInfo...), so the object itself is not frozen
 * (keepMutable: the rest of the realm is locked).
 */
(self as unknown as { DUCKDB_RUNTIME: unknown }).DUCKDB_RUNTIME = lockProperties(
  duckdb.BROWSER_RUNTIME,
  (descriptor) => typeof descriptor.value === 'function',
);
keepMutable(duckdb.BROWSER_RUNTIME);

async function openDuckDb(module: unknown): Promise<SqlEngine> {
  if (!(module instanceof WebAssembly.Module)) throw new Error('spark.sql: the pool sent no DuckDB module');
  const bundle = { mainModule: 'duckdb-eh.wasm', mainWorker: null };
  const db = await duckdb.createDuckDB({ mvp: bundle, eh: bundle }, new duckdb.VoidLogger(), duckdb.BROWSER_RUNTIME);
  // Instantiated from the module the pool compiled, instead of fetching the file.
  (db as unknown as { instantiateWasm: unknown }).instantiateWasm = (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ) => {
    void WebAssembly.instantiate(module, imports).then((instance) => done(instance, module));
    return [];
  };
  // It also sets DuckDB's whole instance as a global (DUCKDB_BINDINGS), which DuckDB never reads
  // back: startSandboxWorker removes the globals a set-up added before any job's code runs.
  await db.instantiate();
  return createDuckDbEngine(db.connect() as unknown as BlockingConnection, arrow as unknown as ArrowKit);
}

/**
 * DuckDB opens before any job's code runs in this worker (the set-up of startSandboxWorker), so no
 * run can prepare what its code reads as it opens: a `process` left on the global made it take the
 * worker for Node, and Emscripten writes a property on shared functions (clearTimeout, Math.cbrt),
 * which a run that froze them would have made fail. Every spark.sql of every run then uses it.
 */
let opened: Promise<SqlEngine> | null = null;
startSandboxWorker(() => opened ?? Promise.reject(new Error('spark.sql: DuckDB was not opened in this worker')), {
  message: DUCKDB_MODULE_MESSAGE,
  run: async (data) => {
    const { module, error } = data as Partial<DuckDbModuleMessage>;
    opened =
      typeof error === 'string'
        ? Promise.reject(new Error(`spark.sql: DuckDB could not be loaded: ${error}`))
        : openDuckDb(module);
    // A failure is the spark.sql's of the run that waits to report; the set-up fails too, so this
    // worker is retired after that run and the next run's workers try again.
    opened.catch(() => {});
    await opened;
  },
});
