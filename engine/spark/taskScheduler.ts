/**
 * The task scheduler shared by MapReduce and Spark (after Spark's TaskSchedulerImpl and
 * TaskSetManager): task sets are offered free slots level by level (PROCESS_LOCAL, NODE_LOCAL,
 * RACK_LOCAL, ANY), with delay scheduling (a task set waits `localityWaitMs` at a level before
 * accepting a worse one); each attempt's duration is its cost on the chosen node; attempts on a
 * node that dies are killed and re-queued (not counted as failures, as in Hadoop and Spark);
 * an attempt the set says fails (the learner's code threw) is retried, on another executor when
 * one can take it, until maxAttempts fail and the set is aborted; optional speculative copies of
 * stragglers. All timing goes through the Kernel.
 */
import type { Kernel, TraceSink } from '../core';
import type { Cluster } from '../cluster';
import type { Slot, SlotPool } from './slotPool';
import { PendingTasks } from './pendingTasks';
import { RunningMedian } from './runningMedian';
import { LOCALITY_LEVELS, totalMs, type AttemptRecord, type ExecEvent, type Locality } from '../exec/taskTypes';
import type { SimTask } from './simTask';

export interface TaskSetSpec {
  id: string;
  tasks: SimTask[];
  /** mapreduce.map.maxattempts / spark.task.maxFailures: 4 by default. */
  maxAttempts: number;
  /** spark.locality.wait (3000 ms); 0 for MapReduce. */
  localityWaitMs: number;
  speculation: boolean;
  /** When present and false, the set waits (reducers wait for lost map outputs to be re-made). */
  ready?: () => boolean;
  /** Why this attempt of the task fails at its end (its code throws), or null when it succeeds. */
  failAttempt?: (task: SimTask, attempt: number) => string | null;
  onTaskFinished(task: SimTask, attempt: AttemptRecord): void;
  onFinished(): void;
  /** A task failed maxAttempts times: the set was aborted (its running attempts killed). */
  onAborted?: (task: SimTask, reason: string) => void;
}

interface Running {
  record: AttemptRecord;
  slot: Slot;
  cancel: () => void;
}

interface TaskState {
  task: SimTask;
  attempts: number;
  done: boolean;
  running: Running[];
  failures: number;
  /** Executors an attempt of this task failed on: avoided while another one can take it. */
  failedOn: string[];
  /** Position in the set's tasks. */
  pos: number;
  /** The task's place in its set's pending queue; 0 when not queued (pendingTasks.ts). */
  queueSeq: number;
}

class ActiveSet {
  states: TaskState[];
  pending: PendingTasks<TaskState>;
  /** Tasks with an attempt running: what speculation and node loss look at. */
  running = new Set<TaskState>();
  doneCount = 0;
  levelIndex = 0;
  lastLaunch: number;
  finished = false;
  durations = new RunningMedian();
  constructor(
    readonly spec: TaskSetSpec,
    readonly order: number,
    now: number,
    rackOf: (node: string) => number,
  ) {
    this.states = spec.tasks.map((task, pos) => ({
      task,
      pos,
      attempts: 0,
      done: false,
      running: [],
      failures: 0,
      failedOn: [],
      queueSeq: 0,
    }));
    this.pending = new PendingTasks<TaskState>(rackOf);
    for (const s of this.states) this.pending.push(s);
    this.lastLaunch = now;
  }

  /** Running tasks in task order (as a scan of `states` would meet them). */
  runningInOrder(): TaskState[] {
    return [...this.running].sort((a, b) => a.pos - b.pos);
  }
}

/** The scheduler's view of the world a test can replace with a recording fake. */
export interface TaskSchedulerLike {
  submit(spec: TaskSetSpec): void;
  /** Re-runs a finished task (its output was lost with a node). */
  resubmit(taskSetId: string, index: number): void;
}

export class TaskScheduler implements TaskSchedulerLike {
  private sets: ActiveSet[] = [];
  private byId = new Map<string, ActiveSet>();
  /** Sets not finished, in submission order: the ones offers go to. */
  private live: ActiveSet[] = [];
  /** Offer rounds (slot × level looks): what the scaling test counts. */
  offerLooks = 0;
  private timer: { cancel(): void } | null = null;
  readonly attempts: AttemptRecord[] = [];

