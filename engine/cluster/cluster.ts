/**
 * The simulated machines at run time: racks, nodes and their health (alive, straggler factor,
 * disk, network partition), the topology distance, and change notification for the layers
 * above. Only FaultInjector (and tests) should call the mutators; HDFS and YARN listen.
 */
import { ValidationError, describeValue, isTracing, type Kernel, type TraceSink } from '../core';
import { CLUSTER_EVENT_TYPES, type ClusterEvent, type NodeChange } from './clusterEvents';
import { unknownNodeError, type NetworkSpec, type NodeInfo, type ResolvedClusterSpec } from './clusterSpec';
import type { CostParams } from './costParams';
import { isDataNode, isNodeManager } from './nodeRoles';
import { ResourceLedger } from './resourceLedger';

/** A node: its hardware (from the spec) and its current health. */
export interface ClusterNode extends NodeInfo {
  alive: boolean;
  /** 1 = normal speed; 3 = everything on this node takes three times as long. */
  slowFactor: number;
  diskFailed: boolean;
}

export interface Rack {
  id: string;
  index: number;
  nodes: ClusterNode[];
  /** Cut off from the other racks (and from the masters: NameNode, ResourceManager). */
  partitioned: boolean;
}

export type NodeChangeListener = (change: NodeChange) => void;

export class Cluster {
  readonly name: string;
  readonly nodes: readonly ClusterNode[];
  readonly racks: readonly Rack[];
  /** The nodes running a DataNode (HDFS stores blocks there), in node order. */
  readonly dataNodes: readonly ClusterNode[];
  /** The nodes running a NodeManager (YARN runs containers there), in node order. */
  readonly nodeManagers: readonly ClusterNode[];
  readonly network: NetworkSpec;
  readonly costs: CostParams;
  /** The cores and memory YARN and Spark's standalone Master have handed out on each node. */
  readonly ledger: ResourceLedger;
  private readonly byId = new Map<string, ClusterNode>();
  /** Each node's rack index, by node index (as nodeIndexOf: no node object read). */
  readonly rackIndexes: Int32Array;
  /** Whether the node ids are n1..nN in node order, as resolveClusterSpec names them (nodeIndexOf). */
  private readonly numberedIds: boolean;
  private readonly rackById = new Map<string, Rack>();
  private listeners: NodeChangeListener[] = [];
  private readonly tracing: boolean;

  constructor(
    readonly spec: ResolvedClusterSpec,
    private readonly kernel: Kernel,
    private readonly sink: TraceSink<ClusterEvent>,
  ) {
    this.name = spec.name;
    this.network = spec.network;
    this.costs = spec.costs;
    // Field by field in the spec's order, not `{ ...n }`: spreading took a quarter of building a cluster.
    this.nodes = spec.nodes.map((n) => ({
      id: n.id,
      index: n.index,
      rack: n.rack,
      rackIndex: n.rackIndex,
      cores: n.cores,
      memoryMb: n.memoryMb,
      diskMBps: n.diskMBps,
      cpuSpeed: n.cpuSpeed,
      roles: n.roles,
      nodeLabel: n.nodeLabel,
      alive: true,
      slowFactor: 1,
      diskFailed: false,
    }));
    // One pass over the nodes, not one per rack: 10,000 nodes on 500 racks took a second.
    const onRack: ClusterNode[][] = spec.racks.map(() => []);
    for (const n of this.nodes) onRack[n.rackIndex]!.push(n);
    this.racks = spec.racks.map((r, index) => ({ id: r.id, index, partitioned: false, nodes: onRack[index]! }));
    this.reachable = new Uint8Array(this.nodes.length);
    this.deaths = new Int32Array(this.nodes.length);
    this.updateReachable();
    this.dataNodes = this.nodes.filter(isDataNode);
    this.ledger = new ResourceLedger(this.nodes, kernel, sink);
    this.nodeManagers = this.nodes.filter(isNodeManager);
    this.rackIndexes = new Int32Array(this.nodes.length);
    let numbered = true;
    for (const n of this.nodes) {
      this.byId.set(n.id, n);
      this.rackIndexes[n.index] = n.rackIndex;
      numbered &&= n.id === `n${n.index + 1}` && this.nodes[n.index] === n;
    }
    this.numberedIds = numbered;
    for (const r of this.racks) this.rackById.set(r.id, r);
    this.tracing = isTracing(sink, CLUSTER_EVENT_TYPES);
  }

  /** The node with this id; throws a ValidationError naming `path` if there is none. */
  node(id: string, path = 'node'): ClusterNode {
    const n = this.byId.get(id);
    if (n === undefined) throw unknownNodeError(path, id, this.nodes.length);
    return n;
  }

  /** The node with this id, or undefined (one lookup, for a hot path that names its own error). */
  findNode(id: string): ClusterNode | undefined {
    return this.byId.get(id);
  }

  /**
   * The index of the node with this id, or -1 (findNode's index, without reading the node). Ids are
   * n1..nN in node order (resolveClusterSpec): read off the id itself, no lookup in a table of
   * 10,000 ids that a big cluster's asks would each find cold.
   */
  nodeIndexOf(id: string): number {
    if (!this.numberedIds) return this.byId.get(id)?.index ?? -1;
    const length = id.length;
    if (length < 2 || length > 11 || id.charCodeAt(0) !== 110 /* n */ || id.charCodeAt(1) === 48 /* 0 */) return -1;
    let n = 0;
    for (let k = 1; k < length; k++) {
      const digit = id.charCodeAt(k) - 48;
      if (digit < 0 || digit > 9) return -1;
      n = n * 10 + digit;
    }
    return n <= this.nodes.length ? n - 1 : -1;
  }

