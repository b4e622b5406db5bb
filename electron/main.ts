/**
 * Electron's main process: registers the app:// protocol, opens the one window, wires the
 * IPC handlers and denies every permission request. It never imports engine or renderer code.
 * One instance only: a second start focuses the first window and quits, so two instances never
 * write the same progress file over each other. A renderer process that dies (a job out of
 * memory) is reloaded, at most a few times in a row (rendererRecovery.ts); learners' code runs
 * in sandbox utility processes (sandboxProcesses.ts), so a memory bomb usually ends only its run.
 * No request leaves the app (networkPolicy.ts). A `.clusterlab` file opened with the app (argv,
 * a second start's argv, macOS 'open-file') is read here and sent to the page (openFile.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain, protocol, session, utilityProcess } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './appProtocol';
import { registerIpcHandlers } from './ipcHandlers';
import { ProgressBackups } from './progressBackups';
import { guardWebContents, secureWindowOptions } from './mainWindow';
import { refuseNetworkRequests } from './networkPolicy';
import { createOpenFileQueue, filesToOpen } from './openFile';
import { OPEN_FILE_CHANNEL } from './preloadApi';
import { ProgressStore } from './progressStore';
import { createRendererRecovery } from './rendererRecovery';
import { registerSandboxProcesses, type SandboxIpcMain } from './sandboxProcesses';

// codeCache: V8 keeps the code it compiled from the app's scripts (Monaco's 2.7 MB, the engine
// worker's 1.2 MB...) between launches, as it does for a website's: from the second launch on,
// the first Run shares the cores with less compiling. Standard schemes only (Electron 28.1+).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
  },
]);

app.enableSandbox();

app.on('web-contents-created', (_event, contents) =>
  guardWebContents(contents, (m) => console.warn(`[security] ${m}`)),
);

let mainWindow: BrowserWindow | undefined;

function refuseFile(message: string): void {
  console.warn(`[open-file] ${message}`);
  void app
    .whenReady()
    .then(() => dialog.showMessageBox({ type: 'error', message: 'ClusterLab could not open a file', detail: message }));
}

const openFiles = createOpenFileQueue(
  { stat, readFile },
  {
    send: (file) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(OPEN_FILE_CHANNEL, file);
    },
    refuse: refuseFile,
  },
);

/** The `.clusterlab` files among a start's arguments, resolved against its working folder. */
function openFilesIn(argv: readonly string[], workingDirectory: string): void {
  const { paths, refused } = filesToOpen(argv.slice(1));
  for (const path of paths) void openFiles.open(resolve(workingDirectory, path));
  if (refused) refuseFile(refused);
}

async function start(): Promise<void> {
  await app.whenReady();
  const rendererRoot = join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  refuseNetworkRequests(session.defaultSession.webRequest, (m) => console.warn(`[network] ${m}`));

  const store = new ProgressStore(app.getPath('userData'));
  registerIpcHandlers(ipcMain, {
    store,
    backups: new ProgressBackups(app.getPath('userData')),
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

  // Electronegativity cannot follow options built by a helper: secureWindowOptions (mainWindow.ts)
  // sets contextIsolation and sandbox (security.test.ts and main.test.ts check it), and
  // guardWebContents denies every new window, middle-click ones included, on every web contents.
  const window = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs'))); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
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
  openFiles.ready();
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
  // macOS sends files opened with the app (Finder, `open -a`) as events, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFiles.open(path);
  });
  app.on('second-instance', (_event, argv: string[] = [], workingDirectory = process.cwd()) => {
    focusMainWindow();
    openFilesIn(argv, workingDirectory);
  });
  openFilesIn(process.argv, process.cwd());
  app.on('window-all-closed', () => app.quit());
  start().catch((error: unknown) => {
    console.error('ClusterLab failed to start:', error);
    app.exit(1);
  });
}
