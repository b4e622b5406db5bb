/**
 * Which hand-in dialog is open (export, import or none) and the file the import dialog was given
 * (picked in it, or opened with the desktop app): a small store of its own, so Settings, the
 * router of opened files and the dialogs share it without touching the app's store.
 */
import { create } from 'zustand';

export interface GivenFile {
  name: string;
  text: string;
}

interface HandInDialogState {
  open: 'export' | 'import' | null;
  /** A file handed to the import dialog from outside it (the desktop app's opened files). */
  given: GivenFile | null;
  /** Counts the openings: each opening starts a dialog afresh (its React key). */
  openings: number;
  openExport(): void;
  openImport(given?: GivenFile): void;
  close(): void;
}

export const useHandInDialog = create<HandInDialogState>()((set) => ({
  open: null,
  given: null,
  openings: 0,
  openExport: () => set((s) => ({ open: 'export', given: null, openings: s.openings + 1 })),
  openImport: (given) => set((s) => ({ open: 'import', given: given ?? null, openings: s.openings + 1 })),
  close: () => set({ open: null, given: null }),
}));
