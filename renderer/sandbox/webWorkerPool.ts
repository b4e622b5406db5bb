/**
 * The browser implementation of the sandbox pool: Web Workers running sandboxWorker.ts (or
 * sandboxSqlWorker.ts, with DuckDB, for jobs that name sql: engine/sandbox/jobWantsSql.ts), on the
 * shared SandboxPoolCore (job module shipped to every worker once, tasks to the next idle
 * worker, outputs in task order, each run's wall-clock budget enforced by terminating the
 * workers, idle workers reused from run to run).
 * Usable from the page or from the engine Web Worker, which passes it to `runJob`.
 */
import { SandboxCrash, SandboxPoolCore, type SandboxPost } from '../../engine/sandbox';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { sandboxDiedMessage } from './sandboxDiedMessage';
import { fromUncaughtPost } from './uncaughtPost';
import { DUCKDB_MODULE_MESSAGE, type DuckDbModuleMessage } from './duckDbModuleMessage';

/**
 * DuckDB's wasm module (the `eh` build the SQL console also loads), compiled once per page or
 * engine worker when the first sandbox worker with DuckDB starts, then handed to each one as its
 * first message: the workers cannot fetch (connect-src 'none').
 */
let duckDbModule: Promise<WebAssembly.Module> | null = null;
function compileDuckDb(): Promise<WebAssembly.Module> {
  duckDbModule ??= WebAssembly.compileStreaming(fetch(ehWasm)).catch((error: unknown) => {
    duckDbModule = null;
    throw error;
  });
  return duckDbModule;
}

/** Lines sandboxWorkerScope.ts's `new Function` puts above the learner's code (its executor's lineOffset). */
const EVALUATION_HEADER_LINES = 2;

export interface WebWorkerPoolOptions {
  /** Number of workers (default: navigator.hardwareConcurrency, at least 1). */
  size?: number;
  /** Wall-clock budget for the learner's code, in seconds (null: none). */
  timeoutSeconds: number | null;
  /** Where the learner's console output goes (default: console.log). */
  log?: (text: string) => void;
}

export function createWebWorkerPool(options: WebWorkerPoolOptions): SandboxPoolCore {
  const size = Math.max(
    1,
    Math.floor(options.size ?? (typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1) ?? 1),
  );
  return new SandboxPoolCore({
    size,
    timeoutSeconds: options.timeoutSeconds,
    log: options.log ?? ((text) => console.log(text)),
    now: () => Date.now(),
    startTimer(ms, fire) {
      const timer = setTimeout(fire, ms);
      return () => clearTimeout(timer);
    },
    sqlWorkersApart: true,
    spawn(onMessage, onError, sql) {
      // Two entries, each one file (Vite bundles each worker alone): DuckDB only in the SQL one.
      const worker = sql
        ? new Worker(new URL('./sandboxSqlWorker.ts', import.meta.url), { type: 'module', name: 'clusterlab-sandbox' })
        : new Worker(new URL('./sandboxWorker.ts', import.meta.url), { type: 'module', name: 'clusterlab-sandbox' });
      worker.onmessage = (event: MessageEvent<SandboxPost>) => {
        // An error no code caught in the worker (uncaughtPost.ts): the run's own, or code of no run.
        const uncaught = fromUncaughtPost(event.data, EVALUATION_HEADER_LINES);
        if (uncaught === null) onMessage(event.data);
        else if (uncaught instanceof SandboxCrash) onError(uncaught);
        else onMessage(uncaught);
      };
      // Its first message: DuckDB's module, which it opens before any job's code (sandboxSqlWorker.ts).
      const sendModule = (module: WebAssembly.Module | null, error: string | null) =>
        worker.postMessage({ type: DUCKDB_MODULE_MESSAGE, module, error } satisfies DuckDbModuleMessage);
      if (sql)
        compileDuckDb().then(
          (module) => sendModule(module, null),
          (error: unknown) => sendModule(null, error instanceof Error ? error.message : String(error)),
        );
      worker.onerror = (event) => {
        event.preventDefault();
        // A worker that died (out of memory); errors its code threw come as `uncaught` posts.
        const line = event.lineno > EVALUATION_HEADER_LINES ? event.lineno - EVALUATION_HEADER_LINES : null;
        onError(new SandboxCrash(sandboxDiedMessage(event.message), event.filename || null, line));
      };
      return {
        post: (message, transfer) => worker.postMessage(message, transfer ?? []),
        terminate: () => worker.terminate(),
      };
    },
  });
}
