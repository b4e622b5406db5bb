/**
 * The task table of Spark's stage page at a playback instant: one row per task attempt launched
 * by t (Index, Task ID, Attempt, Status, Locality Level, Executor ID, Host, Launch Time,
 * Duration, Input, Shuffle Read, Shuffle Write, Output, Errors), the metrics of a task that has
 * not ended yet being empty as in Spark's live UI.
 */
import type { Locality } from '../../../../engine/exec';
import type { SparkUiModel, UiStageAttempt } from './sparkUiModel';
import { taskDurationAt, taskIoAt, taskStatusAt, type UiTaskStatus } from './taskStateAt';

export interface TaskRow {
  /** The attempt id (`s2.t5.1`): the row's key. */
  key: string;
  index: number;
  taskId: number;
  attempt: number;
  speculative: boolean;
  status: UiTaskStatus;
  locality: Locality;
  executor: string;
  host: string;
  launchTime: number;
  duration: number;
  inputBytes: number;
  inputRecords: number;
  shuffleReadBytes: number;
  shuffleReadRecords: number;
  shuffleWriteBytes: number;
  shuffleWriteRecords: number;
  outputBytes: number;
  outputRecords: number;
  errors: string;
}

export function taskRowsAt(model: SparkUiModel, s: UiStageAttempt, t: number): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const i of s.taskAttempts) {
    const { tid, record: a } = model.attempts[i]!;
    const status = taskStatusAt(a, t);
    if (status === null) continue;
    const io = taskIoAt(a, t);
    rows.push({
      key: a.attemptId,
      index: a.index,
      taskId: tid,
      attempt: a.attempt,
      speculative: a.speculative,
      status,
      locality: a.locality,
      executor: a.executor,
      host: a.node,
      launchTime: a.start,
      duration: taskDurationAt(a, t),
      inputBytes: io.inputBytes,
      inputRecords: io.inputRecords,
      shuffleReadBytes: io.shuffleReadBytes,
      shuffleReadRecords: io.shuffleReadRecords,
      shuffleWriteBytes: io.shuffleWriteBytes,
      shuffleWriteRecords: io.shuffleWriteRecords,
      outputBytes: io.outputBytes,
      outputRecords: io.outputRecords,
      errors: status === 'FAILED' || status === 'KILLED' ? (a.reason ?? '') : '',
    });
  }
  return rows;
}
