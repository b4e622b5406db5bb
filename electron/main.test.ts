// The main process's wiring, with the `electron` module replaced by a recording fake: the
// app:// scheme is privileged, the sandbox is on for every renderer, permissions are denied,
// every web contents is guarded, IPC handlers are registered, and the window is secure.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({
  schemes: [] as unknown[],
  sandboxEnabled: false,
  handled: [] as string[],
  ipc: [] as string[],
  ipcOn: [] as string[],
  forks: [] as { path: string; options: Record<string, unknown> }[],
  windows: [] as { options: { webPreferences?: Record<string, unknown> }; url?: string }[],
  permission: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | (() => boolean),
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  windowCalls: [] as string[],
  quit: 0,
  contentsListeners: new Map<string, (...args: unknown[]) => void>(),
  reloads: 0,
  dialogs: [] as { message: string; buttons?: string[]; detail?: string }[],
  sent: [] as { channel: string; payload: unknown }[],
  beforeRequest: undefined as undefined | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (name: string, listener: (...args: unknown[]) => void) => calls.contentsListeners.set(name, listener),
      reload: () => calls.reloads++,
      send: (channel: string, payload: unknown) => calls.sent.push({ channel, payload }),
    };
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      calls.windows.push({ options });
    }
    once() {}
    show() {
      calls.windowCalls.push('show');
    }
    focus() {
      calls.windowCalls.push('focus');
    }
    restore() {
      calls.windowCalls.push('restore');
    }
    isMinimized() {
      return true;
    }
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      calls.windows.at(-1)!.url = url;
    }
  }
  return {
    app: {
      enableSandbox: () => {
        calls.sandboxEnabled = true;
      },
      on: (name: string, listener: (...args: unknown[]) => void) => calls.appListeners.set(name, listener),
      whenReady: async () => {},
      getPath: () => '/tmp/clusterlab-test-user-data',
      getVersion: () => '0.0.0',
      getAppMetrics: () => [],
      requestSingleInstanceLock: () => true,
      quit: () => calls.quit++,
      exit: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.schemes.push(...schemes),
      handle: (scheme: string) => calls.handled.push(scheme),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof calls.permission) => (calls.permission = h),
        setPermissionCheckHandler: (h: typeof calls.permissionCheck) => (calls.permissionCheck = h),
        webRequest: { onBeforeRequest: (l: typeof calls.beforeRequest) => (calls.beforeRequest = l) },
      },
    },
    ipcMain: {
      handle: (channel: string) => calls.ipc.push(channel),
      on: (channel: string) => calls.ipcOn.push(channel),
    },
    utilityProcess: {
      fork: (path: string, _args: string[], options: Record<string, unknown>) => {
        calls.forks.push({ path, options });
        return { pid: 1, postMessage() {}, kill: () => true, on() {} };
      },
    },
    MessageChannelMain: class {
      port1 = {};
      port2 = {};
    },
    dialog: {
      showMessageBox: async (first: unknown, second?: { message: string; buttons: string[] }) => {
        calls.dialogs.push((second ?? first) as { message: string; buttons: string[] });
        return { response: 0 };
      },
    },
    BrowserWindow,
  };
});

