/**
 * The folder where this CLI process spools its sandbox processes' input (cli/bytesSpool.ts): made
 * on first use in /dev/shm (memory) where Linux has it, else in the system's temporary folder,
 * and removed when the CLI exits, on a signal too (cli/sandboxProcess.ts). Its name says whose it
 * is, `clusterlab-spool-<pid namespace>-<pid>-…`, so that the next CLI can remove the folder of one
 * that was killed: a folder of its own PID namespace whose process is gone, or any older than a day
 * (one left by a container that shared /dev/shm and ended). A folder of a live process, or of a
 * process this one cannot see, is left alone.
 */
import { lstatSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const SPOOL_PREFIX = 'clusterlab-spool-';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Room the spool always leaves on its filesystem: 64 MB, and a quarter of it (Docker's /dev/shm is 64 MB). */
const KEEP_FREE_BYTES = 64 * 1024 * 1024;

/** This process's PID namespace on Linux (its inode number), else '0': PIDs mean something only within one. */
export function pidNamespace(): string {
  try {
    return /\d+/.exec(readlinkSync('/proc/self/ns/pid'))?.[0] ?? '0';
  } catch {
    return '0';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the spool folders of CLI processes that ended without removing theirs (killed). */
function sweepStale(base: string, namespace: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    const owner = new RegExp(`^${SPOOL_PREFIX}(\\d+)-(\\d+)-`).exec(name);
    if (owner === null) continue;
    try {
      const stat = lstatSync(join(base, name));
      if (!stat.isDirectory()) continue;
      const gone = owner[1] === namespace && Number(owner[2]) !== process.pid && !alive(Number(owner[2]));
      if (gone || now - stat.mtimeMs > DAY_MS) rmSync(join(base, name), { recursive: true, force: true });
    } catch {
      // Another user's, or removed meanwhile: not ours to worry about.
    }
  }
}

let folder: string | null | undefined;
/** Set after a failed write: the folder stays (children may still read files in it) until exit. */
let off = false;

/** This CLI process's spool folder, made on first use; null when none can be made or spooling was turned off. */
export function spoolFolder(): string | null {
  if (off) return null;
  if (folder !== undefined) return folder;
  folder = null;
  const namespace = pidNamespace();
  const bases = process.platform === 'linux' ? ['/dev/shm', tmpdir()] : [tmpdir()];
  for (const base of bases) {
    try {
      sweepStale(base, namespace);
      folder = mkdtempSync(join(base, `${SPOOL_PREFIX}${namespace}-${process.pid}-`));
      process.once('exit', removeSpoolFolder);
      break;
    } catch {
      // Not writable here: the next place, else no spooling (the IPC channel still works).
    }
  }
  return folder;
}

/** This CLI process's spool folder, if one was made (for tests and diagnostics). */
export function madeSpoolFolder(): string | null {
  return folder ?? null;
}

/** Whether `bytes` more fit in the spool's filesystem with room left for others. */
export function spoolHasRoom(bytes: number): boolean {
  if (!folder) return false;
  try {
    const fs = statfsSync(folder);
    const free = fs.bavail * fs.bsize;
    return free - bytes >= Math.max(KEEP_FREE_BYTES, (fs.blocks * fs.bsize) / 4);
  } catch {
    return true; // no statfs here: a full disk still fails the write, and spooling stops
  }
}

/** Turns spooling off for the rest of this process (after a failed write); files already sent stay readable. */
export function stopSpooling(): void {
  off = true;
}

/** Removes the folder and turns spooling off for the rest of this process (at exit, and on a signal). */
export function removeSpoolFolder(): void {
  off = true;
  const dir = folder;
  folder = null;
  if (!dir) return;
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // A file still held open (Windows): the next CLI's sweep removes the folder.
  }
}

/** True when `file` is a spool file of the CLI process `hostPid` (what a child accepts to read). */
export function isSpoolFileOf(file: string, hostPid: number): boolean {
  const name = basename(dirname(file));
  return new RegExp(`^${SPOOL_PREFIX}\\d+-${hostPid}-[^/\\\\]+$`).test(name) && /^child\d+-\d+$/.test(basename(file));
}
