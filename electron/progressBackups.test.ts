import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerIpcHandlers, type IpcMainLike } from './ipcHandlers';
import type { SenderInfo } from './ipcValidation';
import { IPC_CHANNELS } from './preloadApi';
import { backupFileName, ProgressBackups } from './progressBackups';

describe('progress backups before an import (progress:backup)', () => {
  it('names files by the time, to the second (as labs/handIn backupName does: a renderer test keeps them equal)', () => {
    expect(backupFileName(new Date('2026-11-30T15:50:00.123Z'))).toBe(
      'progress-before-import-2026-11-30T15-50-00Z.json',
    );
  });

  it('writes each backup whole into userData/backups and keeps the last five, oldest removed first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-backups-'));
    mkdirSync(join(dir, 'backups'));
    writeFileSync(join(dir, 'backups', 'notes.txt'), 'mine');
    let second = 0;
    // Two backups in the same second, then one a second.
    const clock = () => new Date(Date.UTC(2026, 10, 30, 12, 0, Math.max(0, second++ - 1)));
    const backups = new ProgressBackups(dir, clock);
    const paths: string[] = [];
    for (let i = 0; i < 7; i++) paths.push(await backups.write(`{"n":${i}}`));
    expect(paths[0]).toBe(join(dir, 'backups', 'progress-before-import-2026-11-30T12-00-00Z.json'));
    expect(paths[1]).toBe(join(dir, 'backups', 'progress-before-import-2026-11-30T12-00-00Z-2.json'));
    const left = readdirSync(join(dir, 'backups')).sort();
    expect(left).toEqual([
      'notes.txt',
      'progress-before-import-2026-11-30T12-00-01Z.json',
      'progress-before-import-2026-11-30T12-00-02Z.json',
      'progress-before-import-2026-11-30T12-00-03Z.json',
      'progress-before-import-2026-11-30T12-00-04Z.json',
      'progress-before-import-2026-11-30T12-00-05Z.json',
    ]);
    expect(readFileSync(paths[6]!, 'utf8')).toBe('{"n":6}');
  });

  it('the IPC handler validates sender and payload, then writes the progress as JSON', async () => {
    const handlers = new Map<string, (event: SenderInfo, ...args: unknown[]) => unknown>();
    const ipc: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
    const written: string[] = [];
    registerIpcHandlers(ipc, {
      store: {} as never,
      appInfo: () => ({ version: '1', platform: 'linux', userDataPath: '/u' }),
      backups: { write: async (text) => (written.push(text), '/u/backups/b.json') },
    });
    const backup = handlers.get(IPC_CHANNELS.backupProgress)!;
    const app: SenderInfo = { senderFrame: { url: 'app://clusterlab/index.html' } };
    expect(await backup(app, { version: 1, labs: {} })).toBe('/u/backups/b.json');
    expect(JSON.parse(written[0]!)).toEqual({ version: 1, labs: {} });
    expect(() => backup({ senderFrame: { url: 'https://evil.example/' } }, {})).toThrow(/not app:\/\/clusterlab/);
    expect(() => backup(app, 'text')).toThrow(/progress:backup: payload must be a JSON object/);
    expect(() => backup(app, { big: 'x'.repeat(6 * 1024 * 1024) })).toThrow(/progress:backup: .*limit/);
    expect(() => backup(app)).toThrow(/exactly one argument/);
    expect(written).toHaveLength(1);
  });
});
