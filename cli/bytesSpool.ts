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
 * Fewer bytes in several arrays still go as one (`JoinedBytesMessage`): Node's IPC serializes each
 * typed array on its own (3-4 us each, a batch of 1 KB blocks' tasks holds hundreds of them), and
 * the batch's arrays are mostly neighbours in one HDFS file's buffer, so joining them copies nothing.
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

/** What a spooled message is sent as: the message with its byte arrays left out (null), and where they are. */
export interface SpooledMessage {
  type: 'spooled';
  file: string;
  /** The byte arrays' lengths, in the order `byteSlots` lists them; together the file's length. */
  lengths: number[];
  message: unknown;
}

/** A message whose byte arrays travel as one (`bytes`, cut by `lengths`), the message with them left out (null). */
export interface JoinedBytesMessage {
  type: 'joinedBytes';
  bytes: Uint8Array;
  lengths: number[];
  message: unknown;
}

/** What holds one byte array of a message: a map task's holder (its `task.bytes`) or a Spark driver's file (its `bytes`). */
type Holder = { task: { bytes: Uint8Array | null } } | { bytes: Uint8Array | null };

/**
 * The byte arrays of a message, in order: `holders` on a copy of the message (`copy`), each
 * holding one in `task.bytes` (`inTask`: a map task, whose task is copied before it changes) or in
 * `bytes` (a file). Plain lists, not a pair of closures per array: a batch of 1 KB blocks' tasks
 * holds hundreds.
 */
interface ByteSlots {
  copy: unknown;
  holders: Holder[];
  inTask: boolean;
}

/** A byte array, or (`leftOut`: in a message read back) the null that stands for one. */
const isBytes = (b: unknown, leftOut: boolean): boolean => b instanceof Uint8Array || (leftOut && b === null);

function slotBytes(found: ByteSlots, i: number): Uint8Array {
  const h = found.holders[i]!;
  return (found.inTask ? (h as { task: { bytes: Uint8Array } }).task.bytes : (h as { bytes: Uint8Array }).bytes)!;
}

function setSlot(found: ByteSlots, i: number, bytes: Uint8Array | null): void {
  const h = found.holders[i]!;
  if (found.inTask) {
    const holder = h as { task: { bytes: Uint8Array | null } };
    holder.task = { ...holder.task, bytes };
  } else (h as { bytes: Uint8Array | null }).bytes = bytes;
}

/**
 * The byte arrays of a message that carries a job's input (ByteSlots), or null for any other
 * message. Only the shapes the engine sends are known. `leftOut`: the message was sent with its
 * arrays left out (null), to be filled in.
 */
function byteSlots(message: unknown, leftOut = false): ByteSlots | null {
  const m = message as { type?: unknown } | null;
  if (typeof m !== 'object' || m === null) return null;
  if (m.type === 'map') {
    const copy = { ...(m as { task: { bytes: Uint8Array } }) };
    return isBytes(copy.task?.bytes, leftOut) ? { copy, holders: [copy], inTask: true } : null;
  }
  if (m.type === 'mapBatch') {
    const tasks = (m as { tasks?: unknown }).tasks;
    if (!Array.isArray(tasks)) return null;
    const copies: { task: { bytes: Uint8Array | null } }[] = new Array(tasks.length);
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i] as { task: { bytes: Uint8Array | null } };
      if (!isBytes(t?.task?.bytes, leftOut)) return null;
      copies[i] = { ...t };
    }
    return { copy: { ...m, tasks: copies }, holders: copies, inTask: true };
  }
  if (m.type === 'hostReply') {
    const files = (m as { files?: unknown }).files;
    if (!Array.isArray(files)) return null;
    const copies = files.map((f: { bytes: Uint8Array | null }) => ({ ...f }));
    if (!copies.every((f) => isBytes(f.bytes, leftOut))) return null;
    return { copy: { ...m, files: copies }, holders: copies, inTask: false };
  }
  return null;
}

/**
 * `arrays` as runs of neighbours: arrays that follow each other in one buffer (a batch's splits of
 * one HDFS file) make one view of it, so they are written, or sent, as one.
 */
