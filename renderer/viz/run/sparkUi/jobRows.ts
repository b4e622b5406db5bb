/**
 * The rows of Spark's Jobs page at a playback instant: Job Id, Description (the action at its
 * line), Submitted, Duration, Stages: Succeeded/Total (skipped stages left out of the total and
 * named apart, as Spark does) and Tasks (for all stages): Succeeded/Total with the running and
 * failed ones; Status RUNNING, SUCCEEDED or FAILED as of t. Jobs not submitted by t are not listed.
 */
import type { SparkUiModel, UiStageAttempt } from './sparkUiModel';
import { stageStatusAt } from './stageRows';
import { taskStatusAt } from './taskStateAt';

export type JobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface JobRow {
  jobId: number;
  description: string;
  submitted: number;
  duration: number;
  status: JobStatus;
  stagesSucceeded: number;
  stagesTotal: number;
  stagesSkipped: number;
  tasksSucceeded: number;
  tasksTotal: number;
  tasksRunning: number;
  tasksFailed: number;
  tasksKilled: number;
}

export function jobRowsAt(model: SparkUiModel, t: number): JobRow[] {
  const rows: JobRow[] = [];
  for (const job of model.jobs) {
    if (job.submittedAt > t) continue;
    const ended = job.finishedAt !== null && job.finishedAt <= t;
    const status: JobStatus = ended ? (job.failed ? 'FAILED' : 'SUCCEEDED') : 'RUNNING';
    let stagesSucceeded = 0;
    let stagesSkipped = 0;
    let tasksSucceeded = 0;
    let tasksTotal = 0;
    let tasksRunning = 0;
    let tasksFailed = 0;
    let tasksKilled = 0;
    for (const id of job.stageIds) {
      const attempts = model.stages.filter((s) => s.stageId === id);
      const state = jobStageState(attempts, job.id, t);
      if (state === 'skipped') {
        stagesSkipped++;
        continue;
      }
      if (state === 'complete') stagesSucceeded++;
      // The stage's tasks in this job: its first attempt's count (a retry re-runs some of them).
      tasksTotal += attempts.find((s) => s.job === job.id)?.tasks ?? attempts[0]?.tasks ?? 0;
      for (const s of attempts) {
        if (s.job !== job.id) continue;
        const done = new Set<number>();
        for (const i of s.taskAttempts) {
          const a = model.attempts[i]!.record;
          const st = taskStatusAt(a, t);
          if (st === 'SUCCESS') done.add(a.index);
          else if (st === 'RUNNING') tasksRunning++;
          else if (st === 'FAILED') tasksFailed++;
          else if (st === 'KILLED') tasksKilled++;
        }
        tasksSucceeded += done.size;
      }
    }
    rows.push({
      jobId: job.id,
      description: job.description,
      submitted: job.submittedAt,
      duration: (ended ? job.finishedAt! : t) - job.submittedAt,
      status,
      stagesSucceeded,
      stagesTotal: job.stageIds.length - stagesSkipped,
      stagesSkipped,
      tasksSucceeded,
      tasksTotal,
      tasksRunning,
      tasksFailed,
      tasksKilled,
    });
  }
  return rows;
}

/** A job's stage as the job sees it at t: skipped (ran elsewhere or never), complete, or not yet. */
function jobStageState(attempts: readonly UiStageAttempt[], job: number, t: number): 'skipped' | 'complete' | 'open' {
  const own = attempts.filter((s) => s.job === job);
  if (own.length === 0) return 'skipped';
  const last = own.at(-1)!;
  const status = stageStatusAt(last, t);
  return status === 'skipped' ? 'skipped' : status === 'complete' ? 'complete' : 'open';
}
