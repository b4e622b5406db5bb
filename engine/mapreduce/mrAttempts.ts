/**
 * The life of a MapReduce task attempt inside the ApplicationMaster (mrAppMaster.ts): started on
 * an allocated container, the end of its work scheduled, then succeeded, failed (the task's
 * fault, counted against maxAttempts) or killed (not its fault: node lost, fetch failure, a
 * faster copy), each with its trace event and the follow-up requests for the task and the job.
 */
import type { Container } from '../yarn';
import { ZERO_COST, ZERO_IO, type AttemptRecord, type Locality } from '../exec/taskTypes';
import type { MrAppMaster } from './mrAppMaster';
import { fillAttemptIo } from './mrAttemptIo';
import type { MrAttempt, MrTask } from './mrTypes';

const LOCALITY: Record<Container['locality'], Locality> = { node: 'NODE_LOCAL', rack: 'RACK_LOCAL', any: 'ANY' };

/** Starts a new attempt of `task` on the allocated container `c` and launches it. */
export function startAttempt(am: MrAppMaster, task: MrTask, c: Container, speculative: boolean): void {
  const k = am.ctx.kernel;
  const n = task.launched++;
  const record: AttemptRecord = {
    taskSet: task.kind === 'map' ? am.mapTaskSet : am.reduceTaskSet,
    task: task.id,
    index: task.index,
    attempt: n,
    attemptId: `attempt_${task.id.slice(5)}_${n}`,
    container: c.id,
    node: c.nodeId,
    executor: `container_${c.id}`,
    locality: task.kind === 'map' ? LOCALITY[c.locality] : 'ANY',
    start: k.now,
    end: k.now,
    status: 'running',
    speculative,
    cost: { ...ZERO_COST },
    io: { ...ZERO_IO },
  };
  const a: MrAttempt = {
    task,
    record,
    container: c,
    phase: 'starting',
    handles: [],
    workEnd: Number.POSITIVE_INFINITY,
    bookAt: -1,
    readLocal: 0,
    readRemote: 0,
    shuffleLocal: 0,
    shuffleRemote: 0,
    fetchedLocal: 0,
    fetchedRemote: 0,
    unfetched: task.kind === 'reduce' ? new Set() : null,
    life: am.ctx.cluster.life(c.node),
  };
  task.running.push(a);
  am.speculation?.[task.kind].started(a);
  am.attempts.push(a);
  am.byContainer.set(c.id, a);
  if (am.ctx.tracing)
    am.ctx.trace.record({
      t: k.now,
      type: 'taskStarted',
      ...attemptIds(a),
      executor: record.executor,
      locality: record.locality,
      speculative,
    });
  am.ctx.noteTaskEvent();
  am.app.launch(c);
}

/** Schedules the end of the attempt's work, `totalMs` after its start (allocation). */
export function endAfter(am: MrAppMaster, a: MrAttempt, totalMs: number, then: () => void): void {
  const k = am.ctx.kernel;
  a.workEnd = a.record.start + totalMs;
  am.speculation?.[a.task.kind].scheduled(a);
  a.handles.push(k.scheduleAt(Math.max(k.now, a.workEnd), () => reportEnd(am, a, then)));
}

/**
 * The attempt's end reaches the AM when its node can say so: at once, or once its rack heals if
 * the attempt is still running then. A node that died mid-attempt never reports back: the attempt
 * hangs until YARN declares its container lost (the AM's only way to know).
 */
export function reportEnd(am: MrAppMaster, a: MrAttempt, then: () => void): void {
  const { cluster } = am.ctx;
  cluster.whenReachable(a.container.node, () => {
    // A process whose node died since it started is gone, even if the node is back.
    if (a.phase !== 'ended' && cluster.life(a.container.node) === a.life) then();
  });
}

export function succeedAttempt(am: MrAppMaster, a: MrAttempt): void {
  if (!am.app.complete(a.container, 'succeeded')) return;
  const task = a.task;
  endAttempt(am, a, 'succeeded');
  if (task.kind === 'reduce' && !task.done) am.reducesDone++;
  task.done = true;
  am.speculation?.[task.kind].won(a, task.winner);
  task.winner = a;
  if (am.ctx.tracing) {
    const r = a.record;
    am.ctx.trace.record({
      t: am.ctx.kernel.now,
      type: 'taskFinished',
      ...attemptIds(a),
      ms: r.end - r.start,
      cost: r.cost,
    });
  }
  for (const other of [...task.running]) killAttempt(am, other, `${a.record.attemptId} finished first`);
  if (task.kind === 'map') {
    if (task.outputNode === null) am.mapOutputsHeld++;
    task.outputNode = a.container.nodeId;
    if (am.allMapOutputsHeld()) am.requestReduces();
  } else if (am.reducesDone === am.reduces.length) am.finishJob();
}

export function failAttempt(am: MrAppMaster, a: MrAttempt, reason: string, error: Error | null): void {
  const task = a.task;
  am.app.complete(a.container, 'failed');
  endAttempt(am, a, 'failed', reason);
  task.failures++;
  task.failedOn.push(a.container.nodeId);
  if (am.ctx.tracing) am.ctx.trace.record({ t: am.ctx.kernel.now, type: 'taskFailed', ...attemptIds(a), reason });
  if (task.failures >= am.options.maxAttempts)
    return am.failJob(task, `${task.id} failed ${task.failures} attempts; last: ${reason}`, error);
  if (task.running.length === 0 && task.requested === 0 && !task.done) am.request(task, false);
}

/** Ends an attempt that is not the task's fault (node lost, fetch failure, a faster copy). */
export function killAttempt(am: MrAppMaster, a: MrAttempt, reason: string): void {
  if (a.phase === 'ended') return;
  const task = a.task;
  if (a.phase === 'writing') am.ctx.hdfs.rm(am.partPath(task.index, task.kind === 'map' ? 'm' : 'r'));
  if (a.container.live) am.app.complete(a.container, 'killed');
  endAttempt(am, a, 'killed', reason);
  if (am.ctx.tracing) am.ctx.trace.record({ t: am.ctx.kernel.now, type: 'taskKilled', ...attemptIds(a), reason });
  if (am.done || task.done || task.running.length > 0 || task.requested > 0) return;
  // Reducers wait for every map output (requestReduces asks for them); maps ask at once.
  if (task.kind === 'map' || am.allMapOutputsHeld()) am.request(task, false);
}

function endAttempt(am: MrAppMaster, a: MrAttempt, status: 'succeeded' | 'failed' | 'killed', reason?: string): void {
  for (const h of a.handles) h.cancel();
  // Emptied in place (length 0 also lets go of its backing store): an ended attempt stays in
  // am.attempts to the end of the run, 30,000 of them at 1 KB blocks.
  a.handles.length = 0;
  a.phase = 'ended';
  a.record.status = status;
  a.record.end = am.ctx.kernel.now;
  if (reason !== undefined) a.record.reason = reason;
  fillAttemptIo(am, a, status === 'succeeded');
  // Removed in place (its readers copy the list before they end attempts in it).
  const running = a.task.running;
  const at = running.indexOf(a);
  if (at >= 0) {
    running.splice(at, 1);
    am.speculation?.[a.task.kind].ended(a);
  }
  // YARN's callbacks for its container find nothing to do for an ended attempt.
  am.byContainer.delete(a.container.id);
  am.ctx.noteTaskEvent();
}

/** The fields naming an attempt in its trace events (after `t` and `type`). */
function attemptIds(a: MrAttempt) {
  const r = a.record;
  return { taskSet: r.taskSet, task: a.task.id, attempt: r.attempt, attemptId: r.attemptId, node: r.node };
}
