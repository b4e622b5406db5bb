/**
 * Executors in YARN containers (Cookbook 20.2.5, 20.10): the application is submitted to
 * spark.yarn.queue and asks for the containers yarnExecutorPlan.ts lists; a lost executor's
 * replacement is a container of the same size anywhere under the label (Spark's YarnAllocator
 * keeps its target count), granted on the first live node with room for it.
 */
import type { Application, Container } from '../yarn';
import type { JobContext } from '../exec/jobContext';
import type { BackendEvents, ExecutorBackend, ExecutorLease } from './executorBackend';
import type { SparkConf } from './sparkConf';
import { yarnExecutorAsks } from './yarnExecutorPlan';

export class YarnExecutorBackend implements ExecutorBackend {
  readonly requested: number;
  private readonly app: Application;
  private readonly containers = new Map<ExecutorLease, Container>();
  private readonly leases = new Map<Container, ExecutorLease>();
  private finished = false;

  constructor(
    ctx: JobContext,
    name: string,
    private readonly conf: SparkConf,
    events: BackendEvents,
  ) {
    const asks = yarnExecutorAsks(ctx.cluster, ctx.yarn.config, conf);
    this.app = ctx.yarn.submitApplication({
      name,
      queue: conf.yarnQueue,
      callbacks: {
        onAllocated: (c) => this.app.launch(c),
        onLaunched: (c) => events.launched(this.leaseOf(c)),
        onContainerLost: (c) => events.lost(this.leaseOf(c), `container ${c.id} lost with node ${c.nodeId}`),
      },
    });
    for (const ask of asks) this.app.request(ask);
    this.requested = asks.length;
  }

  replace(lease: ExecutorLease, reason: string): void {
    this.release(lease);
    if (this.finished) return;
    this.app.request({
      vcores: lease.cores,
      memoryMb: this.containers.get(lease)?.memoryMb ?? lease.memoryMb,
      relaxLocality: true,
      nodeLabelExpression: this.conf.executorNodeLabel,
      tag: reason,
    });
  }

  release(lease: ExecutorLease): void {
    const c = this.containers.get(lease);
    lease.live = false;
    if (c?.live) this.app.release(c);
  }

  finish(status: 'succeeded' | 'failed'): void {
    this.finished = true;
    this.app.finish(status);
  }

  private leaseOf(c: Container): ExecutorLease {
    let lease = this.leases.get(c);
    if (lease === undefined) {
      lease = { node: c.node, cores: c.vcores, memoryMb: c.memoryMb, container: c.id, live: true };
      this.leases.set(c, lease);
      this.containers.set(lease, c);
    }
    lease.live = c.live;
    return lease;
  }
}
