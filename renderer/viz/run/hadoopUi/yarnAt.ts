/**
 * YARN's ResourceManager pages at playback time t, rebuilt from the trace: the Scheduler's queues
 * (capacity, used capacity, applications), the Applications list (id, name, type, queue, state,
 * final status, containers, vcores and memory allocated) and the Nodes with the containers each
 * runs. Queue capacities come from the run's last cluster snapshot (they do not change during a run).
 */
import type { JobRunReport } from '../../../../engine/api';
import { i18n } from '../../../i18n/i18n';

export interface YarnContainerRow {
  /** The container's id as the rest of ClusterLab names it (container_7). */
  id: string;
  number: number;
  app: string;
  node: string;
  vcores: number;
  memoryMb: number;
  /** ALLOCATED until launched, then RUNNING. */
  state: 'ALLOCATED' | 'RUNNING';
  allocatedAt: number;
  /** What runs in it: the ApplicationMaster, a task attempt, a Spark executor. */
  runs: string;
}

export interface YarnAppRow {
  id: string;
  name: string;
  type: 'MAPREDUCE' | 'SPARK';
  queue: string;
  /** YARN's states: ACCEPTED (waiting for its AM container), RUNNING, FINISHED, FAILED, KILLED. */
  state: 'ACCEPTED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';
  finalStatus: 'UNDEFINED' | 'SUCCEEDED' | 'FAILED' | 'KILLED';
  start: number;
  finish: number | null;
  runningContainers: number;
  vcores: number;
  memoryMb: number;
}

export interface YarnQueueRow {
  name: string;
  /** Configured share of the cluster, percent. */
  capacity: number;
  maxCapacity: number;
  /** Memory in use against the queue's configured share, percent (may exceed 100 up to max). */
  usedCapacity: number;
  /** Memory in use against the whole cluster, percent. */
  absoluteUsedCapacity: number;
  usedMemoryMb: number;
  usedVcores: number;
  apps: number;
  runningApps: number;
}

export interface YarnNodeRow {
  id: string;
  rack: string;
  /** Its node label, '' for none (YARN's Node Labels column). */
  nodeLabels: string;
  /** RUNNING, or LOST once the ResourceManager stopped hearing from it (yarn.nm.liveness-monitor.expiry-interval-ms). */
  state: 'RUNNING' | 'LOST';
  containers: YarnContainerRow[];
  usedVcores: number;
  availVcores: number;
  usedMemoryMb: number;
  availMemoryMb: number;
}

export interface YarnAt {
  scheduler: string;
  queues: YarnQueueRow[];
  apps: YarnAppRow[];
  nodes: YarnNodeRow[];
  clusterMemoryMb: number;
  clusterVcores: number;
}

export interface YarnNodeInfo {
  id: string;
  rack: string;
  /** Used when the run kept no snapshot (the snapshots have the NodeManagers' capacities). */
  cores?: number;
  memoryMb?: number;
  /** The services it runs (absent: both): a node without a NodeManager is not one of YARN's nodes. */
  roles?: readonly string[];
  nodeLabel?: string;
}

export function containerName(n: number): string {
  return `container_${n}`;
}

