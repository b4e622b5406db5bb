/**
 * How much progress the web build can keep. It saves progress in localStorage, which Chromium
 * bounds at 10 MiB of UTF-16 per origin (5,242,880 characters, keys and values together), while a
 * hand-in may be 8 MB: an import that the storage cannot hold is refused before anything changes.
 * The desktop app saves progress to a file (IPC), so there the hand-in's own limit is the only one.
 */
import { STORAGE_KEY } from '../../bridge/storageKey';
import { backupName } from '../../../labs/handIn/handInFile';
import { BACKUP_KEY_PREFIX } from './backupStore';

/** Chromium's localStorage quota per origin, in characters (keys and values). */
export const WEB_STORAGE_CHARS = 5 * 1024 * 1024;

/** Characters the saved progress `value` takes under its key. */
export const savedChars = (value: unknown): number => STORAGE_KEY.length + JSON.stringify(value).length;

/**
 * The characters left for the progress after an import: the quota, less what every other key holds
 * and the backup of `current` the import writes first (the progress's own key is replaced).
 */
export function progressRoom(storage: Storage, current: unknown, quota = WEB_STORAGE_CHARS): number {
  let others = 0;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === null || key === STORAGE_KEY) continue;
    others += key.length + (storage.getItem(key)?.length ?? 0);
  }
  const backup = `${BACKUP_KEY_PREFIX}${backupName(new Date(0))}`.length + JSON.stringify(current).length;
  return Math.max(0, quota - others - backup);
}
