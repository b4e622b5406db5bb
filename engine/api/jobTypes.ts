/** The public types of running a job (for the lab player, the CLI and tests). */
import type { TraceEvent } from '../core';
import type { ClusterSpec, FaultSpec } from '../cluster';
import type { AttemptRecord } from '../exec/taskTypes';
import type { MapReduceCounters } from '../mapreduce/mapReduceCounters';
import type { JobSource, TaskRunner } from '../sandbox/taskRunner';

export interface RunJobOptions {
  source: JobSource;
  runner: TaskRunner;
  /** A ClusterSpec (a preset's or a custom one). */
  cluster: ClusterSpec;
  seed: number;
  /** dfs.blocksize for files put by this run (default 128 MB). */
  blockSize?: number;
  /** Files to put into HDFS before the job starts. */
  files?: { path: string; bytes: Uint8Array }[];
  faults?: FaultSpec[];
  /** Provide built-in sample datasets for missing input paths (default true). */
  sampleData?: boolean;
  maxAttempts?: number;
  speculation?: boolean;
}

export interface JobMetrics {
  kind: 'mapreduce' | 'spark';
  jobs: number;
  tasks: number;
  attempts: number;
  killedAttempts: number;
  bytesReadLocal: number;
  bytesReadRemote: number;
  shuffleBytes: number;
  shuffleBytesLocal: number;
  shuffleBytesRemote: number;
  counters: MapReduceCounters | Record<string, number>;
}

export interface JobRunReport {
  kind: 'mapreduce' | 'spark';
  /** MapReduce: the output's [key, value] pairs read back from HDFS, sorted by key. Spark: the job's return value. */
  result: unknown;
  simulatedMs: number;
  metrics: JobMetrics;
  /** Every task attempt: node, locality, start, end, status and its cost breakdown. */
  attempts: AttemptRecord[];
  trace: TraceEvent[];
  /** Sample datasets this run generated because the job read them and nothing was put there. */
  generatedInputs: string[];
}
