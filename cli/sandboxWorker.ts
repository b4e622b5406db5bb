/**
 * The Node sandbox worker (a worker_threads entry, bundled to sandboxWorker.mjs). Learners' code
 * is evaluated in a `vm` context holding only `exports`, `module` and a console that forwards to
 * the parent: no require, process, fetch or timers, and no eval or Function inside it. The
 * objects it is handed (ctx, values, console) come from this worker's own realm, whose Function
 * constructors are cut off first thing (cli/sealedRealm.ts, shared with the stream worker), so
 * `ctx.write.constructor('return process')()` finds nothing.
 * Every loop of the learner's code calls the loop guard (bound in the context), which stops a
 * runaway loop with its line before the budget ends; the parent enforces the wall-clock budget
 * itself by terminating this worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import vm from 'node:vm';
import { getHeapStatistics } from 'node:v8';
import { consoleLine, createJobTaskExecutor } from '../engine/api/jobTaskExecutor';
import type { SandboxReply, SandboxRequest } from '../engine/api/sandboxMessages';
import { createSealedContext, sealRealm } from './sealedRealm';

const port = parentPort!;

sealRealm();
const decoder = new TextDecoder();
const post = (message: SandboxReply, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer ?? []);
const consoleShim = {
  log: (...args: unknown[]) => post({ type: 'log', text: consoleLine(args) }),
  info: (...args: unknown[]) => post({ type: 'log', text: consoleLine(args) }),
  warn: (...args: unknown[]) => post({ type: 'log', text: consoleLine(args) }),
  error: (...args: unknown[]) => post({ type: 'log', text: consoleLine(args) }),
};

const executor = createJobTaskExecutor({
  evaluate(code, fileName, bindings) {
    const module = { exports: {} as Record<string, unknown> };
    const context = createSealedContext({ ...bindings, module, exports: module.exports, console: consoleShim });
    new vm.Script(code, { filename: fileName }).runInContext(context);
    return module.exports.default;
  },
  now: clockThatWatchesTheHeap(),
  lineOffset: 0,
  decodeUtf8: (bytes) => decoder.decode(bytes),
  post,
});

/**
 * The loop guard's clock (called every few thousand loop iterations) also looks at this worker's
 * heap: a loop that keeps growing an array is stopped at its line with a RangeError before V8
 * aborts the whole process over an array past its maximum length (which no handler can catch).
 */
function clockThatWatchesTheHeap(): () => number {
  const guardMb = Number((workerData as { heapGuardMb?: unknown } | null)?.heapGuardMb);
  if (!(guardMb > 0)) return () => Date.now();
  const limit = guardMb * 2 ** 20;
  let calls = 0;
  return () => {
    // Every 8th look at the clock (about every thousand loop iterations): cheap next to the loop.
    if ((++calls & 7) === 0 && getHeapStatistics().used_heap_size > limit)
      throw new RangeError(
        `your code holds more than ${guardMb.toLocaleString('en')} MB of data in memory, more than the sandbox allows — does it build ever bigger data (an array, a string, a map that keeps growing)?`,
      );
    return Date.now();
  };
}

port.on('message', (message: SandboxRequest) => executor.handle(message));
