/**
 * What Spark's web UI knows of a run, read once from the report: the jobs (one per action), each
 * stage attempt (Spark's stage id and attempt number, its task set, when it was submitted,
 * completed, failed or skipped), every task attempt with Spark's task id (TID: the attempts'
 * launch order across the application) and the executors. The pages (jobRows, stageRows,
 * stageSummary, taskRows, executorRows) derive their rows from this at a playback instant.
 */
import type { JobRunReport } from '../../../../engine/api';
import { i18n } from '../../../i18n/i18n';
import type { AttemptRecord } from '../../../../engine/exec';

export interface UiJob {
  /** Spark's job id (0, 1, ... in submission order). */
  id: number;
  /** The trace's job name (`spark-job-3`). */
  name: string;
  /** Spark's description of a job: its action and call site, e.g. "count at line 4". */
  description: string;
  stageIds: number[];
  submittedAt: number;
  finishedAt: number | null;
  failed: boolean;
}

export interface UiStageAttempt {
  /** `${stageId}.${attempt}`: the row's key. */
  key: string;
  stageId: number;
  attempt: number;
  /** The job that submitted (or skipped) it. */
  job: number;
  /** Spark's description: the result stage's action at its line, else the RDD operations it pipelines. */
  description: string;
  /** The scheduler's task set (`stage-3`, `stage-3.1`); null for a stage that never ran. */
  taskSet: string | null;
  /** Tasks the attempt runs (a resubmitted attempt: only the missing partitions). */
  tasks: number;
  /** Submitted (or skipped, or known pending) from this instant. */
  submittedAt: number | null;
  completedAt: number | null;
  failedAt: number | null;
  failureReason: string | null;
  /** Skipped: its output already existed (skippedAt), or its job ended before it ran (jobEndedAt). */
  skippedAt: number | null;
  /** When the job that lists it ended (a stage still pending then is skipped, as Spark marks it). */
  jobEndedAt: number | null;
  /** When the job that lists it was submitted (from then on it is pending until it runs). */
  jobSubmittedAt: number;
  /** Indices into `attempts`, in launch order. */
  taskAttempts: number[];
}

export interface UiTaskAttempt {
  /** Spark's task id: the launch order across the application. */
  tid: number;
  record: AttemptRecord;
}

export interface UiExecutor {
  id: string;
  host: string;
  cores: number;
  addedAt: number;
  lostAt: number | null;
  lostReason: string | null;
}

export interface SparkUiModel {
  jobs: UiJob[];
  stages: UiStageAttempt[];
  attempts: UiTaskAttempt[];
  executors: UiExecutor[];
  /** Where the driver ran and since when, when the trace says. */
  driver: { host: string; startedAt: number } | null;
  /** Nodes killed during the run, and when (the trace's nodeDied). */
  nodeDeaths: { node: string; t: number }[];
}

