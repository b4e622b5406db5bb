/**
 * The plain records of MapReduce's ApplicationMaster: the job's map and reduce plans (real
 * outputs or the learner's error), tasks with their attempts, and a failed job's summary.
 */
import type { ScheduledHandle } from '../core';
import type { Container } from '../yarn';
import type { AttemptRecord } from '../exec/taskTypes';
import type { MapTaskOutput, ReduceTaskOutput } from '../sandbox/contract/taskRunner';
import type { FileSplit } from '../exec/lineSplits';

/**
 * What the simulation keeps of a map task's output: its partitions' records went to the reducers'
 * inputs as the task answered (ReduceInputs); each partition's number of groups stays.
 */
export type MapPlanOutput = Omit<MapTaskOutput, 'partitions'> & { partitionGroups: readonly number[] };

export interface MrMapPlan {
  index: number;
  file: string;
  split: FileSplit;
  /** Replica nodes of the split's block(s): the container request's preferred nodes. */
  preferredNodes: readonly string[];
  output: MapPlanOutput | null;
  /** The learner's map threw on this split: every attempt fails the same way. */
  error: Error | null;
}

export interface MrReducePlan {
  index: number;
  output: ReduceTaskOutput | null;
  error: Error | null;
}

export interface MrTask {
  kind: 'map' | 'reduce';
  index: number;
  id: string;
  failures: number;
  launched: number;
  requested: number;
  done: boolean;
  running: MrAttempt[];
  /** Maps: the node holding the finished output (null: none or lost). */
  outputNode: string | null;
  winner: MrAttempt | null;
  /** Nodes where an attempt failed (not asked for again: Hadoop's per-task blacklist). */
  failedOn: string[];
  /** Containers turned down because they were on a blacklisted node. */
  refusals: number;
}

export interface MrAttempt {
  task: MrTask;
  record: AttemptRecord;
  container: Container;
  phase: 'starting' | 'working' | 'writing' | 'ended';
  handles: ScheduledHandle[];
  workEnd: number;
  /** Its place in the speculator's heap (mrSpeculator.ts); -1 when not in it. */
  bookAt: number;
  readLocal: number;
  readRemote: number;
  shuffleLocal: number;
  shuffleRemote: number;
  /** Reducers: shuffle bytes fetched so far, from this node and from others. */
  fetchedLocal: number;
  fetchedRemote: number;
  /** Reducers: map indexes not fetched yet (null for a map attempt, which fetches nothing). */
  unfetched: Set<number> | null;
  /** Its node's deaths when it started (Cluster.life): after another, its process is gone. */
  life: number;
}

export interface MrJobFailure {
  task: string;
  reason: string;
  error: Error | null;
}

export interface MrAmOptions {
  maxAttempts: number;
  speculation: boolean;
}