  constructor(
    private readonly kernel: Kernel,
    private readonly cluster: Cluster,
    private readonly slots: SlotPool,
    private readonly trace: TraceSink<ExecEvent>,
    /** Called after every attempt start and end (snapshot taking). */
    private readonly onTaskEvent: () => void = () => {},
  ) {}

  submit(spec: TaskSetSpec): void {
    const set = new ActiveSet(spec, this.sets.length, this.kernel.now, (n) => this.cluster.node(n).rackIndex);
    this.sets.push(set);
    // Found by id: the first set of that id, as a search of the list in submission order finds it.
    if (!this.byId.has(spec.id)) this.byId.set(spec.id, set);
    this.live.push(set);
    this.trace.record({ t: this.kernel.now, type: 'taskSetSubmitted', taskSet: spec.id, tasks: spec.tasks.length });
    if (spec.tasks.length === 0) this.finishSet(set);
    else this.offer();
  }

  private find(taskSetId: string): ActiveSet | undefined {
    return this.byId.get(taskSetId);
  }

  resubmit(taskSetId: string, index: number): void {
    const set = this.find(taskSetId);
    if (!set) return;
    const state = set.states[index]!;
    if (!state.done) return;
    state.done = false;
    set.doneCount--;
    set.pending.push(state);
    if (set.finished) {
      set.finished = false;
      this.live.push(set);
      this.live.sort((a, b) => a.order - b.order);
    }
    this.offer();
  }

  /** Kills the attempts running on a dead node and re-queues their tasks. */
  nodeDied(nodeId: string): void {
    this.slots.nodeDied(nodeId);
    for (const set of this.sets) {
      for (const state of set.runningInOrder()) {
        for (const r of [...state.running]) {
          if (r.slot.node.id !== nodeId) continue;
          this.endAttempt(set, state, r, 'killed', `node ${nodeId} died`);
          if (!state.done && state.running.length === 0) set.pending.push(state);
        }
      }
    }
    this.offer();
  }

  /** Kills running attempts of a set that match `which` and re-queues their tasks. */
  killRunning(taskSetId: string, which: (record: AttemptRecord) => boolean, reason: string): number {
    const set = this.find(taskSetId);
    if (!set) return 0;
    let killed = 0;
    for (const state of set.runningInOrder()) {
      for (const r of [...state.running]) {
        if (!which(r.record)) continue;
        this.endAttempt(set, state, r, 'killed', reason);
        killed++;
        if (!state.done && state.running.length === 0) set.pending.push(state);
      }
    }
    if (killed > 0) this.offer();
    return killed;
  }

  /** Aborts a set (its job failed elsewhere): running attempts are killed, nothing more runs. */
  cancel(taskSetId: string, reason: string): void {
    const set = this.find(taskSetId);
    if (set && !set.finished) this.abort(set, reason);
  }

  /** Re-offers free slots (after a set became ready again). */
  wake(): void {
    this.offer();
  }

  private allowedLevel(set: ActiveSet): number {
    const now = this.kernel.now;
    const wait = set.spec.localityWaitMs;
    while (set.levelIndex < LOCALITY_LEVELS.length - 1) {
      const level = LOCALITY_LEVELS[set.levelIndex]!;
      if (!set.pending.anyAt(level)) set.levelIndex++;
      else if (now - set.lastLaunch >= wait) {
        set.lastLaunch += wait;
        set.levelIndex++;
      } else break;
    }
    return set.levelIndex;
  }

  /** Tasks without preferences (parallelized data) run anywhere at once, as in Spark. */
  private noPrefs(task: SimTask): boolean {
    return task.preferredNodes.length === 0 && (task.preferredExecutors?.length ?? 0) === 0;
  }

  private localityOf(task: SimTask, slot: Slot): Locality {
    if (task.preferredExecutors?.includes(slot.executor)) return 'PROCESS_LOCAL';
    if (task.preferredNodes.includes(slot.node.id)) return 'NODE_LOCAL';
    const racks = task.preferredNodes.map((id) => this.cluster.node(id).rackIndex);
    if (racks.includes(slot.node.rackIndex)) return 'RACK_LOCAL';
    return 'ANY';
  }

