/**
 * The real work of one reduce task, run inside a sandbox worker: merge the partition's sorted
 * runs from every map task, call the learner's reduce once per key with all its values (in map
 * task order), and format the output as a TextOutputFormat part file.
 */
import type { PackedGroups, ReduceTaskOutput } from '../sandbox/contract/taskRunner';
import { mergePacked } from './packedGroups';
import {
  isThenable,
  notSynchronous,
  recordData,
  writeAfterEnd,
  type MapReduceFunctions,
  type WriteContext,
} from './mapTaskCompute';
import { formatRecord } from '../exec/recordText';

export function runReduceTask(fns: MapReduceFunctions, parts: PackedGroups[], taskIndex: number): ReduceTaskOutput {
  const groups = mergePacked(parts);
  const lines: string[] = [];
  let inputRecords = 0;
  let ended = false;
  const ctx: WriteContext = {
    write(key: unknown, value: unknown) {
      if (ended) throw writeAfterEnd('reduce');
      lines.push(formatRecord(recordData(key, 'key'), recordData(value, 'value')));
    },
  };
  for (const g of groups) {
    inputRecords += g.values.length;
    const returned: unknown = fns.reduce(g.key, g.values, ctx);
    if (returned !== undefined && isThenable(returned)) throw notSynchronous(fns.fileName, 'reduce');
  }
  ended = true;
  return {
    taskIndex,
    text: lines.length === 0 ? '' : `${lines.join('\n')}\n`,
    reduceInputGroups: groups.length,
    reduceInputRecords: inputRecords,
    reduceOutputRecords: lines.length,
  };
}
