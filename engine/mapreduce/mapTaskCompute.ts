/**
 * The real work of one map task, run inside a sandbox worker: every line of the split goes
 * through the learner's map (key = byte offset, value = the line), output records are grouped by
 * partition and key, sorted, passed through the combiner if there is one (as Hadoop does at each
 * spill) and packed for the trip back. Counters are Hadoop's.
 */
import type { MapTaskOutput } from '../sandbox/contract/taskRunner';
import { toPlainData } from '../sandbox/contract/plainData';
import { JobResultError } from '../sandbox/contract/jobCodeError';
import { approxBytes, compareKeys, defaultPartition, keyId } from '../exec/keyOrder';
import { packGroups, type Group } from './packedGroups';

export interface WriteContext {
  write(key: unknown, value: unknown): void;
}

/** The learner's functions, already bound to their job object. */
export interface MapReduceFunctions {
  /** The job file, for messages (`job.js: map returned a Promise — ...`). */
  fileName: string;
  map: (offset: number, line: string, ctx: WriteContext) => void;
  combine: ((key: unknown, values: unknown[], ctx: WriteContext) => void) | null;
  reduce: (key: unknown, values: unknown[], ctx: WriteContext) => void;
  partition: ((key: unknown, numReduceTasks: number) => number) | null;
}

/** What ctx.write takes (a record crosses to the reduce side as data, as Hadoop serializes it at write). */
const RECORD_KINDS = 'numbers, strings, booleans, null, arrays or plain objects';

/**
 * A key or value given to ctx.write as plain data (a copy: Hadoop serializes a record when it is
 * written, so changing the object afterwards changes nothing). Strings, numbers, booleans and null
 * pass as they are; a Symbol, a function, a Promise, a cycle or an unreadable Proxy throws a
 * TypeError from here, inside the learner's call, so its stack names their line.
 */
export function recordData(value: unknown, which: 'key' | 'value'): unknown {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
  }
  if (value === null) return value;
  const plain = toPlainData(value, which);
  if (plain.ok) return plain.value;
  // A getter or Proxy trap of the learner's threw: their error, with their line.
  if (plain.thrown !== undefined) throw plain.thrown;
  const at = plain.path === which ? `the ${which} is` : `at ${plain.path}, the ${which} holds`;
  throw new TypeError(`ctx.write(key, value): ${at} ${plain.problem}; write ${RECORD_KINDS}`);
}

export class PartitionError extends Error {
  override name = 'PartitionError';
}

/**
 * Whether what a learner's map, combine or reduce returned is a thenable (an async function's
 * Promise, or any object with a callable `then`). Never throws: reading `then` may hit a throwing
 * getter or a Proxy trap, and such a value is not taken for a thenable.
 */
export function isThenable(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/**
 * A map, combine or reduce returned a thenable: its writes would come after the task ended and be
 * lost (Hadoop's map and reduce are synchronous). The task fails with this learner-facing message.
 */
export function notSynchronous(fileName: string, which: 'map' | 'combine' | 'reduce'): JobResultError {
  return new JobResultError(
    fileName,
    null,
    `${which} returned a Promise — map, combine and reduce must be synchronous in MapReduce (no async/await); write with ctx.write before ${which} returns`,
  );
}

/** ctx.write called after its task ended (a ctx kept and used later, after an await or in a callback). */
export function writeAfterEnd(which: 'map' | 'combine' | 'reduce'): Error {
  return new Error(
    `ctx.write was called after its ${which} task ended (a ctx kept and used later, after an await or in a callback), so the record would be lost; write with ctx.write before ${which} returns`,
  );
}

/** UTF-8 length of a string (for byte offsets of non-ASCII lines). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

interface PGroup extends Group {
  part: number;
}

function makeGrouper(fns: MapReduceFunctions, numReduceTasks: number, which: 'map' | 'combine') {
  const groups = new Map<string | number, PGroup>();
  let ended = false;
  let records = 0;
  let bytes = 0;
  const partitionOf = (key: unknown): number => {
    if (!fns.partition) return defaultPartition(key, numReduceTasks);
    const p = fns.partition(key, numReduceTasks);
    if (!Number.isInteger(p) || p < 0 || p >= numReduceTasks) {
      throw new PartitionError(
        `partition(${JSON.stringify(key)}, ${numReduceTasks}) must return an integer in [0, ${numReduceTasks}), got ${String(p)}`,
      );
    }
    return p;
  };
  const ctx: WriteContext = {
    write(rawKey: unknown, rawValue: unknown) {
      if (ended) throw writeAfterEnd(which);
      const key = recordData(rawKey, 'key');
      const value = recordData(rawValue, 'value');
      const id = typeof key === 'string' || typeof key === 'number' ? key : keyId(key);
      let g = groups.get(id);
      if (g === undefined) {
        g = { key, part: partitionOf(key), values: [] };
        groups.set(id, g);
      }
      g.values.push(value);
      records++;
      bytes += approxBytes(key) + approxBytes(value);
    },
  };
  return {
    ctx,
    groups,
    /** The task is over: a later ctx.write throws instead of being lost. */
    end() {
      ended = true;
    },
    get records() {
      return records;
    },
    get bytes() {
      return bytes;
    },
  };
}

function byPartition(groups: Iterable<PGroup>, n: number): PGroup[][] {
  const parts: PGroup[][] = Array.from({ length: n }, () => []);
  for (const g of groups) parts[g.part]!.push(g);
  return parts;
}

export function runMapTask(
  fns: MapReduceFunctions,
  text: string,
  baseOffset: number,
  byteLength: number,
  numReduceTasks: number,
  taskIndex: number,
): MapTaskOutput {
  const out = makeGrouper(fns, numReduceTasks, 'map');
  const ascii = byteLength === text.length;
  let inputRecords = 0;
  let offset = baseOffset;
  let pos = 0;
  const len = text.length;
  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let line = text.slice(pos, nl);
    const step = ascii ? nl - pos + 1 : utf8Length(line) + 1;
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    const returned: unknown = fns.map(offset, line, out.ctx);
    if (returned !== undefined && isThenable(returned)) throw notSynchronous(fns.fileName, 'map');
    inputRecords++;
    offset += step;
    pos = nl + 1;
  }
  out.end();
  let parts = byPartition(out.groups.values(), numReduceTasks);
  const mapOutputRecords = out.records;
  let combineOutputRecords = 0;
  if (fns.combine) {
    const combined = makeGrouper(fns, numReduceTasks, 'combine');
    for (const part of parts) {
      part.sort((a, b) => compareKeys(a.key, b.key));
      for (const g of part) {
        const returned: unknown = fns.combine(g.key, g.values, combined.ctx);
        if (returned !== undefined && isThenable(returned)) throw notSynchronous(fns.fileName, 'combine');
      }
    }
    combined.end();
    combineOutputRecords = combined.records;
    parts = byPartition(combined.groups.values(), numReduceTasks);
  }
  const partitionRecords = parts.map((p) => p.reduce((s, g) => s + g.values.length, 0));
  const partitionBytes = parts.map((p) =>
    p.reduce(
      (s, g) => s + g.values.length * approxBytes(g.key) + g.values.reduce<number>((t, v) => t + approxBytes(v), 0),
      0,
    ),
  );
  return {
    taskIndex,
    partitions: parts.map((p) => packGroups(p)),
    counters: {
      mapInputRecords: inputRecords,
      mapOutputRecords,
      mapOutputBytes: out.bytes,
      combineInputRecords: fns.combine ? mapOutputRecords : 0,
      combineOutputRecords,
    },
    partitionBytes,
    partitionRecords,
  };
}
