/**
 * Spark's task scheduler (after TaskSchedulerImpl; each set is a TaskSetManager,
 * taskSetManager.ts): task sets are offered free executor cores level by level (PROCESS_LOCAL,
 * NODE_LOCAL, NO_PREF, RACK_LOCAL, ANY), with delay scheduling (a set waits spark.locality.wait at a level
 * before accepting a worse one; the NO_PREF round runs whatever the wait, as TaskSchedulerImpl
 * offers it without delay, so tasks without preferences start at once); each attempt's duration is its cost on the chosen node; attempts
 * on a node that dies are killed and re-queued (not counted as failures); an attempt whose code
 * threw is retried, on another executor when one can take it, until spark.task.maxFailures fail
 * and the set is aborted; an attempt that cannot fetch a map output fails with FetchFailed (not
 * counted either) and makes its set a zombie, for the DAG scheduler to resubmit; optional
 * speculative copies of stragglers (spark.speculation). All timing goes through the Kernel.
 */
import { isTracing, type Kernel, type TraceSink } from '../core';
import { isNodeManager, type Cluster } from '../cluster';
import { EXEC_EVENT_TYPES, LOCALITY_LEVELS, type AttemptRecord, type ExecEvent } from '../exec/taskTypes';
import type { ExecutorPlaces } from './pendingTasks';
import type { Slot, SlotPool } from './slotPool';
import { attemptOutcome, awaitBlocks, newAttempt } from './attemptLaunch';
import {
  TaskSetManager,
  fetchFailedCost,
  localityOf,
  noPrefs,
  type RunningAttempt,
  type TaskSetSpec,
  type TaskState,
} from './taskSetManager';

export type { TaskSetSpec, LocalityWaits, FetchFailure } from './taskSetManager';

const NO_PREF_LEVEL = LOCALITY_LEVELS.indexOf('NO_PREF');

export class TaskScheduler {
  private sets: TaskSetManager[] = [];
  private byId = new Map<string, TaskSetManager>();
  /** Sets not finished, in submission order: the ones offers go to. */
  private live: TaskSetManager[] = [];
  /** Offer rounds (slot × level looks): what the scaling test counts. */
  offerLooks = 0;
  private timer: { cancel(): void } | null = null;
  readonly attempts: AttemptRecord[] = [];
  private readonly rackOf = (node: string) => this.cluster.node(node).rackIndex;
  /** Where executors can run: the NodeManager nodes and their racks (fixed for the cluster). */
  private readonly places: ExecutorPlaces;
  /** Whether the trace keeps task and task set events: a CLI run that keeps none builds none. */
  private readonly tracing: boolean;

  constructor(
    private readonly kernel: Kernel,
    private readonly cluster: Cluster,
    private readonly slots: SlotPool,
    private readonly trace: TraceSink<ExecEvent>,
    /** Called after every attempt start and end (snapshot taking). */
    private readonly onTaskEvent: () => void = () => {},
  ) {
    this.tracing = isTracing(trace, EXEC_EVENT_TYPES);
    const racks = cluster.racks.map((r) => r.nodes.some(isNodeManager));
    this.places = {
      rackOf: this.rackOf,
      onNode: (node) => isNodeManager(cluster.node(node)),
      onRack: (rack) => racks[rack]!,
    };
  }

  submit(spec: TaskSetSpec): void {
    const set = new TaskSetManager(spec, this.sets.length, this.kernel.now, this.places);
    this.sets.push(set);
    // Found by id: the first set of that id, as a search of the list in submission order finds it.
    if (!this.byId.has(spec.id)) this.byId.set(spec.id, set);
    this.live.push(set);
    if (this.tracing)
      this.trace.record({ t: this.kernel.now, type: 'taskSetSubmitted', taskSet: spec.id, tasks: spec.tasks.length });
    if (spec.tasks.length === 0) this.finishSet(set);
    else this.offer();
  }

  /** Kills the attempts running on a dead node and re-queues their tasks. */
  nodeDied(nodeId: string): void {
    this.slots.nodeDied(nodeId);
    for (const set of this.sets) {
      for (const state of set.runningInOrder()) {
        for (const r of [...state.running]) {
          if (r.slot.node.id !== nodeId) continue;
          this.endAttempt(set, state, r, 'killed', `node ${nodeId} died`);
          set.requeue(state);
        }
      }
    }
    this.offer();
  }

