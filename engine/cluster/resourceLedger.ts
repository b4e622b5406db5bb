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

/** Each node's record in the ledger: what YARN and the Master hold, the node's own size, and whether it is oversubscribed. */
const YARN_CORES = 0;
const YARN_MB = 1;
const MASTER_CORES = 2;
const MASTER_MB = 3;
const NODE_CORES = 4;
const NODE_MB = 5;
const OVER = 6;
/** Eight float64s: one node's record fills one 64-byte cache line. */
const STRIDE = 8;
const OFFSET: Record<ResourceManagerName, number> = { yarn: YARN_CORES, standalone: MASTER_CORES };

export class ResourceLedger {
  /**
   * Per node index, one record of STRIDE numbers: YARN changes it twice per container, and on a
   * big cluster an array per figure (and the node object for its size) cost a cache miss each.
   */
  private readonly records: Float64Array;
  private readonly tracing: boolean;

  constructor(
    private readonly nodes: readonly ClusterNode[],
    private readonly kernel: Kernel,
    private readonly sink: TraceSink<ClusterEvent>,
  ) {
    this.records = new Float64Array(nodes.length * STRIDE);
    for (let i = 0; i < nodes.length; i++) {
      this.records[i * STRIDE + NODE_CORES] = nodes[i]!.cores;
      this.records[i * STRIDE + NODE_MB] = nodes[i]!.memoryMb;
    }
    this.tracing = isTracing(sink, CLUSTER_EVENT_TYPES);
  }

  /** `manager` hands out (positive) or takes back (negative) cores and memory on node `index`. */
  change(index: number, manager: ResourceManagerName, cores: number, memoryMb: number): void {
    const r = this.records;
    const at = index * STRIDE;
    r[at + OFFSET[manager]]! += cores;
    r[at + OFFSET[manager] + 1]! += memoryMb;
    const totalCores = r[at + YARN_CORES]! + r[at + MASTER_CORES]!;
    const totalMemoryMb = r[at + YARN_MB]! + r[at + MASTER_MB]!;
    const over = totalCores > r[at + NODE_CORES]! || totalMemoryMb > r[at + NODE_MB]!;
    const was = r[at + OVER] === 1;
    r[at + OVER] = over ? 1 : 0;
    // Traced when a node becomes oversubscribed and each time more is handed out while it is, so
    // the trace has its peak; and once when it fits again.
    if (!this.tracing || (over ? was && cores <= 0 && memoryMb <= 0 : !was)) return;
    const node = this.nodes[index]!;
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
    const at = index * STRIDE + OFFSET[manager];
    return { cores: this.records[at]!, memoryMb: this.records[at + 1]! };
  }

  /** What every manager together holds on node `index`. */
  total(index: number): HandedOut {
    const at = index * STRIDE;
    const r = this.records;
    return { cores: r[at + YARN_CORES]! + r[at + MASTER_CORES]!, memoryMb: r[at + YARN_MB]! + r[at + MASTER_MB]! };
  }

  /** How much longer CPU work takes on node `index`: handed-out cores per physical core, at least 1. */
  cpuStretch(index: number): number {
    const at = index * STRIDE;
    const r = this.records;
    const cores = r[at + YARN_CORES]! + r[at + MASTER_CORES]!;
    const physical = r[at + NODE_CORES]!;
    return cores > physical ? cores / physical : 1;
  }
}
