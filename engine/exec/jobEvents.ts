/** Trace events of MapReduce and Spark jobs (past tense), recorded next to the engine core's. */
import { eventTypes } from '../core';

/** An RDD a Spark stage pipelines, as Spark's UI draws it inside the stage; cached: persisted. */
export interface SparkStageOp {
  rdd: number;
  name: string;
  cached: boolean;
}

export type JobEvent =
  | {
      t: number;
      type: 'jobSubmitted';
      job: string;
      engine: 'mapreduce' | 'spark';
      maps: number;
      reduces: number;
      /** Spark: the action that started the job (collect, count, saveAsTextFile, ...). */
      action?: string;
      /** Spark: the line of the learner's file that called the action (Spark's call site). */
      line?: number | null;
      /** Spark: every stage of the job's graph, run or skipped. */
      stages?: number[];
    }
  | { t: number; type: 'jobFinished'; job: string; ms: number }
  | { t: number; type: 'jobFailed'; job: string; task: string; reason: string }
  | { t: number; type: 'appMasterLost'; job: string; node: string; attempt: number }
  /** MapReduce's ApplicationMaster started in its container (held from allocation to the job's end). */
  | { t: number; type: 'appMasterLaunched'; job: string; container: number; node: string; attempt: number }
  | { t: number; type: 'mapOutputLost'; job: string; task: string; node: string; reason: string }
  | { t: number; type: 'shuffleStarted'; job: string; task: string; attempt: number; node: string; maps: number }
  | {
      t: number;
      type: 'shuffleFetched';
      job: string;
      task: string;
      attempt: number;
      from: string;
      to: string;
      bytes: number;
    }
  | { t: number; type: 'shuffleFinished'; job: string; task: string; attempt: number; node: string; bytes: number }
  | { t: number; type: 'partFileWritten'; job: string; path: string; bytes: number; node: string; replicas: string[] }
  | {
      t: number;
      type: 'stageSubmitted';
      job: string;
      stage: number;
      rdd: number;
      name: string;
      tasks: number;
      parents: number[];
      /** Spark's stage attempt (a stage run again for lost map outputs is attempt 1, 2, ...). */
      attempt?: number;
      ops?: SparkStageOp[];
    }
  | { t: number; type: 'stageCompleted'; job: string; stage: number }
  /**
   * Spark: a task of attempt `stageAttempt` of `stage` could not fetch map output `map` of
   * `shuffle` (written by `mapStage`) from node `from` (null: no location registered). Its task
   * attempt failed just before (`taskFailed`, same attemptId, reason starting "FetchFailed").
   */
  | {
      t: number;
      type: 'fetchFailed';
      job: string;
      stage: number;
      stageAttempt: number;
      task: string;
      attemptId: string;
      shuffle: number;
      mapStage: number;
      map: number;
      from: string | null;
      reason: string;
    }
  /** Spark: a stage attempt failed (a fetch failure); willRetry false when it aborts the job. */
  | { t: number; type: 'stageFailed'; job: string; stage: number; attempt: number; reason: string; willRetry: boolean }
  /** Spark: failed stages submitted again (the map stage first runs its missing partitions, then the stage that failed). */
  | { t: number; type: 'stageResubmitted'; job: string; stages: number[]; reason: string }
  | {
      t: number;
      type: 'stageSkipped';
      job: string;
      stage: number;
      rdd: number;
      name: string;
      parents: number[];
      tasks?: number;
      ops?: SparkStageOp[];
    }
  | { t: number; type: 'driverStarted'; app: string; host: string }
  | { t: number; type: 'executorsRegistered'; app: string; executors: string[] }
  /**
   * An executor registered with the driver: in a YARN container (`container`), or launched by a
   * standalone Worker (`manager: 'standalone'`, no container; its cores and memory are the
   * Master's grant, which YARN does not see).
   */
  | {
      t: number;
      type: 'executorAdded';
      executor: string;
      node: string;
      cores: number;
      memoryMb: number;
      container?: number;
      manager?: 'standalone';
    }
  | { t: number; type: 'executorLost'; executor: string; node: string; reason: string }
  /** A standalone executor ended with its application: the Worker gave its cores and memory back to the Master. */
  | { t: number; type: 'executorRemoved'; executor: string; node: string }
  | { t: number; type: 'blockEvicted'; block: string; executor: string };

/** Every JobEvent type (checked when compiled), for isTracing. */
export const JOB_EVENT_TYPES = eventTypes<JobEvent['type']>()([
  'jobSubmitted',
  'jobFinished',
  'jobFailed',
  'appMasterLost',
  'appMasterLaunched',
  'mapOutputLost',
  'shuffleStarted',
  'shuffleFetched',
  'shuffleFinished',
  'partFileWritten',
  'stageSubmitted',
  'stageCompleted',
  'fetchFailed',
  'stageFailed',
  'stageResubmitted',
  'stageSkipped',
  'driverStarted',
  'executorsRegistered',
  'executorAdded',
  'executorLost',
  'executorRemoved',
  'blockEvicted',
]);
