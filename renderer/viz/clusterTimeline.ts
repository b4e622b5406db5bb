/**
 * The cluster at any moment of a run, rebuilt from the run's trace: which nodes are alive or
 * slow, which block replicas each holds, and what runs on it. Folding forward from the last
 * moment asked makes playback cheap; going back starts again from the beginning.
 */
import type { RunEvent } from '../../engine/api';
import type { NodeRole } from '../../engine/cluster';
import { MAX_CHIPS, runsNodeManager, type BlockChip, type ClusterPicture, type NodePicture } from './clusterPicture';
import { deriveMapFlows } from './mapFlows';
import { MapFlowIndex } from './mapFlowIndex';

export interface NodeInfo {
  id: string;
  rack: string;
  cores: number;
  memoryMb: number;
  /** The services it runs (absent: both, a DataNode and a NodeManager). */
  roles?: readonly NodeRole[];
  /** Its YARN node label (absent: none, the default partition). */
  nodeLabel?: string;
  /** How fast its cores run against the reference core (absent: 1). */
  cpuSpeed?: number;
}

interface NodeState {
  alive: boolean;
  slowFactor: number;
  blocks: Set<number>;
  containers: Map<number, number>;
  /** The live containers' memory, MB. */
  containerMemory: Map<number, number>;
  /** Executors a Spark standalone Master launched here (no YARN container): cores and memory. */
  standalone: Map<string, { cores: number; memoryMb: number }>;
  tasks: Map<string, string>;
}

export class ClusterTimeline {
  private readonly events: RunEvent[];
  private index = 0;
  private t = -Infinity;
  private nodes = new Map<string, NodeState>();
  private chips = new Map<number, BlockChip>();
  private blocksOfPath = new Map<string, number[]>();
  /** Facts of the whole trace, found once (not on every backward seek). */
  private readonly usesContainers: boolean;
  /** Containers that are Spark executors (their cores are busy only while tasks run). */
  private readonly executorContainers: ReadonlySet<number>;
  private cached: ClusterPicture | null = null;
  /** Nodes an event changed since the last picture (all of them after a path's deletion). */
  private dirty = new Set<string>();
  private allDirty = false;
  private peak: number | null = null;
  private flowIndex: MapFlowIndex | null = null;

  constructor(
    private readonly info: readonly NodeInfo[],
    events: readonly RunEvent[],
  ) {
    this.events = events.slice().sort((a, b) => a.t - b.t);
    this.usesContainers = this.events.some((e) => e.type === 'containerAllocated');
    this.executorContainers = new Set(
      this.events.flatMap((e) => (e.type === 'executorAdded' && e.container !== undefined ? [e.container] : [])),
    );
    this.reset();
  }

  /** The picture at simulated time `t` (every event at or before `t` applied). */
  at(t: number): ClusterPicture {
    if (t < this.t) this.reset();
    const before = this.index;
    while (this.index < this.events.length && this.events[this.index]!.t <= t) this.apply(this.events[this.index++]!);
    this.t = t;
    // Nothing happened since the last picture: hand back the same object, so views skip redrawing.
    // Otherwise only the nodes an event touched are pictured anew (a frame of a 100-node run's
    // playback touches a few; making all of them again each frame fed the garbage collector).
    if (this.cached === null || this.index !== before) {
      const previous = this.cached;
      this.cached = {
        nodes: this.info.map((n, i) =>
          previous !== null && !this.allDirty && !this.dirty.has(n.id) ? previous.nodes[i]! : this.picture(n),
        ),
      };
      this.dirty.clear();
      this.allDirty = false;
    }
    return this.cached;
  }

  /** Block replicas at the moment last asked for (call `at` first): each block and its live nodes. */
  blockMap(): { block: BlockChip; nodes: string[] }[] {
    const map = new Map<number, string[]>();
    for (const n of this.info) {
      const state = this.nodes.get(n.id)!;
      if (!state.alive) continue;
      for (const b of state.blocks) map.set(b, [...(map.get(b) ?? []), n.id]);
    }
    return [...this.chips.keys()]
      .sort((a, b) => a - b)
      .map((b) => ({ block: this.chips.get(b)!, nodes: map.get(b) ?? [] }));
  }

  /** The run's transfers between nodes (derived once, on first use). */
  flows(): MapFlowIndex {
    this.flowIndex ??= new MapFlowIndex(deriveMapFlows(this.events, this.info));
    return this.flowIndex;
  }

