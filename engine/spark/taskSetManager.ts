/**
 * One task set as Spark's TaskSetManager keeps it: each task's attempts, failures and executors it
 * failed on, the pending queue indexed by locality (pendingTasks.ts), the running tasks, and delay
 * scheduling: the locality level the set may launch at now, given how long it has waited at the
 * current one (spark.locality.wait.process / .node / .rack). A set that saw a fetch failure is a
 * zombie: it launches nothing more, its running attempts finish, and it never completes.
 */
import { onClock } from '../core';
import { LOCALITY_LEVELS, type AttemptRecord, type CostBreakdown, type Locality } from '../exec/taskTypes';
import { PendingTasks, type ExecutorPlaces } from './pendingTasks';
import { LoneAttempts } from './loneAttempts';
import { RunningMedian } from './runningMedian';
import type { Slot } from './slotPool';
import type { SimTask } from './simTask';

/** Delay scheduling's waits, ms: at PROCESS_LOCAL, NODE_LOCAL and RACK_LOCAL before the next level. */
export interface LocalityWaits {
  process: number;
  node: number;
  rack: number;
}

/** An attempt that cannot read a map output: it fails with FetchFailed `afterMs` into its run. */
export interface FetchFailure {
  afterMs: number;
  reason: string;
}

export interface TaskSetSpec {
  id: string;
  tasks: SimTask[];
  /** spark.task.maxFailures: 4 by default. */
  maxAttempts: number;
  /** spark.locality.wait.process / .node / .rack (3 s each by default). */
  localityWaitMs: LocalityWaits;
  /** spark.speculation: copies of tasks running `multiplier` × the median once `quantile` of the set is done. */
  speculation: { multiplier: number; quantile: number } | null;
  /** Why this attempt of the task fails at its end (its code throws), or null when it succeeds. */
  failAttempt?: (task: SimTask, attempt: number) => string | null;
  /** Whether the attempt just launched cannot fetch its shuffle input (checked before failAttempt). */
  fetchFailure?: (task: SimTask, record: AttemptRecord) => FetchFailure | null;
  onTaskFinished(task: SimTask, attempt: AttemptRecord): void;
  onFinished(): void;
  /** A task failed maxAttempts times: the set was aborted (its running attempts killed). */
  onAborted?: (task: SimTask, reason: string) => void;
  /** An attempt failed with FetchFailed: the set became a zombie; the DAG scheduler decides what runs again. */
  onFetchFailed?: (task: SimTask, attempt: AttemptRecord, reason: string) => void;
}

export interface RunningAttempt {
  record: AttemptRecord;
  slot: Slot;
  cancel: () => void;
  /** Its node's deaths at launch (Cluster.life): after another, the attempt's process is gone. */
  life: number;
}

export interface TaskState {
  task: SimTask;
  attempts: number;
  done: boolean;
  running: RunningAttempt[];
  failures: number;
  /** Executors an attempt of this task failed on: avoided while another one can take it. */
  failedOn: string[];
  /** Position in the set's tasks. */
  pos: number;
  /** The task's place in its set's pending queue; 0 when not queued (pendingTasks.ts). */
  queueSeq: number;
  /** Its entry among the set's lone attempts; 0 when it has none (loneAttempts.ts). */
  loneSeq: number;
}

export class TaskSetManager {
  readonly states: TaskState[];
  readonly pending: PendingTasks<TaskState>;
  /** Tasks with an attempt running: what speculation and node loss look at. */
  readonly running = new Set<TaskState>();
  doneCount = 0;
  levelIndex = 0;
  lastLaunch: number;
  /** Completed or aborted (or a zombie): offers pass it by. */
  finished = false;
  /** Spark's isZombie: a fetch failure ended the set's attempt; running attempts may still finish. */
  zombie = false;
  readonly durations = new RunningMedian();
  /** Tasks running one attempt, for speculation (kept only when spark.speculation is on). */
  readonly lone: LoneAttempts | null;

