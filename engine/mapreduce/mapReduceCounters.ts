/** Hadoop's job counters (TaskCounter, FileSystemCounter, JobCounter names), summed over the successful attempts. */
import type { ClusterNode, CostModel } from '../cluster';
import type { MapTaskOutput } from '../sandbox/contract/taskRunner';
import type { MrAppMaster, MrMapPlan, MrReducePlan } from './mrAppMaster';

export interface MapReduceCounters {
  MAP_INPUT_RECORDS: number;
  MAP_OUTPUT_RECORDS: number;
  MAP_OUTPUT_BYTES: number;
  COMBINE_INPUT_RECORDS: number;
  COMBINE_OUTPUT_RECORDS: number;
  REDUCE_INPUT_GROUPS: number;
  REDUCE_INPUT_RECORDS: number;
  REDUCE_OUTPUT_RECORDS: number;
  SPILLED_RECORDS: number;
  REDUCE_SHUFFLE_BYTES: number;
  SHUFFLE_BYTES_LOCAL: number;
  SHUFFLE_BYTES_REMOTE: number;
  HDFS_BYTES_READ: number;
  HDFS_BYTES_READ_LOCAL: number;
  HDFS_BYTES_READ_REMOTE: number;
  HDFS_BYTES_WRITTEN: number;
  TOTAL_LAUNCHED_MAPS: number;
  TOTAL_LAUNCHED_REDUCES: number;
  DATA_LOCAL_MAPS: number;
  RACK_LOCAL_MAPS: number;
  OTHER_LOCAL_MAPS: number;
  KILLED_TASK_ATTEMPTS: number;
  FAILED_TASK_ATTEMPTS: number;
  MAPS_RERUN_FOR_LOST_OUTPUT: number;
}

export function emptyCounters(): MapReduceCounters {
  return {
    MAP_INPUT_RECORDS: 0,
    MAP_OUTPUT_RECORDS: 0,
    MAP_OUTPUT_BYTES: 0,
    COMBINE_INPUT_RECORDS: 0,
    COMBINE_OUTPUT_RECORDS: 0,
    REDUCE_INPUT_GROUPS: 0,
    REDUCE_INPUT_RECORDS: 0,
    REDUCE_OUTPUT_RECORDS: 0,
    SPILLED_RECORDS: 0,
    REDUCE_SHUFFLE_BYTES: 0,
    SHUFFLE_BYTES_LOCAL: 0,
    SHUFFLE_BYTES_REMOTE: 0,
    HDFS_BYTES_READ: 0,
    HDFS_BYTES_READ_LOCAL: 0,
    HDFS_BYTES_READ_REMOTE: 0,
    HDFS_BYTES_WRITTEN: 0,
    TOTAL_LAUNCHED_MAPS: 0,
    TOTAL_LAUNCHED_REDUCES: 0,
    DATA_LOCAL_MAPS: 0,
    RACK_LOCAL_MAPS: 0,
    OTHER_LOCAL_MAPS: 0,
    KILLED_TASK_ATTEMPTS: 0,
    FAILED_TASK_ATTEMPTS: 0,
    MAPS_RERUN_FOR_LOST_OUTPUT: 0,
  };
}

export function addCounters(into: MapReduceCounters, from: MapReduceCounters): void {
  for (const k of Object.keys(into) as (keyof MapReduceCounters)[]) into[k] += from[k];
}

/** mapreduce.task.io.sort.mb (100 MB) * spill percent (0.8): map output buffered before a spill. */
export const SPILL_BYTES = 80 * 1024 * 1024;
/** Reduce-side merge in memory up to this much shuffle input (0.70 of a 1 GB heap * 0.66). */
export const REDUCE_MEMORY_BYTES = 460 * 1024 * 1024;

