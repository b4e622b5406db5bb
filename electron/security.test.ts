import { describe, expect, it } from 'vitest';
import { PAGE_CSP, SANDBOX_WORKER_CSP, cspFor } from './csp';
import { createAppProtocolHandler, resolveAppPath } from './appProtocol';
import { guardWebContents, isAppUrl, secureWindowOptions, type GuardedContents } from './mainWindow';
import { registerIpcHandlers, type IpcMainLike } from './ipcHandlers';
import { IPC_CHANNELS } from './preloadApi';
import type { SenderInfo } from './ipcValidation';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('window options', () => {
  it('use the secure defaults of the Electron checklist', () => {
    const prefs = secureWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });
});

describe('navigation guards', () => {
  function fakeContents() {
    const listeners: Record<string, (event: { preventDefault(): void }, url: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (name: string, listener: never) => {
        listeners[name] = listener;
      },
      setWindowOpenHandler: (h: typeof openHandler) => {
        openHandler = h;
      },
    } as unknown as GuardedContents;
    guardWebContents(contents);
    const navigate = (name: string, url: string) => {
      let prevented = false;
      listeners[name]!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { navigate, open: (url: string) => openHandler!({ url }) };
  }

  it('deny leaving the app and opening windows, allow in-app navigation', () => {
    const c = fakeContents();
    expect(c.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(c.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(c.navigate('will-navigate', 'app://clusterlab/index.html#/labs')).toBe(false);
    expect(c.open('https://example.com/').action).toBe('deny');
    expect(c.open('app://clusterlab/index.html').action).toBe('deny');
  });

  it('recognise only the app origin', () => {
    expect(isAppUrl('app://clusterlab/x')).toBe(true);
    expect(isAppUrl('app://evil/x')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('content security policy', () => {
  it('never allows eval on the page, only in the sandbox worker which may not connect', () => {
    expect(PAGE_CSP).not.toContain("'unsafe-eval'");
    expect(PAGE_CSP).toContain("'wasm-unsafe-eval'");
    expect(PAGE_CSP).toContain("object-src 'none'");
    expect(SANDBOX_WORKER_CSP).toContain("connect-src 'none'");
    expect(cspFor('/assets/sandboxWorker-abc123.js')).toBe(SANDBOX_WORKER_CSP);
    expect(cspFor('/assets/sandboxSqlWorker-abc123.js')).toBe(SANDBOX_WORKER_CSP);
    expect(cspFor('/assets/index-abc.js')).toBe(PAGE_CSP);
    expect(cspFor('/assets/evil-sandboxWorker.js.map')).toBe(PAGE_CSP);
  });

  it('is the same in the web server as in the desktop app', async () => {
    // @ts-expect-error: plain ESM script without types
    const web = (await import('../scripts/webServer.mjs')) as { PAGE_CSP: string; SANDBOX_WORKER_CSP: string };
    expect(web.PAGE_CSP).toBe(PAGE_CSP);
    expect(web.SANDBOX_WORKER_CSP).toBe(SANDBOX_WORKER_CSP);
  });
});

describe('app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'clusterlab-proto-'));
  writeFileSync(join(root, 'index.html'), '<h1>hi</h1>');

  it('resolves only inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://clusterlab/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://clusterlab/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
    expect(resolveAppPath(root, 'app://clusterlab/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://clusterlab/index.html')).toBeNull();
  });

  it('serves files with the CSP header and 404s the rest', async () => {
    const handle = createAppProtocolHandler(root);
    const ok = await handle(new Request('app://clusterlab/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(await ok.text()).toBe('<h1>hi</h1>');
    expect((await handle(new Request('app://clusterlab/missing.js'))).status).toBe(404);
  });
});

describe('IPC handlers', () => {
  function setup() {
    const handlers = new Map<string, (event: SenderInfo, ...args: unknown[]) => unknown>();
    const ipc: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
    const saved: unknown[] = [];
    registerIpcHandlers(ipc, {
      store: { load: async () => ({ data: { a: 1 } }), save: async (d: unknown) => void saved.push(d) } as never,
      appInfo: () => ({ version: '1', platform: 'linux', userDataPath: '/u' }),
      backups: { write: async (text: string) => `/u/backups/${text.length}.json` },
    });
    const app: SenderInfo = { senderFrame: { url: 'app://clusterlab/index.html' } };
    return { handlers, saved, app };
  }

  it('registers one handler per preload function', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('accept the app frame with a valid payload', async () => {
    const { handlers, saved, app } = setup();
    await handlers.get(IPC_CHANNELS.saveProgress)!(app, { labs: { x: 'done' } });
    expect(saved).toEqual([{ labs: { x: 'done' } }]);
    expect(await handlers.get(IPC_CHANNELS.loadProgress)!(app)).toEqual({ data: { a: 1 } });
  });

  it('refuse other senders, sub-frames and bad payloads with a clear reason', () => {
    const { handlers, app } = setup();
    const save = handlers.get(IPC_CHANNELS.saveProgress)!;
    expect(() => save({ senderFrame: { url: 'https://evil.example/' } }, {})).toThrow(/not app:\/\/clusterlab/);
    expect(() => save({ senderFrame: null }, {})).toThrow(/no sender frame/);
    expect(() => save({ senderFrame: { url: 'app://clusterlab/', parent: {} } }, {})).toThrow(/sub-frames/);
    expect(() => save(app, [1, 2])).toThrow(/JSON object/);
    expect(() => save(app, 'text')).toThrow(/JSON object/);
    expect(() => save(app, { big: 'x'.repeat(6 * 1024 * 1024) })).toThrow(/limit/);
    expect(() => handlers.get(IPC_CHANNELS.loadProgress)!(app, 'extra')).toThrow(/no arguments/);
  });
});
