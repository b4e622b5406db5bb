/**
 * Spark's jobs and their stages from a trace whose `jobSubmitted` events list each job's stages
 * (the engine's DAGScheduler): stage ids are global and in creation order, a stage shared by
 * several jobs appears once per job (run in one, skipped in the later ones, as Spark's UI shows
 * it), and each stage carries the RDD operations it pipelines with their cached mark.
 */
import type { MakeStage } from './runStages';
import type { SparkJobView, StageEdge, StageOp, StageView } from './runViewTypes';

type Ev = { t: number; type: string; [k: string]: unknown };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function opsOf(v: unknown): StageOp[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((o: unknown) => {
    const x = o as { rdd?: unknown; name?: unknown; cached?: unknown };
    return typeof x?.name === 'string' ? [{ rdd: num(x.rdd) ?? -1, name: x.name, cached: x.cached === true }] : [];
  });
}

/** The StageView id of stage `stage` in job `job`. */
export const sparkStageKey = (job: string, stage: number | string) => `${job}/${stage}`;

export function jobLabel(index: number, action: string, line: number | null): string {
  return `Job ${index}: ${action}${line !== null ? ` at line ${line}` : ''}`;
}

export function sparkJobStages(
  trace: readonly Ev[],
  make: MakeStage,
): { stages: StageView[]; edges: StageEdge[]; edgesInferred: false; jobs: SparkJobView[] } | null {
  if (!trace.some((e) => e.type === 'jobSubmitted' && Array.isArray(e.stages))) return null;
  const jobs: SparkJobView[] = [];
  const stages: StageView[] = [];
  const byKey = new Map<string, StageView>();
  const parentsOf = new Map<string, number[]>();
  const jobOf = new Map<string, SparkJobView>();
  for (const e of trace) {
    const job = str(e.job);
    if (job === null) continue;
    if (e.type === 'jobSubmitted' && Array.isArray(e.stages)) {
      const index = jobs.length;
      const action = str(e.action) ?? 'result';
      const line = num(e.line);
      const view: SparkJobView = {
        id: job,
        index,
        action,
        line,
        label: jobLabel(index, action, line),
        stages: [],
        submittedAt: e.t,
        finishedAt: null,
        failed: false,
      };
      view.stages = (e.stages as unknown[]).flatMap((s) => (num(s) === null ? [] : [sparkStageKey(job, num(s)!)]));
      jobs.push(view);
      jobOf.set(job, view);
      continue;
    }
    const jv = jobOf.get(job);
    if (jv && (e.type === 'jobFinished' || e.type === 'jobFailed')) {
      jv.finishedAt = e.t;
      jv.failed = e.type === 'jobFailed';
    }
    const id = num(e.stage);
    if (id === null) continue;
    const key = sparkStageKey(job, id);
    if (e.type === 'stageCompleted') {
      const s = byKey.get(key);
      if (s) s.finishedAt = e.t;
      continue;
    }
    if (e.type !== 'stageSubmitted' && e.type !== 'stageSkipped') continue;
    const skipped = e.type === 'stageSkipped';
    const attempt = num(e.attempt) ?? 0;
    const taskSet = skipped ? null : attempt > 0 ? `stage-${id}.${attempt}` : `stage-${id}`;
    const name = str(e.name);
    const made = make(key, `Stage ${id}${name ? `: ${name}` : ''}`, job, taskSet, num(e.tasks) ?? 0, skipped);
    made.stageId = id;
    made.ops = opsOf(e.ops);
    if (skipped) made.submittedAt = e.t;
    const known = byKey.get(key);
    if (known) {
      // The same stage run again in this job (lost map outputs): one box with all its attempts.
      known.bars = [...known.bars, ...made.bars];
      known.skipped = false;
      known.taskSet ??= taskSet;
      known.finishedAt = made.finishedAt;
      known.tasks = Math.max(known.tasks, made.tasks);
      continue;
    }
    byKey.set(key, made);
    stages.push(made);
    if (Array.isArray(e.parents))
      parentsOf.set(
        key,
        e.parents.flatMap((p) => (num(p) === null ? [] : [num(p)!])),
      );
  }
  for (const j of jobs) {
    // A stage the job never reached (it failed first) still belongs to its graph: it waits.
    for (const key of j.stages)
      if (!byKey.has(key)) {
        const id = Number(key.slice(key.lastIndexOf('/') + 1));
        const s = make(key, `Stage ${id}`, j.id, null, 0);
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
  return { stages, edges, edgesInferred: false, jobs };
}
