/**
 * The desktop API seen from the renderer: `window.clusterlab` from Electron's preload, or,
 * in the web build, the same functions over localStorage. A corrupt saved value is set aside
 * under another key with a message, never silently replaced.
 */
import type { AppInfo, ClusterLabDesktopApi, LoadProgressResult, ProgressData } from '../../electron/preloadApi';

declare global {
  interface Window {
    clusterlab?: ClusterLabDesktopApi;
  }
}

import { STORAGE_KEY } from './storageKey';

export { STORAGE_KEY };

export function createLocalStorageApi(storage: Storage): ClusterLabDesktopApi {
  return {
    async loadProgress(): Promise<LoadProgressResult> {
      const text = storage.getItem(STORAGE_KEY);
      if (text === null) return { data: null };
      try {
        const data: unknown = JSON.parse(text);
        if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not a JSON object');
        return { data: data as ProgressData };
      } catch (error) {
        const aside = `${STORAGE_KEY}.corrupt-${Object.keys(storage).filter((k) => k.startsWith(`${STORAGE_KEY}.corrupt-`)).length + 1}`;
        storage.setItem(aside, text);
        storage.removeItem(STORAGE_KEY);
        return {
          data: null,
          recovered: `Saved progress could not be read (${(error as Error).message}); it was kept in browser storage under '${aside}'.`,
        };
      }
    },
    async saveProgress(data: ProgressData): Promise<void> {
      storage.setItem(STORAGE_KEY, JSON.stringify(data));
    },
    async appInfo(): Promise<AppInfo> {
      return { version: __APP_VERSION__, platform: 'web', userDataPath: 'browser localStorage' };
    },
  };
}

let api: ClusterLabDesktopApi | undefined;

export function desktopApi(): ClusterLabDesktopApi {
  api ??= window.clusterlab ?? createLocalStorageApi(window.localStorage);
  return api;
}

export const isDesktop = (): boolean => window.clusterlab !== undefined;