  private offer(): void {
    for (const set of [...this.live]) {
      if (set.finished || set.pending.size === 0 || (set.spec.ready && !set.spec.ready())) continue;
      const maxLevel = this.allowedLevel(set);
      for (let level = 0; level <= maxLevel && set.pending.size > 0; level++) {
        for (const slot of this.slots.freeSlots()) {
          this.offerLooks++;
          const state = this.pick(set, slot, level);
          if (state === undefined) continue;
          set.pending.remove(state);
          this.launch(set, state, slot, false);
        }
      }
    }
    this.speculate();
    this.armDelayTimer();
  }

  /**
   * The first pending task (in queue order) that runs in `slot` at `level` or better and may run
   * there: from the set's locality index, or by a scan when the indexed one avoids this executor.
   */
  private pick(set: ActiveSet, slot: Slot, level: number): TaskState | undefined {
    const first = set.pending.first(level, slot.executor, slot.node.id, slot.node.rackIndex);
    if (first === undefined || this.mayRunOn(first, slot)) return first;
    for (const s of set.pending.ordered()) {
      if (
        (this.noPrefs(s.task) || LOCALITY_LEVELS.indexOf(this.localityOf(s.task, slot)) <= level) &&
        this.mayRunOn(s, slot)
      )
        return s;
    }
    return undefined;
  }

  /**
   * A task avoids executors it failed on while another executor can take it: one has a free
   * slot now, or will have one when an attempt running there ends (Spark's excludeOnFailure).
   */
  private mayRunOn(state: TaskState, slot: Slot): boolean {
    if (!state.failedOn.includes(slot.executor)) return true;
    const other = (executor: string) => !state.failedOn.includes(executor);
    if (this.slots.freeSlots().some((s) => other(s.executor))) return false;
    return !this.sets.some((set) => [...set.running].some((st) => st.running.some((r) => other(r.slot.executor))));
  }

  private launch(set: ActiveSet, state: TaskState, slot: Slot, speculative: boolean): void {
    const locality = this.localityOf(state.task, slot);
    const level = LOCALITY_LEVELS.indexOf(locality);
    if (!speculative && !this.noPrefs(state.task)) {
      set.levelIndex = level;
      set.lastLaunch = this.kernel.now;
    }
    this.slots.take(slot);
    const cost = { ...state.task.cost(slot.node, locality, slot.executor), startup: this.slots.startupMs(slot) };
    const ms = totalMs(cost);
    const attempt = state.attempts++;
    const record: AttemptRecord = {
      taskSet: set.spec.id,
      task: state.task.id,
      index: state.task.index,
      attempt,
      attemptId: `${state.task.id}.${attempt}`,
      container: null,
      node: slot.node.id,
      executor: slot.executor,
      locality,
      start: this.kernel.now,
      end: this.kernel.now + ms,
      status: 'running',
      speculative,
      cost,
    };
    this.attempts.push(record);
    const failure = set.spec.failAttempt?.(state.task, attempt) ?? null;
    const handle = this.kernel.schedule(ms, () =>
      failure === null ? this.succeed(set, state, running) : this.fail(set, state, running, failure),
    );
    const running: Running = { record, slot, cancel: () => handle.cancel() };
    state.running.push(running);
    set.running.add(state);
    this.onTaskEvent();
    this.trace.record({
      t: this.kernel.now,
      type: 'taskStarted',
      taskSet: set.spec.id,
      task: state.task.id,
      attempt: record.attempt,
      attemptId: record.attemptId,
      node: slot.node.id,
      executor: slot.executor,
      locality,
      speculative,
    });
  }

  private succeed(set: ActiveSet, state: TaskState, running: Running): void {
    // A task on a node that died or was cut off never reports back: it hangs until the
    // executor is declared lost (nodeDied), which kills and re-queues it.
    if (!this.cluster.isReachable(running.slot.node)) return;
    const r = running.record;
    this.trace.record({
      t: this.kernel.now,
      type: 'taskFinished',
      taskSet: set.spec.id,
      task: r.task,
      attempt: r.attempt,
      attemptId: r.attemptId,
      node: r.node,
      ms: r.end - r.start,
      cost: r.cost,
    });
    this.endAttempt(set, state, running, 'succeeded');
    set.durations.add(r.end - r.start);
    state.done = true;
    set.doneCount++;
    // The first copy to finish wins: kill the others (speculative execution).
    for (const other of [...state.running])
      this.endAttempt(set, state, other, 'killed', 'another attempt finished first');
    set.spec.onTaskFinished(state.task, r);
    if (set.doneCount === set.states.length && !set.finished) this.finishSet(set);
    this.offer();
  }

