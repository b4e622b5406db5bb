/**
 * Backs the current progress up before an import: on the desktop into a file in the app's data
 * folder (the progress:backup IPC channel, named by labs/handIn's backupName), on the web into
 * localStorage (backupStore.ts, the last five kept). Resolves with where the backup is; rejects
 * when it could not be written, and then nothing is imported.
 */
import { desktopApi } from '../../bridge/desktopApi';
import type { Progress } from '../../state/progress';
import { writeBackup } from './backupStore';

export async function backupProgress(progress: Progress, at: Date): Promise<string> {
  const api = desktopApi();
  // The desktop app names the file by its own clock.
  if (api.backupProgress) return api.backupProgress(progress as unknown as Record<string, unknown>);
  const key = writeBackup(window.localStorage, JSON.stringify(progress), at);
  return `browser localStorage: ${key}`;
}
