/**
 * Web build only: several tabs share one localStorage entry. Each tab follows the others' saves
 * (the `storage` event fires in every other tab of the origin) and merges them into its own
 * progress, and each save first merges what is stored, so a stale tab never wipes another tab's
 * newer code (mergeProgress.ts says which edit wins).
 */
import { STORAGE_KEY } from '../bridge/storageKey';
import { parseProgress, type Progress } from './progress';

export type Stored =
  { kind: 'none' } | { kind: 'ok'; progress: Progress } | { kind: 'other-version'; version: unknown };

/** What another tab (or this one) saved last, read without side effects. */
export function readStored(storage: Storage): Stored {
  return parseStored(storage.getItem(STORAGE_KEY));
}

function parseStored(text: string | null): Stored {
  if (text === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'none' }; // corrupt: the load at start-up sets such a value aside with a message
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'none' };
  const version = (data as { version?: unknown }).version;
  if (version !== undefined && version !== 1) return { kind: 'other-version', version };
  return { kind: 'ok', progress: parseProgress(data) };
}

/** Calls `onSaved` with the progress another tab saved, whenever one saves. */
export function followOtherTabs(storage: Storage, onSaved: (stored: Stored) => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY || event.newValue === null) return;
    onSaved(parseStored(event.newValue));
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
