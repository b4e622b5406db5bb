/**
 * Hadoop's job counters (TaskCounter, JobCounter, FileSystemCounter, the input and output format
 * counters; their groups and display names in counterGroups.ts), summed over the successful
 * attempts as Hadoop's job totals are, and the learner's own counters.
 */
import type { ClusterNode, CostModel } from '../cluster';
import type { MapReduceConf, UserCounter } from '../sandbox/contract/taskRunner';
import type { MapPlanOutput, MrAttempt } from './mrTypes';
import { BUILTIN_GROUPS, type MapReduceCounters } from './counterGroups';
import type { MrAppMaster, MrMapPlan, MrReducePlan } from './mrAppMaster';

export type { MapReduceCounters };

export function emptyCounters(): MapReduceCounters {
  const c: Partial<MapReduceCounters> = {};
  for (const g of BUILTIN_GROUPS) for (const [name] of g.counters) c[name] = 0;
  return c as MapReduceCounters;
}

export function addCounters(into: MapReduceCounters, from: MapReduceCounters): void {
  for (const k of Object.keys(into) as (keyof MapReduceCounters)[]) into[k] += from[k];
}

/** The learner's counters of a job or a chain: group → name → value, in the order first seen. */
export type UserCounterTotals = Map<string, Map<string, number>>;

export function addUserCounters(into: UserCounterTotals, from: readonly UserCounter[]): void {
  for (const [group, name, value] of from) {
    let g = into.get(group);
    if (g === undefined) into.set(group, (g = new Map()));
    g.set(name, (g.get(name) ?? 0) + value);
  }
}

/**
 * What a record that came out of a combine or a reduce weighs against a record of the input
 * (CostModel.keyedFraction for one record per key): the first record of each key stands for a
 * real key (keyScale), every further one for `dataScale` real records as the input's do. A
 * combiner that only passes records on keeps the data's weight; one that leaves a record per key
 * is charged by keys.
 */
export function keyedWeight(cost: CostModel, records: number, groups: number): number {
  if (records <= 0) return 1;
  const perKey = Math.min(records, groups);
  return (perKey * cost.keyedFraction + (records - perKey)) / records;
}

/** keyedWeight of a map's output partition after its combiner (1 without one: records grow with the data). */
export function mapPartitionWeight(cost: CostModel, o: MapPlanOutput, partition: number): number {
  if (o.counters.combineInputRecords === 0) return 1;
  const groups = o.partitionGroups[partition];
  return groups === undefined ? 1 : keyedWeight(cost, o.partitionRecords[partition] ?? 0, groups);
}

/** mapreduce.task.io.sort.mb (100 MB) * spill percent (0.8): map output buffered before a spill. */
export const SPILL_BYTES = 80 * 1024 * 1024;
/** Reduce-side merge in memory up to this much shuffle input (0.70 of a 1 GB heap * 0.66). */
export const REDUCE_MEMORY_BYTES = 460 * 1024 * 1024;

/**
 * Spills a map's output took on the simulated cluster: the real spills (the job's sort buffer
 * settings) or, when the data stands for more (dataScale), as many as that much output would take
 * in the job's buffer (mapreduce.task.io.sort.mb x spill percent; the default one without `conf`).
 */
export function simulatedSpills(cost: CostModel, o: MapPlanOutput, conf?: MapReduceConf): number {
  const buffer = conf ? conf.sortMb * 1024 * 1024 * conf.spillPercent : SPILL_BYTES;
  return Math.max(o.counters.spills, Math.ceil((o.counters.mapOutputBytes * cost.dataScale) / buffer));
}

/**
 * Sorting and spilling a map's output (and combining it): CPU plus disk, written 3x when spills
 * merge; the disk is shared by `share` tasks (CostModel's ioShare).
 */
export function mapSpillMs(
  cost: CostModel,
  node: ClusterNode,
  o: MapPlanOutput,
  share = 1,
  conf?: MapReduceConf,
): number {
  if (o.text !== null) return cost.cpuMs(node, { records: o.counters.mapOutputRecords * 0.25 });
  const spills = Math.max(1, simulatedSpills(cost, o, conf));
  // What a combiner left as one record per key is charged by keys, not by the data's size.
  let written = 0;
  o.partitionBytes.forEach((b, p) => (written += b * mapPartitionWeight(cost, o, p)));
  return (
    cost.cpuMs(node, {
      records: o.counters.mapOutputRecords * 0.25 + o.counters.combineInputRecords * 0.5,
      bytes: o.counters.mapOutputBytes,
    }) +
    cost.diskWriteMs(node, written) * (spills > 1 ? 3 : 1) * share
  );
}

