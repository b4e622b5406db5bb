/**
 * Loads saved progress at start-up and saves it whenever it changes (debounced), through the
 * desktop API (an atomic JSON file in Electron) or localStorage (web build). A corrupt save is
 * reported in a notice, never silently replaced.
 */
import { desktopApi } from '../bridge/desktopApi';
import { parseProgress } from './progress';
import { useAppStore } from './store';

const SAVE_DELAY_MS = 400;

export async function startPersistence(): Promise<() => void> {
  const api = desktopApi();
  try {
    const loaded = await api.loadProgress();
    const version = (loaded.data as { version?: unknown } | null)?.version;
    if (version !== undefined && version !== 1) {
      // Saved by another version of ClusterLab: keep it as it is rather than overwrite what we cannot read.
      useAppStore.getState().loadedProgress(parseProgress(null));
      useAppStore
        .getState()
        .showNotice(
          `Saved progress has format version ${String(version)}, which this ClusterLab cannot read: it was left untouched, and nothing you do now will be saved over it.`,
        );
      return () => {};
    }
    useAppStore.getState().loadedProgress(parseProgress(loaded.data));
    if (loaded.recovered) useAppStore.getState().showNotice(loaded.recovered);
  } catch (error) {
    useAppStore.getState().loadedProgress(parseProgress(null));
    useAppStore.getState().showNotice(`Saved progress could not be loaded: ${(error as Error).message}`);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const save = () => {
    pending = false;
    api.saveProgress({ ...useAppStore.getState().progress }).catch((error: unknown) => {
      useAppStore.getState().showNotice(`Progress could not be saved: ${(error as Error).message}`);
    });
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.progress === previous.progress) return;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  const flush = () => {
    if (pending) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
