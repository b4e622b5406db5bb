/**
 * The real work of one map task, run inside a sandbox worker: every record of the split
 * (LineRecordReader, exec/lineRecordReader.ts) goes through the learner's map (key = byte
 * offset, value = the line); output records go through the partitioner into the sort buffer,
 * which spills, sorts and combines as Hadoop's MapOutputBuffer does (mapOutputBuffer.ts), and
 * the merged output is packed for the trip back. A map-only job (numReduceTasks 0) writes its
 * records straight to its part-m file text, unsorted, as Hadoop's direct output collector does.
 */
import { keyClassCheck } from './mapOutputKeyClass';
import type { MapReduceConf, MapTaskOutput } from '../sandbox/contract/taskRunner';
import { toPlainData } from '../sandbox/contract/plainData';
import { JobResultError } from '../sandbox/contract/jobCodeError';
import { approxBytes, compareKeys, keyId } from '../exec/keyOrder';
import { hadoopPartition } from '../exec/hadoopHash';
import { describeValue } from '../core';
import { forEachRecord } from '../exec/lineRecordReader';
import { formatRecord } from '../exec/recordText';
import { packGroupsSaying, type Group } from './packedGroups';
import { keyComparators } from './keyComparators';
import { MapOutputBuffer, type CombineRun } from './mapOutputBuffer';
import { UserCounters, type TaskCounter } from './userCounters';
import { forEachKeyRun, isValueIterable, type ValueRun } from './valueIterable';

/** What map, combine and reduce get as `ctx` (Hadoop's Mapper.Context / Reducer.Context). */
export interface WriteContext {
  /** Context.write(key, value). */
  write(key: unknown, value: unknown): void;
  /** Context.getCounter(groupName, counterName). */
  getCounter(group: string, name: string): TaskCounter;
  /** Context.getCurrentKey(): in reduce and combine, the key of the value last taken from `values`. */
  getCurrentKey(): unknown;
}