  /** Kills the attempts still running in a set (a zombie's, once its job is over). */
  killRunning(taskSetId: string, reason: string): number {
    const set = this.byId.get(taskSetId);
    if (!set) return 0;
    let killed = 0;
    for (const state of set.runningInOrder()) {
      for (const r of [...state.running]) {
        this.endAttempt(set, state, r, 'killed', reason);
        killed++;
        set.requeue(state);
      }
    }
    if (killed > 0) this.offer();
    return killed;
  }

  /** Aborts a set (its job failed elsewhere): running attempts are killed, nothing more runs. */
  cancel(taskSetId: string, reason: string): void {
    const set = this.byId.get(taskSetId);
    if (set && !set.finished) this.abort(set, reason);
  }

  /** Re-offers free slots (an executor registered). */
  wake(): void {
    this.offer();
  }

  /**
   * The running attempt `attemptId` lost a map output it was fetching: it fails with FetchFailed
   * at `at` (after the fetch's retries) unless it ends before that for another reason.
   */
  failFetchAt(taskSetId: string, attemptId: string, at: number, reason: string): void {
    const set = this.byId.get(taskSetId);
    for (const state of set?.runningInOrder() ?? []) {
      const running = state.running.find((r) => r.record.attemptId === attemptId);
      if (!running || !set) continue;
      running.cancel();
      const r = running.record;
      r.cost = fetchFailedCost(r.cost, at - r.start);
      r.end = at;
      const handle = this.kernel.scheduleAt(at, () =>
        this.whenReported(state, running, () => this.fetchFailed(set, state, running, reason)),
      );
      running.cancel = () => handle.cancel();
    }
  }

