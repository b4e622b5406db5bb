/**
 * The web build's backups of the progress made before an import: each in localStorage under
 * `clusterlab.backup.<backupName>` (labs/handIn's backupName), the last five kept. Backup names
 * carry an ISO time stamp, so sorting them sorts them by age.
 */
import { backupName } from '../../../labs/handIn/handInFile';

export const BACKUP_KEY_PREFIX = 'clusterlab.backup.';
export const BACKUPS_KEPT = 5;

/** The keys of the backups in `storage`, oldest first. */
export function backupKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(BACKUP_KEY_PREFIX)) keys.push(key);
  }
  // `…Z.json` before `…Z-2.json` (a second backup in the same second).
  const age = (key: string) => key.replace(/\.json$/, '');
  return keys.sort((a, b) => (age(a) < age(b) ? -1 : age(a) > age(b) ? 1 : 0));
}

/**
 * Writes `text` as the backup made at `at` and removes the oldest past the last `kept`. Returns
 * the key. Throws (the storage's own error, e.g. quota) when it cannot be written: the caller then
 * does not import.
 */
export function writeBackup(storage: Storage, text: string, at: Date, kept = BACKUPS_KEPT): string {
  let key = `${BACKUP_KEY_PREFIX}${backupName(at)}`;
  // Two imports in the same second keep both backups.
  for (let n = 2; storage.getItem(key) !== null; n++)
    key = `${BACKUP_KEY_PREFIX}${backupName(at).replace(/\.json$/, `-${n}.json`)}`;
  storage.setItem(key, text);
  const keys = backupKeys(storage);
  for (const old of keys.slice(0, Math.max(0, keys.length - kept))) if (old !== key) storage.removeItem(old);
  return key;
}
