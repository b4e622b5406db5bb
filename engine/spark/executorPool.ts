/**
 * Spark executors (Cookbook 20.2.5, 20.10): the driver asks its cluster manager for them (a
 * backend: YARN's ResourceManager, or a standalone Master when spark.master names one), each
 * started once and reused by every task, unlike MapReduce's container per task. Each executor
 * core is a Slot for the task scheduler. An executor is lost when its manager reports it lost,
 * or when it misses heartbeats to the driver for `spark.network.timeout` (120 s) after its node
 * died or was cut off. A lost executor is replaced, as Spark keeps its target count: the
 * backend asks for one of the same size wherever its manager has room.
 */
import type { ClusterNode } from '../cluster';
import type { JobContext } from '../exec/jobContext';
import type { ExecutorBackend, ExecutorLease } from './executorBackend';
import type { SparkConf } from './sparkConf';
import { StandaloneExecutorBackend } from './standaloneExecutorBackend';
import { YarnExecutorBackend } from './yarnExecutorBackend';
import { interleave, type Slot, type SlotPool } from './slotPool';

export { executorNodes } from './executorNodes';

export interface Executor {
  id: string;
  node: ClusterNode;
  lease: ExecutorLease;
  slots: Slot[];
  free: Slot[];
  alive: boolean;
}

/** spark.network.timeout: the driver gives up on a silent executor after this. */
export const EXECUTOR_TIMEOUT_MS = 120_000;
/** How long the driver waits for all executors before starting with those it has. */
const REGISTRATION_WAIT_MS = 30_000;

export class ExecutorPool implements SlotPool {
  readonly executors: Executor[] = [];
  private readonly backend: ExecutorBackend;
  private readonly askedAt: number;
  private readonly unsubscribe: () => void;
  private finished = false;

  constructor(
    private readonly ctx: JobContext,
    name: string,
    private readonly onLost: (executor: Executor, reason: string) => void,
    /** An executor registered (a replacement, later on): its slots are free for tasks. */
    private readonly onAdded: (executor: Executor) => void,
    conf: SparkConf,
  ) {
    this.askedAt = ctx.kernel.now;
    const events = {
      launched: (lease: ExecutorLease) => this.added(lease),
      lost: (lease: ExecutorLease, reason: string) => this.lose(lease, reason),
    };
    this.backend =
      conf.master.kind === 'yarn'
        ? new YarnExecutorBackend(ctx, name, conf, events)
        : new StandaloneExecutorBackend(ctx, conf, events);
    this.unsubscribe = ctx.cluster.subscribe((change) => {
      const nodes = change.kind === 'died' ? [change.node] : change.kind === 'partitioned' ? change.nodes : [];
      for (const e of this.executors) {
        if (!e.alive || !nodes.includes(e.node.id)) continue;
        ctx.kernel.post(EXECUTOR_TIMEOUT_MS, () => {
          if (!ctx.cluster.isReachable(e.node))
            this.lose(e.lease, `executor ${e.id} heartbeat timed out (${EXECUTOR_TIMEOUT_MS / 1000} s)`);
        });
      }
    });
  }

  /** True once every executor registered, or some did and the wait is over. */
  get ready(): boolean {
    const live = this.executors.filter((e) => e.alive).length;
    return live === this.backend.requested || (live > 0 && this.ctx.kernel.now - this.askedAt >= REGISTRATION_WAIT_MS);
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
    // A standalone executor ends with its application (a YARN one's container release says so).
    if (this.ctx.tracing)
      for (const e of this.executors)
        if (e.alive && e.lease.container === undefined)
          this.ctx.trace.record({ t: this.ctx.kernel.now, type: 'executorRemoved', executor: e.id, node: e.node.id });
    this.backend.finish(status);
  }

  private executorOf(slot: Slot): Executor | undefined {
    return this.executors.find((e) => e.id === slot.executor);
  }

  private added(lease: ExecutorLease): void {
    const { node } = lease;
    // A replacement on a node that had an executor before gets a new id (`exec-n3.2`).
    const before = this.executors.filter((e) => e.node.id === node.id).length;
    const id = before === 0 ? `exec-${node.id}` : `exec-${node.id}.${before + 1}`;
    const slots = Array.from({ length: lease.cores }, (_, i) => ({ id: `${id.slice(5)}/${i}`, node, executor: id }));
    const executor: Executor = { id, node, lease, slots, free: [...slots], alive: true };
    this.executors.push(executor);
    if (this.ctx.tracing)
      this.ctx.trace.record({
        t: this.ctx.kernel.now,
        type: 'executorAdded',
        executor: id,
        node: node.id,
        cores: lease.cores,
        memoryMb: lease.memoryMb,
        ...(lease.container === undefined ? { manager: 'standalone' as const } : { container: lease.container }),
      });
    this.onAdded(executor);
  }

  private lose(lease: ExecutorLease, reason: string): void {
    const e = this.executors.find((x) => x.lease === lease);
    if (!e || !e.alive) return;
    e.alive = false;
    e.free = [];
    if (this.ctx.tracing)
      this.ctx.trace.record({ t: this.ctx.kernel.now, type: 'executorLost', executor: e.id, node: e.node.id, reason });
    this.onLost(e, reason);
    if (this.finished) this.backend.release(lease);
    else this.backend.replace(lease, `replaces ${e.id}`);
  }
}