  /** The most block replicas any one node holds at any moment of the run (sizes the map's cards once). */
  peakBlocksPerNode(): number {
    if (this.peak === null) {
      const held = new Map<string, Set<number>>(this.info.map((n) => [n.id, new Set<number>()]));
      const ofPath = new Map<string, number[]>();
      let peak = 0;
      const add = (node: string, block: number) => {
        const set = held.get(node);
        if (!set) return;
        set.add(block);
        peak = Math.max(peak, set.size);
      };
      for (const e of this.events) {
        if (e.type === 'blockAllocated') {
          const blocks = ofPath.get(e.path);
          if (blocks) blocks.push(e.block);
          else ofPath.set(e.path, [e.block]);
          for (const r of e.replicas) add(r, e.block);
        } else if (e.type === 'blockReplicated') add(e.to, e.block);
        else if (e.type === 'replicaLost' || e.type === 'replicaDeleted') held.get(e.node)?.delete(e.block);
        else if (e.type === 'pathDeleted') {
          for (const [path, blocks] of ofPath)
            if (path === e.path || path.startsWith(`${e.path}/`))
              for (const set of held.values()) for (const b of blocks) set.delete(b);
        }
      }
      this.peak = peak;
    }
    return this.peak;
  }

  /** Notes which nodes' pictures `e` changes. */
  private markDirty(e: RunEvent): void {
    switch (e.type) {
      case 'blockAllocated':
        for (const r of e.replicas) this.dirty.add(r);
        break;
      case 'blockReplicated':
        this.dirty.add(e.to);
        break;
      case 'pathDeleted':
        this.allDirty = true;
        break;
      case 'replicaLost':
      case 'replicaDeleted':
      case 'nodeDied':
      case 'nodeRestarted':
      case 'nodeSlowed':
      case 'containerAllocated':
      case 'containerCompleted':
      case 'containerReleased':
      case 'containerLost':
      case 'executorAdded':
      case 'executorLost':
      case 'executorRemoved':
      case 'taskStarted':
      case 'taskFinished':
      case 'taskKilled':
      case 'taskFailed':
        this.dirty.add(e.node);
        break;
    }
  }

  private reset(): void {
    this.index = 0;
    this.t = -Infinity;
    this.nodes = new Map(
      this.info.map((n) => [
        n.id,
        {
          alive: true,
          slowFactor: 1,
          blocks: new Set(),
          containers: new Map(),
          containerMemory: new Map(),
          standalone: new Map(),
          tasks: new Map(),
        },
      ]),
    );
    this.chips.clear();
    this.blocksOfPath.clear();
    this.cached = null;
    this.dirty.clear();
    this.allDirty = false;
  }

  private picture(n: NodeInfo): NodePicture {
    const s = this.nodes.get(n.id)!;
    // A Spark executor's container holds its cores for the whole application, but only the cores
    // running a task are busy (as Spark's UI counts active tasks); the rest are held, drawn apart.
    let usedCores = 0;
    let heldCores = 0;
    let yarnCores = 0;
    let standaloneCores = 0;
    let standaloneMemoryMb = 0;
    for (const v of s.standalone.values()) {
      standaloneCores += v.cores;
      standaloneMemoryMb += v.memoryMb;
    }
    if (this.usesContainers || standaloneCores > 0) {
      for (const [id, v] of s.containers) {
        yarnCores += v;
        if (this.executorContainers.has(id)) heldCores += v;
        else usedCores += v;
      }
      // A standalone executor's cores, like a YARN executor's, are busy only while tasks run on them.
      heldCores += standaloneCores;
      const working = heldCores > 0 ? Math.min(s.tasks.size, heldCores) : 0;
      usedCores += working;
      heldCores -= working;
    } else usedCores = s.tasks.size;
    // A node without a NodeManager has no cores to offer: none are drawn for it.
    const cores = runsNodeManager(n) ? n.cores : 0;
    // Two resource managers may together hand out more than the node has: both are said then.
    let yarnMemoryMb = 0;
    for (const m of s.containerMemory.values()) yarnMemoryMb += m;
    const handedOut =
      s.alive && standaloneCores > 0
        ? {
            standaloneCores,
            handedOutCores: yarnCores + standaloneCores,
            standaloneMemoryMb,
            handedOutMemoryMb: yarnMemoryMb + standaloneMemoryMb,
          }
        : {};
    return {
      id: n.id,
      rack: n.rack,
      alive: s.alive,
      slowFactor: s.slowFactor,
      ...(n.roles ? { roles: n.roles } : {}),
      ...(n.nodeLabel ? { nodeLabel: n.nodeLabel } : {}),
      ...(n.cpuSpeed !== undefined && n.cpuSpeed !== 1 ? { cpuSpeed: n.cpuSpeed } : {}),
      cores,
      usedCores: s.alive ? Math.min(usedCores, cores) : 0,
      heldCores: s.alive ? Math.max(0, Math.min(heldCores, cores - usedCores)) : 0,
      ...handedOut,
      memoryMb: n.memoryMb,
      usedMemoryMb: 0,
      blocks: s.alive
        ? firstSorted(s.blocks, MAX_CHIPS).map((b) => this.chips.get(b) ?? { id: b, path: '?', index: 0 })
        : [],
      blockCount: s.alive ? s.blocks.size : 0,
      containers: s.alive ? [...s.tasks.values()] : [],
      containerCount: s.alive ? (this.usesContainers ? s.containers.size : s.tasks.size) : 0,
    };
  }

