/**
 * The NameNode's block map and the DataNodes it hears from: replicas per node, DataNode
 * heartbeats on the simulated clock, dead-node detection after the configured timeout,
 * and the replication monitor that re-replicates under-replicated blocks (with transfer time
 * from the cost model) until each block is back at its target replication.
 *
 * Two views are kept apart on purpose: what the NameNode believes (`block.replicas`,
 * `nnBlocks`) and what is physically on each disk (`stored`). They differ between a failure and
 * its detection, which is exactly what a learner should see.
 */
import { isTracing, type Kernel, type Rng, type TraceSink } from '../core';
import { HeartbeatMonitor, isDataNode, type Cluster, type CostModel } from '../cluster';
import { BlockPlacementPolicy } from './blockPlacement';
import type { HdfsConfig } from './hdfsConfig';
import { HDFS_EVENT_TYPES, type HdfsEvent } from './hdfsEvents';
import type { FileNode, HBlock } from './namespace';
import { FIRST_BLOCK_ID } from './hdfsTypes';
import { NodeBlocks } from './nodeBlocks';

export class BlockManager {
  readonly blocks = new Map<number, HBlock>();
  readonly placement: BlockPlacementPolicy;
  /** Times a DataNode was declared dead or heard again: part of the placement's cache key. */
  private deadChanges = 0;
  /** Blocks below their target replication, waiting for the replication monitor. */
  readonly under = new Set<HBlock>();
  /** What the NameNode believes each node holds. */
  private readonly nnBlocks: NodeBlocks<HBlock>[];
  /** What each node's disk physically holds. */
  readonly stored: NodeBlocks<HBlock>[];
  /** The NameNode's verdict per node (dead after `deadNodeTimeoutMs` without a heartbeat). */
  readonly declaredDead: readonly boolean[];
  private readonly heartbeats: HeartbeatMonitor;
  private readonly diskWiped: boolean[];
  private readonly streams: number[];
  private nextId = FIRST_BLOCK_ID;
  private monitorScheduled = false;
  inFlight = 0;
  private readonly tracing: boolean;

  constructor(
    private readonly kernel: Kernel,
    private readonly cluster: Cluster,
    private readonly cost: CostModel,
    rng: Rng,
    private readonly sink: TraceSink<HdfsEvent>,
    private readonly config: HdfsConfig,
  ) {
    const n = cluster.nodes.length;
    this.nnBlocks = Array.from({ length: n }, () => new NodeBlocks<HBlock>());
    this.stored = Array.from({ length: n }, () => new NodeBlocks<HBlock>());
    this.diskWiped = new Array<boolean>(n).fill(false);
    this.streams = new Array<number>(n).fill(0);
    this.tracing = isTracing(sink, HDFS_EVENT_TYPES);
    this.placement = new BlockPlacementPolicy(
      cluster,
      rng,
      (i) => this.isGoodTarget(i),
      // Node changes, and the NameNode declaring a DataNode dead or hearing it again.
      () => cluster.changes + this.deadChanges,
    );
    cluster.subscribe((change) => {
      if (change.kind === 'diskFailed') this.wipeDisk(cluster.node(change.node).index);
    });
    this.heartbeats = new HeartbeatMonitor(kernel, cluster, {
      intervalMs: config.heartbeatIntervalMs,
      expiryMs: config.deadNodeTimeoutMs,
      priority: 5,
      onHeartbeat: (i, rejoined) => this.heartbeat(i, rejoined),
      onExpired: (i) => this.declareDead(i),
      runsDaemon: isDataNode,
    });
    this.declaredDead = this.heartbeats.expired;
  }

  /** A node that can take a new replica: a DataNode, known live, reachable, disk working. */
  isGoodTarget(i: number): boolean {
    const node = this.cluster.nodes[i]!;
    return isDataNode(node) && !this.declaredDead[i] && !node.diskFailed && this.cluster.isReachable(node);
  }

  /** Whether node `i` can serve block `b` right now to `reader` (undefined: a client outside). */
  canServe(i: number, b: HBlock, reader?: number): boolean {
    const node = this.cluster.nodes[i]!;
    if (!node.alive || node.diskFailed || !this.holds(i, b)) return false;
    return reader === undefined
      ? this.cluster.isReachable(node)
      : this.cluster.canCommunicate(this.cluster.nodes[reader]!, node);
  }

