/**
 * The RunView: a plain, precomputed model of one job run for the run visualisations (timeline,
 * DAG, data flow, counters). Built once per report by `toRunView`; drawing code only reads it.
 */
import type { AttemptStatus, Locality } from '../../../engine/exec';
import type { StartupRow } from './startupRows';

/**
 * Phases of a bar, in the order they usually happen inside it (a MapReduce reducer merges before
 * it reduces: see phaseOrder in phases.ts). 'am' is an ApplicationMaster at work in its container.
 */
export type Phase = 'startup' | 'read' | 'shuffle' | 'compute' | 'spill' | 'write' | 'am';
export const PHASES: readonly Phase[] = ['startup', 'read', 'shuffle', 'compute', 'spill', 'write', 'am'];
export interface Lane {
  index: number;
  /** Node id (MapReduce) or executor id (Spark). */
  id: string;
  label: string;
  node: string;
  rack: string;
  /** Rows inside the lane: attempts that overlap in time (a node runs several tasks at once) get different rows. */
  slots: number;
}

export interface PhaseSegment {
  phase: Phase;
  start: number;
  end: number;
}

export interface Bar {
  index: number;
  /** A task attempt, or an ApplicationMaster's container (it holds a core for the whole job). */
  role: 'task' | 'am';
  lane: number;
  /** Row inside the lane (0-based, < lane.slots). */
  slot: number;
  taskSet: string;
  task: string;
  taskIndex: number;
  attempt: number;
  /** Hadoop-style attempt id (`attempt_00001_m_000003_1`) or Spark's (`s2.t5.1`). */
  attemptId: string;
  /** YARN container id (MapReduce) or null. */
  container: number | null;
  node: string;
  executor: string;
  locality: Locality;
  start: number;
  end: number;
  status: AttemptStatus;
  speculative: boolean;
  /** A re-run of a task (attempt > 0), not speculative. */
  retry: boolean;
  /** Non-empty phases in time order, clipped to the attempt's end (a killed attempt stops early). */
  phases: PhaseSegment[];
  reason: string | null;
  /** A Spark attempt that failed because a map output could not be fetched (reason `FetchFailed(...)`), not its code. */
  fetchFailed: boolean;
}

/** Packed, sorted arrays for drawing many bars without allocating per frame. */
export interface BarIndex {
  starts: Float64Array;
  ends: Float64Array;
  lanes: Int32Array;
  /** Bar indices sorted by start, then lane. */
  byStart: Int32Array;
  /** Bar indices sorted by end. */
  byEnd: Int32Array;
  /** Per lane, bar indices sorted by start (for hit testing and keyboard navigation). */
  perLane: Int32Array[];
  /** phaseStarts[i * PHASES.length + k]: when phase k of bar i starts (= its end when the bar has no such phase). */
  phaseStarts: Float64Array;
  /** phaseEnds[i * PHASES.length + k]: when phase k of bar i ends (clipped to the bar's end). */
  phaseEnds: Float64Array;
  /** Longest bar: bars running at t started after t - maxDuration. */
  maxDuration: number;
}

export type EdgeKind = 'narrow' | 'wide';

export interface StageEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** e.g. "shuffle" or "HDFS output". */
  label: string;
}

/** An RDD a Spark stage pipelines (Spark's UI draws it as a dot inside the stage; green when cached). */
export interface StageOp {
  rdd: number;
  name: string;
  cached: boolean;
}

export interface StageView {
  id: string;
  label: string;
  /** Spark's stage id (global across the jobs of a program), null for MapReduce. */
  stageId?: number | null;
  /** Spark: the RDD operations of the stage, first to last; [] when unknown. */
  ops?: StageOp[];
  /** The job (MapReduce job id, or Spark job number) the stage belongs to. */
  job: string;
  /** The scheduler's task set (`job_00001/map`, `stage-3`), null for a skipped stage. */
  taskSet: string | null;
  tasks: number;
  skipped: boolean;
  submittedAt: number | null;
  finishedAt: number | null;
  /** Bar indices of the stage's attempts, by start. */
  bars: number[];
  /** Spark: attempts of the stage that failed (a fetch failure) and whether it was resubmitted. */
  failures?: StageFailure[];
}