  private apply(e: RunEvent): void {
    this.markDirty(e);
    switch (e.type) {
      case 'blockAllocated': {
        this.chips.set(e.block, { id: e.block, path: e.path, index: e.index });
        const ofPath = this.blocksOfPath.get(e.path);
        if (ofPath) ofPath.push(e.block);
        else this.blocksOfPath.set(e.path, [e.block]);
        for (const r of e.replicas) this.nodes.get(r)?.blocks.add(e.block);
        break;
      }
      case 'blockReplicated':
        this.nodes.get(e.to)?.blocks.add(e.block);
        break;
      case 'replicaLost':
      case 'replicaDeleted':
        this.nodes.get(e.node)?.blocks.delete(e.block);
        break;
      case 'pathDeleted':
        for (const [path, blocks] of this.blocksOfPath) {
          if (path === e.path || path.startsWith(`${e.path}/`))
            for (const s of this.nodes.values()) for (const b of blocks) s.blocks.delete(b);
        }
        break;
      case 'nodeDied': {
        const node = this.nodes.get(e.node);
        if (node) {
          node.alive = false;
          node.containers.clear();
          node.containerMemory.clear();
          node.standalone.clear();
          node.tasks.clear();
        }
        break;
      }
      case 'nodeRestarted': {
        const node = this.nodes.get(e.node);
        if (node) {
          node.alive = true;
          node.slowFactor = 1;
        }
        break;
      }
      case 'nodeSlowed': {
        const node = this.nodes.get(e.node);
        if (node) node.slowFactor = e.factor;
        break;
      }
      case 'containerAllocated':
        this.nodes.get(e.node)?.containers.set(e.container, e.vcores);
        this.nodes.get(e.node)?.containerMemory.set(e.container, e.memoryMb);
        break;
      case 'containerCompleted':
      case 'containerReleased':
      case 'containerLost':
        this.nodes.get(e.node)?.containers.delete(e.container);
        this.nodes.get(e.node)?.containerMemory.delete(e.container);
        break;
      case 'executorAdded':
        if (e.manager === 'standalone')
          this.nodes.get(e.node)?.standalone.set(e.executor, { cores: e.cores, memoryMb: e.memoryMb });
        break;
      case 'executorLost':
      case 'executorRemoved':
        this.nodes.get(e.node)?.standalone.delete(e.executor);
        break;
      case 'taskStarted':
        this.nodes.get(e.node)?.tasks.set(`${e.task}#${e.attempt}`, `${e.task}#${e.attempt}`);
        break;
      case 'taskFinished':
      case 'taskKilled':
      case 'taskFailed':
        this.nodes.get(e.node)?.tasks.delete(`${e.task}#${e.attempt}`);
        break;
    }
  }
}

/** The `n` smallest ids of a set, in order, without sorting the whole set when it is large. */
function firstSorted(ids: Set<number>, n: number): number[] {
  if (ids.size <= n) return [...ids].sort((a, b) => a - b);
  const out: number[] = [];
  for (const id of ids) {
    if (out.length < n) {
      out.push(id);
      if (out.length === n) out.sort((a, b) => a - b);
    } else if (id < out[n - 1]!) {
      let i = n - 1;
      while (i > 0 && out[i - 1]! > id) i--;
      out.splice(i, 0, id);
      out.pop();
    }
  }
  return out;
}
