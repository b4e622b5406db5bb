/**
 * The counters of a Spark run, named like Hadoop's (upper case, one word per fact): stages run
 * and skipped (as Spark's UI counts them), cached partitions read and evicted, and tasks per
 * locality level.
 */
export interface SparkCounters {
  STAGES_RUN: number;
  STAGES_SKIPPED: number;
  CACHE_HITS: number;
  BLOCKS_EVICTED: number;
  PROCESS_LOCAL_TASKS: number;
  NODE_LOCAL_TASKS: number;
  /** Tasks without a preferred location (parallelized data, a shuffle's reduce side): Spark's NO_PREF. */
  NO_PREF_TASKS: number;
  RACK_LOCAL_TASKS: number;
  ANY_TASKS: number;
}
