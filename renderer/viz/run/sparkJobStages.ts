/**
 * Spark's jobs and their stages from a trace whose `jobSubmitted` events list each job's stages
 * (the engine's DAGScheduler): stage ids are global and in creation order, a stage shared by
 * several jobs appears once per job (run in one, skipped in the later ones, as Spark's UI shows
 * it), each stage carries the RDD operations it pipelines with their cached mark, and a stage
 * attempt that failed on a fetch failure is kept with its resubmission.
 */
import type { RunEvent } from '../../../engine/api';
import { i18n } from '../../i18n/i18n';
import type { MakeStage } from './runStages';
import type { SparkJobView, StageEdge, StageView } from './runViewTypes';

/** The StageView id of stage `stage` in job `job`. */
export const sparkStageKey = (job: string, stage: number | string) => `${job}/${stage}`;

export function jobLabel(index: number, action: string, line: number | null): string {
  return line !== null
    ? i18n.t('run:view.jobAtLine', { index, action, line })
    : i18n.t('run:view.job', { index, action });
}

export function sparkJobStages(
  trace: readonly RunEvent[],
  make: MakeStage,
): { stages: StageView[]; edges: StageEdge[]; jobs: SparkJobView[] } {
  const jobs: SparkJobView[] = [];
  const stages: StageView[] = [];
  const byKey = new Map<string, StageView>();
  const parentsOf = new Map<string, number[]>();
  const jobOf = new Map<string, SparkJobView>();
  for (const e of trace) {
    if (e.type === 'jobSubmitted') {
      if (e.engine !== 'spark') continue;
      const index = jobs.length;
      const action = e.action ?? 'result';
      const line = e.line ?? null;
      const view: SparkJobView = {
        id: e.job,
        index,
        action,
        line,
        label: jobLabel(index, action, line),
        stages: (e.stages ?? []).map((s) => sparkStageKey(e.job, s)),
        submittedAt: e.t,
        finishedAt: null,
        failed: false,
      };
      jobs.push(view);
      jobOf.set(e.job, view);
      continue;
    }
    if (e.type === 'jobFinished' || e.type === 'jobFailed') {
      const jv = jobOf.get(e.job);
      if (jv) {
        jv.finishedAt = e.t;
        jv.failed = e.type === 'jobFailed';
      }
      continue;
    }
    if (e.type === 'stageCompleted') {
      const s = byKey.get(sparkStageKey(e.job, e.stage));
      if (s) s.finishedAt = e.t;
      continue;
    }
    if (e.type === 'stageFailed') {
      const s = byKey.get(sparkStageKey(e.job, e.stage));
      if (s)
        (s.failures ??= []).push({
          attempt: e.attempt,
          at: e.t,
          reason: e.reason,
          willRetry: e.willRetry,
          resubmittedAt: null,
        });
      continue;
    }
    if (e.type === 'stageResubmitted') {
      for (const id of e.stages) {
        const failure = [...(byKey.get(sparkStageKey(e.job, id))?.failures ?? [])]
          .reverse()
          .find((f) => f.resubmittedAt === null);
        if (failure) failure.resubmittedAt = e.t;
      }
      continue;
    }
    if (e.type !== 'stageSubmitted' && e.type !== 'stageSkipped') continue;
    const key = sparkStageKey(e.job, e.stage);
    const skipped = e.type === 'stageSkipped';
    const attempt = e.type === 'stageSubmitted' ? (e.attempt ?? 0) : 0;
    const taskSet = skipped ? null : attempt > 0 ? `stage-${e.stage}.${attempt}` : `stage-${e.stage}`;
    // A resubmitted attempt runs only the missing partitions: its size is its task set's, not the stage's.
    const fallback = attempt > 0 ? 0 : (e.tasks ?? 0);
    const title = e.name
      ? i18n.t('run:view.stageNamed', { stage: e.stage, name: e.name })
      : i18n.t('run:view.dag.stage', { stage: e.stage });
    const made = make(key, title, e.job, taskSet, fallback, skipped);
    made.stageId = e.stage;
    made.ops = (e.ops ?? []).map((o) => ({ rdd: o.rdd, name: o.name, cached: o.cached }));
    if (skipped) made.submittedAt = e.t;
    const known = byKey.get(key);
    if (known) {
      // The same stage run again in this job (lost map outputs): one box with all its attempts. A
      // stage this job had skipped runs only the partitions whose output was lost: those are its tasks.
      known.tasks = known.skipped ? made.tasks : Math.max(known.tasks, made.tasks);
      known.bars = [...known.bars, ...made.bars];
      known.skipped = false;
      known.taskSet ??= taskSet;
      known.finishedAt = made.finishedAt;
      continue;
    }
    byKey.set(key, made);
    stages.push(made);
    parentsOf.set(key, e.parents);
  }
  for (const j of jobs) {
    // A stage the job never reached (it failed first) still belongs to its graph: it waits.
    for (const key of j.stages)
      if (!byKey.has(key)) {
        const id = Number(key.slice(key.lastIndexOf('/') + 1));
        const s = make(key, i18n.t('run:view.dag.stage', { stage: id }), j.id, null, 0);
        s.stageId = id;
        byKey.set(key, s);
        stages.push(s);
      }
    // The result stage (the job's last) is labelled with the action, as Spark's UI names it.
    const last = j.stages.at(-1);
    const result = last ? byKey.get(last) : undefined;
    if (result) result.label += ` → ${j.action}`;
  }
  const edges: StageEdge[] = [];
  for (const [key, parents] of parentsOf) {
    const job = byKey.get(key)!.job;
    for (const p of parents)
      if (byKey.has(sparkStageKey(job, p)))
        edges.push({ from: sparkStageKey(job, p), to: key, kind: 'wide', label: 'shuffle' });
  }
  return { stages, edges, jobs };
}
