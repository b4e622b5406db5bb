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
import { CLUSTER_EVENT_TYPES, type ClusterEvent } from './clusterEvents';
import type { ClusterNode } from './cluster';

/** The resource managers a machine's cores and memory can be handed out by. */
export type ResourceManagerName = 'yarn' | 'standalone';

/** What one manager holds on one node. */
export interface HandedOut {
  cores: number;
  memoryMb: number;
}

export class ResourceLedger {
  /** Cores and memory held per node index, by manager: typed arrays, no object per node (YARN changes them per container). */
  private readonly cores: Record<ResourceManagerName, Float64Array>;
  private readonly memoryMb: Record<ResourceManagerName, Float64Array>;
  /** Per node: oversubscribed now (1) or not. */
  private readonly over: Uint8Array;
  private readonly tracing: boolean;

  constructor(
    private readonly nodes: readonly ClusterNode[],
    private readonly kernel: Kernel,
    private readonly sink: TraceSink<ClusterEvent>,
  ) {
    const n = nodes.length;
    this.cores = { yarn: new Float64Array(n), standalone: new Float64Array(n) };
    this.memoryMb = { yarn: new Float64Array(n), standalone: new Float64Array(n) };
    this.over = new Uint8Array(n);
    this.tracing = isTracing(sink, CLUSTER_EVENT_TYPES);
  }

  /** `manager` hands out (positive) or takes back (negative) cores and memory on node `index`. */
  change(index: number, manager: ResourceManagerName, cores: number, memoryMb: number): void {
    this.cores[manager][index]! += cores;
    this.memoryMb[manager][index]! += memoryMb;
    const node = this.nodes[index]!;
    const totalCores = this.cores.yarn[index]! + this.cores.standalone[index]!;
    const totalMemoryMb = this.memoryMb.yarn[index]! + this.memoryMb.standalone[index]!;
    const over = totalCores > node.cores || totalMemoryMb > node.memoryMb;
    const was = this.over[index] === 1;
    this.over[index] = over ? 1 : 0;
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
        yarn: this.of(index, 'yarn'),
        standalone: this.of(index, 'standalone'),
      });
  }

  /** What `manager` holds on node `index`. */
  of(index: number, manager: ResourceManagerName): HandedOut {
    return { cores: this.cores[manager][index]!, memoryMb: this.memoryMb[manager][index]! };
  }

  /** What every manager together holds on node `index`. */
  total(index: number): HandedOut {
    return {
      cores: this.cores.yarn[index]! + this.cores.standalone[index]!,
      memoryMb: this.memoryMb.yarn[index]! + this.memoryMb.standalone[index]!,
    };
  }

  /** How much longer CPU work takes on node `index`: handed-out cores per physical core, at least 1. */
  cpuStretch(index: number): number {
    const cores = this.cores.yarn[index]! + this.cores.standalone[index]!;
    const physical = this.nodes[index]!.cores;
    return cores > physical ? cores / physical : 1;
  }
}
