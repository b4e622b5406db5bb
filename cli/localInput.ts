/**
 * Reads a file the user named (a `--put` input, a job file, a cluster spec) safely: only a regular file (not /dev/zero, a FIFO, a socket or a
 * directory) of at most MAX_PUT_BYTES, checked with stat before it is opened and with fstat once
 * it is (opened non-blocking, so a FIFO swapped in between cannot hang the command), then read
 * with a bounded read that never takes more than the limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UsageError } from './cliIo';
import { didYouMean } from './missingFile';

/** Job files, scenario and settings files and cluster specs are code or JSON: 4 MB is plenty. */
export const MAX_SOURCE_BYTES = 4 * 1024 ** 2;

const mb = (n: number) => `${Math.round((n / 1024 ** 2) * 100) / 100} MB`;

function kind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export interface LocalFileRules {
  /** How errors name the file: `--put data.csv`, `job file job.js`. */
  what: string;
  /** The message when the file does not exist (a did-you-mean is added). */
  notFound: string;
  maxBytes: number;
}

function checkStats(rules: LocalFileRules, st: Stats): void {
  if (!st.isFile()) throw new UsageError(`${rules.what}: must be a regular file, but it is ${kind(st)}`);
  if (st.size > rules.maxBytes)
    throw new UsageError(
      `${rules.what}: the file has ${st.size} bytes, more than the limit of ${rules.maxBytes} bytes (${mb(rules.maxBytes)})`,
    );
}

/** The bytes of the regular file `full`, or a UsageError naming it, the limit and the value. */
export function readLocalFile(full: string, rules: LocalFileRules): Uint8Array {
  let st: Stats;
  try {
    st = statSync(full);
  } catch {
    throw new UsageError(`${rules.notFound}${didYouMean(full)}`);
  }
  checkStats(rules, st);
  try {
    return readBounded(full, rules);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(`${rules.what}: cannot be read (${typeof code === 'string' ? code : 'read error'})`);
  }
}

/**
 * Reads at most `maxBytes` + 1 bytes: one more than the limit, so a file that grew since fstat is
 * caught, never read whole. Files that report no size (/proc) are read in growing steps.
 */
function readBounded(full: string, rules: LocalFileRules): Uint8Array {
  const fd = openSync(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = fstatSync(fd);
    checkStats(rules, opened);
    const most = rules.maxBytes + 1;
    let buffer = new Uint8Array(Math.min(opened.size > 0 ? opened.size + 1 : 64 * 1024, most));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (buffer.length === most) break;
        const bigger = new Uint8Array(Math.min(buffer.length * 2, most));
        bigger.set(buffer);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > rules.maxBytes)
      throw new UsageError(`${rules.what}: the file grew past the limit of ${rules.maxBytes} bytes while it was read`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** A text file the user named (job, scenario, settings, cluster spec), read as UTF-8 within MAX_SOURCE_BYTES. */
export function readLocalText(full: string, what: string, notFound: string): string {
  return new TextDecoder().decode(readLocalFile(full, { what, notFound, maxBytes: MAX_SOURCE_BYTES }));
}