  /**
   * Whether node `i`'s disk holds block `b`. A replica the NameNode lists is on the disk unless
   * the disk was wiped since (the NameNode learns it at the next heartbeat): only then, or for a
   * node it does not list, is the disk's own set asked (a lookup in one of a thousand sets is a
   * cache miss; the block's own list of two or three is not).
   */
  private holds(i: number, b: HBlock): boolean {
    return (!this.diskWiped[i] && b.replicas.includes(i)) || this.stored[i]!.has(b);
  }

  /** Creates a block and places its replicas (Hadoop's default policy). */
  allocate(file: FileNode, offset: number, length: number, data: Uint8Array | null, writer?: number): HBlock {
    const block: HBlock = {
      id: this.nextId++,
      file,
      index: file.blocks.length,
      offset,
      length,
      data,
      replicas: [],
      deleted: false,
      replicating: false,
    };
    const targets = this.placement.chooseTargets(file.replication, [], writer);
    for (const i of targets) {
      // A new block: on no node yet.
      block.replicas.push(i);
      this.nnBlocks[i]!.addNew(block);
      this.stored[i]!.addNew(block);
    }
    this.blocks.set(block.id, block);
    file.blocks.push(block);
    if (this.tracing) {
      const nodes = targets.map((i) => this.cluster.nodes[i]!);
      const ids = nodes.map((n) => n.id);
      this.sink.record({
        t: this.kernel.now,
        type: 'blockAllocated',
        block: block.id,
        path: file.path,
        index: block.index,
        bytes: length,
        replicas: ids,
        writer: writer === undefined ? null : this.cluster.nodes[writer]!.id,
        // Nodes, not their ids: the cost model would look each id up again (27,000 blocks, 3 each).
        pipelineMs:
          nodes.length > 0
            ? this.cost.writePipelineMs(writer === undefined ? nodes[0]! : this.cluster.nodes[writer]!, nodes, length)
            : 0,
      });
    }
    if (targets.length < file.replication) this.markUnder(block);
    return block;
  }

  /** Forgets a deleted file's block and frees its replicas. */
  remove(block: HBlock): void {
    block.deleted = true;
    this.blocks.delete(block.id);
    this.under.delete(block);
    for (const i of block.replicas) {
      this.nnBlocks[i]!.delete(block);
      this.stored[i]!.delete(block);
    }
    block.replicas = [];
  }

  private addReplica(block: HBlock, i: number): void {
    block.replicas.push(i);
    this.nnBlocks[i]!.add(block);
    this.stored[i]!.add(block);
  }

  private markUnder(block: HBlock): void {
    if (block.deleted || block.replicas.length >= block.file.replication) return;
    this.under.add(block);
    if (this.tracing) {
      const t = this.kernel.now;
      if (block.replicas.length === 0)
        this.sink.record({ t, type: 'blockMissing', block: block.id, path: block.file.path });
      else
        this.sink.record({
          t,
          type: 'blockUnderReplicated',
          block: block.id,
          replicas: block.replicas.length,
          target: block.file.replication,
        });
    }
    this.kickMonitor();
  }

  // ---- DataNode heartbeats and liveness ----

  private heartbeat(i: number, rejoined: boolean): void {
    if (rejoined) this.deadChanges++;
    if (rejoined) this.rejoin(i);
    else if (this.diskWiped[i]) this.reportDiskFailure(i);
  }

  private declareDead(i: number): void {
    this.deadChanges++;
    const lost = [...this.nnBlocks[i]!];
    this.nnBlocks[i]!.clear();
    if (this.tracing)
      this.sink.record({
        t: this.kernel.now,
        type: 'dataNodeDeclaredDead',
        node: this.cluster.nodes[i]!.id,
        replicasLost: lost.length,
      });
    for (const b of lost) {
      b.replicas = b.replicas.filter((r) => r !== i);
      this.markUnder(b);
    }
  }

  /** A dead-declared node heartbeats again: its block report is reconciled with the map. */
  private rejoin(i: number): void {
    this.diskWiped[i] = false;
    const reported = [...this.stored[i]!];
    if (this.tracing)
      this.sink.record({
        t: this.kernel.now,
        type: 'dataNodeRejoined',
        node: this.cluster.nodes[i]!.id,
        replicasReported: reported.length,
      });
    for (const b of reported) {
      if (b.deleted) {
        this.stored[i]!.delete(b);
      } else if (b.replicas.length >= b.file.replication) {
        this.stored[i]!.delete(b);
        if (this.tracing)
          this.sink.record({
            t: this.kernel.now,
            type: 'replicaDeleted',
            block: b.id,
            node: this.cluster.nodes[i]!.id,
            reason: 'excess',
          });
      } else {
        b.replicas.push(i);
        this.nnBlocks[i]!.add(b);
        if (b.replicas.length >= b.file.replication) this.under.delete(b);
      }
    }
    this.kickMonitor();
  }