describe('electron/main.ts', () => {
  beforeAll(async () => {
    await import('./main');
    await vi.waitFor(() => expect(calls.windows[0]?.url).toBeDefined());
  });

  it('registers app:// as a standard, secure scheme whose scripts V8 may cache, and serves the renderer from it', () => {
    expect(calls.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) },
    ]);
    expect(calls.handled).toEqual(['app']);
    expect(calls.windows[0]!.url).toBe('app://clusterlab/index.html');
  });

  it('enables the sandbox for every renderer and opens a secure window', () => {
    expect(calls.sandboxEnabled).toBe(true);
    expect(calls.windows).toHaveLength(1);
    expect(calls.windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    calls.permission!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(calls.permissionCheck!()).toBe(false);
  });

  it('guards every web contents and registers one IPC handler per preload function', () => {
    expect(calls.appListeners.has('web-contents-created')).toBe(true);
    const guarded: string[] = [];
    calls.appListeners.get('web-contents-created')!(
      {},
      { on: (name: string) => guarded.push(name), setWindowOpenHandler: () => guarded.push('window-open') },
    );
    expect(guarded.sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect', 'window-open']);
    expect(calls.ipc.sort()).toEqual(['app:info', 'progress:backup', 'progress:load', 'progress:save']);
    expect(calls.ipcOn.sort()).toEqual(['sandbox:close', 'sandbox:open']);
    expect(calls.appListeners.has('child-process-gone')).toBe(true);
  });

  it('holds the single-instance lock: a second start restores and focuses the one window', () => {
    expect(calls.quit).toBe(0);
    expect(calls.appListeners.has('second-instance')).toBe(true);
    calls.windowCalls.length = 0;
    calls.appListeners.get('second-instance')!({}, ['/opt/ClusterLab/clusterlab'], '/tmp');
    expect(calls.windowCalls).toEqual(['restore', 'show', 'focus']);
    expect(calls.windows).toHaveLength(1);
  });

  it('refuses a request to https:// (and anything else outside the app) in the default session', () => {
    const answer = (url: string) => {
      let response: { cancel: boolean } | undefined;
      calls.beforeRequest!({ url }, (r) => (response = r));
      return response;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(answer('https://example.com/latest.yml')).toEqual({ cancel: true });
      expect(answer('http://localhost:3000/')).toEqual({ cancel: true });
      expect(answer('app://clusterlab/index.html')).toEqual({ cancel: false });
    } finally {
      warn.mockRestore();
    }
  });

  it('sends a .clusterlab file given to a second start to the page on file:open, and refuses a bad one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clusterlab-main-'));
    writeFileSync(join(folder, 'pack.clusterlab'), '{"format":"clusterlab-pack"}');
    writeFileSync(join(folder, 'broken.clusterlab'), Buffer.from([0, 1, 2]));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const second = calls.appListeners.get('second-instance')!;
      second({}, ['/opt/ClusterLab/clusterlab', '--flag', 'pack.clusterlab'], folder);
      await vi.waitFor(() => expect(calls.sent).toHaveLength(1));
      expect(calls.sent[0]).toEqual({
        channel: 'file:open',
        payload: { name: 'pack.clusterlab', text: '{"format":"clusterlab-pack"}' },
      });
      const before = calls.dialogs.length;
      second({}, ['/opt/ClusterLab/clusterlab', join(folder, 'broken.clusterlab')], '/');
      await vi.waitFor(() => expect(calls.dialogs.length).toBe(before + 1));
      expect(calls.dialogs.at(-1)!.detail).toMatch(/broken\.clusterlab': it is not UTF-8 text/);
      expect(calls.sent).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('takes macOS open-file events (default prevented) the same way', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clusterlab-main-'));
    writeFileSync(join(folder, 'ada.clusterlab'), '{"student":"Ada"}');
    let prevented = false;
    calls.sent.length = 0;
    calls.appListeners.get('open-file')!({ preventDefault: () => (prevented = true) }, join(folder, 'ada.clusterlab'));
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(calls.sent).toHaveLength(1));
    expect(calls.sent[0]!.payload).toEqual({ name: 'ada.clusterlab', text: '{"student":"Ada"}' });
  });

  it('reloads the window when its renderer process is gone, and asks after repeated crashes', async () => {
    const onGone = calls.contentsListeners.get('render-process-gone');
    expect(onGone).toBeTypeOf('function');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      onGone!({}, { reason: 'oom', exitCode: 133 });
      expect(calls.reloads).toBe(1);
      onGone!({}, { reason: 'oom', exitCode: 133 });
      onGone!({}, { reason: 'oom', exitCode: 133 });
      onGone!({}, { reason: 'oom', exitCode: 133 });
      const asked = () => calls.dialogs.filter((d) => d.buttons !== undefined);
      await vi.waitFor(() => expect(asked()).toHaveLength(1));
      expect(asked()[0]!.buttons).toEqual(['Reload', 'Quit']);
      await vi.waitFor(() => expect(calls.reloads).toBe(4));
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/renderer process is gone: oom/));
    } finally {
      warn.mockRestore();
    }
  });
});