export function sparkUiModel(report: JobRunReport): SparkUiModel {
  const records = report.attempts ?? [];
  const attempts = records.map((record, tid) => ({ tid, record }));
  const byTaskSet = new Map<string, number[]>();
  attempts.forEach(({ record }, i) => {
    const list = byTaskSet.get(record.taskSet) ?? [];
    list.push(i);
    byTaskSet.set(record.taskSet, list);
  });
  const jobs: UiJob[] = [];
  const jobByName = new Map<string, UiJob>();
  const stages: UiStageAttempt[] = [];
  const stageByKey = new Map<string, UiStageAttempt>();
  /** The latest attempt of each stage id (what stageCompleted refers to). */
  const latest = new Map<number, UiStageAttempt>();
  const skippedOnly = new Map<number, UiStageAttempt>();
  const executors: UiExecutor[] = [];
  let driver: SparkUiModel['driver'] = null;
  const resultStage = new Map<number, UiJob>();
  const aborted = new Map<string, number>();
  for (const e of report.trace) {
    if (e.type === 'taskSetAborted') aborted.set(e.taskSet, e.t);
  }
  for (const e of report.trace) {
    switch (e.type) {
      case 'driverStarted':
        driver ??= { host: e.host, startedAt: e.t };
        break;
      case 'executorAdded':
        if (!executors.some((x) => x.id === e.executor))
          executors.push({
            id: e.executor,
            host: e.node,
            cores: e.cores,
            addedAt: e.t,
            lostAt: null,
            lostReason: null,
          });
        break;
      case 'executorLost': {
        const x = executors.find((y) => y.id === e.executor && y.lostAt === null);
        if (x) {
          x.lostAt = e.t;
          x.lostReason = e.reason;
        }
        break;
      }
      case 'jobSubmitted': {
        if (e.engine !== 'spark') break;
        const line = e.line ?? null;
        const action = e.action ?? 'result';
        const job: UiJob = {
          id: jobs.length,
          name: e.job,
          description: line !== null ? i18n.t('run:view.atLine', { action, line }) : action,
          stageIds: [...(e.stages ?? [])],
          submittedAt: e.t,
          finishedAt: null,
          failed: false,
        };
        jobs.push(job);
        jobByName.set(e.job, job);
        const last = job.stageIds.at(-1);
        if (last !== undefined) resultStage.set(last, job);
        break;
      }
      case 'jobFinished':
      case 'jobFailed': {
        const job = jobByName.get(e.job);
        if (job && job.finishedAt === null) {
          job.finishedAt = e.t;
          job.failed = e.type === 'jobFailed';
        }
        break;
      }
      case 'stageSubmitted': {
        const attempt = e.attempt ?? 0;
        const key = `${e.stage}.${attempt}`;
        if (stageByKey.has(key)) break;
        const job = jobByName.get(e.job);
        const taskSet = attempt > 0 ? `stage-${e.stage}.${attempt}` : `stage-${e.stage}`;
        const s: UiStageAttempt = {
          key,
          stageId: e.stage,
          attempt,
          job: job?.id ?? 0,
          description: describe(e.stage, e.name, resultStage),
          taskSet,
          tasks: e.tasks,
          submittedAt: e.t,
          completedAt: null,
          failedAt: aborted.get(taskSet) ?? null,
          failureReason: aborted.has(taskSet) ? 'a task failed every attempt: the job was aborted' : null,
          skippedAt: null,
          jobEndedAt: null,
          jobSubmittedAt: job?.submittedAt ?? e.t,
          taskAttempts: byTaskSet.get(taskSet) ?? [],
        };
        stages.push(s);
        stageByKey.set(key, s);
        latest.set(e.stage, s);
        skippedOnly.delete(e.stage);
        break;
      }
      case 'stageCompleted': {
        const s = latest.get(e.stage);
        if (s && s.completedAt === null && s.failedAt === null) s.completedAt = e.t;
        break;
      }
      case 'stageFailed': {
        const s = stageByKey.get(`${e.stage}.${e.attempt}`);
        if (s && s.failedAt === null) {
          s.failedAt = e.t;
          s.failureReason = e.reason;
        }
        break;
      }
      case 'stageSkipped': {
        if (latest.has(e.stage) || skippedOnly.has(e.stage)) break;
        const job = jobByName.get(e.job);
        const s: UiStageAttempt = {
          key: `${e.stage}.0`,
          stageId: e.stage,
          attempt: 0,
          job: job?.id ?? 0,
          description: describe(e.stage, e.name, resultStage),
          taskSet: null,
          tasks: e.tasks ?? 0,
          submittedAt: null,
          completedAt: null,
          failedAt: null,
          failureReason: null,
          skippedAt: e.t,
          jobEndedAt: null,
          jobSubmittedAt: job?.submittedAt ?? e.t,
          taskAttempts: [],
        };
        skippedOnly.set(e.stage, s);
        break;
      }
      default:
        break;
    }
  }
  // A stage skipped in one job but run in a later one (its map outputs were lost) is that run.
  for (const [id, s] of skippedOnly) if (!latest.has(id)) stages.push(s);
  // Stages a job listed but never reached (it failed first): pending, then skipped at its end.
  for (const job of jobs)
    for (const id of job.stageIds)
      if (!stages.some((s) => s.stageId === id))
        stages.push({
          key: `${id}.0`,
          stageId: id,
          attempt: 0,
          job: job.id,
          description: describe(id, i18n.t('run:view.dag.stage', { stage: id }), resultStage),
          taskSet: null,
          tasks: 0,
          submittedAt: null,
          completedAt: null,
          failedAt: null,
          failureReason: null,
          skippedAt: null,
          jobEndedAt: job.finishedAt,
          jobSubmittedAt: job.submittedAt,
          taskAttempts: [],
        });
  stages.sort((a, b) => a.stageId - b.stageId || a.attempt - b.attempt);
  const nodeDeaths = report.trace.flatMap((e) => (e.type === 'nodeDied' ? [{ node: e.node, t: e.t }] : []));
  return { jobs, stages, attempts, executors, driver, nodeDeaths };
}

function describe(stage: number, name: string, results: Map<number, UiJob>): string {
  const job = results.get(stage);
  return job ? job.description : name;
}
