/// <reference lib="webworker" />
/**
 * What both browser sandbox workers are made of (Web Worker entries: sandboxWorker.ts, the one a
 * run starts with, and sandboxSqlWorker.ts, the same with DuckDB for spark.sql). Vite emits each
 * as sandboxWorker-<hash>.js / sandboxSqlWorker-<hash>.js, one file each with everything inlined
 * (no chunk a learner's `import()` could reach), and the page serves them with their own CSP:
 * 'unsafe-eval' allowed, connect-src 'none', so the learner's code can be evaluated but cannot
 * reach the network. The job module is evaluated with `new Function`, after messaging, storage,
 * network and timer globals are removed from the worker's global and its prototypes (sealScope),
 * with the executor's console (capped, forwarded to the pool: engine/sandbox/consoleShim.ts) and
 * the loop guard bound (it stops a runaway loop with its line before the budget ends). The pool
 * checks every reply and enforces the wall-clock budget by terminating the worker.
 *
 * Importing this module changes nothing: the entry calls `startSandboxWorker` once it has set up
 * what must exist before the scope is sealed (DuckDB's runtime global, in the SQL worker).
 */
import { MAX_UNCAUGHT_TEXT, type UncaughtPost } from './uncaughtPost';
import { lockRealm } from './lockRealm';
import {
  createJobTaskExecutor,
  evaluateWithFunction,
  freezeIntrinsics,
  type SandboxPost,
  type SandboxRequest,
  type SqlEngine,
} from '../../engine/sandbox';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const postToPool = scope.postMessage.bind(scope);
const decoder = new TextDecoder();
const post = (message: SandboxPost, transfer?: ArrayBuffer[]) => postToPool(message, transfer ?? []);
/**
 * What learners' code must not reach: posting messages itself (a forged reply), storage (IndexedDB,
 * Cache Storage, navigator.storage and its file system, locks), other tabs and workers
 * (BroadcastChannel, MessageChannel, SharedWorker, Worker), the network (fetch, XHR, WebSocket,
 * EventSource, WebTransport, importScripts) and timers (code running after its task ended).
 * `Function('return this')()` gives the learner this global, so each name is removed from the
 * global and from every object of its prototype chain (WorkerGlobalScope.prototype...), and the
 * interfaces' own methods are removed too (IDBFactory.prototype.open, CacheStorage.prototype...),
 * before any learner code runs. The CSP (connect-src 'none') stays the network's real boundary.
 */
const REMOVED_GLOBALS = [
  'postMessage',
  'close',
  'onmessageerror',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'WebTransport',
  'importScripts',
  'indexedDB',
  'caches',
  'navigator',
  'BroadcastChannel',
  'MessageChannel',
  'MessagePort',
  'SharedWorker',
  'Worker',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'requestIdleCallback',
  'scheduler',
  'reportError',
  // A listener of the job's own would hear every later run's requests (their code and files) in
  // this worker: the worker's own are registered before the scope is sealed (and Emscripten's, in
  // the SQL worker, which acts on its own "_si" message only).
  'addEventListener',
  'removeEventListener',
  'dispatchEvent',
];
/** Interfaces whose prototypes (and statics) are emptied: a stray instance of one is useless. */
const EMPTIED_INTERFACES = [
  'IDBFactory',
  'IDBDatabase',
  'IDBObjectStore',
  'IDBIndex',
  'IDBCursor',
  'IDBCursorWithValue',
  'IDBTransaction',
  'IDBRequest',
  'IDBOpenDBRequest',
  'IDBKeyRange',
  'CacheStorage',
  'Cache',
  'StorageManager',
  'StorageBucketManager',
  'FileSystemHandle',
  'FileSystemDirectoryHandle',
  'FileSystemFileHandle',
  'FileSystemSyncAccessHandle',
  'LockManager',
  'Lock',
  'WorkerNavigator',
  'BroadcastChannel',
  'MessageChannel',
  'MessagePort',
  'SharedWorker',
  'Worker',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'XMLHttpRequest',
  'WebTransport',
  'Request',
  'Response',
];

/** Removes `name` from `target`, or makes it undefined if it cannot be removed. Never throws. */
function removeProperty(target: object, name: PropertyKey): void {
  try {
    if (Reflect.deleteProperty(target, name) || !Object.prototype.hasOwnProperty.call(target, name)) return;
    Object.defineProperty(target, name, { value: undefined, writable: false, configurable: false });
  } catch {
    // A non-configurable, non-writable property: nothing more can be done from script.
  }
}

function sealScope(): void {
  const chain: object[] = [];
  for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null)
    chain.push(o);
  const lookup = scope as unknown as Record<string, unknown>;
  const interfaces = EMPTIED_INTERFACES.map((name) => lookup[name]).filter(
    (c): c is { prototype: object } => typeof c === 'function',
  );
  for (const type of interfaces) {
    for (const key of Reflect.ownKeys(type.prototype)) if (key !== 'constructor') removeProperty(type.prototype, key);
    for (const key of Reflect.ownKeys(type)) if (key !== 'prototype') removeProperty(type, key);
  }
  for (const target of chain) {
    for (const name of [...REMOVED_GLOBALS, ...EMPTIED_INTERFACES]) removeProperty(target, name);
    // The message handler is set; nothing may replace it or post through the scope.
    removeProperty(target, 'onmessage');
  }
}

/**
 * A macrotask boundary for a streaming run's steps (engine/sandbox/kafkaWorkerRun.ts): a message
 * through a channel of our own, made before sealScope removes MessageChannel from the learner's
 * reach (a zero timeout would be clamped to 4 ms after a few steps, and timers are removed too).
 */
