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
import { interleave, slotsAt, type Slot, type SlotPlaces, type SlotPool } from './slotPool';

export { executorNodes } from './executorNodes';

export interface Executor {
  id: string;
  node: ClusterNode;
  lease: ExecutorLease;
  slots: Slot[];
  free: Slot[];
  alive: boolean;
  /** Position in the pool's list of executors: freeSlots()'s order. */
  order: number;
  /** Its node's deaths when it registered (Cluster.life): after another, its process is gone. */
  life: number;
}

/** spark.network.timeout: the driver gives up on a silent executor after this. */
export const EXECUTOR_TIMEOUT_MS = 120_000;
/** How long the driver waits for all executors before starting with those it has. */
const REGISTRATION_WAIT_MS = 30_000;

export class ExecutorPool implements SlotPool {
  readonly executors: Executor[] = [];
  private readonly byId = new Map<string, Executor>();
  /** Executors by node, in the pool's order. */
  private readonly onNode = new Map<string, Executor[]>();
  /** Slots in the executors' free lists (on unreachable nodes too): at least freeSlots().length. */
  private freeTotal = 0;
  /** The executors with a free slot (on unreachable nodes too), in no order: a busy cluster's few. */
  private readonly withFree = new Set<Executor>();
  private readonly backend: ExecutorBackend;
  private readonly askedAt: number;
  private readonly unsubscribe: () => void;
  private finished = false;
  /** Executors started on a cut-off node, not registered with the driver yet: when each started. */
  private readonly unregistered = new Map<ExecutorLease, number>();

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
      launched: (lease: ExecutorLease) => this.launched(lease),
      lost: (lease: ExecutorLease, reason: string) => this.lose(lease, reason),
    };
    this.backend =
      conf.master.kind === 'yarn'
        ? new YarnExecutorBackend(ctx, name, conf, events)
        : new StandaloneExecutorBackend(ctx, conf, events);
    /** Heals per rack: an executor is lost after 120 s of silence in one partition, not over two. */
    const heals = new Map<string, number>();
    this.unsubscribe = ctx.cluster.subscribe((change) => {
      // A healed rack's executors can take tasks again: the scheduler offers their slots.
      if (change.kind === 'healed') {
        heals.set(change.rack, (heals.get(change.rack) ?? 0) + 1);
        const back = this.executors.find((e) => e.alive && change.nodes.includes(e.node.id));
        if (back) onAdded(back);
        return;
      }
      const nodes = change.kind === 'died' ? [change.node] : change.kind === 'partitioned' ? change.nodes : [];
      const cut = change.kind === 'partitioned' ? { rack: change.rack, heals: heals.get(change.rack) ?? 0 } : null;
      for (const e of this.executors) {
        if (!e.alive || !nodes.includes(e.node.id)) continue;
        ctx.kernel.post(EXECUTOR_TIMEOUT_MS, () => {
          if (ctx.cluster.isReachable(e.node) || (cut !== null && (heals.get(cut.rack) ?? 0) !== cut.heals)) return;
          this.lose(e.lease, `executor ${e.id} heartbeat timed out (${EXECUTOR_TIMEOUT_MS / 1000} s)`);
        });
      }
    });
  }

  /** When the driver stops waiting for executors to register (spark.scheduler.maxRegisteredResourcesWaitingTime). */
  get waitEndsAt(): number {
    return this.askedAt + REGISTRATION_WAIT_MS;
  }

  /** True once every executor registered, or some did and the wait is over. */
  get ready(): boolean {
    const live = this.executors.filter((e) => e.alive).length;
    return live === this.backend.requested || (live > 0 && this.ctx.kernel.now - this.askedAt >= REGISTRATION_WAIT_MS);
  }

  /** The executor of that id (lost ones too). */
  executor(id: string): Executor | undefined {
    return this.byId.get(id);
  }

  freeSlots(): Slot[] {
    if (this.freeTotal === 0) return [];
    return interleave(this.offering().map((e) => e.free));
  }

  /**
   * Found from the executors on `places` when that is less work than filtering every free slot
   * (data on 10 of 1,000 nodes: an offer looks at the 10 nodes' slots, not the 990 others').
   */
  freeSlotsAt(places: SlotPlaces): Slot[] {
    const { racks } = this.ctx.cluster;
    let rackNodes = 0;
    for (const r of places.racks.keys()) rackNodes += racks[r]?.nodes.length ?? 0;
    if (places.executors.size + places.nodes.size + rackNodes >= this.withFree.size)
      return slotsAt(this.freeSlots(), places);
    const chosen = new Set<Executor>();
    const addNode = (node: string) => this.onNode.get(node)?.forEach((e) => chosen.add(e));
    for (const id of places.executors.keys()) {
      const e = this.byId.get(id);
      if (e) chosen.add(e);
    }
    for (const node of places.nodes.keys()) addNode(node);
    for (const r of places.racks.keys()) racks[r]?.nodes.forEach((n) => addNode(n.id));
    const offered = [...chosen].filter((e) => this.offers(e)).sort((a, b) => a.order - b.order);
    return interleave(offered.map((e) => e.free));
  }

  anyFree(): boolean {
    for (const e of this.withFree) if (this.offers(e)) return true;
    return false;
  }

  /** Round one of freeSlots() holds each executor's first free slot: the first executor elsewhere gives it. */
  freeSlotAwayFrom(node: string): Slot | undefined {
    let first: Executor | undefined;
    for (const e of this.withFree)
      if (e.node.id !== node && (first === undefined || e.order < first.order) && this.offers(e)) first = e;
    return first?.free[0];
  }

  take(slot: Slot): void {
    const e = this.byId.get(slot.executor);
    const i = e?.free.indexOf(slot) ?? -1;
    if (e && i >= 0) {
      e.free.splice(i, 1);
      this.freeTotal--;
      if (e.free.length === 0) this.withFree.delete(e);
    }
  }

  give(slot: Slot): void {
    const e = this.byId.get(slot.executor);
    if (!e || !e.alive) return;
    e.free.push(slot);
    this.freeTotal++;
    this.withFree.add(e);
    e.free.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  startupMs(slot: Slot): number {
    return this.ctx.cost.taskStartMs(slot.node);
  }

  nodeDied(node: string): void {
    for (const e of this.onNode.get(node) ?? []) this.clearFree(e);
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

  /**
   * The executors offers may use that have a free slot, in the pool's order: from `withFree` when
   * few have one (1,000 busy nodes and a slot free on 3), else from the whole list.
   */
  private offering(): Executor[] {
    const few = this.withFree.size * 8 < this.executors.length;
    const withFree = few
      ? [...this.withFree].sort((a, b) => a.order - b.order)
      : this.executors.filter((e) => e.free.length > 0);
    return withFree.filter((e) => this.offers(e));
  }

  /** Whether offers may use the executor's free slots: alive, its node reachable and not dead since it registered. */
  private offers(e: Executor): boolean {
    return e.alive && this.ctx.cluster.isReachable(e.node) && this.ctx.cluster.life(e.node) === e.life;
  }

  private clearFree(e: Executor): void {
    this.freeTotal -= e.free.length;
    e.free = [];
    this.withFree.delete(e);
  }

  /**
   * An executor process started. It registers with the driver at once when its node can reach
   * it; on a cut-off node it registers when the rack heals, unless it has tried for
   * spark.network.timeout by then: it gave up and exited, and the driver asks for another.
   */
  private launched(lease: ExecutorLease): void {
    const { cluster, kernel } = this.ctx;
    if (cluster.isReachable(lease.node)) return this.added(lease);
    this.unregistered.set(lease, kernel.now);
    cluster.whenReachable(lease.node, () => {
      const since = this.unregistered.get(lease);
      if (since === undefined) return; // lost meanwhile: replaced already
      this.unregistered.delete(lease);
      if (this.finished || !lease.live) return;
      if (kernel.now - since < EXECUTOR_TIMEOUT_MS) return this.added(lease);
      const waited = EXECUTOR_TIMEOUT_MS / 1000;
      this.backend.replace(
        lease,
        `the executor on ${lease.node.id} could not register with the driver for ${waited} s`,
      );
    });
  }

  private added(lease: ExecutorLease): void {
    const { node } = lease;
    // A replacement on a node that had an executor before gets a new id (`exec-n3.2`).
    const here = this.onNode.get(node.id) ?? [];
    const id = here.length === 0 ? `exec-${node.id}` : `exec-${node.id}.${here.length + 1}`;
    const slots = Array.from({ length: lease.cores }, (_, i) => ({ id: `${id.slice(5)}/${i}`, node, executor: id }));
    const order = this.executors.length;
    const life = this.ctx.cluster.life(node);
    const executor: Executor = { id, node, lease, slots, free: [...slots], alive: true, order, life };
    this.executors.push(executor);
    this.byId.set(id, executor);
    this.onNode.set(node.id, [...here, executor]);
    this.freeTotal += slots.length;
    if (slots.length > 0) this.withFree.add(executor);
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
    if (!e) {
      // Lost before its executor registered (its container was still starting, or it could not
      // reach the driver): Spark's allocator keeps its target count and asks for another.
      this.unregistered.delete(lease);
      if (this.finished) this.backend.release(lease);
      else this.backend.replace(lease, reason);
      return;
    }
    if (!e.alive) return;
    e.alive = false;
    this.clearFree(e);
    if (this.ctx.tracing)
      this.ctx.trace.record({ t: this.ctx.kernel.now, type: 'executorLost', executor: e.id, node: e.node.id, reason });
    this.onLost(e, reason);
    if (this.finished) this.backend.release(lease);
    else this.backend.replace(lease, `replaces ${e.id}`);
  }
}
