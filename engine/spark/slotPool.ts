/**
 * Where the task scheduler can run tasks: slots of one core. Spark's are the cores of executors
 * living in YARN containers (executorPool.ts); tests pass a fake.
 */
import type { ClusterNode } from '../cluster';

export interface Slot {
  id: string;
  node: ClusterNode;
  executor: string;
}

/** A set of keys, as a Set or the keys of a Map of counts offer it. */
export interface KeySet<K> {
  readonly size: number;
  has(key: K): boolean;
  keys(): Iterable<K>;
}

/** Where a slot may be: on one of these executors, nodes or racks (where pending tasks would run below ANY). */
export interface SlotPlaces {
  executors: KeySet<string>;
  nodes: KeySet<string>;
  racks: KeySet<number>;
}

export interface SlotPool {
  /** Free slots, interleaved across executors (one per executor per round) so work spreads out. */
  freeSlots(): Slot[];
  /**
   * The free slots on one of `places`' executors, nodes or racks, in freeSlots()'s order: the
   * few an offer below ANY can use when most of a big cluster is idle and the data is elsewhere.
   */
  freeSlotsAt(places: SlotPlaces): Slot[];
  /** Whether freeSlots() would give any. */
  anyFree(): boolean;
  /** The first slot of freeSlots() on another node than `node` (where a speculative copy may run). */
  freeSlotAwayFrom(node: string): Slot | undefined;
  take(slot: Slot): void;
  give(slot: Slot): void;
  /** Start-up cost of running a task in this slot. */
  startupMs(slot: Slot): number;
  /** Slots on a lost node disappear. */
  nodeDied(node: string): void;
}

/** Round-robin merge of lists: [a0, b0, c0, a1, b1, ...]. */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (let round = 0; ; round++) {
    let any = false;
    for (const l of lists) {
      if (round < l.length) {
        out.push(l[round]!);
        any = true;
      }
    }
    if (!any) return out;
  }
}

/** freeSlotsAt by filtering `free` (the fakes' way; an ExecutorPool finds them from its indexes). */
export function slotsAt(free: readonly Slot[], places: SlotPlaces): Slot[] {
  return free.filter(
    (s) => places.executors.has(s.executor) || places.nodes.has(s.node.id) || places.racks.has(s.node.rackIndex),
  );
}
