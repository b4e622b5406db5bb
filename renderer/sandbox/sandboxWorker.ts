/// <reference lib="webworker" />
/**
 * The browser sandbox worker (a Web Worker entry; Vite emits it as sandboxWorker-<hash>.js and
 * the page serves that file with its own CSP: 'unsafe-eval' allowed, connect-src 'none', so the
 * learner's code can be evaluated but cannot reach the network). The job module is evaluated
 * with `new Function`, with the network and messaging globals shadowed and removed, and a
 * console that forwards to the pool, and the loop guard bound (it stops a runaway loop with its
 * line before the budget ends). The pool enforces the wall-clock budget by terminating us.
 */
import { consoleLine, createJobTaskExecutor } from '../../engine/api/jobTaskExecutor';
import type { SandboxReply, SandboxRequest } from '../../engine/api/sandboxMessages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const postToPool = scope.postMessage.bind(scope);
const decoder = new TextDecoder();
const post = (message: SandboxReply, transfer?: ArrayBuffer[]) => postToPool(message, transfer ?? []);
const consoleShim = {
  log: (...args: unknown[]) => post({ type: 'log', text: consoleLine(args) }),
  info: (...args: unknown[]) => post({ type: 'log', text: consoleLine(args) }),
  warn: (...args: unknown[]) => post({ type: 'log', text: consoleLine(args) }),
  error: (...args: unknown[]) => post({ type: 'log', text: consoleLine(args) }),
};

/** Names the learner's code sees as undefined (the CSP is the real boundary; this is hygiene). */
const SHADOWED = [
  'self',
  'globalThis',
  'postMessage',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'importScripts',
  'indexedDB',
  'caches',
  'navigator',
  'location',
];
for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches']) {
  try {
    Reflect.deleteProperty(scope, name);
    Object.defineProperty(scope, name, { value: undefined, configurable: false, writable: false });
  } catch {
    // Some globals are non-configurable in some browsers; the CSP still blocks the network.
  }
}

const executor = createJobTaskExecutor({
  evaluate(code, fileName, bindings) {
    const module = { exports: {} as Record<string, unknown> };
    const names = Object.keys(bindings);
    // `new Function(params..., body)` puts two lines above the body; sourceURL names the learner's file in stacks.
    const factory = new Function(
      'exports',
      'module',
      'console',
      ...names,
      ...SHADOWED,
      `${code}\n//# sourceURL=${fileName}`,
    ) as (...args: unknown[]) => void;
    factory(module.exports, module, consoleShim, ...names.map((n) => bindings[n]), ...SHADOWED.map(() => undefined));
    return module.exports.default;
  },
  now: () => Date.now(),
  lineOffset: 2,
  decodeUtf8: (bytes) => decoder.decode(bytes),
  post,
});

scope.onmessage = (event: MessageEvent<SandboxRequest>) => executor.handle(event.data);
