/**
 * The preload's side of OPEN_FILE_CHANNEL: files can arrive before the page has registered its
 * listener (a file double-clicked to start the app arrives as soon as the page has loaded), so
 * they wait here, at most MAX_WAITING_FILES of them, and go to the first listener that registers;
 * later files go to every listener. Only `{ name: string, text: string }` is passed on.
 */
import type { OpenedFile } from './preloadApi';

export const MAX_WAITING_FILES = 16;

export function openedFileOf(value: unknown): OpenedFile | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, text } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof text === 'string' ? { name, text } : null;
}

export function createOpenFileRelay(): {
  receive(value: unknown): void;
  listen(listener: (file: OpenedFile) => void): void;
} {
  const waiting: OpenedFile[] = [];
  const listeners: ((file: OpenedFile) => void)[] = [];
  return {
    receive(value) {
      const file = openedFileOf(value);
      if (!file) return;
      if (listeners.length === 0) {
        if (waiting.length < MAX_WAITING_FILES) waiting.push(file);
        return;
      }
      for (const listener of listeners) listener(file);
    },
    listen(listener) {
      listeners.push(listener);
      for (const file of waiting.splice(0)) listener(file);
    },
  };
}
