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

export interface SlotPool {
  /** Free slots, interleaved across executors (one per executor per round) so work spreads out. */
  freeSlots(): Slot[];
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
