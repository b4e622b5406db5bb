/**
 * The real work of one reduce task, run inside a sandbox worker: merge the partition's sorted
 * runs from every map task in the sort comparator's order, call the learner's reduce once per
 * group of keys the grouping comparator calls equal (the group's first key, its values as an
 * Iterable walked once, in map task order), and format the output as a TextOutputFormat part
 * file, in the order reduce wrote it.
 */
import type { PackedGroups, ReduceTaskOutput } from '../sandbox/contract/taskRunner';
import { mergePackedRuns, type RunGroup } from './packedGroups';
import { forEachKeyRun, type ValueRun } from './valueIterable';
import {
  isReturnedData,
  isThenable,
  notSynchronous,
  returnedNotWritten,
  recordData,
  writeAfterEnd,
  type MapReduceFunctions,
  type WriteContext,
} from './mapTaskCompute';
import { formatRecord } from '../exec/recordText';
import { keyComparators } from './keyComparators';
import { UserCounters } from './userCounters';

/** A merged group's value runs, one per map output that holds its key. */
function pushRuns(g: RunGroup, into: ValueRun[]): void {
  for (const run of g.runs) into.push(run);
}

export function runReduceTask(fns: MapReduceFunctions, parts: PackedGroups[], taskIndex: number): ReduceTaskOutput {
  const cmps = keyComparators(fns.sortComparator, fns.groupingComparator);
  const groups = mergePackedRuns(parts, cmps.sort);
  const counters = new UserCounters();
  const lines: string[] = [];
  let inputRecords = 0;
  let outputRecords = 0;
  let ended = false;
  let currentKey: unknown = undefined;
  const ctx: WriteContext = {
    write(key: unknown, value: unknown) {
      if (ended) throw writeAfterEnd('reduce');
      outputRecords++;
      const line = formatRecord(recordData(key, 'key'), recordData(value, 'value'));
      if (line !== null) lines.push(line);
    },
    getCounter: (group, name) => counters.get(group, name),
    getCurrentKey: () => currentKey,
  };
  for (const g of groups) inputRecords += g.count;
  /** The first data a reduce call returned (rather than writing it), to name if the task wrote nothing. */
  let reduceReturned: unknown = undefined;
  const calls = forEachKeyRun(
    groups,
    (a, b) => cmps.group(a, b) === 0,
    'reduce',
    (k) => (currentKey = k),
    pushRuns,
    (key, values) => {
      const returned: unknown = fns.reduce(key, values, ctx);
      if (returned !== undefined) {
        if (isThenable(returned)) throw notSynchronous(fns.fileName, 'reduce');
        if (reduceReturned === undefined && isReturnedData(returned)) reduceReturned = returned;
      }
    },
  );
  ended = true;
  if (outputRecords === 0 && reduceReturned !== undefined)
    throw returnedNotWritten(fns.fileName, 'reduce', reduceReturned);
  return {
    taskIndex,
    text: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
    reduceInputGroups: calls,
    reduceInputRecords: inputRecords,
    reduceOutputRecords: outputRecords,
    userCounters: counters.list(),
  };
}
