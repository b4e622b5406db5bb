// What the app's files are served with, in one place for both servers: the desktop app's
// app:// protocol (electron/appProtocol.ts) and the web build's server (scripts/webServer.mjs).
// Plain ESM so the Node scripts can import it without a build step; types in webPolicy.d.mts.
//
// The main page gets no 'unsafe-eval'; only the sandbox worker that runs learners' code may
// evaluate it, and it may not load or fetch anything.

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

export const SANDBOX_WORKER_CSP = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  "connect-src 'none'",
  "worker-src 'none'",
].join('; ');

/** Built sandbox worker files are named sandboxWorker-<hash>.js and sandboxSqlWorker-<hash>.js by Vite. */
export function cspFor(pathname) {
  return /(^|\/)sandbox(Sql)?Worker[-.][^/]*\.js$/.test(pathname) ? SANDBOX_WORKER_CSP : PAGE_CSP;
}

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The MIME type for a file name, by its extension. */
export function mimeTypeOf(file) {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 && MIME_TYPES[file.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
