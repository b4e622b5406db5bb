/**
 * How a learner's error inside a Spark task travels: while the sandbox computes partitions, an
 * error is tagged with the task it happened in (the innermost one: a shuffle's map partition, or
 * a result partition), so the simulation can fail that very task's attempts (Spark retries a
 * task up to spark.task.maxFailures times); the action then rejects with SparkJobAbortedError,
 * as Spark's `SparkException: Job aborted due to stage failure`.
 */

/** A learner's error raised while computing one task's partition. Internal to the runtime. */
export class SparkTaskError extends Error {
  override name = 'SparkTaskError';
  constructor(
    override readonly cause: unknown,
    /** The shuffle whose map side the task computes, or null for a result task. */
    readonly shuffleId: number | null,
    readonly partition: number,
  ) {
    super('a Spark task failed');
  }
}

/** Tags `error` with the task it happened in, keeping the innermost tag when already tagged. */
export function atTask(error: unknown, shuffleId: number | null, partition: number): SparkTaskError {
  return error instanceof SparkTaskError ? error : new SparkTaskError(error, shuffleId, partition);
}

/** What an action rejects with when one of its tasks failed (the driver may catch it). */
export class SparkJobAbortedError extends Error {
  override name = 'SparkJobAbortedError';
  constructor(
    readonly job: number,
    message: string,
  ) {
    super(message);
  }
}
