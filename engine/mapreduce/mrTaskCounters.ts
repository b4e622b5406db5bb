/**
 * One task attempt's own counters, as Hadoop keeps them per attempt (TaskCounter,
 * FileSystemCounter, the input and output format counters; ClusterLab's own figures) and as
 * JobHistory's task counters page lists them: what a map read, emitted, combined and spilled,
 * what a reducer fetched, merged and wrote. The job's counters are the sum over the winning
 * attempts (mapReduceCounters.ts); the Job Counters group is the job's alone.
 */
import { REDUCE_MEMORY_BYTES, simulatedSpills } from './mapReduceCounters';
import type { MapReduceCounters } from './counterGroups';
import type { MrAppMaster } from './mrAppMaster';
import type { MrAttempt } from './mrTypes';

export type TaskCounterValues = Partial<MapReduceCounters>;

/** The counters of a successful attempt `a` (a map's or a reducer's). */
export function taskCounters(am: MrAppMaster, a: MrAttempt): TaskCounterValues {
  return a.task.kind === 'map' ? mapCounters(am, a) : reduceCounters(am, a);
}

function mapCounters(am: MrAppMaster, a: MrAttempt): TaskCounterValues {
  const m = am.mapPlans[a.task.index]!;
  const o = m.output;
  if (o === null) return {};
  const materialized = o.partitionBytes.reduce((x, y) => x + y, 0);
  const spills = o.text === null ? simulatedSpills(am.ctx.cost, o, am.config.conf) : 0;
  const written = o.text !== null ? utf8Bytes(o.text) : 0;
  return {
    MAP_INPUT_RECORDS: o.counters.mapInputRecords,
    MAP_OUTPUT_RECORDS: o.counters.mapOutputRecords,
    MAP_OUTPUT_BYTES: o.counters.mapOutputBytes,
    MAP_OUTPUT_MATERIALIZED_BYTES: materialized,
    COMBINE_INPUT_RECORDS: o.counters.combineInputRecords,
    COMBINE_OUTPUT_RECORDS: o.counters.combineOutputRecords,
    SPILLED_RECORDS: o.counters.spilledRecords,
    MAP_SPILLS: o.counters.spills,
    // Spill files written, and read back and written again as one file when there were several.
    FILE_BYTES_WRITTEN: Math.round(materialized * (spills > 1 ? 2 : 1)),
    FILE_BYTES_READ: spills > 1 ? materialized : 0,
    HDFS_BYTES_READ: a.readLocal + a.readRemote,
    BYTES_READ: m.split.recordEnd - m.split.recordStart,
    HDFS_BYTES_READ_LOCAL: a.readLocal,
    HDFS_BYTES_READ_REMOTE: a.readRemote,
    HDFS_BYTES_WRITTEN: written,
    BYTES_WRITTEN: written,
  };
}

function reduceCounters(am: MrAppMaster, a: MrAttempt): TaskCounterValues {
  const o = am.reducePlans[a.task.index]!.output;
  if (o === null) return {};
  const bytes = a.shuffleLocal + a.shuffleRemote;
  const onDisk = bytes * am.ctx.cost.dataScale > REDUCE_MEMORY_BYTES;
  const written = utf8Bytes(o.text);
  return {
    REDUCE_INPUT_GROUPS: o.reduceInputGroups,
    REDUCE_INPUT_RECORDS: o.reduceInputRecords,
    REDUCE_OUTPUT_RECORDS: o.reduceOutputRecords,
    REDUCE_SHUFFLE_BYTES: bytes,
    SHUFFLED_MAPS: am.maps.length,
    MERGED_MAP_OUTPUTS: am.maps.length,
    SHUFFLE_BYTES_LOCAL: a.shuffleLocal,
    SHUFFLE_BYTES_REMOTE: a.shuffleRemote,
    SPILLED_RECORDS: onDisk ? o.reduceInputRecords : 0,
    FILE_BYTES_WRITTEN: onDisk ? bytes : 0,
    FILE_BYTES_READ: onDisk ? bytes : 0,
    HDFS_BYTES_WRITTEN: written,
    BYTES_WRITTEN: written,
  };
}

/** Only the non-zero counters (what a task's counters page lists). */
export function nonZero(c: TaskCounterValues): Record<string, number> {
  const out: Record<string, number> = {};
  // for-in, not Object.entries: no pair arrays for each of 30,000 attempts (same order: own keys of a literal).
  for (const k in c) {
    const v = c[k as keyof TaskCounterValues];
    if (v !== undefined && v !== 0) out[k] = v;
  }
  return out;
}

export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch >= 0xd800 && ch <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
