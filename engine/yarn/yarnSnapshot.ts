/** YARN's state as plain JSON-able data (it crosses a Web Worker boundary), and its counters. */
import { isNodeManager, type Cluster } from '../cluster';
import type { Application } from './application';
import type { ContainerState, Locality } from './container';
import type { ResourceManager } from './resourceManager';

export interface YarnStats {
  requested: number;
  allocated: number;
  nodeLocal: number;
  rackLocal: number;
  offSwitch: number;
  completed: number;
  released: number;
  lost: number;
}

/** The counters of a ResourceManager that has done nothing yet. */
export function emptyYarnStats(): YarnStats {
  return { requested: 0, allocated: 0, nodeLocal: 0, rackLocal: 0, offSwitch: 0, completed: 0, released: 0, lost: 0 };
}

export interface YarnSnapshot {
  scheduler: string;
  queues: { name: string; capacity: number; maxCapacity: number; weight: number; usedMemoryMb: number; apps: number }[];
  /** Every node of the cluster in node order; one without a NodeManager has no capacity (the RM knows nothing of it). */
  nodes: {
    id: string;
    capacityVcores: number;
    capacityMemoryMb: number;
    usedVcores: number;
    usedMemoryMb: number;
    containers: number;
    lost: boolean;
  }[];
  apps: {
    id: string;
    name: string;
    queue: string;
    state: string;
    pendingRequests: number;
    liveContainers: number;
    usedVcores: number;
    usedMemoryMb: number;
  }[];
  containers: {
    id: number;
    app: string;
    node: string;
    vcores: number;
    memoryMb: number;
    state: ContainerState;
    locality: Locality;
  }[];
  stats: YarnStats;
}

export function buildYarnSnapshot(rm: ResourceManager, cluster: Cluster, apps: readonly Application[]): YarnSnapshot {
  const containers: YarnSnapshot['containers'] = [];
  for (const c of rm.containers.select(() => true))
    containers.push({
      id: c.id,
      app: c.app,
      node: c.node.id,
      vcores: c.vcores,
      memoryMb: c.memoryMb,
      state: c.state,
      locality: c.locality,
    });
  return {
    scheduler: rm.config.scheduler,
    queues: rm.config.queues.map((q, i) => ({
      name: q.name,
      capacity: q.capacity,
      maxCapacity: q.maxCapacity,
      weight: q.weight,
      usedMemoryMb: rm.policy.queueUsedMb[i]!,
      apps: apps.filter((a) => a.queueIndex === i && a.state === 'running').length,
    })),
    nodes: cluster.nodes.map((n) => ({
      id: n.id,
      capacityVcores: isNodeManager(n) ? n.cores : 0,
      capacityMemoryMb: isNodeManager(n) ? n.memoryMb : 0,
      usedVcores: rm.nodeState.usedVcores(n.index),
      usedMemoryMb: rm.nodeState.usedMemoryMb(n.index),
      containers: rm.containers.countOn(n.index),
      lost: rm.lostNodes[n.index]!,
    })),
    apps: apps.map((a) => ({
      id: a.id,
      name: a.name,
      queue: a.queue,
      state: a.state,
      pendingRequests: a.requests.pending,
      liveContainers: a.liveContainers,
      usedVcores: a.usedVcores,
      usedMemoryMb: a.usedMemoryMb,
    })),
    containers,
    stats: { ...rm.stats },
  };
}
