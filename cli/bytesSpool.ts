/**
 * A sandbox process's input bytes through a file instead of its IPC channel. Node's IPC is a
 * socket with a small buffer that the child drains only when its event loop is free: a 4 MB
 * block sent to a child busy with the task before reached it 30-50 ms after that task ended, in
 * 64 KB pieces each waiting for both processes, and the CLI spent as long serializing it. Written
 * to a file (in /dev/shm, memory, where Linux has it), the message left is a few bytes, and the
 * child reads the block in 2-3 ms when it takes the task up.
 *
 * Only the messages that carry a job's input are spooled, and only when their bytes are many
 * (`SPOOL_MIN_BYTES`): a map task's or a batch's `bytes`, and the files a Spark driver asked for.
 * The host writes each spooled message's bytes to one file of its own, in a folder of this CLI
 * process (cli/spoolFolder.ts; the files go when the child ends, the folder when the CLI exits);
 * the child reads the file and deletes it before it handles the message. What the engine handed
 * the host is never changed. Where the filesystem has little room (Docker's 64 MB /dev/shm), or a
 * write fails, messages go through IPC as before.
 */
import { closeSync, openSync, readSync, readdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isSpoolFileOf, madeSpoolFolder, spoolFolder, spoolHasRoom, stopSpooling } from './spoolFolder';

/** Messages with fewer input bytes than this go through IPC as they are. */
export const SPOOL_MIN_BYTES = 256 * 1024;

/** What a spooled message is sent as: the message with its byte arrays empty, and where they are. */
export interface SpooledMessage {
  type: 'spooled';
  file: string;
  /** The byte arrays' lengths, in the order `byteSlots` lists them; together the file's length. */
  lengths: number[];
  message: unknown;
}

const EMPTY = new Uint8Array(0);

type Slot = { get: () => Uint8Array; set: (bytes: Uint8Array) => void };

/**
 * The byte arrays of a message that carries a job's input, each with a setter on a copy of the
 * message (`copy`), or null for any other message. Only the shapes the engine sends are known.
 */
function byteSlots(message: unknown): { copy: unknown; slots: Slot[] } | null {
  const m = message as { type?: unknown } | null;
  if (typeof m !== 'object' || m === null) return null;
  const taskSlot = (holder: { task: { bytes: Uint8Array } }): Slot => ({
    get: () => holder.task.bytes,
    set: (bytes) => (holder.task = { ...holder.task, bytes }),
  });
  if (m.type === 'map') {
    const copy = { ...(m as { task: { bytes: Uint8Array } }) };
    return copy.task?.bytes instanceof Uint8Array ? { copy, slots: [taskSlot(copy)] } : null;
  }
  if (m.type === 'mapBatch') {
    const tasks = (m as { tasks?: unknown }).tasks;
    if (!Array.isArray(tasks)) return null;
    const copies = tasks.map((t: { task: { bytes: Uint8Array } }) => ({ ...t }));
    if (!copies.every((t) => t.task?.bytes instanceof Uint8Array)) return null;
    return { copy: { ...m, tasks: copies }, slots: copies.map(taskSlot) };
  }
  if (m.type === 'hostReply') {
    const files = (m as { files?: unknown }).files;
    if (!Array.isArray(files)) return null;
    const copies = files.map((f: { bytes: Uint8Array }) => ({ ...f }));
    if (!copies.every((f) => f.bytes instanceof Uint8Array)) return null;
    const slots = copies.map((f): Slot => ({ get: () => f.bytes, set: (bytes) => (f.bytes = bytes) }));
    return { copy: { ...m, files: copies }, slots };
  }
  return null;
}

let spools = 0;
let spooledCount = 0;

/** How many messages this process has spooled (for tests and diagnostics). */
export function spooledMessages(): number {
  return spooledCount;
}

/** The host's side for one child: `wrap` each message before sending it; `close` when the child ends. */
export class BytesSpool {
  private next = 0;
  private readonly name = `child${++spools}`;

  /** `message`, or a SpooledMessage whose bytes are in a file, when it carries at least SPOOL_MIN_BYTES of input. */
  wrap(message: unknown): unknown {
    const found = byteSlots(message);
    if (found === null) return message;
    const arrays = found.slots.map((s) => s.get());
    const total = arrays.reduce((sum, a) => sum + a.byteLength, 0);
    if (total < SPOOL_MIN_BYTES) return message;
    const dir = spoolFolder();
    if (dir === null || !spoolHasRoom(total)) return message;
    const file = join(dir, `${this.name}-${this.next++}`);
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        for (const a of arrays) {
          for (let at = 0; at < a.byteLength;) at += writeSync(fd, a, at, a.byteLength - at);
        }
      } finally {
        closeSync(fd);
      }
    } catch {
      // A full or failing disk: no more spooling in this process (what other children have still
      // to read stays); the channel still works.
      stopSpooling();
      try {
        rmSync(file, { force: true });
      } catch {
        // Removed with the folder at exit.
      }
      return message;
    }
    spooledCount++;
    for (const s of found.slots) s.set(EMPTY);
    const spooled: SpooledMessage = {
      type: 'spooled',
      file,
      lengths: arrays.map((a) => a.byteLength),
      message: found.copy,
    };
    return spooled;
  }

  /** Removes the files the child did not read (it ended first). */
  close(): void {
    const folder = madeSpoolFolder();
    if (!folder || this.next === 0) return;
    try {
      for (const name of readdirSync(folder))
        if (name.startsWith(`${this.name}-`)) rmSync(join(folder, name), { force: true });
    } catch {
      // The folder is gone already (the CLI is exiting).
    }
  }
}

/**
 * The child's side: a SpooledMessage becomes the message it carries, its bytes read from the file
 * (then deleted); anything else is returned as it is. Only a spool file of the CLI that forked this
 * child (`hostPid`) is read. Throws when the file cannot be read as the host wrote it.
 */
export function unspool(raw: unknown, hostPid: number = process.ppid): unknown {
  const s = raw as Partial<SpooledMessage> | null;
  if (typeof s !== 'object' || s === null || s.type !== 'spooled') return raw;
  const { file, lengths, message } = s;
  if (
    typeof file !== 'string' ||
    !Array.isArray(lengths) ||
    !lengths.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    !isSpoolFileOf(file, hostPid)
  )
    throw new Error('the sandbox was sent a malformed spooled message');
  const total = lengths.reduce((a, b) => a + b, 0);
  const bytes = new Uint8Array(total);
  let read = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      while (read < total) {
        const n = readSync(fd, bytes, read, total - read, read);
        if (n === 0) break;
        read += n;
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new Error(
      `internal error: the sandbox could not read the input the CLI left for it in its temporary folder (${(error as Error).message})`,
    );
  }
  try {
    unlinkSync(file);
  } catch {
    // Held by a virus scanner (Windows): the CLI removes it when this child ends, or at exit.
  }
  if (read !== total) throw new Error(`the sandbox's task input ended at byte ${read} of ${total}`);
  const found = byteSlots(message);
  if (found === null || found.slots.length !== lengths.length)
    throw new Error('the sandbox was sent a malformed spooled message');
  let at = 0;
  found.slots.forEach((slot, i) => {
    slot.set(bytes.subarray(at, at + lengths[i]!));
    at += lengths[i]!;
  });
  return found.copy;
}