  private offer(): void {
    for (const set of [...this.live]) {
      if (set.finished || set.pending.size === 0) continue;
      const maxLevel = set.allowedLevel(this.kernel.now);
      for (let level = 0; level < LOCALITY_LEVELS.length && set.pending.size > 0; level++) {
        if (level > maxLevel && level !== NO_PREF_LEVEL) continue;
        // Only slots where a pending task could run at this level: the others would find nothing.
        const places = set.pending.placesAt(level);
        for (const slot of places === null ? this.slots.freeSlots() : this.slots.freeSlotsAt(places)) {
          if (set.pending.size === 0) break;
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
  private pick(set: TaskSetManager, slot: Slot, level: number): TaskState | undefined {
    const first = set.pending.first(level, slot.executor, slot.node.id, slot.node.rackIndex);
    if (first === undefined || this.mayRunOn(first, slot)) return first;
    for (const s of set.pending.ordered()) {
      if (LOCALITY_LEVELS.indexOf(localityOf(s.task, slot, this.rackOf)) <= level && this.mayRunOn(s, slot)) return s;
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

  private launch(set: TaskSetManager, state: TaskState, slot: Slot, speculative: boolean): void {
    const locality = localityOf(state.task, slot, this.rackOf);
    const level = LOCALITY_LEVELS.indexOf(locality);
    if (!speculative && !noPrefs(state.task)) {
      set.levelIndex = level;
      set.lastLaunch = this.kernel.now;
    }
    this.slots.take(slot);
    const startupMs = this.slots.startupMs(slot);
    const { record, missing } = newAttempt(set, state, slot, locality, startupMs, this.kernel.now, speculative);
    this.attempts.push(record);
    const running: RunningAttempt = { record, slot, cancel: () => {}, life: this.cluster.life(slot.node) };
    // Its end is scheduled once its cost is known: at once, or after a missing block's waits.
    const settle = (blockMissing: string | null): void => {
      const outcome = attemptOutcome(set, state, record, blockMissing);
      const handle = this.kernel.scheduleAt(record.end, () =>
        this.whenReported(state, running, () =>
          outcome.kind === 'fetchFails'
            ? this.fetchFailed(set, state, running, outcome.fetch.reason)
            : outcome.kind === 'fails'
              ? this.fail(set, state, running, outcome.reason)
              : this.succeed(set, state, running),
        ),
      );
      running.cancel = () => handle.cancel();
    };
    if (missing === null) settle(null);
    else
      awaitBlocks(this.kernel, state, record, slot, missing, {
        alive: () => state.running.includes(running) && this.cluster.life(slot.node) === running.life,
        settle,
        onHandle: (cancel) => (running.cancel = cancel),
      });
    state.running.push(running);
    set.running.add(state);
    set.lone?.update(state);
    this.onTaskEvent();
    if (this.tracing)
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

  /**
   * An attempt's end reaches the driver when its node can say so: at once, or once its rack heals
   * if the attempt is still running then, and it ends when the driver hears it (TaskInfo's finish
   * time). A task on a node that died never reports back: it hangs until its executor is lost.
   */
  private whenReported(state: TaskState, running: RunningAttempt, end: () => void): void {
    const node = running.slot.node;
    const late = !this.cluster.isReachable(node);
    this.cluster.whenReachable(node, () => {
      if (!state.running.includes(running) || this.cluster.life(node) !== running.life) return;
      if (late) running.record.end = this.kernel.now;
      end();
    });
  }

  private succeed(set: TaskSetManager, state: TaskState, running: RunningAttempt): void {
    const r = running.record;
    if (this.tracing)
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
  private fail(set: TaskSetManager, state: TaskState, running: RunningAttempt, reason: string): void {
    this.endAttempt(set, state, running, 'failed', reason);
    state.failures++;
    state.failedOn.push(running.slot.executor);
    // A zombie's failures count for nothing: the set's next attempt will run the task again.
    if (!set.zombie && state.failures >= set.spec.maxAttempts) {
      const why = `task ${state.task.id} failed ${state.failures} times; last: ${reason}`;
      this.abort(set, why);
      set.spec.onAborted?.(state.task, why);
    } else set.requeue(state);
    this.offer();
  }

  /**
   * The attempt could not fetch a map output (Spark's FetchFailed): it fails without counting
   * toward spark.task.maxFailures, and its set becomes a zombie: nothing more is launched from it,
   * attempts still running finish, and the DAG scheduler resubmits the stage.
   */
  private fetchFailed(set: TaskSetManager, state: TaskState, running: RunningAttempt, reason: string): void {
    this.endAttempt(set, state, running, 'failed', reason);
    if (!set.zombie) {
      set.zombie = true;
      set.finished = true;
      this.live = this.live.filter((s) => s !== set);
      set.pending.clear();
    }
    set.spec.onFetchFailed?.(state.task, running.record, reason);
    this.offer();
  }

  private abort(set: TaskSetManager, reason: string): void {
    set.finished = true;
    this.live = this.live.filter((s) => s !== set);
    set.pending.clear();
    for (const state of set.runningInOrder())
      for (const r of [...state.running]) this.endAttempt(set, state, r, 'killed', 'stage aborted');
    if (this.tracing) this.trace.record({ t: this.kernel.now, type: 'taskSetAborted', taskSet: set.spec.id, reason });
  }

  private endAttempt(
    set: TaskSetManager,
    state: TaskState,
    running: RunningAttempt,
    status: 'succeeded' | 'failed' | 'killed',
    reason?: string,
  ): void {
    running.cancel();
    state.running = state.running.filter((x) => x !== running);
    if (state.running.length === 0) set.running.delete(state);
    set.lone?.update(state);
    running.record.status = status;
    if (status !== 'succeeded') {
      running.record.end = this.kernel.now;
      if (reason) running.record.reason = reason;
      if (this.tracing)
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

  private finishSet(set: TaskSetManager): void {
    set.finished = true;
    this.live = this.live.filter((s) => s !== set);
    if (this.tracing) this.trace.record({ t: this.kernel.now, type: 'taskSetFinished', taskSet: set.spec.id });
    set.spec.onFinished();
  }

  /**
   * Launches a copy of a task running `multiplier` × longer than the median (Spark's
   * checkSpeculatableTasks), in task order, each on the first free slot of another node. Only
   * tasks whose lone attempt started early enough are looked at (loneAttempts.ts).
   */
  private speculate(): void {
    for (const set of this.live) {
      if (!set.lone || set.finished || !set.speculating || !this.slots.anyFree()) continue;
      const now = this.kernel.now;
      const limit = set.speculationLimit;
      const due = set.lone.takeDue((start) => now - start > limit).sort((a, b) => a.pos - b.pos);
      for (const state of due) {
        const slot = this.slots.freeSlotAwayFrom(state.running[0]!.record.node);
        if (slot) this.launch(set, state, slot, true);
        else set.lone.update(state);
      }
    }
  }

  private armDelayTimer(): void {
    this.timer?.cancel();
    this.timer = null;
    let next = Number.POSITIVE_INFINITY;
    for (const set of this.live) next = Math.min(next, set.nextLevelAt(), set.nextSpeculationAt());
    if (Number.isFinite(next) && next > this.kernel.now && this.slots.anyFree()) {
      this.timer = this.kernel.scheduleAt(next, () => this.offer(), 1);
    }
  }
}
