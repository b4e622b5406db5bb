/**
 * Types shared by MapReduce and Spark: where a task runs relative to its data (Spark's locality
 * levels), how its simulated duration breaks down, the per-attempt record a timeline draws and
 * the task events of the trace.
 */
/** Spark's locality levels; MapReduce uses NODE_LOCAL, RACK_LOCAL and ANY ("off-switch"). */
export type Locality = 'PROCESS_LOCAL' | 'NODE_LOCAL' | 'RACK_LOCAL' | 'ANY';
export const LOCALITY_LEVELS: readonly Locality[] = ['PROCESS_LOCAL', 'NODE_LOCAL', 'RACK_LOCAL', 'ANY'];

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
  reason?: string;
}

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
