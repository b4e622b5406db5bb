/** Trace events of MapReduce and Spark jobs (past tense), recorded next to the engine core's. */
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
    }
  | { t: number; type: 'stageCompleted'; job: string; stage: number }
  | { t: number; type: 'stageSkipped'; job: string; stage: number; rdd: number; name: string; parents: number[] }
  | { t: number; type: 'executorAdded'; executor: string; node: string; container: number; cores: number }
  | { t: number; type: 'executorLost'; executor: string; node: string; reason: string }
  | { t: number; type: 'blockEvicted'; block: string; executor: string };
