/**
 * The stages of a run and their dependencies, from the trace. MapReduce: a map stage and a reduce
 * stage per job joined by a shuffle (wide), chained jobs joined through HDFS (narrow). Spark: the
 * DAGScheduler's stages of each job (sparkJobStages.ts).
 */
import type { JobRunReport, RunEvent } from '../../../engine/api';
import { i18n } from '../../i18n/i18n';
import type { Bar, SparkJobView, StageEdge, StageProgress, StageView } from './runViewTypes';
import { sparkJobStages } from './sparkJobStages';
import { maxOf, minOf } from '../maxOf';

export interface DerivedStages {
  stages: StageView[];
  edges: StageEdge[];
  jobs: SparkJobView[];
}

export function deriveStages(report: JobRunReport, bars: readonly Bar[]): DerivedStages {
  const trace = report.trace;
  const submitted = new Map<string, { t: number; tasks: number }>();
  const finished = new Map<string, number>();
  for (const e of trace) {
    if (e.type === 'taskSetSubmitted' && !submitted.has(e.taskSet))
      submitted.set(e.taskSet, { t: e.t, tasks: e.tasks });
    if (e.type === 'taskSetFinished' || e.type === 'taskSetAborted') finished.set(e.taskSet, e.t);
  }
  const barsOf = new Map<string, number[]>();
  for (const b of [...bars].sort((a, c) => a.start - c.start || a.index - c.index)) {
    const list = barsOf.get(b.taskSet) ?? [];
    list.push(b.index);
    barsOf.set(b.taskSet, list);
  }
  const stage = (
    id: string,
    label: string,
    job: string,
    taskSet: string | null,
    fallbackTasks: number,
    skipped = false,
  ): StageView => {
    const sub = taskSet ? submitted.get(taskSet) : undefined;
    const own = taskSet ? (barsOf.get(taskSet) ?? []) : [];
    const distinct = new Set(own.map((i) => bars[i]!.task)).size;
    return {
      id,
      label,
      stageId: null,
      ops: [],
      job,
      taskSet,
      skipped,
      tasks: Math.max(sub?.tasks ?? 0, fallbackTasks, distinct),
      submittedAt: sub?.t ?? (own.length ? minOf(own, (i) => bars[i]!.start) : null),
      finishedAt: taskSet ? (finished.get(taskSet) ?? (own.length ? maxOf(own, (i) => bars[i]!.end) : null)) : null,
      bars: own,
    };
  };
  if (report.kind !== 'spark') return mapReduceStages(trace, stage, barsOf);
  return sparkJobStages(trace, stage);
}

export type MakeStage = (
  id: string,
  label: string,
  job: string,
  taskSet: string | null,
  fallbackTasks: number,
  skipped?: boolean,
) => StageView;

function mapReduceStages(trace: readonly RunEvent[], make: MakeStage, barsOf: Map<string, number[]>): DerivedStages {
  const jobs: { job: string; maps: number; reduces: number }[] = [];
  for (const e of trace)
    if (e.type === 'jobSubmitted' && !jobs.some((j) => j.job === e.job))
      jobs.push({ job: e.job, maps: e.maps, reduces: e.reduces });
  // Without job events, fall back to the task sets the attempts name (`job/map`, `job/reduce`).
  if (jobs.length === 0)
    for (const ts of [...barsOf.keys()].sort()) {
      const job = ts.split('/')[0]!;
      if (!jobs.some((j) => j.job === job)) jobs.push({ job, maps: 0, reduces: 0 });
    }
  const stages: StageView[] = [];
  const edges: StageEdge[] = [];
  let previous: string | null = null;
  for (const j of jobs) {
    const map = make(`${j.job}/map`, i18n.t('run:view.mrMap', { job: j.job }), j.job, `${j.job}/map`, j.maps);
    const reduce = make(
      `${j.job}/reduce`,
      i18n.t('run:view.mrReduce', { job: j.job }),
      j.job,
      `${j.job}/reduce`,
      j.reduces,
    );
    stages.push(map);
    if (reduce.tasks > 0) {
      stages.push(reduce);
      edges.push({ from: map.id, to: reduce.id, kind: 'wide', label: 'shuffle' });
    }
    if (previous) edges.push({ from: previous, to: map.id, kind: 'narrow', label: i18n.t('run:view.hdfsOutput') });
    previous = reduce.tasks > 0 ? reduce.id : map.id;
  }
  return { stages, edges, jobs: [] };
}

/** A stage's state and task counts at time t (a task is done when one of its attempts succeeded by t). */
export function stageProgressAt(stage: StageView, bars: readonly Bar[], t: number): StageProgress {
  // A skipped stage is decided when its job is submitted: before that it waits like any other.
  if (stage.skipped)
    return {
      state: stage.submittedAt === null || stage.submittedAt <= t ? 'skipped' : 'waiting',
      done: 0,
      running: 0,
      failed: 0,
      total: stage.tasks,
    };
  const done = new Set<string>();
  let running = 0;
  let failed = 0;
  for (const i of stage.bars) {
    const b = bars[i]!;
    if (b.start > t) break;
    if (b.end > t) running++;
    else if (b.status === 'succeeded') done.add(b.task);
    else if (b.status === 'failed' || b.status === 'killed') failed++;
  }
  const total = stage.tasks;
  const started = stage.submittedAt !== null && stage.submittedAt <= t;
  const state =
    done.size >= total && total > 0 && running === 0
      ? 'done'
      : started || running > 0 || done.size > 0
        ? 'running'
        : 'waiting';
  return { state, done: done.size, running, failed, total };
}
