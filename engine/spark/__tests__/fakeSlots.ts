/** Test helpers for the task scheduler: a recording fake of the executors, and tasks that only compute. */
import type { ClusterNode } from '../../cluster';
import { ZERO_COST } from '../../exec/taskTypes';
import type { SimTask } from '../simTask';
import type { TaskSetSpec } from '../taskScheduler';
import { interleave, slotsAt, type Slot, type SlotPlaces, type SlotPool } from '../slotPool';

/** The same spark.locality.wait at every level. */
export const waits = (ms: number) => ({ process: ms, node: ms, rack: ms });

/** A recording fake of the executors: one slot per node, and a log of takes and gives. */
export class FakeSlots implements SlotPool {
  readonly log: string[] = [];
  private free: Map<string, Slot[]>;
  constructor(nodes: readonly ClusterNode[]) {
    this.free = new Map(nodes.map((n) => [n.id, [{ id: `${n.id}/0`, node: n, executor: `exec-${n.id}` }]]));
  }
  freeSlots(): Slot[] {
    return interleave([...this.free.values()]);
  }
  freeSlotsAt(places: SlotPlaces): Slot[] {
    return slotsAt(this.freeSlots(), places);
  }
  anyFree(): boolean {
    return this.freeSlots().length > 0;
  }
  freeSlotAwayFrom(node: string): Slot | undefined {
    return this.freeSlots().find((s) => s.node.id !== node);
  }
  take(slot: Slot): void {
    this.log.push(`take ${slot.id}`);
    this.free.set(slot.node.id, []);
  }
  give(slot: Slot): void {
    this.log.push(`give ${slot.id}`);
    if (slot.node.alive) this.free.set(slot.node.id, [slot]);
  }
  startupMs(): number {
    return 10;
  }
  nodeDied(node: string): void {
    this.free.set(node, []);
  }
}

/** A task preferring `nodes` (and `execs`) that computes for `ms`. */
export const task = (i: number, nodes: string[], ms = 1000, execs: string[] = []): SimTask => ({
  id: `t${i}`,
  index: i,
  preferredNodes: nodes,
  preferredExecutors: execs,
  cost: () => ({ ...ZERO_COST, compute: ms }),
});

/** Task set `s` of `tasks`: 4 attempts, spark.locality.wait 3 s, no speculation, callbacks that do nothing. */
export function taskSet(tasks: SimTask[], spec: Partial<TaskSetSpec> = {}): TaskSetSpec {
  return {
    id: 's',
    tasks,
    maxAttempts: 4,
    localityWaitMs: waits(3000),
    speculation: null,
    onTaskFinished: () => {},
    onFinished: () => {},
    ...spec,
  };
}
