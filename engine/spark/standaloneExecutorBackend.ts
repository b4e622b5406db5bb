/**
 * Executors from Spark's standalone Master (standaloneMaster.ts), launched by the Workers beside
 * whatever YARN runs on the same machines. Each executor's cores and memory enter the cluster's
 * ResourceLedger as the standalone manager's while it runs, so the cost model sees the
 * oversubscription and the trace says when a node has more handed out than it has. An executor
 * dies with its machine: the Master hears of it when the Worker misses heartbeats for
 * spark.worker.timeout (60 s), or at once when the restarted Worker registers again.
 */
import type { JobContext } from '../exec/jobContext';
import type { BackendEvents, ExecutorBackend, ExecutorLease } from './executorBackend';
import type { SparkConf } from './sparkConf';
import { StandaloneMaster, type StandaloneAsk, type StandaloneGrant } from './standaloneMaster';

/** spark.worker.timeout: the Master declares a silent Worker lost after this. */
const WORKER_TIMEOUT_MS = 60_000;

export class StandaloneExecutorBackend implements ExecutorBackend {
  readonly requested: number;
  private readonly master: StandaloneMaster;
  private readonly ask: StandaloneAsk;
  private readonly grants = new Map<ExecutorLease, StandaloneGrant>();
  private finished = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: JobContext,
    conf: SparkConf,
    private readonly events: BackendEvents,
  ) {
    this.master = new StandaloneMaster(ctx);
    this.ask = {
      coresPerExecutor: conf.executorCores,
      memoryMb: conf.executorMemoryMb ?? 1024,
      coresMax: conf.coresMax,
    };
    const grants = this.master.schedule(this.ask);
    this.requested = grants.length;
    for (const g of grants) this.launch(g);
    this.unsubscribe = ctx.cluster.subscribe((change) => {
      // Workers back (healed, or registering again after a restart): the Master schedules the
      // application's missing cores again, as Master.schedule runs whenever a Worker comes back.
      if (change.kind === 'healed') return this.topUp();
      if (change.kind !== 'died' && change.kind !== 'restarted') return;
      const dead = [...this.grants.keys()].filter((l) => l.live && l.node.id === change.node);
      const lose = () => {
        for (const l of dead) if (l.live) this.events.lost(l, `Worker on ${l.node.id} lost with its machine`);
      };
      if (change.kind === 'died') return ctx.kernel.post(WORKER_TIMEOUT_MS, lose);
      lose();
      this.topUp();
    });
  }

  replace(lease: ExecutorLease): void {
    this.release(lease);
    this.topUp();
  }

  /** Launches what the Master grants now toward spark.cores.max, beside the executors held. */
  private topUp(): void {
    if (this.finished) return;
    let held = 0;
    for (const [l, g] of this.grants) if (l.live) held += g.cores;
    for (const g of this.master.schedule(this.ask, held)) this.launch(g);
  }

  release(lease: ExecutorLease): void {
    const g = this.grants.get(lease);
    if (g === undefined || !lease.live) return;
    lease.live = false;
    this.master.free(g);
    this.ctx.cluster.ledger.change(lease.node.index, 'standalone', -lease.cores, -lease.memoryMb);
  }

  finish(): void {
    this.finished = true;
    this.unsubscribe();
    for (const [lease] of this.grants) this.release(lease);
  }

  /** The Worker starts the executor's JVM; it holds its cores and memory from then on. */
  private launch(grant: StandaloneGrant): void {
    const node = grant.worker.node;
    const lease: ExecutorLease = { node, cores: grant.cores, memoryMb: grant.memoryMb, live: false };
    this.ctx.kernel.post(this.ctx.cost.containerStartMs(node), () => {
      if (this.finished || !this.ctx.cluster.isReachable(node)) {
        this.master.free(grant);
        return;
      }
      lease.live = true;
      this.grants.set(lease, grant);
      this.ctx.cluster.ledger.change(node.index, 'standalone', grant.cores, grant.memoryMb);
      this.events.launched(lease);
    });
  }
}
