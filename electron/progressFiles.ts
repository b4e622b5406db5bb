/**
 * File helpers for the progress store: a JSON read that tells a missing file, an unreadable one
 * (permission, busy: never corruption) and a corrupt one apart, and an atomic write (a unique temp
 * file, fsynced, renamed over the target, then the folder fsynced where the platform allows it).
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ProgressData } from './preloadApi';

export type ReadResult =
  | { kind: 'ok'; data: ProgressData }
  | { kind: 'missing' }
  /** The file exists but could not be read (EACCES, EPERM, EBUSY, …): keep it, never overwrite it. */
  | { kind: 'unavailable'; code: string; reason: string }
  /** The file was read but is not a JSON object. */
  | { kind: 'corrupt'; reason: string };

export async function readJson(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unavailable', code, reason: describeFsError(code) };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      return { kind: 'corrupt', reason: 'not a JSON object' };
    return { kind: 'ok', data: data as ProgressData };
  } catch (error) {
    return { kind: 'corrupt', reason: (error as Error).message };
  }
}

/** A file-system error code in the learner's words. */
export function describeFsError(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EBUSY':
      return 'the file is in use by another program';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'a folder has the file’s name';
    default:
      return `file error ${code}`;
  }
}

let sequence = 0;

/** A temp name no other writer (another process, another store in this one) uses at the same time. */
export function tempName(file: string): string {
  sequence += 1;
  return `${file}.${process.pid}-${sequence}.tmp`;
}

/** Writes `text` to `file` atomically: readers see the old file or the new one, never a part. */
export async function writeAtomic(file: string, text: string | Buffer): Promise<void> {
  const temp = tempName(file);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncFolder(dirname(file));
}

/** Makes a rename durable; folders cannot be opened for sync on Windows, which is fine to skip. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here (Windows, some network drives): the rename itself is still atomic.
  }
}
