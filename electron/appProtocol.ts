/**
 * The app:// protocol: serves the built renderer from disk with a CSP header on every
 * response. Paths are resolved inside the renderer folder only; anything else is a 404.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { cspFor } from './csp';
import { mimeTypeOf } from './webPolicy.mjs';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clusterlab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Maps an app:// URL to a file inside `root`, or null when it points elsewhere. */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return full.startsWith(base) ? full : null;
}

export function mimeType(file: string): string {
  return mimeTypeOf(file);
}

/** The protocol handler: a Response for each request, never a file outside `root`. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppPath(root, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': mimeType(file),
          'content-security-policy': cspFor(new URL(request.url).pathname),
          'x-content-type-options': 'nosniff',
          'cross-origin-opener-policy': 'same-origin',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
