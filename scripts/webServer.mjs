// A small static server for the web build (dist/renderer) on 127.0.0.1, sending the same
// Content Security Policies as the desktop app's app:// protocol (both from electron/webPolicy.mjs).
// Used by `npm run web`, the fallback of `npm start`, the e2e tests and the web benchmark.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { PAGE_CSP, SANDBOX_WORKER_CSP, cspFor, mimeTypeOf } from '../electron/webPolicy.mjs';

export { PAGE_CSP, SANDBOX_WORKER_CSP, cspFor };

/** Starts the server; resolves with its URL and a close function. Port 0 picks a free port. */
export function startWebServer({ root, port = 0, host = '127.0.0.1' }) {
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(base) || pathname.includes('\0')) {
      res.writeHead(404).end('Not found');
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': mimeTypeOf(file),
        'content-length': body.length,
        'content-security-policy': cspFor(pathname),
        'x-content-type-options': 'nosniff',
        'cache-control': pathname === '/' || pathname.endsWith('.html') ? 'no-cache' : 'public, max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/`;
      resolve({ url, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
