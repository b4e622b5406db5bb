/**
 * A task attempt as Spark's UI sees it at a playback instant: not launched yet (null), RUNNING,
 * or how it ended (SUCCESS, FAILED, KILLED); and its metrics, which the UI shows once the task
 * ended (Spark's executors send a task's metrics with its end), zero while it runs.
 */
import { ZERO_IO, type AttemptRecord, type TaskIo } from '../../../../engine/exec';

export type UiTaskStatus = 'RUNNING' | 'SUCCESS' | 'FAILED' | 'KILLED';

export function taskStatusAt(a: AttemptRecord, t: number): UiTaskStatus | null {
  if (a.start > t) return null;
  if (a.status === 'running' || a.end > t) return 'RUNNING';
  return a.status === 'succeeded' ? 'SUCCESS' : a.status === 'failed' ? 'FAILED' : 'KILLED';
}

/** The attempt's metrics as known at t: its own once it ended, zero before. */
export function taskIoAt(a: AttemptRecord, t: number): TaskIo {
  const s = taskStatusAt(a, t);
  return s === null || s === 'RUNNING' ? ZERO_IO : a.io;
}

/** Spark's task Duration: launch to end, or to t while it runs. */
export function taskDurationAt(a: AttemptRecord, t: number): number {
  return Math.max(0, Math.min(a.status === 'running' ? t : a.end, t) - a.start);
}
