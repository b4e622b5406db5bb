/**
 * The app's one zustand store, built from slices. Components read it through selectors;
 * code outside React writes it through the actions here.
 */
import { create } from 'zustand';
import { hashToView, viewToHash, type View } from './router';
import { stampChanges } from './mergeProgress';
import { EMPTY_PROGRESS, type Progress } from './progress';

export type { View, SandboxTab } from './router';
export type Theme = 'light' | 'dark';

export interface UiSlice {
  theme: Theme;
  view: View;
  notice: string | null;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  navigate(view: View): void;
  showNotice(message: string | null): void;
  /** The lab page's editor height as a share of its column, once the learner has dragged the divider. */
  labEditorShare: number | null;
  setLabEditorShare(share: number | null): void;
  /** The playback speed the learner chose, kept for the session's later runs (null: fit each run). */
  playbackSpeed: number | null;
  choosePlaybackSpeed(speed: number): void;
}

export interface ProgressSlice {
  progress: Progress;
  progressLoaded: boolean;
  updateProgress(change: (p: Progress) => Progress): void;
  loadedProgress(progress: Progress): void;
  /** Progress merged with another tab's save (mergeProgress.ts): taken as it is, not stamped again. */
  mergedProgress(progress: Progress): void;
}

export type AppState = UiSlice & ProgressSlice;

function initialTheme(): Theme {
  if (typeof window === 'undefined') return 'dark';
  const saved = window.localStorage?.getItem('clusterlab.theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export const useAppStore = create<AppState>()((set, get) => ({
  theme: initialTheme(),
  view: typeof window === 'undefined' ? { name: 'home' } : hashToView(window.location.hash),
  notice: null,
  setTheme: (theme) => {
    // localStorage gives the first paint the right colours; the saved progress file is the record.
    window.localStorage?.setItem('clusterlab.theme', theme);
    const progress = get().progress;
    set({ theme, progress: stampChanges(progress, { ...progress, theme }, Date.now()) });
  },
  toggleTheme: () => get().setTheme(get().theme === 'dark' ? 'light' : 'dark'),
  navigate: (view) => {
    const hash = viewToHash(view);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ view });
  },
  showNotice: (notice) => set({ notice }),
  labEditorShare: null,
  setLabEditorShare: (labEditorShare) => set({ labEditorShare }),
  playbackSpeed: null,
  choosePlaybackSpeed: (playbackSpeed) => set({ playbackSpeed }),

  progress: EMPTY_PROGRESS,
  progressLoaded: false,
  // Every change is stamped (per step, sandbox code, settings) so merges between tabs keep the newest.
  updateProgress: (change) => {
    const previous = get().progress;
    set({ progress: stampChanges(previous, change(previous), Date.now()) });
  },
  loadedProgress: (progress) => {
    if (progress.theme) window.localStorage?.setItem('clusterlab.theme', progress.theme);
    set({ progress, progressLoaded: true, ...(progress.theme ? { theme: progress.theme } : {}) });
  },
  mergedProgress: (progress) => {
    if (progress.theme && progress.theme !== get().theme)
      window.localStorage?.setItem('clusterlab.theme', progress.theme);
    set({ progress, ...(progress.theme ? { theme: progress.theme } : {}) });
  },
}));

/** Keeps the view in step with the back and forward buttons. */
export function followHashChanges(): () => void {
  const onPop = () => useAppStore.setState({ view: hashToView(window.location.hash) });
  window.addEventListener('popstate', onPop);
  // The address may have changed between the store's creation and now (a link followed while
  // the page was starting): take it as it is.
  if (viewToHash(hashToView(window.location.hash)) !== viewToHash(useAppStore.getState().view)) onPop();
  return () => window.removeEventListener('popstate', onPop);
}
