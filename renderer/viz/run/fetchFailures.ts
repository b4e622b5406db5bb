/**
 * Spark's fetch failures in words: a task attempt that could not fetch a map output fails with
 * a `FetchFailed(...)` reason (not its code's fault, and not counted toward
 * spark.task.maxFailures), its stage attempt fails and the DAGScheduler resubmits the map stage.
 */
import type { RunEventOf } from '../../../engine/api';
import type { StageFailure } from './runViewTypes';

/** True for an attempt that failed on a fetch failure (Spark's reason starts with "FetchFailed("). */
export function isFetchFailure(a: { status: string; reason?: string | null }): boolean {
  return a.status === 'failed' && (a.reason ?? '').startsWith('FetchFailed(');
}

/** "could not fetch map output 3 of shuffle 0 (stage 1) from n2". */
export function fetchFailureText(e: RunEventOf<'fetchFailed'>): string {
  const where = e.from === null ? 'no location was registered' : `from ${e.from}`;
  return `could not fetch map output ${e.map} of shuffle ${e.shuffle} (stage ${e.mapStage}): ${where}`;
}

/**
 * "attempt 0 failed: fetch failure, resubmitted", as known at time t; `short` leaves out
 * "failed" ("attempt 0: fetch failure, resubmitted") for a line inside a DAG box.
 */
export function stageFailureText(f: StageFailure, t: number, short = false): string {
  const why = f.reason.startsWith('FetchFailed(') ? 'fetch failure' : f.reason;
  const next = !f.willRetry
    ? ', job aborted'
    : f.resubmittedAt !== null && f.resubmittedAt <= t
      ? ', resubmitted'
      : ', to be resubmitted';
  return `attempt ${f.attempt}${short ? '' : ' failed'}: ${why}${next}`;
}
