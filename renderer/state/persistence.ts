/**
 * Loads saved progress at start-up and saves it whenever it changes (debounced), through the
 * desktop API (an atomic JSON file in Electron, one instance at a time) or localStorage (web
 * build, where tabs merge each other's saves: tabSync.ts). A corrupt save is reported in a
 * notice, never silently replaced, and a load that failed is never followed by a save.
 */
import { i18n } from '../i18n/i18n';
import { desktopApi, isDesktop } from '../bridge/desktopApi';
import { learnerMessage } from './learnerMessage';
import { saveFailedText } from './saveFailedText';
import { mergeProgress } from './mergeProgress';
import { parseProgress, type Progress } from './progress';
import { useAppStore } from './store';
import { followOtherTabs, readStored, type Stored } from './tabSync';

const SAVE_DELAY_MS = 400;

/** Saves pending progress at once (set while persistence runs). */
let flushNow: (() => void) | null = null;

/** Saves what is pending now, not after the usual delay: a run is about to start and might crash the page. */
export function saveProgressNow(): void {
  flushNow?.();
}

const otherVersion = (version: unknown) => i18n.t('app:progress.otherVersion', { version: String(version) });

export async function startPersistence(): Promise<() => void> {
  const api = desktopApi();
  const notice = (message: string) => useAppStore.getState().showNotice(message);
  try {
    const loaded = await api.loadProgress();
    const version = (loaded.data as { version?: unknown } | null)?.version;
    if (version !== undefined && version !== 1) {
      // Saved by another version of ClusterLab: keep it as it is rather than overwrite what we cannot read.
      useAppStore.getState().loadedProgress(parseProgress(null));
      notice(otherVersion(version));
      return () => {};
    }
    useAppStore.getState().loadedProgress(parseProgress(loaded.data));
    if (loaded.recovered) notice(loaded.recovered);
  } catch (error) {
    useAppStore.getState().loadedProgress(parseProgress(null));
    notice(i18n.t('app:progress.loadFailed', { error: learnerMessage(error) }));
    return () => {};
  }

  const tabs = isDesktop() ? null : window.localStorage;
  let stopped = false;
  let adopting = false;
  /** Takes what another tab saved into this tab's progress; false when it must not be saved over. */
  const takeIn = (stored: Stored): boolean => {
    if (stored.kind === 'other-version') {
      stopped = true;
      notice(otherVersion(stored.version));
      return false;
    }
    if (stored.kind === 'none') return true;
    const local: Progress = useAppStore.getState().progress;
    const merged = mergeProgress(local, stored.progress);
    if (merged !== local) {
      adopting = true;
      try {
        useAppStore.getState().mergedProgress(merged);
      } finally {
        adopting = false;
      }
    }
    return true;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const save = () => {
    pending = false;
    if (stopped) return;
    // Read, merge, write in one synchronous stretch: another tab's newer steps are kept.
    if (tabs && !takeIn(readStored(tabs))) return;
    api.saveProgress({ ...useAppStore.getState().progress }).catch((error: unknown) => {
      notice(saveFailedText(error, tabs !== null));
    });
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.progress === previous.progress || adopting) return;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  const unfollow = tabs ? followOtherTabs(tabs, (stored) => void (stopped || takeIn(stored))) : () => {};
  const flush = () => {
    if (pending) {
      clearTimeout(timer);
      save();
    }
  };
  // Leaving the tab saves at once: the learner may type in another tab of the same step right away,
  // and that tab follows this save only once it is written.
  const flushWhenHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('blur', flush);
  document.addEventListener('visibilitychange', flushWhenHidden);
  flushNow = flush;
  return () => {
    if (flushNow === flush) flushNow = null;
    flush();
    unsubscribe();
    unfollow();
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('blur', flush);
    document.removeEventListener('visibilitychange', flushWhenHidden);
  };
}
