/**
 * The sealing shared by the CLI's sandbox workers (cli/sandboxWorker.ts for job files,
 * cli/streamWorker.ts for streaming scenario files). Learners' code runs in a `vm` context made by
 * `createSealedContext`: it holds only the globals it is given (no require, process, fetch or
 * timers, nothing that calls back later) and cannot compile code from strings (`eval`, `Function`,
 * WebAssembly). The objects it is
 * handed (consoles, contexts, records) come from the worker's own realm, so that realm's Function
 * constructors are cut off by `sealRealm`, called first thing in the worker (then
 * `console.log.constructor('return process')()` finds nothing), its Error.prepareStackTrace hook
 * is fixed and its basic prototypes are frozen, so learner code cannot plant getters in them.
 * Neither `vm` nor a worker is a security boundary alone; together with the worker's resource
 * limits and the parent's wall-clock budget they contain the known escapes
 * (cli/sandboxWorker.test.ts, cli/streamSandbox.test.ts).
 */
import vm from 'node:vm';
import { freezeIntrinsics, freezeTamed } from '../engine/sandbox';

/**
 * Removes the way from any function of this realm to a code-compiling constructor, and freezes
 * what learner code could pollute. Call it before any learner code runs in this worker.
 */
export function sealRealm(): void {
  const samples = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const sample of samples) {
    Object.defineProperty(Object.getPrototypeOf(sample), 'constructor', {
      value: undefined,
      writable: false,
      configurable: false,
    });
  }
  // A learner can reach this realm's Error through an error the engine throws; its
  // prepareStackTrace hook would run learner code on every stack this worker formats.
  Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
  // Objects handed to learners lead to this realm's prototypes: frozen, they cannot be polluted
  // (a getter planted there would run learner code with this realm's objects as `this`).
  for (const proto of [Object.prototype, Array.prototype, Function.prototype, Error.prototype]) freezeTamed(proto);
  freezeIntrinsics();
}

/**
 * A fresh `vm` context holding only `globals`, with code generation from strings off. Its global
 * is an ordinary object (DONT_CONTEXTIFY), not one whose every read goes through the interceptors
 * of a contextified object: there a learner's `Number(v)` or `Math.max` read per record made a
 * Spark map function about twice as slow as the same function outside the sandbox.
 */
export function createSealedContext(globals: Record<string, unknown>): vm.Context {
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY, {
    codeGeneration: { strings: false, wasm: false },
  }) as Record<string, unknown>;
  // What would call the learner's code back on its own, after its task or run ended: a real
  // timeout (Atomics.waitAsync), the garbage collector (FinalizationRegistry), a background
  // compile (WebAssembly.compile, refused here, still settles later). A worker serves many runs
  // (a class's submissions): nothing of one may run during the next.
  vm.runInContext(
    'delete globalThis.WebAssembly; delete globalThis.FinalizationRegistry; delete Atomics.waitAsync;',
    context,
  );
  for (const [name, value] of Object.entries(globals)) context[name] = value;
  return context;
}
