/**
 * A task set's pending tasks, in queue order, indexed the way Spark's TaskSetManager indexes them
 * (per executor, per host, per rack, without preferences): finding the first pending task that
 * may run in a slot at a locality level looks at the heads of a few lists instead of scanning
 * every pending task, so offering slots costs the same for a stage of 10 tasks or 100,000.
 * Removal is lazy: an entry is stale once its task left the queue (or was queued again later).
 * Like Spark's computeValidLocalityLevels, a task counts toward NODE_LOCAL only when one of its
 * preferred nodes can host an executor, toward RACK_LOCAL only when one of their racks can: tasks
 * reading blocks from storage-only nodes give delay scheduling nothing to wait for at NODE_LOCAL.
 */
import type { Locality } from '../exec/taskTypes';
import type { SimTask } from './simTask';
import type { KeySet, SlotPlaces } from './slotPool';

/** What the queue needs of a task's scheduling state. */
export interface Queueable {
  task: SimTask;
  /** Sequence number of the task's current queue entry; 0 when not queued. */
  queueSeq: number;
}

/** The cluster as delay scheduling sees it: racks, and where executors can run. */
export interface ExecutorPlaces {
  rackOf(node: string): number;
  /** An executor can run on the node (it runs a NodeManager): Spark's hasExecutorsAliveOnHost. */
  onNode(node: string): boolean;
  /** An executor can run on some node of the rack: Spark's hasHostAliveOnRack. */
  onRack(rack: number): boolean;
}

interface Entry<T> {
  state: T;
  seq: number;
}

/** A FIFO list with lazy deletion: `head` skips entries whose task is no longer queued there. */
class LazyList<T extends Queueable> {
  private items: Entry<T>[] = [];
  private head = 0;

  push(entry: Entry<T>): void {
    this.items.push(entry);
  }

  /** The first live entry, or undefined. */
  peek(): Entry<T> | undefined {
    while (this.head < this.items.length) {
      const e = this.items[this.head]!;
      if (e.state.queueSeq === e.seq) {
        if (this.head > 4096 && this.head * 2 > this.items.length) {
          this.items = this.items.slice(this.head);
          this.head = 0;
        }
        return e;
      }
      this.head++;
    }
    if (this.head > 0) {
      this.items = [];
      this.head = 0;
    }
    return undefined;
  }

  /** Live entries in queue order. */
  *live(): Generator<T> {
    for (let i = this.head; i < this.items.length; i++) {
      const e = this.items[i]!;
      if (e.state.queueSeq === e.seq) yield e.state;
    }
  }
}

export class PendingTasks<T extends Queueable> {
  private seq = 0;
  private count = 0;
  private withExecutors = 0;
  /** Pending tasks preferring a node that can host an executor, and a rack that can. */
  private withNodes = 0;
  private withRacks = 0;
  private withoutPrefs = 0;
  private all = new LazyList<T>();
  private noPrefs = new LazyList<T>();
  private byExecutor = new Map<string, LazyList<T>>();
  private byNode = new Map<string, LazyList<T>>();
  private byRack = new Map<number, LazyList<T>>();
  /** Pending tasks per preferred executor, node and rack (only keys with some): where a slot can find work below ANY. */
  private readonly liveExecutors = new Map<string, number>();
  private readonly liveNodes = new Map<string, number>();
  private readonly liveRacks = new Map<number, number>();

  constructor(private readonly places: ExecutorPlaces) {}

  get size(): number {
    return this.count;
  }

  /** Appends a task that is not queued (a queued one stays where it is). */
  push(state: T): void {
    if (state.queueSeq !== 0) return;
    const entry = { state, seq: ++this.seq };
    state.queueSeq = entry.seq;
    this.count++;
    this.all.push(entry);
    const { preferredNodes } = state.task;
    const executors = state.task.preferredExecutors ?? [];
    if (executors.length === 0 && preferredNodes.length === 0) this.noPrefs.push(entry);
    this.countPrefs(state, 1);
    for (const e of executors) listIn(this.byExecutor, e).push(entry);
    for (const n of preferredNodes) listIn(this.byNode, n).push(entry);
    for (const r of this.racksOf(preferredNodes)) listIn(this.byRack, r).push(entry);
  }