  constructor(
    readonly spec: TaskSetSpec,
    readonly order: number,
    now: number,
    places: ExecutorPlaces,
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
      loneSeq: 0,
    }));
    this.pending = new PendingTasks<TaskState>(places);
    this.lone = spec.speculation ? new LoneAttempts() : null;
    for (const s of this.states) this.pending.push(s);
    this.lastLaunch = now;
  }

  /** Running tasks in task order (as a scan of `states` would meet them). */
  runningInOrder(): TaskState[] {
    return [...this.running].sort((a, b) => a.pos - b.pos);
  }

  /** Puts a task whose attempts all ended back in the queue (never in a finished set or a zombie). */
  requeue(state: TaskState): void {
    if (!this.finished && !state.done && state.running.length === 0) this.pending.push(state);
  }

  /**
   * How long the set waits at locality level `index` (LOCALITY_LEVELS) before the next: NO_PREF
   * never waits (Spark's getLocalityWait gives it 0), so tasks with preferences then wait at RACK_LOCAL.
   */
  waitAt(index: number): number {
    const w = this.spec.localityWaitMs;
    const level = LOCALITY_LEVELS[index];
    return level === 'PROCESS_LOCAL' ? w.process : level === 'NODE_LOCAL' ? w.node : level === 'NO_PREF' ? 0 : w.rack;
  }

  /**
   * Spark's getAllowedLocalityLevel: levels without pending tasks (that an executor could run at
   * that level: pendingTasks.ts) are passed at once; at a level
   * with some, the set moves on once it waited that level's wait since its last launch.
   */
  allowedLevel(now: number): number {
    while (this.levelIndex < LOCALITY_LEVELS.length - 1) {
      const level = LOCALITY_LEVELS[this.levelIndex]!;
      const wait = this.waitAt(this.levelIndex);
      if (!this.pending.anyAt(level)) this.levelIndex++;
      // Deadlines on the kernel's clock (onClock): 9144.934000000001 would never pass at the
      // wake-up the kernel gives (9144.934), and the scheduler would wake at that instant forever.
      else if (now >= onClock(this.lastLaunch + wait)) {
        this.lastLaunch = onClock(this.lastLaunch + wait);
        this.levelIndex++;
      } else break;
    }
    return this.levelIndex;
  }

  /** When the set may next move to a worse level (+Infinity when it is at ANY or has nothing pending). */
  nextLevelAt(): number {
    if (this.finished || this.pending.size === 0 || this.levelIndex >= LOCALITY_LEVELS.length - 1)
      return Number.POSITIVE_INFINITY;
    return onClock(this.lastLaunch + this.waitAt(this.levelIndex));
  }

  /**
   * Spark speculates once nothing of the set is pending and `quantile` of its tasks are done, at
   * least one (Spark's minFinishedForSpeculation): there is no median before, with
   * spark.speculation.quantile=0 too.
   */
  get speculating(): boolean {
    const spec = this.spec.speculation;
    if (spec === null || this.pending.size > 0) return false;
    return this.durations.length >= Math.max(1, Math.floor(this.states.length * spec.quantile));
  }

  /** How long a lone attempt may run before it gets a copy: `multiplier` × the median. */
  get speculationLimit(): number {
    return this.spec.speculation!.multiplier * this.durations.median!;
  }

  /** When a lone running attempt passes the limit (+Infinity when none will). */
  nextSpeculationAt(): number {
    const start = this.lone && this.speculating ? this.lone.earliestStart() : undefined;
    if (start === undefined) return Number.POSITIVE_INFINITY;
    // One microsecond past it (the check asks for strictly longer than the limit), on the kernel's
    // clock: 2293.2060000000006 would pass for later than 2293.206 and the kernel would run it at
    // 2293.206 again, forever, while the copy found no slot off its node.
    return onClock(start + this.speculationLimit + 0.001);
  }
}

/** Tasks without preferences (parallelized data) run anywhere at once, as in Spark. */
export function noPrefs(task: SimTask): boolean {
  return task.preferredNodes.length === 0 && (task.preferredExecutors?.length ?? 0) === 0;
}

/** Where a task runs relative to its data if it runs in `slot` (NO_PREF: it has no preferred place). */
export function localityOf(task: SimTask, slot: Slot, rackOf: (node: string) => number): Locality {
  if (noPrefs(task)) return 'NO_PREF';
  if (task.preferredExecutors?.includes(slot.executor)) return 'PROCESS_LOCAL';
  if (task.preferredNodes.includes(slot.node.id)) return 'NODE_LOCAL';
  const racks = task.preferredNodes.map(rackOf);
  if (racks.includes(slot.node.rackIndex)) return 'RACK_LOCAL';
  return 'ANY';
}

/**
 * What a FetchFailed attempt cost: its start-up and input read, then fetching until the failure
 * `ms` into the attempt (it computed and wrote nothing).
 */
export function fetchFailedCost(cost: CostBreakdown, ms: number): CostBreakdown {
  return {
    startup: cost.startup,
    read: cost.read,
    compute: 0,
    spill: 0,
    shuffle: Math.max(0, ms - cost.startup - cost.read),
    write: 0,
  };
}
