/**
 * The app's one zustand store, built from slices. Components read it through selectors;
 * code outside React writes it through the actions here.
 */
import { create } from 'zustand';
import { hashToView, viewToHash, type View } from './router';
import { stampChanges } from './mergeProgress';
import { EMPTY_PROGRESS, type Progress } from './progress';
import { parseLanguage, systemLanguage, type Language } from '../i18n/language';

export type { View, SandboxTab } from './router';
export type Theme = 'light' | 'dark';

export interface UiSlice {
  theme: Theme;
  /** The language the app is shown in: the saved choice, else the system's (German or English). */
  language: Language;
  view: View;
  notice: string | null;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  setLanguage(language: Language): void;
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

/**
 * Keeps a setting in localStorage for the next start's first paint. A full or refused storage only
 * costs that: the saved progress is the record, and its own save says what went wrong.
 */
function rememberForFirstPaint(key: string, value: string): void {
  try {
    window.localStorage?.setItem(key, value);
  } catch {
    // The progress's save reports the storage's state (saveFailedText.ts).
  }
}

function initialTheme(): Theme {
  if (typeof window === 'undefined') return 'dark';
  const saved = window.localStorage?.getItem('clusterlab.theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

const LANGUAGE_KEY = 'clusterlab.language';

function initialLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  // Like the theme: localStorage gives the first paint the right language until progress has loaded.
  const saved = parseLanguage(window.localStorage?.getItem(LANGUAGE_KEY));
  return saved ?? systemLanguage(window.navigator?.languages);
}

/** The store's fields a loaded or merged progress sets: its theme and language when it has them. */
function savedPreferences(progress: Progress): Partial<AppState> {
  if (progress.theme && window.localStorage?.getItem('clusterlab.theme') !== progress.theme)
    rememberForFirstPaint('clusterlab.theme', progress.theme);
  if (progress.language && window.localStorage?.getItem(LANGUAGE_KEY) !== progress.language)
    rememberForFirstPaint(LANGUAGE_KEY, progress.language);
  return {
    ...(progress.theme ? { theme: progress.theme } : {}),
    ...(progress.language ? { language: progress.language } : {}),
  };
}

export const useAppStore = create<AppState>()((set, get) => ({
  theme: initialTheme(),
  language: initialLanguage(),
  view: typeof window === 'undefined' ? { name: 'home' } : hashToView(window.location.hash),
  notice: null,
  setTheme: (theme) => {
    // localStorage gives the first paint the right colours; the saved progress file is the record.
    rememberForFirstPaint('clusterlab.theme', theme);
    const progress = get().progress;
    set({ theme, progress: stampChanges(progress, { ...progress, theme }, Date.now()) });
  },
  toggleTheme: () => get().setTheme(get().theme === 'dark' ? 'light' : 'dark'),
  setLanguage: (language) => {
    rememberForFirstPaint(LANGUAGE_KEY, language);
    const progress = get().progress;
    set({ language, progress: stampChanges(progress, { ...progress, language }, Date.now()) });
  },
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
  loadedProgress: (progress) => set({ progress, progressLoaded: true, ...savedPreferences(progress) }),
  mergedProgress: (progress) => set({ progress, ...savedPreferences(progress) }),
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
