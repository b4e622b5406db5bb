/**
 * The MapReduce jobs of a run as Hadoop's JobHistory server shows them, at playback time t: each
 * job's overview (Submitted, Started, Finished, Elapsed, Average Map/Shuffle/Merge/Reduce Time,
 * tasks Total/Successful/Failed/Killed), its map and reduce tasks and their attempts (node,
 * Shuffle Finished, Merge Finished, elapsed shuffle, merge and reduce). Pure: from the report's
 * attempts and trace; an attempt that has not ended by t is RUNNING, one not started is not there.
 */
import type { JobRunReport } from '../../../../engine/api';
import type { AttemptRecord } from '../../../../engine/exec';

export type AttemptState = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'KILLED';
export type TaskState = 'SCHEDULED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'KILLED';
export type JobState = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface HistoryAttempt {
  attemptId: string;
  taskId: string;
  kind: 'map' | 'reduce';
  state: AttemptState;
  node: string;
  container: number | null;
  start: number;
  /** null while it runs. */
  finish: number | null;
  /** Time so far (to t) while it runs. */
  elapsed: number;
  /** Reducers: when the shuffle and the merge finished (null until then, and for maps). */
  shuffleFinished: number | null;
  mergeFinished: number | null;
  elapsedShuffle: number | null;
  elapsedMerge: number | null;
  elapsedReduce: number | null;
  /** Why it failed or was killed (Hadoop's Note / Diagnostics), the engine's English. */
  note: string;
  /** The record behind it (its io and counters). */
  record: AttemptRecord;
}

export interface HistoryTask {
  taskId: string;
  kind: 'map' | 'reduce';
  index: number;
  state: TaskState;
  start: number | null;
  finish: number | null;
  elapsed: number | null;
  /** Its attempts started by t, first to last. */
  attempts: HistoryAttempt[];
  /** The attempt whose output counts at t (the last one that succeeded, unless its map output was lost since). */
  successful: HistoryAttempt | null;
}

export interface TaskTally {
  total: number;
  successful: number;
  failed: number;
  killed: number;
  running: number;
  pending: number;
}

export interface HistoryJob {
  jobId: string;
  name: string;
  queue: string;
  state: JobState;
  submitted: number;
  /** When the ApplicationMaster started (null before). */
  started: number | null;
  finished: number | null;
  elapsed: number;
  /** Why the job failed (Hadoop's Diagnostics): the task that failed it and the engine's reason, in English. */
  diagnostics: { task: string; reason: string } | null;
  averageMapTime: number | null;
  averageShuffleTime: number | null;
  averageMergeTime: number | null;
  averageReduceTime: number | null;
  maps: TaskTally;
  reduces: TaskTally;
  /** Attempts (not tasks) by outcome, as the overview's attempt table counts them. */
  mapAttempts: { failed: number; killed: number; successful: number; running: number };
  reduceAttempts: { failed: number; killed: number; successful: number; running: number };
  mapTasks: HistoryTask[];
  reduceTasks: HistoryTask[];
}

/** The MapReduce jobs submitted by t, in order, as JobHistory would show them at t. */
export function jobHistoryAt(report: JobRunReport, t: number): HistoryJob[] {
  if (report.kind !== 'mapreduce') return [];
  const trace = report.trace;
  const appOfContainer = new Map<number, string>();
  const apps = new Map<string, { name: string; queue: string }>();
  for (const e of trace) {
    if (e.type === 'containerAllocated') appOfContainer.set(e.container, e.app);
    else if (e.type === 'applicationSubmitted') apps.set(e.app, { name: e.name, queue: e.queue });
  }
  const jobs: HistoryJob[] = [];
  for (const e of trace) {
    if (e.type !== 'jobSubmitted' || e.engine !== 'mapreduce' || e.t > t) continue;
    const jobId = e.job;
    const am = trace.find((x) => x.type === 'appMasterLaunched' && x.job === jobId && x.t <= t);
    const app = am?.type === 'appMasterLaunched' ? apps.get(appOfContainer.get(am.container) ?? '') : undefined;
    const end = trace.find((x) => (x.type === 'jobFinished' || x.type === 'jobFailed') && x.job === jobId && x.t <= t);
    const lost = trace.filter((x) => x.type === 'mapOutputLost' && x.job === jobId && x.t <= t);
    const attempts = report.attempts.filter((a) => a.start <= t && a.taskSet.startsWith(`${jobId}/`));
    const mapTasks = tasksOf(attempts, 'map', e.maps, jobId, t, lost);
    const reduceTasks = tasksOf(attempts, 'reduce', e.reduces, jobId, t, []);
    const failed = end?.type === 'jobFailed';
    if (failed)
      for (const task of [...mapTasks, ...reduceTasks])
        if (task.state !== 'SUCCEEDED') task.state = failedTaskState(task);
    const wonMaps = mapTasks.flatMap((x) => (x.successful ? [x.successful] : []));
    const wonReduces = reduceTasks.flatMap((x) => (x.successful ? [x.successful] : []));
    jobs.push({
      jobId,
      name: (app?.name ?? jobId).replace(/ \(MapReduce\)$/, ''),
      queue: app?.queue ?? 'default',
      state: end === undefined ? 'RUNNING' : failed ? 'FAILED' : 'SUCCEEDED',
      submitted: e.t,
      started: am?.t ?? null,
      finished: end?.t ?? null,
      elapsed: (end?.t ?? t) - e.t,
      diagnostics: end?.type === 'jobFailed' ? { task: end.task, reason: end.reason } : null,
      averageMapTime: mean(wonMaps.map((a) => a.elapsed)),
      averageShuffleTime: mean(wonReduces.map((a) => a.elapsedShuffle ?? 0)),
      averageMergeTime: mean(wonReduces.map((a) => a.elapsedMerge ?? 0)),
      averageReduceTime: mean(wonReduces.map((a) => a.elapsedReduce ?? 0)),
      maps: tally(mapTasks),
      reduces: tally(reduceTasks),
      mapAttempts: attemptTally(mapTasks),
      reduceAttempts: attemptTally(reduceTasks),
      mapTasks,
      reduceTasks,
    });
  }
  return jobs;
}

