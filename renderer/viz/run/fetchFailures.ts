/**
 * Spark's fetch failures in words: a task attempt that could not fetch a map output fails with
 * a `FetchFailed(...)` reason (not its code's fault, and not counted toward
 * spark.task.maxFailures), its stage attempt fails and the DAGScheduler resubmits the map stage.
 * In the page's language.
 */
import type { RunEventOf } from '../../../engine/api';
import { i18n } from '../../i18n/i18n';
import type { StageFailure } from './runViewTypes';
import { attemptReasonText } from './attemptText';

/** True for an attempt that failed on a fetch failure (Spark's reason starts with "FetchFailed("). */
export function isFetchFailure(a: { status: string; reason?: string | null }): boolean {
  return a.status === 'failed' && (a.reason ?? '').startsWith('FetchFailed(');
}

/** "could not fetch map output 3 of shuffle 0 (stage 1) from n2". */
export function fetchFailureText(e: RunEventOf<'fetchFailed'>): string {
  const where = e.from === null ? i18n.t('run:view.fetchNowhere') : i18n.t('run:view.fetchFrom', { node: e.from });
  return i18n.t('run:view.fetchFailure', { map: e.map, shuffle: e.shuffle, stage: e.mapStage, where });
}

/**
 * "attempt 0 failed: fetch failure, resubmitted", as known at time t; `short` leaves out
 * "failed" ("attempt 0: fetch failure, resubmitted") for a line inside a DAG box.
 */
export function stageFailureText(f: StageFailure, t: number, short = false): string {
  const why = f.reason.startsWith('FetchFailed(') ? i18n.t('run:view.fetchFailureShort') : attemptReasonText(f.reason);
  const next = !f.willRetry
    ? 'aborted'
    : f.resubmittedAt !== null && f.resubmittedAt <= t
      ? 'resubmitted'
      : 'toResubmit';
  return i18n.t(`run:view.stageAttempt.${short ? 'short' : 'long'}.${next}`, { attempt: f.attempt, why });
}
