/**
 * The cost model: turns bytes, records and CPU work into simulated milliseconds.
 *
 * - Disk: `bytes / node.diskMBps`, times the node's straggler factor.
 * - Network: `latency + bytes / bandwidth`, where bandwidth and latency depend on the topology
 *   distance (0 same node: `sameNodeMBps`, no latency; 2 same rack: `intraRackMBps`; 4 across
 *   racks: `crossRackMBps`), times the slower endpoint's straggler factor.
 * - A transfer from disk to disk (re-replication, remote read + write) is pipelined as HDFS
 *   streams it: its time is the slowest stage plus latency, not the sum of the stages.
 * - CPU: `records * cpuUsPerRecord + bytes * cpuNsPerByte + extra ms`, times the straggler factor,
 *   over the node's cpuSpeed (2: a core twice as fast as the reference the parameters describe),
 *   times the node's oversubscription (resourceLedger.ts: two resource managers handed out more
 *   cores than it has, so its threads share them).
 * - Start-up: `containerStartMs` to launch a container, `taskStartMs` per task inside one.
 * - Scale: every byte and record counts `dataScale` times (a sample standing for real volumes).
 * - Sharing: the tasks a node runs at once share its disks and network interface. A phase of
 *   `tasks` tasks spread over `nodes` nodes with `slots` task slots each runs
 *   `ioShare(tasks, nodes, slots)` of them on a node together, and each task's disk and network
 *   time is stretched by that many (callers multiply their I/O phases by it). CPU is not shared:
 *   a task has its own core.
 * Results are rounded to whole microseconds. Links between racks are not shared beyond the
 * per-node cross-rack bandwidth of a preset. MB = 2^20 bytes.
 */
import { onClock } from '../core';
import type { Cluster, ClusterNode } from './cluster';
import type { CostParams } from './costParams';

const MB = 1024 * 1024;

/** Rounds to whole microseconds (the kernel's clock): traces stay readable and sums exact enough to compare. */
const us = onClock;

/** Work a task does on one node, for `cpuMs`. */
export interface CpuWork {
  records?: number;
  bytes?: number;
  /** Extra CPU milliseconds measured or estimated by the caller. */
  ms?: number;
}

/**
 * How many tasks of a phase run on one node at once, and so share its disks and network: the
 * phase's tasks spread evenly over the live nodes, at most `slotsPerNode` at a time. At least 1.
 */
export function ioShare(tasks: number, nodes: number, slotsPerNode: number): number {
  if (tasks <= 0 || nodes <= 0) return 1;
  return Math.max(1, Math.min(Math.floor(slotsPerNode), Math.ceil(tasks / nodes)));
}

export class CostModel {
  private readonly costs: CostParams;
  private readonly scale: number;

  constructor(private readonly cluster: Cluster) {
    this.costs = cluster.costs;
    this.scale = cluster.costs.dataScale;
  }

  /** Real bytes and records per simulated one (CostParams.dataScale). */
  get dataScale(): number {
    return this.scale;
  }

  /**
   * What a record or byte that came out of a combine weighs against one of the input: keyScale
   * over dataScale (a sample's ten days are the real ten days, however many readings each stands
   * for). Callers multiply combined quantities by it before charging them.
   */
  get keyedFraction(): number {
    return this.costs.keyScale / this.scale;
  }

  private n(node: string | ClusterNode): ClusterNode {
    return typeof node === 'string' ? this.cluster.node(node) : node;
  }

  diskReadMs(node: string | ClusterNode, bytes: number): number {
    const n = this.n(node);
    return us(((bytes * this.scale) / MB / n.diskMBps) * 1000 * n.slowFactor);
  }

  diskWriteMs(node: string | ClusterNode, bytes: number): number {
    return this.diskReadMs(node, bytes);
  }

  /** Bandwidth between two nodes in MB/s, by topology distance. */
  bandwidthMBps(from: string | ClusterNode, to: string | ClusterNode): number {
    const a = this.n(from);
    const b = this.n(to);
    const d = this.cluster.distance(a, b);
    const net = this.cluster.network;
    return d === 0 ? net.sameNodeMBps : d === 2 ? net.intraRackMBps : net.crossRackMBps;
  }

  latencyMs(from: string | ClusterNode, to: string | ClusterNode): number {
    const d = this.cluster.distance(this.n(from), this.n(to));
    const net = this.cluster.network;
    return d === 0 ? 0 : d === 2 ? net.intraRackLatencyMs : net.crossRackLatencyMs;
  }

  /** Moving `bytes` over the network from one node to another (memory to memory). */
  networkMs(from: string | ClusterNode, to: string | ClusterNode, bytes: number): number {
    const a = this.n(from);
    const b = this.n(to);
    const slow = Math.max(a.slowFactor, b.slowFactor);
    return us(this.latencyMs(a, b) + ((bytes * this.scale) / MB / this.bandwidthMBps(a, b)) * 1000 * slow);
  }

  /** Reading `bytes` from `source`'s disk into a task on `reader` (local read when equal). */
  readMs(reader: string | ClusterNode, source: string | ClusterNode, bytes: number): number {
    const r = this.n(reader);
    const s = this.n(source);
    const disk = this.diskReadMs(s, bytes);
    if (r === s) return disk;
    return us(Math.max(disk, this.networkMs(s, r, bytes) - this.latencyMs(s, r)) + this.latencyMs(s, r));
  }

  /** Copying `bytes` from disk on `from` to disk on `to`, pipelined (HDFS block transfer). */
  transferMs(from: string | ClusterNode, to: string | ClusterNode, bytes: number): number {
    const a = this.n(from);
    const b = this.n(to);
    const latency = this.latencyMs(a, b);
    const wire = this.networkMs(a, b, bytes) - latency;
    return us(Math.max(this.diskReadMs(a, bytes), wire, this.diskWriteMs(b, bytes)) + latency);
  }

  /**
   * Writing `bytes` from a client on `writer` through an HDFS pipeline to `replicas` (in
   * pipeline order): every hop streams concurrently, so the slowest hop sets the pace.
   */
  writePipelineMs(writer: string | ClusterNode, replicas: readonly (string | ClusterNode)[], bytes: number): number {
    let prev = this.n(writer);
    let slowest = 0;
    let latency = 0;
    for (const rep of replicas) {
      const next = this.n(rep);
      const l = this.latencyMs(prev, next);
      latency += l;
      slowest = Math.max(slowest, this.networkMs(prev, next, bytes) - l, this.diskWriteMs(next, bytes));
      prev = next;
    }
    return us(slowest + latency);
  }

  /** CPU time of `work` on `node`. */
  cpuMs(node: string | ClusterNode, work: CpuWork): number {
    const n = this.n(node);
    const c = this.costs;
    const ms =
      (((work.records ?? 0) * c.cpuUsPerRecord) / 1000 + ((work.bytes ?? 0) * c.cpuNsPerByte) / 1e6) * this.scale +
      (work.ms ?? 0);
    return us((ms * n.slowFactor * this.cluster.ledger.cpuStretch(n.index)) / n.cpuSpeed);
  }

  containerStartMs(node: string | ClusterNode): number {
    return us(this.costs.containerStartMs * this.n(node).slowFactor);
  }

  taskStartMs(node: string | ClusterNode): number {
    return us(this.costs.taskStartMs * this.n(node).slowFactor);
  }
}