export function neighbourRuns(arrays: readonly Uint8Array[]): Uint8Array[] {
  const runs: Uint8Array[] = [];
  // One view per run, made when the run ends: not one more for every array it takes in.
  for (let i = 0; i < arrays.length;) {
    const first = arrays[i]!;
    let length = first.byteLength;
    let j = i + 1;
    for (; j < arrays.length; j++) {
      const a = arrays[j]!;
      if (a.buffer !== first.buffer || a.byteOffset !== first.byteOffset + length) break;
      length += a.byteLength;
    }
    runs.push(j === i + 1 ? first : new Uint8Array(first.buffer, first.byteOffset, length));
    i = j;
  }
  return runs;
}

/** `arrays` as one array: a view when they are neighbours in one buffer, else a copy. */
function joined(arrays: readonly Uint8Array[], total: number): Uint8Array {
  const runs = neighbourRuns(arrays);
  if (runs.length === 1) return runs[0]!;
  const all = new Uint8Array(total);
  let at = 0;
  for (const r of runs) {
    all.set(r, at);
    at += r.byteLength;
  }
  return all;
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

  /**
   * `message`; or a SpooledMessage whose bytes are in a file, when it carries at least
   * SPOOL_MIN_BYTES of input; or a JoinedBytesMessage, when it carries fewer in several arrays.
   */
  wrap(message: unknown): unknown {
    const found = byteSlots(message);
    if (found === null) return message;
    const arrays = found.holders.map((_, i) => slotBytes(found, i));
    const total = arrays.reduce((sum, a) => sum + a.byteLength, 0);
    const spooled = total >= SPOOL_MIN_BYTES ? this.spool(arrays, total) : null;
    if (spooled === null && arrays.length < 2) return message;
    for (let i = 0; i < found.holders.length; i++) setSlot(found, i, null);
    const lengths = arrays.map((a) => a.byteLength);
    if (spooled !== null)
      return { type: 'spooled', file: spooled, lengths, message: found.copy } satisfies SpooledMessage;
    return {
      type: 'joinedBytes',
      bytes: joined(arrays, total),
      lengths,
      message: found.copy,
    } satisfies JoinedBytesMessage;
  }

  /** Writes `arrays` (`total` bytes) to a new spool file and returns its path; null when it cannot. */
  private spool(arrays: readonly Uint8Array[], total: number): string | null {
    const dir = spoolFolder();
    if (dir === null || !spoolHasRoom(total)) return null;
    const file = join(dir, `${this.name}-${this.next++}`);
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        // One write per run of neighbours (a batch of 1 KB blocks' tasks: one, not hundreds).
        for (const a of neighbourRuns(arrays)) {
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
      return null;
    }
    spooledCount++;
    return file;
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
 * The child's side: a SpooledMessage or a JoinedBytesMessage becomes the message it carries, its
 * bytes read from the file (then deleted) or cut from `bytes`; anything else is returned as it is.
 * Only a spool file of the CLI that forked this child (`hostPid`) is read. Throws when the bytes
 * cannot be read back as the host wrote them.
 */
export function unspool(raw: unknown, hostPid: number = process.ppid): unknown {
  const s = raw as Partial<SpooledMessage> | Partial<JoinedBytesMessage> | null;
  if (typeof s !== 'object' || s === null || (s.type !== 'spooled' && s.type !== 'joinedBytes')) return raw;
  const { lengths, message } = s;
  const what = s.type === 'spooled' ? 'spooled' : 'joined-bytes';
  if (!Array.isArray(lengths) || !lengths.every((n) => Number.isSafeInteger(n) && n >= 0))
    throw new Error(`the sandbox was sent a malformed ${what} message`);
  const total = lengths.reduce((a, b) => a + b, 0);
  let bytes: Uint8Array;
  if (s.type === 'joinedBytes') {
    if (!(s.bytes instanceof Uint8Array) || s.bytes.byteLength !== total)
      throw new Error(`the sandbox was sent a malformed ${what} message`);
    bytes = s.bytes;
  } else {
    const { file } = s as Partial<SpooledMessage>;
    if (typeof file !== 'string' || !isSpoolFileOf(file, hostPid))
      throw new Error(`the sandbox was sent a malformed ${what} message`);
    bytes = readSpoolFile(file, total);
  }
  const found = byteSlots(message, true);
  if (found === null || found.holders.length !== lengths.length)
    throw new Error(`the sandbox was sent a malformed ${what} message`);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    setSlot(found, i, bytes.subarray(at, at + lengths[i]!));
    at += lengths[i]!;
  }
  return found.copy;
}

/** The `total` bytes of spool file `file`, which is then deleted. */
function readSpoolFile(file: string, total: number): Uint8Array {
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
  return bytes;
}
