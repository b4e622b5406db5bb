/**
 * An advisory lock file that serialises saves between writers of one progress folder (two store
 * instances, or two processes). The lock holds the owner's pid; a lock whose owner is dead (a
 * kill -9 mid-save) or that is older than STALE_MS is taken over.
 */
import { open, readFile, stat, unlink } from 'node:fs/promises';

const STALE_MS = 10_000;
const WAIT_MS = 15_000;
const RETRY_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const token = `${process.pid} ${Date.now()} ${Math.random()}`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (await tryCreate(lockFile, token)) break;
    if (await isStale(lockFile)) {
      await unlink(lockFile).catch(() => {});
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`another ClusterLab is still saving progress (lock file ${lockFile}); try again`);
    await sleep(RETRY_MS);
  }
  try {
    return await work();
  } finally {
    // Remove the lock only while it is still ours (a stale-lock takeover may have replaced it).
    const owner = await readFile(lockFile, 'utf8').catch(() => null);
    if (owner === token) await unlink(lockFile).catch(() => {});
  }
}

async function tryCreate(lockFile: string, token: string): Promise<boolean> {
  try {
    const handle = await open(lockFile, 'wx');
    try {
      await handle.writeFile(token);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function isStale(lockFile: string): Promise<boolean> {
  const text = await readFile(lockFile, 'utf8').catch(() => null);
  if (text === null) return false; // just released: try again
  const pid = Number(text.split(' ')[0]);
  if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return true;
  // An empty or unparseable lock: its writer died between creating and writing it, or it is old.
  const info = await stat(lockFile).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > (text === '' ? 1_000 : STALE_MS);
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
