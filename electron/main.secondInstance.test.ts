// A second ClusterLab started while one runs: it does not get the single-instance lock, so it
// quits at once without opening a window, registering IPC handlers or touching progress (the
// first instance hears 'second-instance' and focuses its window; see main.test.ts).
import { describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ quit: 0, windows: 0, ipc: 0, ready: 0, listeners: [] as string[] }));

vi.mock('electron', () => ({
  app: {
    enableSandbox: () => {},
    on: (name: string) => calls.listeners.push(name),
    whenReady: async () => {
      calls.ready++;
    },
    getPath: () => '/tmp/clusterlab-test-user-data',
    getVersion: () => '0.0.0',
    requestSingleInstanceLock: () => false,
    quit: () => calls.quit++,
    exit: () => {},
  },
  protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
  session: { defaultSession: { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} } },
  ipcMain: { handle: () => calls.ipc++ },
  BrowserWindow: class {
    constructor() {
      calls.windows++;
    }
  },
}));

describe('electron/main.ts as a second instance', () => {
  it('quits without a window, IPC handlers or a progress store', async () => {
    await import('./main');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.quit).toBe(1);
    expect(calls.ready).toBe(0);
    expect(calls.windows).toBe(0);
    expect(calls.ipc).toBe(0);
    expect(calls.listeners).not.toContain('second-instance');
  });
});
