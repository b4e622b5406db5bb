/**
 * The app's one zustand store, built from slices. Components read it through selectors;
 * code outside React writes it through the actions here.
 */
import { create } from 'zustand';

export type Theme = 'light' | 'dark';
export type View = { name: 'home' } | { name: 'sandbox'; tab: SandboxTab };
export type SandboxTab = 'cluster' | 'editor' | 'sql';

export interface UiSlice {
  theme: Theme;
  view: View;
  notice: string | null;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  navigate(view: View): void;
  showNotice(message: string | null): void;
}

export type AppState = UiSlice;

function initialTheme(): Theme {
  if (typeof window === 'undefined') return 'dark';
  const saved = window.localStorage?.getItem('clusterlab.theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export const useAppStore = create<AppState>()((set, get) => ({
  theme: initialTheme(),
  view: { name: 'home' },
  notice: null,
  setTheme: (theme) => {
    window.localStorage?.setItem('clusterlab.theme', theme);
    set({ theme });
  },
  toggleTheme: () => get().setTheme(get().theme === 'dark' ? 'light' : 'dark'),
  navigate: (view) => set({ view }),
  showNotice: (notice) => set({ notice }),
}));
