/**
 * Content Security Policies for the app's pages and workers. The main page gets no
 * 'unsafe-eval'; only the sandbox worker that runs learners' code may evaluate it, and it may
 * not connect anywhere. scripts/webServer.mjs serves the web build with the same policies
 * (a unit test keeps the two copies equal).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The learner-code sandbox worker: may evaluate code, may not load or fetch anything. */
export const SANDBOX_WORKER_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "connect-src 'none'",
  "worker-src 'none'",
].join('; ');

/** Built sandbox worker files are named sandboxWorker-<hash>.js by Vite. */
export function cspFor(pathname: string): string {
  return /(^|\/)sandboxWorker[-.][^/]*\.js$/.test(pathname) ? SANDBOX_WORKER_CSP : PAGE_CSP;
}
