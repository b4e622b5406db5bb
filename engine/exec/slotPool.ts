/**
 * Where tasks can run: slots of one vcore. MapReduce asks YARN for a fresh container per
 * attempt (and pays its start-up every time); Spark runs tasks on the cores of long-lived
 * executors that were started once. Both are SlotPools to the task scheduler.
 */
import type { Cluster, ClusterNode } from '../cluster';

export interface Slot {
  id: string;
  node: ClusterNode;
  executor: string;
}

export interface SlotPool {
  /** Free slots, interleaved across nodes (one per node per round) so work spreads out. */
  freeSlots(): Slot[];
  take(slot: Slot): void;
  give(slot: Slot): void;
  /** Start-up cost of running a task in this slot (container launch, or task start only). */
  startupMs(slot: Slot): number;
  /** Slots on a dead node disappear. */
  nodeDied(node: string): void;
}

function interleave<T>(lists: T[][]): T[] {
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

/** Per-node slots: `perNode(node)` vcores each (YARN containers of 1 vcore). */
export class NodeSlotPool implements SlotPool {
  private free = new Map<string, Slot[]>();

  constructor(
    private readonly cluster: Cluster,
    perNode: (node: ClusterNode) => number,
    private readonly startup: (slot: Slot) => number,
    executorOf: (node: ClusterNode) => string = (n) => `container@${n.id}`,
  ) {
    for (const node of cluster.nodes) {
      const n = node.alive ? perNode(node) : 0;
      this.free.set(
        node.id,
        Array.from({ length: n }, (_, i) => ({ id: `${node.id}/${i}`, node, executor: executorOf(node) })),
      );
    }
  }

  freeSlots(): Slot[] {
    return interleave(this.cluster.nodes.filter((n) => this.cluster.isReachable(n)).map((n) => this.free.get(n.id) ?? []));
  }

  take(slot: Slot): void {
    const list = this.free.get(slot.node.id)!;
    const i = list.indexOf(slot);
    if (i >= 0) list.splice(i, 1);
  }

  give(slot: Slot): void {
    if (!slot.node.alive) return;
    const list = this.free.get(slot.node.id)!;
    list.push(slot);
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  startupMs(slot: Slot): number {
    return this.startup(slot);
  }

  nodeDied(node: string): void {
    this.free.set(node, []);
  }
}