/** Sorting and spilling a map's output (and combining it): CPU plus disk, written 3x when spills merge. */
export function mapSpillMs(cost: CostModel, node: ClusterNode, o: MapTaskOutput): number {
  const outBytes = o.partitionBytes.reduce((a, b) => a + b, 0);
  const spills = Math.max(1, Math.ceil((o.counters.mapOutputBytes * cost.dataScale) / SPILL_BYTES));
  return (
    cost.cpuMs(node, { records: o.counters.mapOutputRecords * 0.25 + o.counters.combineInputRecords * 0.5 }) +
    cost.diskWriteMs(node, outBytes) * (spills > 1 ? 3 : 1)
  );
}

/**
 * A reducer's merge of the sorted segments it fetched: CPU for the merge sort, plus disk (written
 * and read back) when its input exceeds the in-memory buffer.
 */
export function reduceMergeMs(cost: CostModel, node: ClusterNode, bytes: number, records: number): number {
  const cpu = cost.cpuMs(node, { records: records * 0.25 });
  const onDisk = bytes * cost.dataScale > REDUCE_MEMORY_BYTES;
  return cpu + (onDisk ? cost.diskWriteMs(node, bytes) + cost.diskReadMs(node, bytes) : 0);
}

/** Hadoop's counters of a finished (or failed) job, from the winning attempts and every launch. */
export function jobCounters(
  am: MrAppMaster,
  maps: readonly MrMapPlan[],
  reduces: readonly MrReducePlan[],
): MapReduceCounters {
  const c = emptyCounters();
  maps.forEach((m, i) => {
    const win = am.maps[i]!.winner;
    const o = m.output;
    if (o === null || win === null) return;
    c.MAP_INPUT_RECORDS += o.counters.mapInputRecords;
    c.MAP_OUTPUT_RECORDS += o.counters.mapOutputRecords;
    c.MAP_OUTPUT_BYTES += o.counters.mapOutputBytes;
    c.COMBINE_INPUT_RECORDS += o.counters.combineInputRecords;
    c.COMBINE_OUTPUT_RECORDS += o.counters.combineOutputRecords;
    const out = o.partitionRecords.reduce((x, y) => x + y, 0);
    c.SPILLED_RECORDS += out * (o.counters.mapOutputBytes > SPILL_BYTES ? 2 : 1);
    c.HDFS_BYTES_READ += win.readLocal + win.readRemote;
    c.HDFS_BYTES_READ_LOCAL += win.readLocal;
    c.HDFS_BYTES_READ_REMOTE += win.readRemote;
    if (win.record.locality === 'NODE_LOCAL') c.DATA_LOCAL_MAPS++;
    else if (win.record.locality === 'RACK_LOCAL') c.RACK_LOCAL_MAPS++;
    else c.OTHER_LOCAL_MAPS++;
  });
  reduces.forEach((r, ri) => {
    const win = am.reduces[ri]!.winner;
    const o = r.output;
    if (o === null || win === null) return;
    const bytes = win.shuffleLocal + win.shuffleRemote;
    c.REDUCE_INPUT_GROUPS += o.reduceInputGroups;
    c.REDUCE_INPUT_RECORDS += o.reduceInputRecords;
    c.REDUCE_OUTPUT_RECORDS += o.reduceOutputRecords;
    c.REDUCE_SHUFFLE_BYTES += bytes;
    c.SHUFFLE_BYTES_LOCAL += win.shuffleLocal;
    c.SHUFFLE_BYTES_REMOTE += win.shuffleRemote;
    c.SPILLED_RECORDS += bytes > REDUCE_MEMORY_BYTES ? o.reduceInputRecords : 0;
    c.HDFS_BYTES_WRITTEN += o.text.length;
  });
  c.TOTAL_LAUNCHED_MAPS = am.attempts.filter((a) => a.task.kind === 'map').length;
  c.TOTAL_LAUNCHED_REDUCES = am.attempts.filter((a) => a.task.kind === 'reduce').length;
  c.KILLED_TASK_ATTEMPTS = am.attempts.filter((a) => a.record.status === 'killed').length;
  c.FAILED_TASK_ATTEMPTS = am.attempts.filter((a) => a.record.status === 'failed').length;
  c.MAPS_RERUN_FOR_LOST_OUTPUT = am.mapsRerun;
  return c;
}
