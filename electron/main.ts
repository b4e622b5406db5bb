/**
 * Electron's main process: registers the app:// protocol, opens the one window, wires the
 * IPC handlers and denies every permission request. It never imports engine or renderer code.
 * One instance only: a second start focuses the first window and quits, so two instances never
 * write the same progress file over each other. A renderer process that dies (a job out of
 * memory) is reloaded, at most a few times in a row (rendererRecovery.ts); learners' code runs
 * in sandbox utility processes (sandboxProcesses.ts), so a memory bomb usually ends only its run.
 */
import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain, protocol, session, utilityProcess } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './appProtocol';
import { registerIpcHandlers } from './ipcHandlers';
import { guardWebContents, secureWindowOptions } from './mainWindow';
import { ProgressStore } from './progressStore';
import { createRendererRecovery } from './rendererRecovery';
import { registerSandboxProcesses, type SandboxIpcMain } from './sandboxProcesses';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

app.enableSandbox();

app.on('web-contents-created', (_event, contents) =>
  guardWebContents(contents, (m) => console.warn(`[security] ${m}`)),
);

let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  await app.whenReady();
  const rendererRoot = join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const store = new ProgressStore(app.getPath('userData'));
  registerIpcHandlers(ipcMain, {
    store,
    appInfo: () => ({ version: app.getVersion(), platform: process.platform, userDataPath: app.getPath('userData') }),
  });

  const sandboxes = registerSandboxProcesses(ipcMain as unknown as SandboxIpcMain, {
    fork: (serviceName, execArgv) =>
      utilityProcess.fork(join(__dirname, 'sandboxWorker.cjs'), [], { serviceName, execArgv, stdio: 'ignore' }),
    channel: () => new MessageChannelMain(),
    residentMb: () =>
      new Map(app.getAppMetrics().map((m) => [m.pid, (m.memory.workingSetSize ?? 0) / 1024] as [number, number])),
    log: (m) => console.warn(`[sandbox] ${m}`),
  });
  app.on('child-process-gone', (_event, details) => sandboxes.childGone(details));

  const window = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs')));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  // A job that used too much memory can take the page's renderer down: reload it (not in a loop).
  window.webContents.on(
    'render-process-gone',
    createRendererRecovery({
      reload: () => window.webContents.reload(),
      ask: async (message, detail) => {
        const { response } = await dialog.showMessageBox(window, {
          type: 'warning',
          message,
          detail,
          buttons: ['Reload', 'Quit'],
          defaultId: 0,
          cancelId: 0,
        });
        return response === 1 ? 'quit' : 'reload';
      },
      quit: () => app.quit(),
      log: (m) => console.warn(`[renderer] ${m}`),
      now: () => Date.now(),
      isGone: () => window.isDestroyed(),
    }),
  );
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

/** A second start of ClusterLab brings this window to the front instead of opening another. */
function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Another ClusterLab is running: it was told (its 'second-instance' event) and shows its window.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  start().catch((error: unknown) => {
    console.error('ClusterLab failed to start:', error);
    app.exit(1);
  });
}
