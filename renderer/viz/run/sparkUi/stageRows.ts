/**
 * The rows of Spark's Stages page at a playback instant, in its groups: Active Stages (submitted,
 * not ended), Pending Stages (their job waits for their parents), Completed Stages, Skipped Stages
 * (their output already existed, or their job ended before they ran) and Failed Stages. Each row:
 * Stage Id (and attempt), Description, Submitted, Duration, Tasks: Succeeded/Total, Input,
 * Output, Shuffle Read, Shuffle Write; the bytes of tasks ended by t (Spark's UI adds a task's
 * metrics when it ends).
 */
import type { SparkUiModel, UiStageAttempt } from './sparkUiModel';
import { taskIoAt, taskStatusAt } from './taskStateAt';

export type StageStatus = 'active' | 'pending' | 'complete' | 'skipped' | 'failed';
/** The page's groups in Spark's order; each is headed by `run:spark.group.<status>` (Spark's own titles). */
export const STAGE_GROUPS: readonly StageStatus[] = ['active', 'pending', 'complete', 'skipped', 'failed'];

export interface StageRow {
  key: string;
  stageId: number;
  attempt: number;
  job: number;
  status: StageStatus;
  description: string;
  submitted: number | null;
  duration: number | null;
  tasksSucceeded: number;
  tasksTotal: number;
  tasksRunning: number;
  tasksFailed: number;
  inputBytes: number;
  inputRecords: number;
  outputBytes: number;
  outputRecords: number;
  shuffleReadBytes: number;
  shuffleReadRecords: number;
  shuffleWriteBytes: number;
  shuffleWriteRecords: number;
  failureReason: string | null;
}

/** A stage attempt's status at t, or null before its job listed it. */
export function stageStatusAt(s: UiStageAttempt, t: number): StageStatus | null {
  if (s.failedAt !== null && s.failedAt <= t) return 'failed';
  if (s.completedAt !== null && s.completedAt <= t) return 'complete';
  if (s.submittedAt !== null && s.submittedAt <= t) return 'active';
  if (s.skippedAt !== null && s.skippedAt <= t) return 'skipped';
  if (s.jobEndedAt !== null && s.jobEndedAt <= t) return 'skipped';
  return s.jobSubmittedAt <= t ? 'pending' : null;
}

export function stageRowAt(model: SparkUiModel, s: UiStageAttempt, t: number): StageRow | null {
  const status = stageStatusAt(s, t);
  if (status === null) return null;
  const row: StageRow = {
    key: s.key,
    stageId: s.stageId,
    attempt: s.attempt,
    job: s.job,
    status,
    description: s.description,
    submitted: status === 'active' || status === 'complete' || status === 'failed' ? s.submittedAt : null,
    duration: null,
    tasksSucceeded: 0,
    tasksTotal: s.tasks,
    tasksRunning: 0,
    tasksFailed: 0,
    inputBytes: 0,
    inputRecords: 0,
    outputBytes: 0,
    outputRecords: 0,
    shuffleReadBytes: 0,
    shuffleReadRecords: 0,
    shuffleWriteBytes: 0,
    shuffleWriteRecords: 0,
    failureReason: status === 'failed' ? s.failureReason : null,
  };
  if (row.submitted !== null) {
    const end = status === 'complete' ? s.completedAt! : status === 'failed' ? s.failedAt! : t;
    row.duration = end - row.submitted;
  }
  const done = new Set<number>();
  for (const i of s.taskAttempts) {
    const a = model.attempts[i]!.record;
    const st = taskStatusAt(a, t);
    if (st === null) continue;
    if (st === 'SUCCESS') done.add(a.index);
    else if (st === 'RUNNING') row.tasksRunning++;
    else if (st === 'FAILED') row.tasksFailed++;
    const io = taskIoAt(a, t);
    row.inputBytes += io.inputBytes;
    row.inputRecords += io.inputRecords;
    row.outputBytes += io.outputBytes;
    row.outputRecords += io.outputRecords;
    row.shuffleReadBytes += io.shuffleReadBytes;
    row.shuffleReadRecords += io.shuffleReadRecords;
    row.shuffleWriteBytes += io.shuffleWriteBytes;
    row.shuffleWriteRecords += io.shuffleWriteRecords;
  }
  row.tasksSucceeded = done.size;
  return row;
}

/** Every stage attempt listed by t, newest first within each group (as Spark's tables start). */
export function stageRowsAt(model: SparkUiModel, t: number): Record<StageStatus, StageRow[]> {
  const groups: Record<StageStatus, StageRow[]> = { active: [], pending: [], complete: [], skipped: [], failed: [] };
  for (const s of model.stages) {
    const row = stageRowAt(model, s, t);
    if (row) groups[row.status].push(row);
  }
  for (const g of Object.values(groups)) g.sort((a, b) => b.stageId - a.stageId || b.attempt - a.attempt);
  return groups;
}
