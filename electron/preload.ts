/**
 * The preload: exposes `window.clusterlab`, one function per IPC message, through the
 * context bridge. It passes no Electron objects to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type ClusterLabDesktopApi, type ProgressData } from './preloadApi';

const api: ClusterLabDesktopApi = {
  loadProgress: () => ipcRenderer.invoke(IPC_CHANNELS.loadProgress),
  saveProgress: (data: ProgressData) => ipcRenderer.invoke(IPC_CHANNELS.saveProgress, data),
  appInfo: () => ipcRenderer.invoke(IPC_CHANNELS.appInfo),
};

contextBridge.exposeInMainWorld('clusterlab', api);