/** The ResourceManager's view at t. `nodes` gives racks and capacities (the cluster spec). */
export function yarnAt(
  report: Pick<JobRunReport, 'kind' | 'trace' | 'snapshots'>,
  nodes: readonly YarnNodeInfo[],
  t: number,
): YarnAt {
  const last = report.snapshots[report.snapshots.length - 1];
  const capacity = new Map(last?.yarn.nodes.map((n) => [n.id, n]) ?? []);
  const live = new Map<number, YarnContainerRow>();
  const apps = new Map<string, YarnAppRow>();
  const lost = new Set<string>();
  const runs = new Map<number, string>();
  // The run's Spark driver is the application named 'spark'; every other one (a MapReduce job, the
  // other team's work sharing YARN) is MapReduce.
  const typeOf = (name: string): YarnAppRow['type'] =>
    report.kind === 'spark' && name === 'spark' ? 'SPARK' : 'MAPREDUCE';
  for (const e of report.trace) {
    if (e.t > t) break;
    switch (e.type) {
      case 'applicationSubmitted':
        apps.set(e.app, {
          id: e.app,
          name: e.name,
          type: typeOf(e.name),
          queue: e.queue,
          state: 'ACCEPTED',
          finalStatus: 'UNDEFINED',
          start: e.t,
          finish: null,
          runningContainers: 0,
          vcores: 0,
          memoryMb: 0,
        });
        break;
      case 'applicationFinished': {
        const a = apps.get(e.app);
        if (a) {
          a.state = e.status === 'succeeded' ? 'FINISHED' : e.status === 'failed' ? 'FAILED' : 'KILLED';
          a.finalStatus = e.status === 'succeeded' ? 'SUCCEEDED' : e.status === 'failed' ? 'FAILED' : 'KILLED';
          a.finish = e.t;
        }
        break;
      }
      case 'containerAllocated': {
        const a = apps.get(e.app);
        if (a && a.state === 'ACCEPTED') a.state = 'RUNNING';
        live.set(e.container, {
          id: containerName(e.container),
          number: e.container,
          app: e.app,
          node: e.node,
          vcores: e.vcores,
          memoryMb: e.memoryMb,
          state: 'ALLOCATED',
          allocatedAt: e.t,
          runs: '',
        });
        break;
      }
      case 'containerLaunched': {
        const c = live.get(e.container);
        if (c) c.state = 'RUNNING';
        break;
      }
      case 'containerCompleted':
      case 'containerReleased':
      case 'containerLost':
        live.delete(e.container);
        break;
      case 'nodeManagerLost':
        lost.add(e.node);
        break;
      case 'nodeManagerRejoined':
        lost.delete(e.node);
        break;
      case 'appMasterLaunched':
        runs.set(e.container, i18n.t('run:view.mrAppMaster', { job: e.job }));
        break;
      case 'executorAdded':
        if (e.container !== undefined) runs.set(e.container, i18n.t('run:view.executor', { executor: e.executor }));
        break;
      case 'taskStarted':
        if (e.executor.startsWith('container_')) runs.set(Number(e.executor.slice(10)), e.attemptId);
        break;
    }
  }
  for (const c of live.values()) {
    c.runs = runs.get(c.number) ?? '';
    const a = apps.get(c.app);
    if (!a) continue;
    a.runningContainers++;
    a.vcores += c.vcores;
    a.memoryMb += c.memoryMb;
  }
  // YARN lists its NodeManagers: a DataNode-only machine is HDFS's, not the ResourceManager's.
  const managers = nodes.filter((n) => n.roles === undefined || n.roles.includes('nodemanager'));
  const nodeRows: YarnNodeRow[] = managers.map((n) => {
    const cap = capacity.get(n.id);
    const vcores = cap?.capacityVcores ?? n.cores ?? 0;
    const memory = cap?.capacityMemoryMb ?? n.memoryMb ?? 0;
    const containers = [...live.values()].filter((c) => c.node === n.id).sort((a, b) => a.number - b.number);
    const usedVcores = containers.reduce((s, c) => s + c.vcores, 0);
    const usedMemoryMb = containers.reduce((s, c) => s + c.memoryMb, 0);
    return {
      id: n.id,
      rack: n.rack,
      nodeLabels: n.nodeLabel ?? '',
      state: lost.has(n.id) ? 'LOST' : 'RUNNING',
      containers,
      usedVcores,
      availVcores: Math.max(0, vcores - usedVcores),
      usedMemoryMb,
      availMemoryMb: Math.max(0, memory - usedMemoryMb),
    };
  });
  const clusterMemoryMb = managers.reduce((s, n) => s + (capacity.get(n.id)?.capacityMemoryMb ?? n.memoryMb ?? 0), 0);
  const clusterVcores = managers.reduce((s, n) => s + (capacity.get(n.id)?.capacityVcores ?? n.cores ?? 0), 0);
  const appRows = [...apps.values()];
  const queueDefs = last?.yarn.queues.length
    ? last.yarn.queues
    : [{ name: 'default', capacity: 100, maxCapacity: 100 }];
  const queues: YarnQueueRow[] = queueDefs.map((q) => {
    const mine = appRows.filter((a) => a.queue === q.name);
    const usedMemoryMb = mine.reduce((s, a) => s + a.memoryMb, 0);
    const share = q.capacity;
    const absolute = clusterMemoryMb > 0 ? (100 * usedMemoryMb) / clusterMemoryMb : 0;
    return {
      name: q.name,
      capacity: share,
      maxCapacity: q.maxCapacity,
      usedCapacity: share > 0 ? (100 * absolute) / share : 0,
      absoluteUsedCapacity: absolute,
      usedMemoryMb,
      usedVcores: mine.reduce((s, a) => s + a.vcores, 0),
      apps: mine.length,
      runningApps: mine.filter((a) => a.state === 'RUNNING' || a.state === 'ACCEPTED').length,
    };
  });
  return {
    scheduler: last?.yarn.scheduler ?? 'capacity',
    queues,
    apps: appRows,
    nodes: nodeRows,
    clusterMemoryMb,
    clusterVcores,
  };
}
