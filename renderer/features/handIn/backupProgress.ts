/**
 * Backs the current progress up before an import: on the desktop into a file in the app's data
 * folder (the progress:backup IPC channel, named by labs/handIn's backupName), on the web into
 * localStorage (backupStore.ts, the last five kept). Resolves with where the backup is; rejects
 * when it could not be written, and then nothing is imported.
 */
import { desktopApi } from '../../bridge/desktopApi';
import type { Progress } from '../../state/progress';
import { writeBackup } from './backupStore';

/** Where the backup went: a file of the desktop app, or a key of the browser's storage. */
export type BackupPlace = { kind: 'file'; path: string } | { kind: 'browser'; key: string };

export async function backupProgress(progress: Progress, at: Date): Promise<BackupPlace> {
  const api = desktopApi();
  // The desktop app names the file by its own clock.
  if (api.backupProgress)
    return { kind: 'file', path: await api.backupProgress(progress as unknown as Record<string, unknown>) };
  return { kind: 'browser', key: writeBackup(window.localStorage, JSON.stringify(progress), at) };
}