/** The learner's functions, already bound to their job object. */
export interface MapReduceFunctions {
  /** The job file, for messages (`job.js: map returned a Promise — ...`). */
  fileName: string;
  map: (offset: number, line: string, ctx: WriteContext) => void;
  combine: ((key: unknown, values: Iterable<unknown>, ctx: WriteContext) => void) | null;
  reduce: (key: unknown, values: Iterable<unknown>, ctx: WriteContext) => void;
  partition: ((key: unknown, numReduceTasks: number) => number) | null;
  sortComparator: ((a: unknown, b: unknown) => number) | null;
  groupingComparator: ((a: unknown, b: unknown) => number) | null;
  conf: MapReduceConf;
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
  if (isValueIterable(value))
    throw new TypeError(
      `ctx.write(key, value): the ${which} is the values Iterable itself, which is not data (Hadoop could not write it either); write a value taken from it, or an array of them: [...values]`,
    );
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

/** Whether a map, combine or reduce returned data (a pair, a record, a line) rather than nothing, true or false. */
export function isReturnedData(returned: unknown): boolean {
  return typeof returned === 'string' || (typeof returned === 'object' && returned !== null);
}

/**
 * A map, combine or reduce that returned data and wrote no record in its whole task: what it
 * returns is dropped (Hadoop's map and reduce return void), so its task's output was silently
 * empty. The task fails with this learner-facing message.
 */
export function returnedNotWritten(
  fileName: string,
  which: 'map' | 'combine' | 'reduce',
  returned: unknown,
): JobResultError {
  let shown: string;
  try {
    const json = JSON.stringify(returned);
    shown = json === undefined ? describeValue(returned) : json.length > 60 ? `${json.slice(0, 60)}…` : json;
  } catch {
    shown = describeValue(returned);
  }
  return new JobResultError(
    fileName,
    null,
    `${which} returned ${shown} and wrote no record: what ${which} returns is dropped (${which === 'combine' ? "a combiner is Hadoop's Reducer, whose reduce" : `Hadoop's ${which}`} returns nothing), so its output was empty. Write each record with ctx.write(key, value)`,
  );
}

/** ctx.write called after its task ended (a ctx kept and used later, after an await or in a callback). */
export function writeAfterEnd(which: 'map' | 'combine' | 'reduce'): Error {
  return new Error(
    `ctx.write was called after its ${which} task ended (a ctx kept and used later, after an await or in a callback), so the record would be lost; write with ctx.write before ${which} returns`,
  );
}

/** Whether `groups` is in the default key order (each key at most the next). */
function inKeyOrder(groups: readonly Group[]): boolean {
  for (let i = 1; i < groups.length; i++) if (compareKeys(groups[i - 1]!.key, groups[i]!.key) > 0) return false;
  return true;
}

/** A map-side group's values, as the one run forEachKeyRun walks. */
function groupRun(g: Group, into: ValueRun[]): void {
  into.push({ key: g.key, values: g.values, start: 0, count: g.values.length });
}

export function runMapTask(
  fns: MapReduceFunctions,
  text: string,
  baseOffset: number,
  byteLength: number,
  numReduceTasks: number,
  taskIndex: number,
): MapTaskOutput {
  const counters = new UserCounters();
  const cmps = keyComparators(fns.sortComparator, fns.groupingComparator);
  const mapOnly = numReduceTasks === 0;
  const partitionOf = (key: unknown): number => {
    if (!fns.partition) return hadoopPartition(key, numReduceTasks);
    const p = fns.partition(key, numReduceTasks);
    if (!Number.isInteger(p) || p < 0 || p >= numReduceTasks) {
      throw new PartitionError(
        `partition(${JSON.stringify(key)}, ${numReduceTasks}) must return an integer in [0, ${numReduceTasks}), got ${describeValue(p)}${typeof p === 'string' ? ' (a string, not a number)' : ''}`,
      );
    }
    return p;
  };

  const defaultPartition = (key: unknown): number => hadoopPartition(key, numReduceTasks);

  // The combiner: Hadoop's CombinerRunner over one partition's sorted groups, writing to that partition.
  let combineOut: Map<string | number, Group> | null = null;
  let combineKey: unknown = undefined;
  const combineCtx: WriteContext = {
    write(rawKey, rawValue) {
      if (combineOut === null) throw writeAfterEnd('combine');
      const key = recordData(rawKey, 'key');
      const value = recordData(rawValue, 'value');
      const id = typeof key === 'string' || typeof key === 'number' ? key : keyId(key);
      let g = combineOut.get(id);
      if (g === undefined) combineOut.set(id, (g = { key, values: [] }));
      g.values.push(value);
    },
    getCounter: (group, name) => counters.get(group, name),
    getCurrentKey: () => combineKey,
  };
  const combine = fns.combine;
  /** The first data a combine call returned (rather than writing it), to name if none wrote. */
  let combineReturned: unknown = undefined;
  const combineRun: CombineRun | null = combine
    ? (groups) => {
        const out = new Map<string | number, Group>();
        combineOut = out;
        forEachKeyRun(
          groups,
          (a, b) => cmps.sort(a, b) === 0,
          'combine',
          (k) => (combineKey = k),
          groupRun,
          (key, values) => {
            const returned: unknown = combine(key, values, combineCtx);
            if (returned !== undefined) {
              if (isThenable(returned)) throw notSynchronous(fns.fileName, 'combine');
              if (combineReturned === undefined && isReturnedData(returned)) combineReturned = returned;
            }
          },
        );
        combineOut = null;
        if (out.size === 0 && combineReturned !== undefined)
          throw returnedNotWritten(fns.fileName, 'combine', combineReturned);
        const written = [...out.values()];
        // A combiner that writes each key it is given comes out in key order already: with the
        // default order (no learner comparator to call) a look finds that, and a stable sort
        // would change nothing.
        if (cmps.sort === compareKeys && inKeyOrder(written)) return written;
        return written.sort((a, b) => cmps.sort(a.key, b.key));
      }
    : null;

  const buffer = new MapOutputBuffer(Math.max(1, numReduceTasks), cmps.sort, combineRun, {
    softLimit: fns.conf.sortMb * 1024 * 1024 * fns.conf.spillPercent,
    minSpillsForCombine: fns.conf.combineMinSpills,
  });
  const lines: string[] = [];
  let ended = false;
  let outputRecords = 0;
  let outputBytes = 0;
  const checkKeyClass = keyClassCheck();
  const ctx: WriteContext = {
    write(rawKey, rawValue) {
      if (ended) throw writeAfterEnd('map');
      const key = recordData(rawKey, 'key');
      const value = recordData(rawValue, 'value');
      outputRecords++;
      if (!mapOnly) checkKeyClass(key);
      if (mapOnly) {
        const line = formatRecord(key, value);
        if (line !== null) lines.push(line);
        return;
      }
      const bytes = approxBytes(key) + approxBytes(value);
      outputBytes += bytes;
      // The learner's partition runs for every record, as on Hadoop (it may count or log);
      // Hadoop's HashPartitioner gives a key the same partition every time.
      buffer.add(key, value, fns.partition ? partitionOf(key) : defaultPartition, bytes);
    },
    getCounter: (group, name) => counters.get(group, name),
    getCurrentKey: () => mapKey,
  };
  let mapKey = baseOffset;
  /** The first data a map call returned (rather than writing it), to name if the task wrote nothing. */
  let mapReturned: unknown = undefined;
  const inputRecords = forEachRecord(text, baseOffset, byteLength, fns.conf.recordDelimiter, (offset, line) => {
    mapKey = offset;
    const returned: unknown = fns.map(offset, line, ctx);
    if (returned !== undefined) {
      if (isThenable(returned)) throw notSynchronous(fns.fileName, 'map');
      if (mapReturned === undefined && isReturnedData(returned)) mapReturned = returned;
    }
  });
  ended = true;
  if (outputRecords === 0 && mapReturned !== undefined) throw returnedNotWritten(fns.fileName, 'map', mapReturned);
  // No `{ ...common, partitions, ... }`: V8 (Node 20) adds each property after a leading spread on
  // its slow path, about 1 µs each: 6 µs a map task, the largest per-task cost in the sandboxes.
  const userCounters = counters.list();
  if (mapOnly)
    return {
      taskIndex,
      userCounters,
      partitions: [],
      text: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
      counters: {
        mapInputRecords: inputRecords,
        mapOutputRecords: outputRecords,
        // Hadoop's direct output collector counts records only.
        mapOutputBytes: 0,
        combineInputRecords: 0,
        combineOutputRecords: 0,
        spills: 0,
        spilledRecords: 0,
      },
      partitionBytes: [],
      partitionRecords: [],
    };
  const parts = buffer.finish();
  const packed = parts.map((p) => packGroupsSaying(p, null));
  const partitions = packed.map((p) => p.packed);
  const partitionRecords = parts.map((p) => p.reduce((s, g) => s + g.values.length, 0));
  // Each record's key and value (whole numbers: the sum is exact in any order); values that are
  // all numbers are 8 bytes each, without asking every one of a million (packGroups looked at
  // each already: a small task's few hundred go as a plain list, but are numbers all the same).
  const partitionBytes = parts.map((p, i) => {
    let bytes = 0;
    for (const g of p) bytes += g.values.length * approxBytes(g.key);
    if (packed[i]!.allNumbers) return bytes + 8 * partitionRecords[i]!;
    for (const g of p) for (const v of g.values) bytes += approxBytes(v);
    return bytes;
  });
  return {
    taskIndex,
    userCounters,
    partitions,
    text: null,
    counters: {
      mapInputRecords: inputRecords,
      mapOutputRecords: outputRecords,
      mapOutputBytes: outputBytes,
      combineInputRecords: buffer.combineInputRecords,
      combineOutputRecords: buffer.combineOutputRecords,
      spills: buffer.spillCount,
      spilledRecords: buffer.spilledRecords,
    },
    partitionBytes,
    partitionRecords,
  };
}
