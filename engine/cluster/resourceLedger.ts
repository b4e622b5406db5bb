/**
 * What each resource manager has handed out on each machine: YARN's ResourceManager for its
 * containers, Spark's standalone Master for its executors (Cookbook 20.2.5, 20.10). Neither
 * knows of the other, so nothing stops the two together from handing out more cores or memory
 * than a machine has: the node is oversubscribed. Its threads then share its cores, so CPU work
 * there takes `cpuStretch` times as long (the cost model applies it: handed-out cores over
 * physical ones, when every handed-out core is kept busy). One manager alone never
 * oversubscribes a node (YARN's `fits`, the Master's free cores), so the stretch stays 1.
 */
import { isTracing, type Kernel, type TraceSink } from '../core';
import type { ClusterEvent } from './clusterEvents';
import type { ClusterNode } from './cluster';

/** The resource managers a machine's cores and memory can be handed out by. */
export type ResourceManagerName = 'yarn' | 'standalone';

/** What one manager holds on one node. */
export interface HandedOut {
  cores: number;
  memoryMb: number;
}

export class ResourceLedger {
  private readonly held: Record<ResourceManagerName, HandedOut[]>;
  /** Per node: oversubscribed now. */
  private readonly over: boolean[];
  private readonly tracing: boolean;

  constructor(
    private readonly nodes: readonly ClusterNode[],
    private readonly kernel: Kernel,
    private readonly sink: TraceSink<ClusterEvent>,
  ) {
    const empty = () => nodes.map(() => ({ cores: 0, memoryMb: 0 }));
    this.held = { yarn: empty(), standalone: empty() };
    this.over = nodes.map(() => false);
    this.tracing = isTracing(sink);
  }

  /** `manager` hands out (positive) or takes back (negative) cores and memory on node `index`. */
  change(index: number, manager: ResourceManagerName, cores: number, memoryMb: number): void {
    const h = this.held[manager][index]!;
    h.cores += cores;
    h.memoryMb += memoryMb;
    const node = this.nodes[index]!;
    // total(index), without an object per change: YARN changes the ledger on every container.
    const y = this.held.yarn[index]!;
    const st = this.held.standalone[index]!;
    const totalCores = y.cores + st.cores;
    const totalMemoryMb = y.memoryMb + st.memoryMb;
    const over = totalCores > node.cores || totalMemoryMb > node.memoryMb;
    const was = this.over[index];
    this.over[index] = over;
    // Traced when a node becomes oversubscribed and each time more is handed out while it is, so
    // the trace has its peak; and once when it fits again.
    if (!this.tracing || (over ? was && cores <= 0 && memoryMb <= 0 : !was)) return;
    const t = this.kernel.now;
    if (!over) this.sink.record({ t, type: 'nodeSubscriptionRestored', node: node.id });
    else
      this.sink.record({
        t,
        type: 'nodeOversubscribed',
        node: node.id,
        cores: totalCores,
        capacityCores: node.cores,
        memoryMb: totalMemoryMb,
        capacityMemoryMb: node.memoryMb,
        yarn: { ...this.held.yarn[index]! },
        standalone: { ...this.held.standalone[index]! },
      });
  }

  /** What `manager` holds on node `index`. */
  of(index: number, manager: ResourceManagerName): HandedOut {
    const h = this.held[manager][index]!;
    return { cores: h.cores, memoryMb: h.memoryMb };
  }

  /** What every manager together holds on node `index`. */
  total(index: number): HandedOut {
    const y = this.held.yarn[index]!;
    const s = this.held.standalone[index]!;
    return { cores: y.cores + s.cores, memoryMb: y.memoryMb + s.memoryMb };
  }

  /** How much longer CPU work takes on node `index`: handed-out cores per physical core, at least 1. */
  cpuStretch(index: number): number {
    const cores = this.held.yarn[index]!.cores + this.held.standalone[index]!.cores;
    const physical = this.nodes[index]!.cores;
    return cores > physical ? cores / physical : 1;
  }
}
