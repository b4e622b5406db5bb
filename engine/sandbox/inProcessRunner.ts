/**
 * A TaskRunner that runs the sandbox executor in the calling thread: no parallelism and no
 * wall-clock budget, but the same code path as the workers. For tests and tiny runs.
 */
import type { SandboxPost } from './sandboxMessages';
import { createJobTaskExecutor, type ExecutorRuntime } from './jobTaskExecutor';
import { SandboxPoolCore } from './sandboxPoolCore';
import { decodeUtf8 } from '../core';

export function createInProcessRunner(
  options: Omit<ExecutorRuntime, 'post' | 'now'> & {
    now?: () => number;
    /** Where the job's console lines (and explain(), show()) go; dropped by default. */
    log?: (line: string) => void;
  },
): SandboxPoolCore {
  const { log = () => {}, ...runtime } = options;
  return new SandboxPoolCore({
    size: 1,
    timeoutSeconds: null,
    now: () => 0,
    startTimer: () => () => {},
    log,
    spawn(onMessage) {
      // Messages each way go in a microtask, as they would cross a worker: asynchronously. Neither
      // side throws: the executor answers a failure with a reply, and the pool checks every reply.
      const executor = createJobTaskExecutor({
        now: () => 0,
        ...runtime,
        post: (m: SandboxPost) => void Promise.resolve().then(() => onMessage(m)),
      });
      return { post: (m) => void Promise.resolve().then(() => executor.handle(m)), terminate: () => {} };
    },
  });
}

/**
 * The in-process runner with job code evaluated by `new Function`: not a sandbox (no time budget,
 * no isolation), for tests and lab checks that must stay fast and deterministic. `new Function`
 * puts two lines of its own above the body, hence lineOffset 2; sourceURL names the learner's
 * file in stack frames, so errors point at their line. `macrotask` (setImmediate in Node) lets it
 * run KafkaJS programs; `sqlEngine` (DuckDB: the CLI's cli/duckDbNode.ts in Node tests) lets it run
 * spark.sql.
 */
export function createFunctionRunner(options: Pick<ExecutorRuntime, 'macrotask' | 'sqlEngine'> = {}): SandboxPoolCore {
  return createInProcessRunner({ evaluate: evaluateWithFunction, lineOffset: 2, decodeUtf8, ...options });
}

/**
 * Compiles a job module with `new Function` (two lines above the body) and returns a function that
 * runs it: each call evaluates its top level afresh, with new `module` and `exports`, and returns
 * the exports. No isolation.
 */
export function evaluateWithFunction(code: string, fileName: string, bindings: Record<string, unknown>): () => unknown {
  const names = Object.keys(bindings);
  const body = new Function('exports', 'module', ...names, `${code}\n//# sourceURL=${fileName}`);
  const values = names.map((n) => bindings[n]);
  return () => {
    const module = { exports: {} as Record<string, unknown> };
    body(module.exports, module, ...values);
    return module.exports;
  };
}
