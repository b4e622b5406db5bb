/**
 * The ResourceManager with its NodeManagers. Scheduling happens on NodeManager heartbeats
 * (every `nodeHeartbeatIntervalMs`, staggered): the heartbeating node's free vcores and memory
 * are handed to applications in the order the scheduler policy chooses, node-local requests
 * first (delay scheduling), at most `maxAssignmentsPerHeartbeat` containers and
 * `maxOffSwitchPerHeartbeat` off-switch ones per heartbeat (CapacityScheduler's
 * per-node-heartbeat limits). A node is never oversubscribed. A NodeManager silent for
 * `nodeExpiryMs` is lost, and its containers with it; applications hear of it by callback. Only
 * nodes that run a NodeManager (`isNodeManager`) heartbeat, so only they get containers; a
 * request naming a node without one (a DataNode holding a task's block) can at best be met on
 * its rack, after the locality delay.
 */
import { ValidationError, check, isTracing, type Kernel, type TraceSink } from '../core';
import { HeartbeatMonitor, isNodeManager, type Cluster, type CostModel } from '../cluster';
import { Application, type AppHost, type AppState, type SubmitOptions } from './application';
import { AppRequests } from './appRequests';
import { KernelHold } from './kernelHold';
import { Container, ContainerRequest, type ContainerAsk, type ContainerEndStatus, type Locality } from './container';
import { ContainerLaunches } from './containerLaunches';
import { LiveContainers } from './liveContainers';
import { RequestFit } from './requestQueue';
import { NodePartitions, largestNodeManager, resolveAsk } from './resolveAsk';
import { SchedulerPolicy, TriedApps } from './schedulerPolicy';
import type { YarnConfig } from './yarnConfig';
import { YarnNodeState } from './yarnNodeState';
import { YARN_EVENT_TYPES, type YarnEvent } from './yarnEvents';
import { buildYarnSnapshot, emptyYarnStats, type YarnSnapshot, type YarnStats } from './yarnSnapshot';

