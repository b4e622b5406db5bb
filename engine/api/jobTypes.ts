/** The public types of running a job (for the lab player, the CLI and tests). */
import type { ClusterSpec, FaultSpec, PresetName } from '../cluster';
import type { HdfsConfig } from '../hdfs';
import type { YarnLoadSpec, YarnOptions } from '../yarn';
import type { AttemptRecord, ExecEvent } from '../exec/taskTypes';
import type { JobEvent } from '../exec/jobEvents';
import type { SnapshotOptions } from '../exec/snapshotRecorder';
import type { JobMetrics as SharedJobMetrics } from '../exec/jobMetrics';
import type { MapReduceCounters } from '../mapreduce/mapReduceCounters';
import type { CounterGroup } from '../mapreduce/counterGroups';
import type { JobSource, TaskRunner } from '../sandbox/contract/taskRunner';
import type { SparkConfInput } from '../spark/sparkConf';
import type { SparkCounters } from '../spark/sparkCounters';
import type { ClusterSnapshot } from './simulationSnapshot';
import type { SimulationEvent } from './simulationEvents';

/**
 * One event of a job run's trace: the engine core's (cluster, HDFS, YARN), the task scheduler's
 * and the job's (MapReduce or Spark), discriminated by `type`. The pictures and the checks read
 * this union; an event they do not draw is simply passed over.
 */
export type RunEvent = SimulationEvent | ExecEvent | JobEvent;
export type RunEventType = RunEvent['type'];
/** The event of type `T`, e.g. `RunEventOf<'fetchFailed'>`. */
export type RunEventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;

export type { MapReduceCounters, SparkCounters, CounterGroup };
/** A job's counters: Hadoop's (MapReduce) or the Spark run's, keyed by their upper-case names. */
export type JobCounters = MapReduceCounters | SparkCounters;
/** Every counter name a run may report (MAP_INPUT_RECORDS, STAGES_RUN, ...). */
export type CounterName = keyof MapReduceCounters | keyof SparkCounters;

export interface RunJobOptions {
  source: JobSource;
  runner: TaskRunner;
  /** A preset name, a node count, or a ClusterSpec (as createSimulation takes). */
  cluster: PresetName | number | ClusterSpec;
  seed: number;
  /** dfs.blocksize for files put by this run (default 128 MB). Shorthand for hdfs.blockSize. */
  blockSize?: number;
  /** Other HDFS settings (replication, heartbeats, ...). */
  hdfs?: Partial<HdfsConfig>;
  /** YARN settings (scheduler, queues, nodeExpiryMs, localityDelayMs, ...). */
  yarn?: YarnOptions;
  /** Other applications on the same YARN while the job runs (engine/yarn/yarnLoad.ts). */
  yarnLoad?: YarnLoadSpec[];
  /**
   * When the job is submitted, simulated ms (default 0): the `yarnLoad` applications start at
   * their own times, so a later submission finds them holding YARN's resources. The report's
   * `simulatedMs` counts from 0, so the job took `simulatedMs - submitAtMs`.
   */
  submitAtMs?: number;
  /** Files to put into HDFS before the job starts. */
  files?: { path: string; bytes: Uint8Array }[];
  faults?: FaultSpec[];
  /** Provide built-in sample datasets for missing input paths (default true). */
  sampleData?: boolean;
  /** mapreduce.map.maxattempts / spark.task.maxFailures (default 4). */
  maxAttempts?: number;
  /** Speculative execution of stragglers (MapReduce; default false). */
  speculation?: boolean;
  /** Spark settings by Spark's names (spark.locality.wait, ...; engine/spark/sparkConf.ts), as `--conf` gives them. */
  sparkConf?: SparkConfInput;
  /** Cluster snapshots for a UI (default on: at task starts/ends, bounded); false: none. */
  snapshots?: SnapshotOptions | false;
  /**
   * Only these event types are kept in the report's trace (default: every event). A caller that
   * reads a few (the CLI's `run` reads node deaths) spares the memory of the rest: a run of 33,000
   * map tasks records about 300,000 events.
   */
  traceTypes?: readonly string[];
  /** Hand back the text of the files the job wrote (JobRunReport.outputs; default false). */
  outputText?: boolean;
}

/** A file the job wrote to HDFS and its text (a part file is TextOutputFormat: key TAB value). */
export interface OutputFile {
  path: string;
  text: string;
  /**
   * Set for a binary file (a SequenceFile): what it is (`SequenceFile (Text, IntWritable), 3
   * records`); `text` is then its records as `hdfs dfs -text` prints them, not its bytes.
   */
  binary?: string;
}

/** What every run's figures have, whatever its kind (engine/exec/jobMetrics.ts). */
type JobMetricsBase = Omit<SharedJobMetrics, 'kind' | 'counters'>;

export interface MapReduceJobMetrics extends JobMetricsBase {
  kind: 'mapreduce';
  counters: MapReduceCounters;
  /** Every counter as Hadoop groups and prints them (built-in groups, then the learner's). */
  counterGroups: CounterGroup[];
}

export interface SparkJobMetrics extends JobMetricsBase {
  kind: 'spark';
  counters: SparkCounters;
  /** The named accumulators and their values when the driver ended, as Spark's UI lists them. */
  accumulators: { name: string; value: string }[];
}

/** A run's totals and counters; `kind` tells which counters it has. */
export type JobMetrics = MapReduceJobMetrics | SparkJobMetrics;

export interface JobRunReport {
  kind: 'mapreduce' | 'spark';
  /** MapReduce: the output's [key, value] pairs read back from HDFS, part file after part file (as `hdfs dfs -cat out/part-*`). Spark: the job's return value. */
  result: unknown;
  simulatedMs: number;
  metrics: JobMetrics;
  /** Every task attempt: node, locality, start, end, status and its cost breakdown. */
  attempts: AttemptRecord[];
  /** The engine core's events (HDFS, YARN, faults) and the job's, in time order. */
  trace: RunEvent[];
  /** Cluster snapshots in time order (see snapshotAt); empty when disabled. */
  snapshots: ClusterSnapshot[];
  /** Sample datasets this run generated because the job read them and nothing was put there. */
  generatedInputs: string[];
  /** With `outputText`: every file the run wrote to HDFS (inputs left out), in path order. */
  outputs?: OutputFile[];
}
