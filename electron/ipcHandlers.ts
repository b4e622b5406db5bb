/**
 * Main-side IPC handlers, one per channel of the preload API. Each validates the sender and
 * the payload before doing anything (Electron security checklist, item 17).
 */
import { IPC_CHANNELS, type AppInfo } from './preloadApi';
import { assertNoArguments, assertProgressPayload, assertTrustedSender, type SenderInfo } from './ipcValidation';
import type { ProgressStore } from './progressStore';
import type { ProgressBackups } from './progressBackups';

/** The part of Electron's ipcMain used here; tests pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderInfo, ...args: unknown[]) => unknown): void;
}

export interface IpcDeps {
  store: ProgressStore;
  appInfo: () => AppInfo;
  /** Backups made before an import (progress:backup). */
  backups: Pick<ProgressBackups, 'write'>;
}

export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): void {
  ipcMain.handle(IPC_CHANNELS.loadProgress, (event, ...args) => {
    assertTrustedSender(event, IPC_CHANNELS.loadProgress);
    assertNoArguments(args, IPC_CHANNELS.loadProgress);
    return deps.store.load();
  });
  ipcMain.handle(IPC_CHANNELS.saveProgress, (event, ...args) => {
    assertTrustedSender(event, IPC_CHANNELS.saveProgress);
    if (args.length !== 1)
      throw new Error(`${IPC_CHANNELS.saveProgress}: takes exactly one argument, got ${args.length}`);
    return deps.store.save(assertProgressPayload(args[0]));
  });
  ipcMain.handle(IPC_CHANNELS.appInfo, (event, ...args) => {
    assertTrustedSender(event, IPC_CHANNELS.appInfo);
    assertNoArguments(args, IPC_CHANNELS.appInfo);
    return deps.appInfo();
  });
  ipcMain.handle(IPC_CHANNELS.backupProgress, (event, ...args) => {
    assertTrustedSender(event, IPC_CHANNELS.backupProgress);
    if (args.length !== 1)
      throw new Error(`${IPC_CHANNELS.backupProgress}: takes exactly one argument, got ${args.length}`);
    const data = assertProgressPayload(args[0], IPC_CHANNELS.backupProgress);
    return deps.backups.write(`${JSON.stringify(data, null, 2)}\n`);
  });
}
