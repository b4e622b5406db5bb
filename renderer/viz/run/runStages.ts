/**
 * The stages of a run and their dependencies, from the trace. MapReduce: a map stage and a reduce
 * stage per job joined by a shuffle (wide), chained jobs joined through HDFS (narrow). Spark: the
 * DAGScheduler's stages (stageSubmitted / stageSkipped); their parents come from the event's
 * `parents` field when the engine records it, else they are inferred from timing (a stage is
 * submitted the moment its last parent finishes) and flagged as inferred.
 */
import type { JobRunReport } from '../../../engine/api';
import type { Bar, SparkJobView, StageEdge, StageProgress, StageView } from './runViewTypes';
import { sparkJobStages } from './sparkJobStages';
import { maxOf, minOf } from '../maxOf';

type Ev = { t: number; type: string; [k: string]: unknown };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface DerivedStages {
  stages: StageView[];
  edges: StageEdge[];
  edgesInferred: boolean;
  jobs: SparkJobView[];
}

export function deriveStages(report: JobRunReport, bars: readonly Bar[]): DerivedStages {
  const trace = (report.trace ?? []).filter((e): e is Ev => typeof e?.t === 'number' && typeof e?.type === 'string');
  const submitted = new Map<string, { t: number; tasks: number }>();
  const finished = new Map<string, number>();
  for (const e of trace) {
    const ts = str(e.taskSet);
    if (ts === null) continue;
    if (e.type === 'taskSetSubmitted' && !submitted.has(ts)) submitted.set(ts, { t: e.t, tasks: num(e.tasks) ?? 0 });
    if (e.type === 'taskSetFinished' || e.type === 'taskSetAborted') finished.set(ts, e.t);
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
  return sparkJobStages(trace, stage) ?? sparkStages(trace, stage, barsOf);
}

export type MakeStage = (
  id: string,
  label: string,
  job: string,
  taskSet: string | null,
  fallbackTasks: number,
  skipped?: boolean,
) => StageView;

function mapReduceStages(trace: Ev[], make: MakeStage, barsOf: Map<string, number[]>): DerivedStages {
  const jobs: { job: string; maps: number; reduces: number }[] = [];
  for (const e of trace) {
    const job = str(e.job);
    if (e.type === 'jobSubmitted' && job !== null && !jobs.some((j) => j.job === job))
      jobs.push({ job, maps: num(e.maps) ?? 0, reduces: num(e.reduces) ?? 0 });
  }
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
    const map = make(`${j.job}/map`, `${j.job} map`, j.job, `${j.job}/map`, j.maps);
    const reduce = make(`${j.job}/reduce`, `${j.job} reduce`, j.job, `${j.job}/reduce`, j.reduces);
    stages.push(map);
    if (reduce.tasks > 0) {
      stages.push(reduce);
      edges.push({ from: map.id, to: reduce.id, kind: 'wide', label: 'shuffle' });
    }
    if (previous) edges.push({ from: previous, to: map.id, kind: 'narrow', label: 'HDFS output' });
    previous = reduce.tasks > 0 ? reduce.id : map.id;
  }
  return { stages, edges, edgesInferred: false, jobs: [] };
}

/** Traces that do not list each job's stages (older ones): stage ids count down from the result stage. */
function sparkStages(trace: Ev[], make: MakeStage, barsOf: Map<string, number[]>): DerivedStages {
  const stages: StageView[] = [];
  const declared = new Map<string, string[]>();
  const actions = new Map<string, string>();
  let job = '0';
  for (const e of trace) {
    if (e.type === 'sparkJobSubmitted' || (e.type === 'jobSubmitted' && e.engine === 'spark')) {
      job = str(e.job) ?? job;
      actions.set(job, str(e.action) ?? 'result');
    }
    if (e.type === 'stageCompleted') {
      const done = stages.find((s) => s.id === str(e.stage));
      if (done) done.finishedAt = e.t;
    }
    if (e.type !== 'stageSubmitted' && e.type !== 'stageSkipped') continue;
    const id = str(e.stage);
    if (id === null || stages.some((s) => s.id === id)) continue;
    const rdd = str(e.rdd);
    const name = str(e.name);
    const label = `Stage ${id}${name ? `: ${name}` : rdd !== null ? ` (RDD ${rdd})` : ''}`;
    const skipped = e.type === 'stageSkipped';
    stages.push(make(id, label, str(e.job) ?? job, skipped ? null : `stage-${id}`, num(e.tasks) ?? 0, skipped));
    if (Array.isArray(e.parents))
      declared.set(
        id,
        e.parents.map((p) => String(p)),
      );
  }
  // Task sets that ran without a stage event (an older trace): still show them.
  for (const ts of [...barsOf.keys()].sort())
    if (!stages.some((s) => s.taskSet === ts)) stages.push(make(ts.replace(/^stage-/, ''), ts, job, ts, 0));
  for (const s of stages) {
    const action = actions.get(s.job);
    const lowest = minOf(
      stages.filter((x) => x.job === s.job),
      (x) => Number(x.id),
    );
    if (Number(s.id) === lowest && stages.length > 1)
      s.label += action && action !== 'result' ? ` → ${action}` : ' (result)';
  }
  if (declared.size > 0) {
    const edges: StageEdge[] = [];
    for (const [child, parents] of declared)
      for (const p of parents)
        if (stages.some((s) => s.id === p)) edges.push({ from: p, to: child, kind: 'wide', label: 'shuffle' });
    return { stages, edges, edgesInferred: false, jobs: [] };
  }
  return { stages, edges: inferSparkEdges(stages), edgesInferred: stages.length > 1, jobs: [] };
}

/** Parents have higher ids than children in the same job; a stage starts when its last parent ends. */
export function inferSparkEdges(stages: readonly StageView[]): StageEdge[] {
  const edges: StageEdge[] = [];
  const id = (s: StageView) => Number(s.id);
  for (const s of stages) {
    if (s.skipped) continue;
    const older = stages.filter((p) => p.job === s.job && id(p) > id(s) && !p.skipped);
    const triggers =
      s.submittedAt === null
        ? []
        : older.filter((p) => p.finishedAt !== null && Math.abs(p.finishedAt - s.submittedAt!) < 1e-6);
    for (const p of triggers) edges.push({ from: p.id, to: s.id, kind: 'wide', label: 'shuffle' });
  }
  for (const p of stages) {
    if (!p.skipped) continue;
    // A skipped stage gets its id right after its child's: the nearest lower running id.
    const child = stages.filter((s) => s.job === p.job && !s.skipped && id(s) < id(p)).sort((a, b) => id(b) - id(a))[0];
    if (child) edges.push({ from: p.id, to: child.id, kind: 'wide', label: 'shuffle (output reused)' });
  }
  return edges;
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
