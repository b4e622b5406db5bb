/**
 * Spark executors in YARN containers (Cookbook 20.2.5): the driver asks YARN for one executor
 * per NodeManager node (all its cores, half its memory), each started once and reused by every task, unlike
 * MapReduce's container per task. Each executor core is a Slot for the task scheduler. An
 * executor is lost when YARN reports its container lost, or when it misses heartbeats to the
 * driver for `spark.network.timeout` (120 s) after its node died or was cut off. A lost
 * executor is replaced, as Spark's YarnAllocator keeps its target count: the driver asks YARN for
 * a container of the same size anywhere, granted on the first live node with room for it.
 */
import { ValidationError } from '../core';
import type { Cluster, ClusterNode } from '../cluster';
import type { Application, Container } from '../yarn';
import type { JobContext } from '../exec/jobContext';
import { interleave, type Slot, type SlotPool } from './slotPool';

export interface Executor {
  id: string;
  node: ClusterNode;
  container: Container;
  slots: Slot[];
  free: Slot[];
  alive: boolean;
}

/** spark.network.timeout: the driver gives up on a silent executor after this. */
export const EXECUTOR_TIMEOUT_MS = 120_000;
/** How long the driver waits for all executors before starting with those it has. */
const REGISTRATION_WAIT_MS = 30_000;

/**
 * The NodeManagers executors are asked on: those under the node label (spark.yarn.executor.nodeLabelExpression,
 * '' for the unlabelled ones). None: YARN would never grant one, so the run stops with a message naming the setting.
 */
export function executorNodes(cluster: Cluster, label: string): ClusterNode[] {
  const nodes = cluster.nodeManagers.filter((n) => n.nodeLabel === label);
  if (nodes.length > 0) return nodes;
  const labels = [...new Set(cluster.nodeManagers.map((n) => n.nodeLabel))].sort();
  const named = labels.map((l) => (l === '' ? "'' (no label)" : `'${l}'`)).join(', ');
  throw new ValidationError(
    'spark.yarn.executor.nodeLabelExpression',
    label === ''
      ? `every NodeManager of this cluster has a node label (${named}), so executors asked without one are never granted: set it to one of them`
      : `no NodeManager has the label '${label}', so YARN would never grant an executor (labels here: ${named})`,
  );
}

export class ExecutorPool implements SlotPool {
  readonly executors: Executor[] = [];
  private readonly app: Application;
  private requested = 0;
  private readonly askedAt: number;
  private readonly unsubscribe: () => void;
  private finished = false;

  constructor(
    private readonly ctx: JobContext,
    name: string,
    private readonly onLost: (executor: Executor, reason: string) => void,
    /** An executor registered (a replacement, later on): its slots are free for tasks. */
    private readonly onAdded: (executor: Executor) => void = () => {},
    /** spark.yarn.executor.nodeLabelExpression: executors only on nodes with this YARN label ('' none). */
    private readonly label = '',
  ) {
    this.askedAt = ctx.kernel.now;
    this.app = ctx.yarn.submitApplication({
      name,
      callbacks: {
        onAllocated: (c) => this.app.launch(c),
        onLaunched: (c) => this.added(c),
        onContainerLost: (c) => this.lose(c, `container ${c.id} lost with node ${c.nodeId}`),
      },
    });
    for (const node of executorNodes(ctx.cluster, label)) {
      if (!ctx.cluster.isReachable(node)) continue;
      this.requested++;
      this.app.request({
        vcores: node.cores,
        memoryMb: Math.max(1024, Math.floor(node.memoryMb / 2)),
        nodes: [node.id],
        relaxLocality: false,
        nodeLabelExpression: label,
        tag: node.id,
      });
    }
    this.unsubscribe = ctx.cluster.subscribe((change) => {
      const nodes = change.kind === 'died' ? [change.node] : change.kind === 'partitioned' ? change.nodes : [];
      for (const e of this.executors) {
        if (!e.alive || !nodes.includes(e.node.id)) continue;
        ctx.kernel.schedule(EXECUTOR_TIMEOUT_MS, () => {
          if (!ctx.cluster.isReachable(e.node))
            this.lose(e.container, `executor ${e.id} heartbeat timed out (${EXECUTOR_TIMEOUT_MS / 1000} s)`);
        });
      }
    });
  }

  /** True once every executor registered, or some did and the wait is over. */
  get ready(): boolean {
    const live = this.executors.filter((e) => e.alive).length;
    return live === this.requested || (live > 0 && this.ctx.kernel.now - this.askedAt >= REGISTRATION_WAIT_MS);
  }

  freeSlots(): Slot[] {
    return interleave(this.executors.filter((e) => e.alive && this.ctx.cluster.isReachable(e.node)).map((e) => e.free));
  }

  take(slot: Slot): void {
    const e = this.executorOf(slot);
    const i = e?.free.indexOf(slot) ?? -1;
    if (e && i >= 0) e.free.splice(i, 1);
  }

  give(slot: Slot): void {
    const e = this.executorOf(slot);
    if (!e || !e.alive) return;
    e.free.push(slot);
    e.free.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  startupMs(slot: Slot): number {
    return this.ctx.cost.taskStartMs(slot.node);
  }

  nodeDied(node: string): void {
    for (const e of this.executors) if (e.node.id === node) e.free = [];
  }

  /** The application ends: executors are released. */
  finish(status: 'succeeded' | 'failed' = 'succeeded'): void {
    this.finished = true;
    this.unsubscribe();
    this.app.finish(status);
  }

  private executorOf(slot: Slot): Executor | undefined {
    return this.executors.find((e) => e.id === slot.executor);
  }

  private added(c: Container): void {
    // A replacement on a node that had an executor before gets a new id (`exec-n3.2`).
    const before = this.executors.filter((e) => e.node.id === c.nodeId).length;
    const id = before === 0 ? `exec-${c.nodeId}` : `exec-${c.nodeId}.${before + 1}`;
    const slots = Array.from({ length: c.vcores }, (_, i) => ({
      id: `${id.slice(5)}/${i}`,
      node: c.node,
      executor: id,
    }));
    const executor: Executor = { id, node: c.node, container: c, slots, free: [...slots], alive: true };
    this.executors.push(executor);
    if (this.ctx.tracing)
      this.ctx.trace.record({
        t: this.ctx.kernel.now,
        type: 'executorAdded',
        executor: id,
        node: c.nodeId,
        container: c.id,
        cores: c.vcores,
      });
    this.onAdded(executor);
  }

  private lose(c: Container, reason: string): void {
    const e = this.executors.find((x) => x.container === c);
    if (!e || !e.alive) return;
    e.alive = false;
    e.free = [];
    if (c.live) this.app.release(c);
    if (this.ctx.tracing)
      this.ctx.trace.record({ t: this.ctx.kernel.now, type: 'executorLost', executor: e.id, node: e.node.id, reason });
    this.onLost(e, reason);
    if (!this.finished) {
      // Same size, anywhere: YARN places it on a live node with room (never the lost one while it is down).
      this.app.request({
        vcores: c.vcores,
        memoryMb: c.memoryMb,
        relaxLocality: true,
        nodeLabelExpression: this.label,
        tag: `replaces ${e.id}`,
      });
    }
  }
}
