/**
 * The preload: exposes `window.clusterlab`, one function per IPC message, through the
 * context bridge. It passes no Electron objects to the page: a sandbox process's MessagePort
 * cannot cross the bridge, so it goes to the page as a window message (Electron's documented way).
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNELS,
  OPEN_FILE_CHANNEL,
  SANDBOX_CHANNELS,
  SANDBOX_PORT_MESSAGE,
  type ClusterLabDesktopApi,
  type OpenedFile,
  type ProgressData,
  type SandboxExit,
} from './preloadApi';
import { createOpenFileRelay } from './openFileRelay';

// Files opened with the app wait here until the page listens (openFileRelay.ts).
const openFiles = createOpenFileRelay();
ipcRenderer.on(OPEN_FILE_CHANNEL, (_event, file: unknown) => openFiles.receive(file));

const api: ClusterLabDesktopApi = {
  loadProgress: () => ipcRenderer.invoke(IPC_CHANNELS.loadProgress),
  saveProgress: (data: ProgressData) => ipcRenderer.invoke(IPC_CHANNELS.saveProgress, data),
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
  backupProgress: (data: ProgressData) => ipcRenderer.invoke(IPC_CHANNELS.backupProgress, data),
  openSandbox: (slot: number) => ipcRenderer.send(SANDBOX_CHANNELS.open, { slot }),
  closeSandbox: (slot: number) => ipcRenderer.send(SANDBOX_CHANNELS.close, { slot }),
  onSandboxExit: (listener: (exit: SandboxExit) => void) => {
    ipcRenderer.on(SANDBOX_CHANNELS.exit, (_event, exit: SandboxExit) => listener({ slot: exit.slot, why: exit.why }));
  },
  onOpenFile: (listener: (file: OpenedFile) => void) => openFiles.listen(listener),
};

ipcRenderer.on(SANDBOX_CHANNELS.port, (event, message: { slot: number }) => {
  window.postMessage({ type: SANDBOX_PORT_MESSAGE, slot: message.slot }, window.location.origin, [...event.ports]);
});

contextBridge.exposeInMainWorld('clusterlab', api);