function createMacrotask(): (fn: () => void) => void {
  const channel = new MessageChannel();
  const queued: (() => void)[] = [];
  channel.port1.onmessage = () => queued.shift()?.();
  const tick = channel.port2.postMessage.bind(channel.port2);
  return (fn) => {
    queued.push(fn);
    tick(null);
  };
}

/**
 * The name the current run's code is evaluated under (its sourceURL): the learner's file name under
 * a folder named by a random nonce, new for each load (e.g. `clusterlab-run-5f0c…/step1.js`). An
 * error event names the script of the code that threw, and a name no earlier run's code could
 * know tells the current run's own errors from those of code an earlier run left running.
 */
let currentScript = '';
let currentFileName = '';
const nonce = new Uint32Array(2);
const getRandomValues = crypto.getRandomValues.bind(crypto);
function scriptNameOfThisLoad(fileName: string): string {
  getRandomValues(nonce);
  currentFileName = fileName;
  currentScript = `clusterlab-run-${nonce[0]!.toString(16)}${nonce[1]!.toString(16)}/${fileName}`;
  return currentScript;
}

/**
 * The learner's code shares this realm with the engine (`new Function`): its intrinsics are
 * frozen (engine/sandbox/freezeIntrinsics.ts, as in the CLI's worker), and here also Function,
 * the Error constructors, the async function prototype and the Web APIs the engine uses.
 */
const BROWSER_ROOTS: unknown[] = [
  Function,
  Error,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
  AggregateError,
  TextDecoder,
  TextEncoder,
  Intl,
  Object.getPrototypeOf(async function () {}),
];

/**
 * What a worker does before any job's code can run, with the pool's first message of type
 * `message` (the SQL worker opens DuckDB: sandboxSqlWorker.ts). Until `run` settles, the scope is
 * not sealed yet and the pool's other messages (a run's load) wait; then the globals it added are
 * removed. If it fails, the worker still serves the run that waits (its code may never need what
 * failed), and asks the pool to retire it after that run (`stray`), so the next run tries afresh.
 */
export interface WorkerSetUp {
  message: string;
  run(data: unknown): Promise<void>;
}

/**
 * Starts the worker: its executor, its message and error handlers, then (after `setUp`, if any)
 * the scope sealed, the intrinsics frozen and the realm locked, before any learner code can run.
 * `sqlEngine` opens DuckDB for spark.sql (the SQL worker's).
 */
export function startSandboxWorker(sqlEngine: () => Promise<SqlEngine>, setUp?: WorkerSetUp): void {
  const macrotask = createMacrotask();
  const executor = createJobTaskExecutor({
    evaluate: (code, fileName, bindings) => evaluateWithFunction(code, scriptNameOfThisLoad(fileName), bindings),
    macrotask,
    sqlEngine,
    now: () => Date.now(),
    lineOffset: 2,
    decodeUtf8: (bytes) => decoder.decode(bytes),
    post,
  });
  // The pool's messages that came before the set-up ended (and while they are handled), handled
  // after it one per macrotask, in the order they came.
  let waiting: SandboxRequest[] | null = setUp ? [] : null;
  let setUpBegun = false;
  const drain = () => {
    const next = waiting?.shift();
    if (next === undefined) waiting = null;
    else {
      executor.handle(next);
      macrotask(drain);
    }
  };
  const endSetUp = (globalsBefore: Set<PropertyKey>, failed: boolean) => {
    for (const key of Reflect.ownKeys(scope)) if (!globalsBefore.has(key)) Reflect.deleteProperty(scope, key);
    if (failed) post({ type: 'stray' });
    try {
      seal();
    } catch (error) {
      // Never run a job's code in a scope that is not sealed: the error reaches the pool as the worker's.
      macrotask(() => {
        throw error;
      });
      return;
    }
    macrotask(drain);
  };
  // Only the pool's messages: an event the learner's code dispatches itself is not trusted.
  scope.onmessage = (event: MessageEvent<SandboxRequest>) => {
    if (!event.isTrusted) return;
    if (waiting === null) return executor.handle(event.data);
    if (setUp && !setUpBegun && (event.data as { type?: unknown } | null)?.type === setUp.message) {
      setUpBegun = true;
      const globalsBefore = new Set(Reflect.ownKeys(scope));
      void setUp.run(event.data).then(
        () => endSetUp(globalsBefore, false),
        () => endSetUp(globalsBefore, true),
      );
      return;
    }
    waiting.push(event.data);
  };
  /**
   * An error nothing caught: the executor catches whatever a task throws, so this is a callback the
   * browser called outside any task (an AbortSignal's timeout, a FileReader's load...). Told to the
   * pool as `uncaught` (webWorkerPool.ts), never as the worker's death: thrown by the current load's
   * code (its script's name has this load's nonce), it fails that run at its line; thrown by anything
   * else (code an earlier run left running, a built-in function it scheduled), it belongs to no run
   * and the worker is retired. Registered before any learner code, so it runs first for every error.
   */
  scope.addEventListener('error', (event: ErrorEvent) => {
    if (!event.isTrusted) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const own = currentScript !== '' && event.filename === currentScript;
    const message: UncaughtPost = {
      type: 'uncaught',
      text: String(event.message).slice(0, MAX_UNCAUGHT_TEXT),
      own: own ? { fileName: currentFileName, lineno: event.lineno } : null,
    };
    postToPool(message);
  });
  if (!setUp) seal();
}

function seal(): void {
  sealScope();
  freezeIntrinsics(BROWSER_ROOTS);
  lockRealm(scope);
}