export class ResourceManager implements AppHost {
  readonly policy: SchedulerPolicy;
  /** Per node: the vcores and memory in use and free, and whether it died unheard. */
  readonly nodeState: YarnNodeState;
  /** The live containers, with a count per node. */
  readonly containers: LiveContainers;
  /** The RM's verdict per node: lost (expired) or not. */
  readonly lostNodes: readonly boolean[];
  readonly stats: YarnStats = emptyYarnStats();
  private readonly apps: Application[] = [];
  private active: Application[] = [];
  private readonly heartbeats: HeartbeatMonitor;
  /** The largest NodeManager's vcores and memory: an ask above them can never be met. */
  private readonly largest: { vcores: number; memoryMb: number };
  private readonly partitions: NodePartitions;
  private nextContainer = 1;
  private nextRequest = 1;
  private pendingTotal = 0;
  /** Keeps kernel.run() going while requests are pending or containers are live. */
  private readonly held: KernelHold;
  private readonly tracing: boolean;
  private readonly tried = new TriedApps();
  /** The heartbeating node's room, rack and time: what a scan of the requests accepts. */
  private readonly fit = new RequestFit();
  private readonly launches: ContainerLaunches;
  /** Memory of the nodes the RM considers live: the base of queue shares. */
  private liveMemory = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly cluster: Cluster,
    private readonly cost: CostModel,
    private readonly sink: TraceSink<YarnEvent>,
    readonly config: YarnConfig,
  ) {
    const n = cluster.nodes.length;
    this.nodeState = new YarnNodeState(cluster.nodes);
    this.containers = new LiveContainers(n);
    this.largest = largestNodeManager(cluster);
    this.partitions = new NodePartitions(cluster);
    this.tracing = isTracing(sink, YARN_EVENT_TYPES);
    this.held = new KernelHold(kernel);
    this.launches = new ContainerLaunches(kernel, (c) => this.started(c));
    this.liveMemory = cluster.nodeManagers.reduce((sum, x) => sum + x.memoryMb, 0);
    this.policy = new SchedulerPolicy(config, () => this.liveMemory);
    cluster.subscribe((change) => {
      if (change.kind === 'died') this.nodeState.setCrashed(cluster.node(change.node).index, true);
    });
    this.heartbeats = new HeartbeatMonitor(kernel, cluster, {
      intervalMs: config.nodeHeartbeatIntervalMs,
      expiryMs: config.nodeExpiryMs,
      priority: 3,
      onHeartbeat: (i, rejoined) => this.heartbeat(i, rejoined),
      onExpired: (i) => this.expire(i),
      runsDaemon: isNodeManager,
    });
    this.lostNodes = this.heartbeats.expired;
  }

  submitApplication(options: SubmitOptions): Application {
    const o = check.object('application', options);
    check.object('application.callbacks', o.callbacks);
    if (typeof options.callbacks.onAllocated !== 'function')
      throw new ValidationError('application.callbacks.onAllocated', 'must be a function');
    const queueName = options.queue ?? this.config.queues[0]!.name;
    const queueIndex = this.config.queues.findIndex((q) => q.name === queueName);
    if (queueIndex < 0) {
      throw new ValidationError(
        'application.queue',
        `unknown queue "${queueName}" (queues: ${this.config.queues.map((q) => q.name).join(', ')})`,
      );
    }
    const index = this.apps.length;
    const id = `app${index + 1}`;
    const name = options.name === undefined ? id : check.string('application.name', options.name);
    const app = new Application(
      this,
      index,
      id,
      name,
      queueName,
      queueIndex,
      new AppRequests(this.cluster, this.config.amHeartbeatIntervalMs, this.kernel.now),
      options.callbacks,
    );
    this.apps.push(app);
    this.active.push(app);
    if (this.tracing)
      this.sink.record({ t: this.kernel.now, type: 'applicationSubmitted', app: id, name, queue: queueName });
    return app;
  }

  applications(): readonly Application[] {
    return this.apps;
  }

  // ---- AppHost: what an ApplicationMaster may do ----

  request(app: Application, ask: ContainerAsk): ContainerRequest {
    this.assertRunning(app);
    const { vcores, memoryMb, nodes, racks, relax, label } = resolveAsk(
      ask,
      this.cluster,
      this.config,
      this.largest.vcores,
      this.largest.memoryMb,
      this.partitions,
    );
    const r = new ContainerRequest(
      this.nextRequest++,
      app.index,
      vcores,
      memoryMb,
      nodes,
      racks,
      relax,
      this.kernel.now,
      ask.tag,
      label,
    );
    app.requests.add(r);
    this.pendingTotal++;
    this.stats.requested++;
    this.held.add(1);
    if (this.tracing) {
      const nodeIds = (typeof nodes === 'number' ? [nodes] : (nodes ?? [])).map((i) => this.cluster.nodes[i]!.id);
      const rackIds = (racks ?? []).map((i) => this.cluster.racks[i]!.id);
      this.sink.record({
        t: this.kernel.now,
        type: 'containerRequested',
        app: app.id,
        request: r.id,
        vcores,
        memoryMb,
        nodes: nodeIds,
        racks: rackIds,
        relaxLocality: relax,
        ...(label === '' ? {} : { nodeLabel: label }),
      });
    }
    return r;
  }

  cancel(app: Application, request: ContainerRequest): boolean {
    if (request.state !== 'pending' || request.appIndex !== app.index || app.state !== 'running') return false;
    app.requests.settle(request, 'cancelled');
    this.pendingTotal--;
    this.held.add(-1);
    return true;
  }

  launch(app: Application, c: Container): void {
    this.assertOwn(app, c);
    if (c.state !== 'allocated')
      throw new ValidationError(`container ${c.id}`, `can only launch an allocated container, it is ${c.state}`);
    c.state = 'launching';
    this.launches.launch(this.cost.containerStartMs(c.node), c);
  }

  /** A launched container's start-up time has passed. */
  private started(c: Container): void {
    if (c.state !== 'launching' || this.nodeState.crashed(c.nodeIndex)) return;
    c.state = 'running';
    const app = this.apps[c.appIndex]!;
    if (this.tracing)
      this.sink.record({
        t: this.kernel.now,
        type: 'containerLaunched',
        container: c.id,
        app: app.id,
        node: c.node.id,
      });
    app.callbacks.onLaunched?.(c);
  }

  complete(app: Application, c: Container, status: ContainerEndStatus): boolean {
    this.assertOwn(app, c);
    if (!c.live || this.nodeState.crashed(c.nodeIndex)) return false;
    this.free(app, c, 'completed');
    this.stats.completed++;
    if (this.tracing)
      this.sink.record({
        t: this.kernel.now,
        type: 'containerCompleted',
        container: c.id,
        app: app.id,
        node: c.node.id,
        status,
      });
    return true;
  }

  release(app: Application, c: Container): boolean {
    this.assertOwn(app, c);
    if (!c.live) return false;
    this.free(app, c, 'released');
    this.stats.released++;
    if (this.tracing)
      this.sink.record({
        t: this.kernel.now,
        type: 'containerReleased',
        container: c.id,
        app: app.id,
        node: c.node.id,
      });
    return true;
  }

  finish(app: Application, status: Exclude<AppState, 'running'>): void {
    if (app.state !== 'running') return;
    if (app.liveContainers > 0)
      for (const c of this.containers.select((x) => x.appIndex === app.index)) this.release(app, c);
    app.state = status;
    this.active = this.active.filter((a) => a !== app);
    const dropped = app.requests.pending;
    this.pendingTotal -= dropped;
    this.held.add(-dropped);
    app.requests.clear();
    if (this.tracing) this.sink.record({ t: this.kernel.now, type: 'applicationFinished', app: app.id, status });
  }

  // ---- NodeManager heartbeats, scheduling, expiry ----

  private heartbeat(i: number, rejoined: boolean): void {
    if (rejoined) {
      const node = this.cluster.nodes[i]!;
      this.nodeState.setCrashed(i, false);
      this.liveMemory += node.memoryMb;
      if (this.tracing) this.sink.record({ t: this.kernel.now, type: 'nodeManagerRejoined', node: node.id });
    } else if (this.nodeState.crashed(i)) {
      // Restarted before it expired: the NodeManager re-registers and its old containers are gone.
      this.loseContainers(i);
      this.nodeState.setCrashed(i, false);
    }
    if (this.pendingTotal > 0) this.allocateOn(i);
  }

  private allocateOn(i: number): void {
    const { minAllocationVcores: minV, minAllocationMb: minM } = this.config;
    // A full node (the common case under load) is turned away before its node object is read.
    const nodeState = this.nodeState;
    if (nodeState.freeVcores(i) < minV || nodeState.freeMemoryMb(i) < minM) return;
    const node = this.cluster.nodes[i]!;
    const { maxAssignmentsPerHeartbeat, maxOffSwitchPerHeartbeat } = this.config;
    const fit = this.fit;
    fit.now = this.kernel.now;
    fit.delay = this.config.localityDelayMs;
    fit.label = node.nodeLabel;
    fit.rack = node.rackIndex;
    this.tried.clear();
    let assigned = 0;
    let offSwitch = 0;
    for (;;) {
      fit.vcores = nodeState.freeVcores(i);
      fit.memoryMb = nodeState.freeMemoryMb(i);
      if (fit.vcores < minV || fit.memoryMb < minM || this.pendingTotal === 0) return;
      if (assigned >= maxAssignmentsPerHeartbeat || offSwitch >= maxOffSwitchPerHeartbeat) return;
      const app = this.policy.choose(this.active, this.tried) as Application | undefined;
      if (app === undefined) return;
      const requests = app.requests;
      const picked = requests.pick(i, fit);
      if (picked === undefined) {
        this.tried.add(app.index);
        continue;
      }
      this.allocate(app, picked, i, requests.pickedLocality);
      assigned++;
      if (requests.pickedAs === 'any') offSwitch++;
    }
  }

  private allocate(app: Application, r: ContainerRequest, i: number, locality: Locality): void {
    const node = this.cluster.nodes[i]!;
    app.requests.settle(r, 'allocated');
    this.pendingTotal--;
    const c = new Container(this.nextContainer++, app.id, node, r.vcores, r.memoryMb, locality, r);
    this.nodeState.charge(i, c.vcores, c.memoryMb);
    this.cluster.ledger.change(i, 'yarn', c.vcores, c.memoryMb);
    app.usedVcores += c.vcores;
    app.usedMemoryMb += c.memoryMb;
    this.policy.charge(app.queueIndex, c.memoryMb);
    this.containers.add(c);
    app.liveContainers++;
    this.stats.allocated++;
    if (locality === 'node') this.stats.nodeLocal++;
    else if (locality === 'rack') this.stats.rackLocal++;
    else this.stats.offSwitch++;
    if (this.tracing) {
      this.sink.record({
        t: this.kernel.now,
        type: 'containerAllocated',
        container: c.id,
        app: app.id,
        request: r.id,
        node: node.id,
        vcores: c.vcores,
        memoryMb: c.memoryMb,
        locality,
      });
    }
    app.callbacks.onAllocated(c);
  }

  private free(app: Application, c: Container, state: 'completed' | 'released' | 'lost'): void {
    const i = c.nodeIndex;
    c.state = state;
    this.nodeState.charge(i, -c.vcores, -c.memoryMb);
    this.cluster.ledger.change(i, 'yarn', -c.vcores, -c.memoryMb);
    app.usedVcores -= c.vcores;
    app.usedMemoryMb -= c.memoryMb;
    this.policy.charge(app.queueIndex, -c.memoryMb);
    this.containers.remove(c);
    app.liveContainers--;
    this.held.add(-1);
  }

  private expire(i: number): void {
    const node = this.cluster.nodes[i]!;
    this.liveMemory -= node.memoryMb;
    if (this.tracing) {
      this.sink.record({
        t: this.kernel.now,
        type: 'nodeManagerLost',
        node: node.id,
        containers: this.containers.countOn(i),
      });
    }
    this.loseContainers(i);
  }

  private loseContainers(i: number): void {
    for (const c of this.containers.onNode(i)) {
      // Released while this loop ran: an AM told of its own container's loss may end its application
      // (a job whose ApplicationMaster was lost twice fails), which releases the others on this node.
      if (!c.live) continue;
      const app = this.apps[c.appIndex]!;
      this.free(app, c, 'lost');
      this.stats.lost++;
      if (this.tracing)
        this.sink.record({ t: this.kernel.now, type: 'containerLost', container: c.id, app: app.id, node: c.node.id });
      app.callbacks.onContainerLost?.(c);
    }
  }

  // ---- helpers ----

  private assertRunning(app: Application): void {
    if (app.state !== 'running')
      throw new ValidationError(app.id, `application is ${app.state}; it cannot request containers`);
  }

  private assertOwn(app: Application, c: Container): void {
    if (c.app !== app.id) throw new ValidationError(`container ${c.id}`, `belongs to ${c.app}, not ${app.id}`);
  }

  snapshot(): YarnSnapshot {
    return buildYarnSnapshot(this, this.cluster, this.apps);
  }
}
