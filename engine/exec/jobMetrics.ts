/**
 * What a finished job's figures are, the same for MapReduce and Spark: its jobs, tasks and
 * attempts, where its bytes were read from and how many it shuffled, and its own counters
 * (Hadoop's for MapReduce, stage and locality counts for Spark).
 */
export interface JobMetrics<Counters = Record<string, number>> {
  kind: 'mapreduce' | 'spark';
  jobs: number;
  tasks: number;
  attempts: number;
  killedAttempts: number;
  failedAttempts: number;
  bytesReadLocal: number;
  bytesReadRemote: number;
  shuffleBytes: number;
  shuffleBytesLocal: number;
  shuffleBytesRemote: number;
  counters: Counters;
}