/** A Spark stage attempt that failed (Spark's DAGScheduler: a FetchFailed task fails its stage attempt). */
export interface StageFailure {
  /** The stage attempt that failed (0 first). */
  attempt: number;
  /** When it failed. */
  at: number;
  /** e.g. "fetch failure: map output 3 of shuffle 0 on n2 is lost". */
  reason: string;
  /** false when the failure aborted the job (spark.stage.maxConsecutiveAttempts). */
  willRetry: boolean;
  /** When the DAGScheduler submitted it again (stageResubmitted), or null. */
  resubmittedAt: number | null;
}

/** A Spark job (one action) with the ids of its StageViews, run or skipped, ascending. */
export interface SparkJobView {
  /** The trace's job name (`spark-job-3`). */
  id: string;
  /** Spark's job id. */
  index: number;
  action: string;
  line: number | null;
  /** e.g. "Job 3: count at line 17". */
  label: string;
  stages: string[];
  submittedAt: number;
  finishedAt: number | null;
  /** True when a task failed every attempt and the job was aborted. */
  failed: boolean;
}

export type StageState = 'waiting' | 'running' | 'done' | 'skipped';

export interface StageProgress {
  state: StageState;
  done: number;
  running: number;
  failed: number;
  total: number;
}

export type FlowScope = 'local' | 'rack' | 'offRack';

export interface Flow {
  /** When the bytes have arrived. */
  t: number;
  from: string;
  to: string;
  bytes: number;
  scope: FlowScope;
}

export type MarkerKind =
  | 'nodeDied'
  | 'nodeRestarted'
  | 'nodeSlowed'
  | 'taskFailed'
  | 'taskFetchFailed'
  | 'taskKilled'
  | 'retryStarted'
  | 'speculativeStarted'
  | 'mapOutputLost'
  | 'stageSkipped'
  | 'executorLost'
  | 'fetchFailed'
  | 'stageFailed'
  | 'stageResubmitted';

export interface Marker {
  t: number;
  kind: MarkerKind;
  /** Lane index when the marker belongs to one lane (a node's lanes for node events: the first). */
  lane: number | null;
  node: string | null;
  text: string;
}

export interface CounterRow {
  name: string;
  /** Hadoop's, Spark's or the learner's own name; null for ClusterLab's own counters (counterLabel names them). */
  label: string | null;
  /** Hadoop's group name, 'Spark', or ACCUMULATORS_GROUP (counterGroupLabel heads it). */
  group: string;
  value: number;
  /** 'bytes' values are shown with units. */
  unit: 'count' | 'bytes';
  /** Shown instead of the number when set (a collection accumulator's list). */
  text?: string;
}

export interface RunView {
  kind: 'mapreduce' | 'spark';
  durationMs: number;
  /** Cluster nodes in rack order, plus any node the run used that was not listed. */
  nodes: { id: string; rack: string }[];
  lanes: Lane[];
  bars: Bar[];
  index: BarIndex;
  stages: StageView[];
  edges: StageEdge[];
  /** Spark's jobs in order (MapReduce: []): the DAG view shows one at a time. */
  jobs: SparkJobView[];
  flows: Flow[];
  /** True when per-pair shuffle bytes were estimated from task placement (no fetch events in the trace). */
  flowsEstimated: boolean;
  markers: Marker[];
  /** Spark: the driver and executor containers starting before the first task (startupRows.ts). */
  startup?: StartupRow[];
  counters: CounterRow[];
  totals: {
    readLocal: number;
    readRemote: number;
    shuffleLocal: number;
    shuffleRemote: number;
    attempts: number;
    failed: number;
    killed: number;
    retries: number;
    speculative: number;
  };
}