  private racksOf(nodes: readonly string[]): Set<number> {
    return new Set(nodes.map((n) => this.places.rackOf(n)));
  }

  remove(state: T): void {
    if (state.queueSeq === 0) return;
    state.queueSeq = 0;
    this.count--;
    this.countPrefs(state, -1);
  }

  /** Adds `delta` to the counts of tasks with preferences at each level that `state` counts toward. */
  private countPrefs(state: T, delta: 1 | -1): void {
    const { preferredNodes } = state.task;
    const executors = state.task.preferredExecutors?.length ?? 0;
    if (executors > 0) this.withExecutors += delta;
    if (preferredNodes.some((n) => this.places.onNode(n))) this.withNodes += delta;
    if (preferredNodes.some((n) => this.places.onRack(this.places.rackOf(n)))) this.withRacks += delta;
    if (executors === 0 && preferredNodes.length === 0) this.withoutPrefs += delta;
    for (const e of state.task.preferredExecutors ?? []) addTo(this.liveExecutors, e, delta);
    for (const n of preferredNodes) addTo(this.liveNodes, n, delta);
    for (const r of this.racksOf(preferredNodes)) addTo(this.liveRacks, r, delta);
  }

  /**
   * The executors, nodes and racks a slot must be on for `first(level, ...)` to find a task there,
   * or null when any slot may find one (at ANY, or from NO_PREF on while tasks without
   * preferences are pending): an offer then need not look at the other free slots.
   */
  placesAt(level: number): SlotPlaces | null {
    if (level >= 4 || (level >= 2 && this.withoutPrefs > 0)) return null;
    return {
      executors: this.liveExecutors,
      nodes: level >= 1 ? this.liveNodes : EMPTY,
      racks: level >= 3 ? this.liveRacks : EMPTY,
    };
  }

  clear(): void {
    for (const s of [...this.all.live()]) this.remove(s);
  }

  /** True when some pending task has a preference at `level` (delay scheduling waits only for those). */
  anyAt(level: Locality): boolean {
    if (level === 'PROCESS_LOCAL') return this.withExecutors > 0;
    if (level === 'NODE_LOCAL') return this.withNodes > 0;
    if (level === 'RACK_LOCAL') return this.withRacks > 0;
    if (level === 'NO_PREF') return this.withoutPrefs > 0;
    return this.count > 0;
  }

  /** Pending tasks in queue order. */
  ordered(): Generator<T> {
    return this.all.live();
  }

  /**
   * The first pending task (in queue order) that runs in a slot on `executor`/`node`/`rack` at
   * `level` (0 PROCESS_LOCAL, 1 NODE_LOCAL, 2 NO_PREF, 3 RACK_LOCAL, 4 ANY) or better: tasks
   * without preferences from NO_PREF on, as Spark's dequeueTask looks for them after NODE_LOCAL.
   */
  first(level: number, executor: string, node: string, rack: number): T | undefined {
    let best: Entry<T> | undefined;
    const consider = (list: LazyList<T> | undefined) => {
      const e = list?.peek();
      if (e && (best === undefined || e.seq < best.seq)) best = e;
    };
    if (level >= 4) consider(this.all);
    else {
      consider(this.byExecutor.get(executor));
      if (level >= 1) consider(this.byNode.get(node));
      if (level >= 2) consider(this.noPrefs);
      if (level >= 3) consider(this.byRack.get(rack));
    }
    return best?.state;
  }
}

const EMPTY: KeySet<never> = new Set<never>();

function addTo<K>(counts: Map<K, number>, key: K, delta: 1 | -1): void {
  const n = (counts.get(key) ?? 0) + delta;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
}

function listIn<K, T extends Queueable>(map: Map<K, LazyList<T>>, key: K): LazyList<T> {
  let list = map.get(key);
  if (!list) map.set(key, (list = new LazyList<T>()));
  return list;
}