  /** The attempt's code threw: retried (elsewhere if possible) until maxAttempts, then the set aborts. */
  private fail(set: ActiveSet, state: TaskState, running: Running, reason: string): void {
    if (!this.cluster.isReachable(running.slot.node)) return;
    this.endAttempt(set, state, running, 'failed', reason);
    state.failures++;
    state.failedOn.push(running.slot.executor);
    if (state.failures >= set.spec.maxAttempts) {
      const why = `task ${state.task.id} failed ${state.failures} times; last: ${reason}`;
      this.abort(set, why);
      set.spec.onAborted?.(state.task, why);
    } else if (!state.done && state.running.length === 0) set.pending.push(state);
    this.offer();
  }

  private abort(set: ActiveSet, reason: string): void {
    set.finished = true;
    this.live = this.live.filter((s) => s !== set);
    set.pending.clear();
    for (const state of set.runningInOrder())
      for (const r of [...state.running]) this.endAttempt(set, state, r, 'killed', 'stage aborted');
    this.trace.record({ t: this.kernel.now, type: 'taskSetAborted', taskSet: set.spec.id, reason });
  }

  private endAttempt(
    set: ActiveSet,
    state: TaskState,
    running: Running,
    status: 'succeeded' | 'failed' | 'killed',
    reason?: string,
  ): void {
    running.cancel();
    state.running = state.running.filter((x) => x !== running);
    if (state.running.length === 0) set.running.delete(state);
    running.record.status = status;
    if (status !== 'succeeded') {
      running.record.end = this.kernel.now;
      if (reason) running.record.reason = reason;
      this.trace.record({
        t: this.kernel.now,
        type: status === 'failed' ? 'taskFailed' : 'taskKilled',
        taskSet: set.spec.id,
        task: running.record.task,
        attempt: running.record.attempt,
        attemptId: running.record.attemptId,
        node: running.record.node,
        reason: reason ?? '',
      });
    }
    this.slots.give(running.slot);
    this.onTaskEvent();
  }

  private finishSet(set: ActiveSet): void {
    set.finished = true;
    this.live = this.live.filter((s) => s !== set);
    this.trace.record({ t: this.kernel.now, type: 'taskSetFinished', taskSet: set.spec.id });
    set.spec.onFinished();
  }

  /** Launches a copy of a task running much longer than the median (Hadoop's and Spark's rule of thumb). */
  private speculate(): void {
    for (const set of this.live) {
      if (
        !set.spec.speculation ||
        set.finished ||
        set.pending.size > 0 ||
        set.durations.length < Math.ceil(set.states.length * 0.75)
      )
        continue;
      const median = set.durations.median!;
      for (const state of set.runningInOrder()) {
        if (state.done || state.running.length !== 1) continue;
        const r = state.running[0]!;
        if (this.kernel.now - r.record.start <= 1.5 * median) continue;
        const slot = this.slots.freeSlots().find((s) => s.node.id !== r.record.node);
        if (slot) this.launch(set, state, slot, true);
      }
    }
  }

  private armDelayTimer(): void {
    this.timer?.cancel();
    this.timer = null;
    let next = Number.POSITIVE_INFINITY;
    for (const set of this.live) {
      if (set.finished || set.pending.size === 0 || set.levelIndex >= LOCALITY_LEVELS.length - 1) continue;
      next = Math.min(next, set.lastLaunch + set.spec.localityWaitMs);
    }
    if (Number.isFinite(next) && next > this.kernel.now && this.slots.freeSlots().length > 0) {
      this.timer = this.kernel.scheduleAt(next, () => this.offer(), 1);
    }
    // Speculation is re-checked when running attempts pass 1.5x the median.
  }
}
