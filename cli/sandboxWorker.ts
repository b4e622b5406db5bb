/**
 * The Node sandbox worker (a child process of the CLI, cli/sandboxProcess.ts, bundled to
 * sandboxWorker.mjs). Learners' code
 * is evaluated in a `vm` context holding only `exports`, `module` and the executor's console
 * (engine/sandbox/consoleShim.ts, capped as the pool shows it): no require, process, fetch or timers, and no eval or Function inside it. The
 * objects it is handed (ctx, values, console) come from this worker's own realm, whose Function
 * constructors are cut off first thing (cli/sealedRealm.ts, shared with the stream worker), so
 * `ctx.write.constructor('return process')()` finds nothing.
 * Every loop of the learner's code calls the loop guard (bound in the context), which stops a
 * runaway loop with its line before the budget ends; the parent enforces the wall-clock budget
 * itself by terminating this worker.
 */
import vm from 'node:vm';
import { createHeapCheck } from './heapGuard';
import { SPLIT_CALL, createJobTaskExecutor, errorToData, type SandboxRequest } from '../engine/sandbox';
import { createSealedContext, sealRealm } from './sealedRealm';
import { openChildPort, type ChildCrash } from './childPort';
import { realmAdopter } from './realmAdopter';
import { loadDuckDbModule } from './duckDbNode';

sealRealm();
// DuckDB for spark.sql, loaded and opened on the first spark.sql.
const openDuckDb = loadDuckDbModule();
let fileName = 'job.js';
const port = openChildPort((thrown): ChildCrash => ({ type: 'crash', error: errorToData(thrown, fileName) }));
const decoder = new TextDecoder();

/** Copies an action's result into the job's realm (cli/realmAdopter.ts); set with each job's context. */
let adoptIntoJob: (value: unknown) => unknown = (value) => value;

/**
 * Globals the learner's code reads as names of an enclosing function, not through the context's
 * global object: in a `vm` context every global name is looked up through Node's interceptor, and
 * `Number(v)` cost 120 ns instead of 10 (a million-line map ran at half speed). The values are
 * the context's own, read once when the module is evaluated.
 */
const LOCAL_GLOBALS = [
  'Number',
  'String',
  'Boolean',
  'Object',
  'Array',
  'JSON',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Symbol',
  'BigInt',
  'Date',
  'RegExp',
  'Promise',
  'Error',
  'TypeError',
  'RangeError',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
];

/**
 * The module's code inside two functions, as the browser's `new Function` runs it: the outer one
 * takes the bindings and LOCAL_GLOBALS as parameters, the inner one holds the code (so its own
 * `const Map = ...` may shadow them, and its "use strict" stays its first statement). Its first
 * line stays line 1: line numbers in errors are unchanged.
 */
/**
 * The compiler's `x.split(/re/)` helper (engine/sandbox/regexpSplit.ts) made in the job's own
 * realm: there RegExp.prototype is not frozen, so V8's own split is fast, and the call must be the
 * one the learner wrote, with that realm's errors and that realm's String.prototype.split.
 */
const SPLIT_IN_REALM = `(function (TypeError, apply) {
  return function (receiver, text) {
    var split = receiver.split;
    if (typeof split !== 'function') return function () { throw new TypeError(text + '.split is not a function'); };
    return function () { return apply(split, receiver, arguments); };
  };
})(TypeError, Reflect.apply)`;

function wrapModule(code: string, names: readonly string[]): string {
  const list = names.join(', ');
  return `(function (${list}) { return function (module, exports) { return function () {${code}\n}.call(this); }; }).call(this, ${list});`;
}

const executor = createJobTaskExecutor({
  evaluate(code, fileName, bindings) {
    const module = { exports: {} as Record<string, unknown> };
    const globals = { ...bindings, module, exports: module.exports };
    const context = createSealedContext(globals);
    context[SPLIT_CALL] = vm.runInContext(SPLIT_IN_REALM, context);
    adoptIntoJob = realmAdopter(context);
    const names = [...new Set([...Object.keys(globals), ...LOCAL_GLOBALS])].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
    // Compiled once; each call runs the top level afresh with its own module and exports.
    const run = new vm.Script(wrapModule(code, names), { filename: fileName }).runInContext(context) as (
      module: { exports: Record<string, unknown> },
      exports: Record<string, unknown>,
    ) => void;
    const self: unknown = vm.runInContext('this', context);
    return () => {
      const fresh = { exports: {} as Record<string, unknown> };
      Reflect.apply(run, self, [fresh, fresh.exports]);
      return fresh.exports;
    };
  },
  now: clockThatWatchesTheHeap(),
  lineOffset: 0,
  decodeUtf8: (bytes) => decoder.decode(bytes),
  post: (message) => port.send(message),
  deferAnswer: (send) => setImmediate(send),
  macrotask: (fn) => setImmediate(fn),
  adopt: (value) => adoptIntoJob(value),
  sqlEngine: openDuckDb,
});

/**
 * The loop guard's clock (called every 128 loop passes) also looks at this worker's heap
 * (cli/heapGuard.ts): a loop that keeps growing an array stops at its line with a RangeError
 * before V8 aborts the whole process.
 */
function clockThatWatchesTheHeap(): () => number {
  const checkHeap = createHeapCheck(8); // every 8th call: about every thousand loop passes
  return () => {
    checkHeap();
    return Date.now();
  };
}

port.onMessage((raw) => {
  const message = raw as SandboxRequest;
  if (message.type === 'load') fileName = message.source.fileName;
  executor.handle(message);
});