  private wipeDisk(i: number): void {
    this.stored[i]!.clear();
    this.diskWiped[i] = true;
  }

  /** The DataNode reports its failed volume: every replica it held is gone. */
  private reportDiskFailure(i: number): void {
    this.diskWiped[i] = false;
    // The failed volume's replicas are lost; those written to the new disk since a restart (the
    // only ones on it now) are not.
    const lost = [...this.nnBlocks[i]!].filter((b) => !this.stored[i]!.has(b));
    for (const b of lost) this.nnBlocks[i]!.delete(b);
    const node = this.cluster.nodes[i]!.id;
    for (const b of lost) {
      b.replicas = b.replicas.filter((r) => r !== i);
      if (this.tracing)
        this.sink.record({ t: this.kernel.now, type: 'replicaLost', block: b.id, node, reason: 'diskFailed' });
      this.markUnder(b);
    }
  }

  // ---- the replication monitor ----

  private kickMonitor(): void {
    if (this.monitorScheduled || this.under.size === 0) return;
    this.monitorScheduled = true;
    this.kernel.post(this.config.replicationIntervalMs, () => this.replicationRound(), 7);
  }

  private replicationRound(): void {
    this.monitorScheduled = false;
    const live = this.cluster.nodes.filter((_, i) => this.isGoodTarget(i)).length;
    let budget = Math.max(1, this.config.replicationWorkMultiplier * live);
    // Blocks with the fewest replicas first, as Hadoop's priority queues do.
    const queue = [...this.under].sort((a, b) => a.replicas.length - b.replicas.length || a.id - b.id);
    for (const b of queue) {
      if (b.deleted || b.replicas.length >= b.file.replication) {
        this.under.delete(b);
        continue;
      }
      if (b.replicating) continue;
      if (budget === 0) {
        this.kickMonitor();
        break;
      }
      const source = this.chooseSource(b);
      if (source === undefined) continue;
      const [target] = this.placement.chooseTargets(1, b.replicas);
      if (target === undefined) continue;
      budget--;
      this.startTransfer(b, source, target);
    }
  }

  private chooseSource(b: HBlock): number | undefined {
    let best: number | undefined;
    for (const i of b.replicas) {
      if (this.streams[i]! >= this.config.maxReplicationStreams || !this.canServe(i, b)) continue;
      if (best === undefined || this.streams[i]! < this.streams[best]!) best = i;
    }
    return best;
  }

  private startTransfer(b: HBlock, from: number, to: number): void {
    const src = this.cluster.nodes[from]!;
    const dst = this.cluster.nodes[to]!;
    const ms = this.cost.transferMs(src, dst, b.length);
    this.streams[from]!++;
    this.inFlight++;
    b.replicating = true;
    if (this.tracing)
      this.sink.record({
        t: this.kernel.now,
        type: 'replicationStarted',
        block: b.id,
        from: src.id,
        to: dst.id,
        bytes: b.length,
      });
    this.kernel.post(
      ms,
      () => {
        this.streams[from]!--;
        this.inFlight--;
        b.replicating = false;
        if (b.deleted) return;
        const ok =
          this.cluster.canCommunicate(src, dst) &&
          !dst.diskFailed &&
          this.stored[from]!.has(b) &&
          !this.declaredDead[to] &&
          !b.replicas.includes(to);
        if (ok) {
          this.addReplica(b, to);
          if (this.tracing)
            this.sink.record({
              t: this.kernel.now,
              type: 'blockReplicated',
              block: b.id,
              from: src.id,
              to: dst.id,
              bytes: b.length,
              ms,
            });
          if (b.replicas.length >= b.file.replication) this.under.delete(b);
        } else if (this.tracing) {
          this.sink.record({ t: this.kernel.now, type: 'replicationFailed', block: b.id, from: src.id, to: dst.id });
        }
        this.kickMonitor();
      },
      7,
    );
  }
}
