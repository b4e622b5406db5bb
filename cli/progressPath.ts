/**
 * Where the desktop app keeps its progress on this machine: Electron's userData folder
 * (app.getPath('userData'): the OS's application-data folder and the app's name) and the
 * progress store's file name (electron/progressStore.ts). The packaged app is named ClusterLab
 * (electron-builder.yml productName); a development build (`npm start`) by package.json's name.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PROGRESS_FILE_NAME = 'progress.json';
const APP_NAMES = ['ClusterLab', 'clusterlab'];

/** The OS's application-data folder, as Electron's app.getPath('appData') gives it. */
export function appDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(home, '.config');
}

/** The progress files the desktop app may have written, in the order they are tried. */
export function progressCandidates(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string[] {
  const base = appDataFolder(platform, env, home);
  return APP_NAMES.map((name) => join(base, name, PROGRESS_FILE_NAME));
}