  rack(id: string, path = 'rack'): Rack {
    const r = this.rackById.get(id);
    if (r === undefined) {
      throw new ValidationError(path, `unknown rack ${describeValue(id)} (racks are r1..r${this.racks.length})`);
    }
    return r;
  }

  rackOf(node: ClusterNode): Rack {
    return this.racks[node.rackIndex]!;
  }

  /** Hadoop NetworkTopology distance: 0 same node, 2 same rack, 4 different racks. */
  distance(a: ClusterNode, b: ClusterNode): 0 | 2 | 4 {
    if (a === b) return 0;
    return a.rackIndex === b.rackIndex ? 2 : 4;
  }

  /**
   * How many node or rack changes there have been (counted before any listener hears of one): a
   * cache of what depends on nodes' states is good while it stays the same.
   */
  get changes(): number {
    return this.changeCount;
  }
  private changeCount = 0;

  /** Alive and reachable from the masters (its rack is not cut off). */
  isReachable(node: ClusterNode): boolean {
    return this.reachable[node.index] === 1;
  }

  /** `isReachable` by node index: what every heartbeat asks, answered without touching the node. */
  isReachableAt(index: number): boolean {
    return this.reachable[index] === 1;
  }

  /** 1 where `isReachable`, per node index: worked out again on every node or rack change. */
  private readonly reachable: Uint8Array;

  private updateReachable(): void {
    for (const n of this.nodes) this.reachable[n.index] = n.alive && !this.racks[n.rackIndex]!.partitioned ? 1 : 0;
  }

  /** How many NodeManager nodes are reachable now: counted again only after a node or rack changed. */
  reachableNodeManagers(): number {
    if (this.reachableAt !== this.changeCount) {
      let live = 0;
      for (const n of this.nodeManagers) if (this.isReachable(n)) live++;
      this.reachableNm = live;
      this.reachableAt = this.changeCount;
    }
    return this.reachableNm;
  }
  private reachableNm = 0;
  private reachableAt = -1;

  /** Whether a and b can exchange data right now. */
  canCommunicate(a: ClusterNode, b: ClusterNode): boolean {
    if (!a.alive || !b.alive) return false;
    if (a.rackIndex === b.rackIndex) return true;
    return !this.racks[a.rackIndex]!.partitioned && !this.racks[b.rackIndex]!.partitioned;
  }

  /** Hears every node change; returns a function that stops listening. */
  subscribe(listener: NodeChangeListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** How many times `node` died: a process started on it before a death is gone after a restart. */
  life(node: ClusterNode): number {
    return this.deaths[node.index]!;
  }
  private readonly deaths: Int32Array;

  /**
   * Runs `report` now when `node` is reachable, else once its rack heals: what a node says while
   * cut off (a task's end) reaches the masters when the network is back, as TCP delivers it late.
   * A node that is dead, or dies before the heal, never says it: its reports are dropped.
   */
  whenReachable(node: ClusterNode, report: () => void): void {
    if (this.isReachable(node)) report();
    else if (node.alive) this.unreported.push({ node, report });
  }
  private unreported: { node: ClusterNode; report: () => void }[] = [];

  // ---- mutators (FaultInjector calls these on the simulated clock) ----

  killNode(id: string): void {
    const n = this.node(id);
    if (!n.alive) return;
    n.alive = false;
    this.deaths[n.index]!++;
    this.emit({ t: this.kernel.now, type: 'nodeDied', node: n.id }, { kind: 'died', node: n.id });
  }

  /** Brings a dead node back at normal speed; a failed disk is replaced by an empty one. */
  restartNode(id: string): void {
    const n = this.node(id);
    if (n.alive) return;
    n.alive = true;
    n.slowFactor = 1;
    n.diskFailed = false;
    this.emit({ t: this.kernel.now, type: 'nodeRestarted', node: n.id }, { kind: 'restarted', node: n.id });
  }

  slowNode(id: string, factor: number): void {
    const n = this.node(id);
    n.slowFactor = factor;
    this.emit({ t: this.kernel.now, type: 'nodeSlowed', node: n.id, factor }, { kind: 'slowed', node: n.id, factor });
  }

  failDisk(id: string): void {
    const n = this.node(id);
    if (n.diskFailed) return;
    n.diskFailed = true;
    this.emit({ t: this.kernel.now, type: 'diskFailed', node: n.id }, { kind: 'diskFailed', node: n.id });
  }

  partitionRack(id: string): void {
    const r = this.rack(id);
    if (r.partitioned) return;
    r.partitioned = true;
    const nodes = r.nodes.map((n) => n.id);
    this.emit({ t: this.kernel.now, type: 'rackPartitioned', rack: r.id }, { kind: 'partitioned', rack: r.id, nodes });
  }

  healRack(id: string): void {
    const r = this.rack(id);
    if (!r.partitioned) return;
    r.partitioned = false;
    const nodes = r.nodes.map((n) => n.id);
    this.emit({ t: this.kernel.now, type: 'rackHealed', rack: r.id }, { kind: 'healed', rack: r.id, nodes });
  }

  private emit(event: ClusterEvent, change: NodeChange): void {
    this.changeCount++;
    this.updateReachable();
    if (this.tracing) this.sink.record(event);
    for (const listener of this.listeners) listener(change);
    if (this.unreported.length === 0) return;
    if (change.kind === 'died') this.unreported = this.unreported.filter((u) => u.node.id !== change.node);
    else if (change.kind === 'healed') {
      const now = this.unreported.filter((u) => this.isReachable(u.node));
      this.unreported = this.unreported.filter((u) => !this.isReachable(u.node));
      for (const u of now) u.report();
    }
  }
}