/**
 * A reducer's merge of the sorted segments it fetched: CPU for the merge sort, plus disk when its
 * input exceeds the in-memory buffer. Segments go to disk as they arrive, so writing them costs
 * only what the fetches (`fetchMs`) do not hide; the final merge reads them back. The disk is
 * shared by `share` tasks.
 */
export function reduceMergeMs(
  cost: CostModel,
  node: ClusterNode,
  bytes: number,
  records: number,
  share = 1,
  fetchMs = 0,
): number {
  const cpu = cost.cpuMs(node, { records: records * 0.25 });
  if (bytes * cost.dataScale <= REDUCE_MEMORY_BYTES) return cpu;
  const write = cost.diskWriteMs(node, bytes) * share;
  return cpu + Math.max(0, write - fetchMs) + cost.diskReadMs(node, bytes) * share;
}

/**
 * Hadoop's counters of a finished (or failed) job: the winning attempts' task counters
 * (mrTaskCounters.ts, kept in each attempt's taskCounters) summed, and the Job Counters over every launch
 * (the data-local, rack-local and other map counts included, as Hadoop counts them).
 */
export function jobCounters(
  am: MrAppMaster,
  maps: readonly MrMapPlan[],
  reduces: readonly MrReducePlan[],
  user: UserCounterTotals,
): MapReduceCounters {
  const c = emptyCounters();
  // Task by task, without first building a list of 30,000 (output, winner) pairs, summed by slot
  // (whole numbers: exact in any order) and written into `c` once.
  const sums = new Float64Array(COUNTER_SLOTS.size);
  for (let i = 0; i < maps.length; i++) addWinner(sums, user, maps[i]!.output, am.maps[i]!.winner);
  for (let i = 0; i < reduces.length; i++) addWinner(sums, user, reduces[i]!.output, am.reduces[i]!.winner);
  for (const [name, slot] of COUNTER_SLOTS) c[name] += sums[slot]!;
  for (const a of am.attempts) {
    const map = a.task.kind === 'map';
    // As Hadoop's RMContainerAllocator counts them: every map attempt given a container, by the
    // locality of that container (failed, killed and speculative attempts too).
    if (map) {
      if (a.record.locality === 'NODE_LOCAL') c.DATA_LOCAL_MAPS++;
      else if (a.record.locality === 'RACK_LOCAL') c.RACK_LOCAL_MAPS++;
      else c.OTHER_LOCAL_MAPS++;
    }
    const ms = Math.max(0, a.record.end - a.record.start);
    if (map) c.TOTAL_LAUNCHED_MAPS++;
    else c.TOTAL_LAUNCHED_REDUCES++;
    if (map) c.MILLIS_MAPS += ms;
    else c.MILLIS_REDUCES += ms;
    if (a.record.status === 'killed') c[map ? 'NUM_KILLED_MAPS' : 'NUM_KILLED_REDUCES']++;
    if (a.record.status === 'failed') c[map ? 'NUM_FAILED_MAPS' : 'NUM_FAILED_REDUCES']++;
  }
  c.MILLIS_MAPS = Math.round(c.MILLIS_MAPS);
  c.MILLIS_REDUCES = Math.round(c.MILLIS_REDUCES);
  c.MAPS_RERUN_FOR_LOST_OUTPUT = am.mapsRerun;
  return c;
}

/**
 * Each counter's slot in jobCounters' sums. Adding a task's counters by name into the counters
 * object itself cost a lookup by a name that changes at every step (3.5 us a task, 30,000 tasks at
 * 1 KB blocks); a slot is found in one Map of the same few names.
 */
const COUNTER_SLOTS: ReadonlyMap<keyof MapReduceCounters, number> = new Map(
  (Object.keys(emptyCounters()) as (keyof MapReduceCounters)[]).map((name, i) => [name, i]),
);

/** A task's winning attempt's counters and the learner's counters of its output (none without both). */
function addWinner(
  sums: Float64Array,
  user: UserCounterTotals,
  output: { userCounters: readonly UserCounter[] } | null,
  win: MrAttempt | null,
): void {
  if (output === null || win === null) return;
  const counters = win.record.taskCounters;
  if (counters)
    for (const name in counters) {
      const slot = COUNTER_SLOTS.get(name as keyof MapReduceCounters);
      if (slot !== undefined) sums[slot] = sums[slot]! + counters[name]!;
    }
  addUserCounters(user, output.userCounters);
}
