/**
 * A job that ran and failed on the simulated cluster (a task failed all its attempts): carries
 * the learner's error (file and line) as `cause`, and the partial report, so the failed attempts
 * can still be shown on the timeline.
 */
import type { JobRunReport } from './jobTypes';

export class JobFailedError extends Error {
  override name = 'JobFailedError';
  constructor(
    message: string,
    override readonly cause: Error,
    readonly report: JobRunReport,
  ) {
    super(message);
  }
}
