/**
 * Types shared by MapReduce and Spark: where a task runs relative to its data (Spark's locality
 * levels), how its simulated duration breaks down, the per-attempt record a timeline draws and
 * the task events of the trace.
 */
import { eventTypes } from '../core';

/** Spark's locality levels; MapReduce uses NODE_LOCAL, RACK_LOCAL and ANY ("off-switch"). */
export type Locality = 'PROCESS_LOCAL' | 'NODE_LOCAL' | 'NO_PREF' | 'RACK_LOCAL' | 'ANY';
/**
 * Spark's locality levels in TaskLocality's order. NO_PREF: the task has no preferred location (a
 * shuffle's reduce side, a parallelized collection); Spark offers such tasks after NODE_LOCAL ones
 * and never delays them (TaskSetManager: spark.locality.wait does not apply to NO_PREF).
 */
export const LOCALITY_LEVELS: readonly Locality[] = ['PROCESS_LOCAL', 'NODE_LOCAL', 'NO_PREF', 'RACK_LOCAL', 'ANY'];

/** Simulated milliseconds of one attempt, phase by phase (they add up to its duration). */
export interface CostBreakdown {
  startup: number;
  read: number;
  compute: number;
  spill: number;
  shuffle: number;
  write: number;
}

export const ZERO_COST: CostBreakdown = { startup: 0, read: 0, compute: 0, spill: 0, shuffle: 0, write: 0 };

export function totalMs(c: CostBreakdown): number {
  return c.startup + c.read + c.compute + c.spill + c.shuffle + c.write;
}

export type AttemptStatus = 'running' | 'succeeded' | 'failed' | 'killed';

export interface AttemptRecord {
  taskSet: string;
  task: string;
  index: number;
  attempt: number;
  /** Hadoop-style attempt id, e.g. `attempt_00001_m_000003_1`, or Spark's `s2.t5.1`. */
  attemptId: string;
  /** The YARN container it ran in (MapReduce), or null (Spark tasks run in executors). */
  container: number | null;
  node: string;
  executor: string;
  locality: Locality;
  start: number;
  end: number;
  status: AttemptStatus;
  speculative: boolean;
  cost: CostBreakdown;
  /** What the attempt read, shuffled and wrote (Spark's TaskMetrics, Hadoop's task counters), in the run's real units (dataScale applied, as the counters). */
  io: TaskIo;
  /**
   * MapReduce, a successful attempt: its own task counters by Hadoop's names (FILE_BYTES_WRITTEN,
   * MAP_OUTPUT_MATERIALIZED_BYTES, ...), non-zero ones only, as JobHistory's task counters page
   * lists them; the winning attempts' add up to the job's. Absent for Spark and for an attempt
   * that did not succeed.
   */
  taskCounters?: Record<string, number>;
  reason?: string;
}

/**
 * Bytes and records of one attempt, named after Spark's task metrics (the Stages page's Input,
 * Shuffle Read, Shuffle Write, Output and Spill columns) and filled for MapReduce from the same
 * figures Hadoop's task counters hold (HDFS_BYTES_READ, MAP_OUTPUT_BYTES, REDUCE_SHUFFLE_BYTES, ...).
 * A failed or killed attempt reports what it had done when it stopped.
 */
export interface TaskIo {
  inputBytes: number;
  inputRecords: number;
  /** Shuffle read: all fetched bytes and records, and the part of the bytes fetched from other nodes. */
  shuffleReadBytes: number;
  shuffleReadRecords: number;
  shuffleRemoteBytes: number;
  shuffleWriteBytes: number;
  shuffleWriteRecords: number;
  outputBytes: number;
  outputRecords: number;
  /** Bytes spilled to disk (Spark's "Spill (Disk)"; Hadoop's spilled records' bytes). */
  spillBytes: number;
}

export const ZERO_IO: TaskIo = {
  inputBytes: 0,
  inputRecords: 0,
  shuffleReadBytes: 0,
  shuffleReadRecords: 0,
  shuffleRemoteBytes: 0,
  shuffleWriteBytes: 0,
  shuffleWriteRecords: 0,
  outputBytes: 0,
  outputRecords: 0,
  spillBytes: 0,
};

/** Trace events of task execution, named in the past tense. */
export type ExecEvent =
  | { t: number; type: 'taskSetSubmitted'; taskSet: string; tasks: number }
  | {
      t: number;
      type: 'taskStarted';
      taskSet: string;
      task: string;
      attempt: number;
      attemptId: string;
      node: string;
      executor: string;
      locality: Locality;
      speculative: boolean;
    }
  | {
      t: number;
      type: 'taskFinished';
      taskSet: string;
      task: string;
      attempt: number;
      attemptId: string;
      node: string;
      ms: number;
      cost: CostBreakdown;
    }
  | {
      t: number;
      type: 'taskFailed';
      taskSet: string;
      task: string;
      attempt: number;
      attemptId: string;
      node: string;
      reason: string;
    }
  | {
      t: number;
      type: 'taskKilled';
      taskSet: string;
      task: string;
      attempt: number;
      attemptId: string;
      node: string;
      reason: string;
    }
  | { t: number; type: 'taskSetFinished'; taskSet: string }
  | { t: number; type: 'taskSetAborted'; taskSet: string; reason: string };

/** Every ExecEvent type (checked when compiled), for isTracing. */
export const EXEC_EVENT_TYPES = eventTypes<ExecEvent['type']>()([
  'taskSetSubmitted',
  'taskStarted',
  'taskFinished',
  'taskFailed',
  'taskKilled',
  'taskSetFinished',
  'taskSetAborted',
]);
