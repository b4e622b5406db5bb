// The main process's wiring, with the `electron` module replaced by a recording fake: the
// app:// scheme is privileged, the sandbox is on for every renderer, permissions are denied,
// every web contents is guarded, IPC handlers are registered, and the window is secure.
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
  dialogs: [] as { message: string; buttons: string[] }[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (name: string, listener: (...args: unknown[]) => void) => calls.contentsListeners.set(name, listener),
      reload: () => calls.reloads++,
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
      showMessageBox: async (_window: unknown, options: { message: string; buttons: string[] }) => {
        calls.dialogs.push(options);
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

  it('registers app:// as a standard, secure scheme and serves the renderer from it', () => {
    expect(calls.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
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
    expect(calls.ipc.sort()).toEqual(['app:info', 'progress:load', 'progress:save']);
    expect(calls.ipcOn.sort()).toEqual(['sandbox:close', 'sandbox:open']);
    expect(calls.appListeners.has('child-process-gone')).toBe(true);
  });

  it('holds the single-instance lock: a second start restores and focuses the one window', () => {
    expect(calls.quit).toBe(0);
    expect(calls.appListeners.has('second-instance')).toBe(true);
    calls.windowCalls.length = 0;
    calls.appListeners.get('second-instance')!();
    expect(calls.windowCalls).toEqual(['restore', 'show', 'focus']);
    expect(calls.windows).toHaveLength(1);
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
      await vi.waitFor(() => expect(calls.dialogs).toHaveLength(1));
      expect(calls.dialogs[0]!.buttons).toEqual(['Reload', 'Quit']);
      await vi.waitFor(() => expect(calls.reloads).toBe(4));
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/renderer process is gone: oom/));
    } finally {
      warn.mockRestore();
    }
  });
});
