/**
 * Spark's default parallelism: sc.defaultParallelism (and parallelize's default numSlices) is
 * spark.default.parallelism when the run sets it, else the executors' total cores, at least 2;
 * a shuffle without a partition count uses spark.default.parallelism only when it is set
 * (Partitioner.defaultPartitioner), else its parents' largest partition count.
 */

/**
 * Spark's default parallelism on YARN and standalone clusters is the executors' total cores, and
 * at least 2 (CoarseGrainedSchedulerBackend.defaultParallelism).
 */
export const MIN_DEFAULT_PARALLELISM = 2;

/** sc.defaultParallelism: spark.default.parallelism when set, else max(total executor cores, 2). */
export function defaultParallelismOf(totalExecutorCores: number, configured: number | null = null): number {
  return configured ?? Math.max(totalExecutorCores, MIN_DEFAULT_PARALLELISM);
}