function tasksOf(
  attempts: readonly AttemptRecord[],
  kind: 'map' | 'reduce',
  count: number,
  jobId: string,
  t: number,
  lost: readonly { t: number; task?: string }[],
): HistoryTask[] {
  const byIndex = new Map<number, AttemptRecord[]>();
  let n = count;
  for (const a of attempts) {
    if (a.taskSet !== `${jobId}/${kind}`) continue;
    const list = byIndex.get(a.index);
    if (list) list.push(a);
    else byIndex.set(a.index, [a]);
    n = Math.max(n, a.index + 1);
  }
  const lostTasks = new Map<string, number>();
  for (const l of lost) if (l.task !== undefined) lostTasks.set(l.task, Math.max(lostTasks.get(l.task) ?? -1, l.t));
  const letter = kind === 'map' ? 'm' : 'r';
  return Array.from({ length: n }, (_, index) => {
    const own = (byIndex.get(index) ?? []).sort((x, y) => x.start - y.start || x.attempt - y.attempt);
    const taskId = own[0]?.task ?? `task_${jobId.slice(4)}_${letter}_${String(index).padStart(6, '0')}`;
    const list = own.map((a) => attemptAt(a, kind, t));
    const won = list.filter((a) => a.state === 'SUCCEEDED').sort((x, y) => x.finish! - y.finish!);
    let successful = won[won.length - 1] ?? null;
    // A map whose output was lost after it succeeded runs again (Hadoop re-schedules it).
    if (successful && (lostTasks.get(taskId) ?? -1) >= successful.finish!) successful = null;
    const running = list.some((a) => a.state === 'RUNNING');
    const start = list.length > 0 ? Math.min(...list.map((a) => a.start)) : null;
    const finish = successful?.finish ?? null;
    return {
      taskId,
      kind,
      index,
      state: successful ? 'SUCCEEDED' : running ? 'RUNNING' : 'SCHEDULED',
      start,
      finish,
      elapsed: start === null ? null : (finish ?? t) - start,
      attempts: list,
      successful,
    };
  });
}

function attemptAt(a: AttemptRecord, kind: 'map' | 'reduce', t: number): HistoryAttempt {
  const done = a.end <= t && a.status !== 'running';
  const state: AttemptState = done ? (a.status.toUpperCase() as AttemptState) : 'RUNNING';
  const finish = done ? a.end : null;
  let shuffleFinished: number | null = null;
  let mergeFinished: number | null = null;
  if (kind === 'reduce') {
    // A reducer's phases in order: start-up and shuffle, the merge (its sort & spill), then reduce and write.
    const sf = Math.min(a.end, a.start + a.cost.startup + a.cost.shuffle);
    const mf = Math.min(a.end, sf + a.cost.spill);
    if (sf <= t && (done || sf < a.end)) shuffleFinished = sf;
    if (shuffleFinished !== null && mf <= t && (done || mf < a.end)) mergeFinished = mf;
  }
  const end = finish ?? t;
  return {
    attemptId: a.attemptId,
    taskId: a.task,
    kind,
    state,
    node: a.node,
    container: a.container,
    start: a.start,
    finish,
    elapsed: end - a.start,
    shuffleFinished,
    mergeFinished,
    elapsedShuffle: shuffleFinished === null ? null : shuffleFinished - a.start,
    elapsedMerge: mergeFinished === null ? null : mergeFinished - shuffleFinished!,
    elapsedReduce: mergeFinished === null || finish === null ? null : finish - mergeFinished,
    note: done ? (a.reason ?? '') : '',
    record: a,
  };
}

/**
 * A task that ended without success is FAILED when its last attempt failed (it used up its
 * attempts: the task that failed the job), KILLED when its last attempt was killed (the job
 * failing killed it), as Hadoop's JobHistory says, whatever its earlier attempts did.
 */
function failedTaskState(task: HistoryTask): TaskState {
  const last = task.attempts.reduce<HistoryTask['attempts'][number] | null>(
    (l, a) => (l === null || a.start >= l.start ? a : l),
    null,
  );
  return last?.state === 'FAILED' ? 'FAILED' : 'KILLED';
}

function tally(tasks: readonly HistoryTask[]): TaskTally {
  const n = (s: TaskState) => tasks.filter((x) => x.state === s).length;
  return {
    total: tasks.length,
    successful: n('SUCCEEDED'),
    failed: n('FAILED'),
    killed: n('KILLED'),
    running: n('RUNNING'),
    pending: n('SCHEDULED'),
  };
}

function attemptTally(tasks: readonly HistoryTask[]) {
  const all = tasks.flatMap((x) => x.attempts);
  const n = (s: AttemptState) => all.filter((a) => a.state === s).length;
  return { failed: n('FAILED'), killed: n('KILLED'), successful: n('SUCCEEDED'), running: n('RUNNING') };
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}
