/** Test helpers for the task scheduler: a recording fake of the executors, and tasks that only compute. */
import { Kernel, nullSink } from '../../core';
import { Cluster, preset, resolveClusterSpec, type ClusterNode } from '../../cluster';
import { TaskScheduler, type TaskSetSpec } from '../taskScheduler';
import { ZERO_COST } from '../../exec/taskTypes';
import type { SimTask } from '../simTask';
import { interleave, slotsAt, type Slot, type SlotPlaces, type SlotPool } from '../slotPool';

/** The same spark.locality.wait at every level. */
export const waits = (ms: number) => ({ process: ms, node: ms, rack: ms });

/** A fake pool's queries answered from its freeSlots() (the real pool answers them from its indexes). */
export abstract class FilteringSlots implements SlotPool {
  abstract freeSlots(): Slot[];
  abstract take(slot: Slot): void;
  abstract give(slot: Slot): void;
  abstract startupMs(slot: Slot): number;
  abstract nodeDied(node: string): void;
  freeSlotsAt(places: SlotPlaces): Slot[] {
    return slotsAt(this.freeSlots(), places);
  }
  anyFree(): boolean {
    return this.freeSlots().length > 0;
  }
  freeSlotAwayFrom(node: string): Slot | undefined {
    return this.freeSlots().find((s) => s.node.id !== node);
  }
}

/** A recording fake of the executors: one slot per node, and a log of takes and gives. */
export class FakeSlots extends FilteringSlots {
  readonly log: string[] = [];
  private free: Map<string, Slot[]>;
  constructor(nodes: readonly ClusterNode[]) {
    super();
    this.free = new Map(nodes.map((n) => [n.id, [{ id: `${n.id}/0`, node: n, executor: `exec-${n.id}` }]]));
  }
  freeSlots(): Slot[] {
    return interleave([...this.free.values()]);
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

/** A scheduler on the two-racks preset (9 nodes) with one fake slot per node. */
export function fakeScheduler(): { kernel: Kernel; cluster: Cluster; scheduler: TaskScheduler; nodes: string[] } {
  const kernel = new Kernel();
  const cluster = new Cluster(resolveClusterSpec(preset('two-racks')), kernel, nullSink);
  const scheduler = new TaskScheduler(kernel, cluster, new FakeSlots(cluster.nodes), nullSink);
  return { kernel, cluster, scheduler, nodes: cluster.nodes.map((n) => n.id) };
}
