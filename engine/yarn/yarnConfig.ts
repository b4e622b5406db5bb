/**
 * YARN settings with Hadoop's defaults (yarn-default.xml) and their validator: the scheduler
 * (FIFO, Capacity, Fair) with its queues, heartbeats, NodeManager expiry, delay scheduling and
 * the minimum/maximum container sizes. Errors name the field (`yarn.queues[1].capacity`).
 */
import { ValidationError, check } from '../core';

export type SchedulerKind = 'fifo' | 'capacity' | 'fair';

export interface QueueSpec {
  name: string;
  /** Capacity scheduler: guaranteed share of the cluster, percent (all queues sum to 100). */
  capacity?: number;
  /** Capacity scheduler: the most this queue may take when others are idle, percent (default 100). */
  maxCapacity?: number;
  /** Fair scheduler: relative weight (default 1). */
  weight?: number;
}

export interface YarnConfig {
  scheduler: SchedulerKind;
  /** Leaf queues; FIFO has exactly one, 'default'. Applications name their queue. */
  queues: Required<QueueSpec>[];
  /** yarn.resourcemanager.nodemanagers.heartbeat-interval-ms: scheduling happens on these. */
  nodeHeartbeatIntervalMs: number;
  /** yarn.nm.liveness-monitor.expiry-interval-ms: a silent NodeManager is lost after this. */
  nodeExpiryMs: number;
  /** Delay scheduling: wait this long for a node-local container before taking rack-local, twice it before off-rack. */
  localityDelayMs: number;
  /** yarn.scheduler.minimum-allocation-*: asks are rounded up to multiples of these. */
  minAllocationMb: number;
  minAllocationVcores: number;
  /**
   * yarn.scheduler.capacity.per-node-heartbeat.maximum-container-assignments (100): how many
   * containers one NodeManager heartbeat may be given. With many, the first nodes to report take
   * every request local to them and pack; with 1, containers spread in heartbeat order.
   */
  maxAssignmentsPerHeartbeat: number;
  /** yarn.scheduler.capacity.per-node-heartbeat.maximum-offswitch-assignments (1): off-switch containers per heartbeat. */
  maxOffSwitchPerHeartbeat: number;
  /**
   * How often an ApplicationMaster's allocate call refreshes its asks at the RM
   * (yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms, 1 s). Between two calls the RM's
   * per-node counts are stale: a node still listed keeps being offered node-local containers.
   */
  amHeartbeatIntervalMs: number;
}

/**
 * A container's memory as YARN grants it: `memoryMb` rounded up to a multiple of
 * yarn.scheduler.minimum-allocation-mb (a 1,536 MB ask gets 2,048 MB with the default 1,024).
 */
export function allocatedMb(memoryMb: number, config: Pick<YarnConfig, 'minAllocationMb'>): number {
  return Math.ceil(memoryMb / config.minAllocationMb) * config.minAllocationMb;
}

/** What a caller passes (JSON-able): any subset of the settings; queues as QueueSpec. */
export type YarnOptions = Partial<Omit<YarnConfig, 'queues'>> & { queues?: QueueSpec[] };

export const HADOOP_YARN_DEFAULTS: Readonly<Omit<YarnConfig, 'queues'>> = {
  scheduler: 'capacity',
  nodeHeartbeatIntervalMs: 1000,
  nodeExpiryMs: 600_000,
  localityDelayMs: 3000,
  minAllocationMb: 1024,
  minAllocationVcores: 1,
  maxAssignmentsPerHeartbeat: 100,
  maxOffSwitchPerHeartbeat: 1,
  amHeartbeatIntervalMs: 1000,
};

const KNOWN = [
  'scheduler',
  'queues',
  'nodeHeartbeatIntervalMs',
  'nodeExpiryMs',
  'localityDelayMs',
  'minAllocationMb',
  'minAllocationVcores',
  'maxAssignmentsPerHeartbeat',
  'maxOffSwitchPerHeartbeat',
  'amHeartbeatIntervalMs',
];

export function resolveYarnConfig(raw: unknown, path = 'yarn'): YarnConfig {
  const obj = raw === undefined ? {} : check.object(path, raw);
  check.knownKeys(path, obj, KNOWN);
  const scheduler =
    obj.scheduler === undefined
      ? HADOOP_YARN_DEFAULTS.scheduler
      : check.oneOf(`${path}.scheduler`, obj.scheduler, ['fifo', 'capacity', 'fair'] as const);
  const num = (key: keyof typeof HADOOP_YARN_DEFAULTS, positive = true): number => {
    const v = obj[key] ?? HADOOP_YARN_DEFAULTS[key];
    return positive ? check.positiveInt(`${path}.${key}`, v) : check.nonNegativeInt(`${path}.${key}`, v);
  };
  const config: YarnConfig = {
    scheduler,
    queues: resolveQueues(scheduler, obj.queues, `${path}.queues`),
    nodeHeartbeatIntervalMs: num('nodeHeartbeatIntervalMs'),
    nodeExpiryMs: num('nodeExpiryMs'),
    localityDelayMs: num('localityDelayMs', false),
    minAllocationMb: num('minAllocationMb'),
    minAllocationVcores: num('minAllocationVcores'),
    maxAssignmentsPerHeartbeat: num('maxAssignmentsPerHeartbeat'),
    maxOffSwitchPerHeartbeat: num('maxOffSwitchPerHeartbeat'),
    amHeartbeatIntervalMs: num('amHeartbeatIntervalMs'),
  };
  if (config.nodeExpiryMs <= config.nodeHeartbeatIntervalMs) {
    throw new ValidationError(
      `${path}.nodeExpiryMs`,
      `must be longer than nodeHeartbeatIntervalMs (${config.nodeHeartbeatIntervalMs}), got ${config.nodeExpiryMs}`,
    );
  }
  return config;
}

function resolveQueues(scheduler: SchedulerKind, raw: unknown, path: string): Required<QueueSpec>[] {
  if (raw === undefined) return [{ name: 'default', capacity: 100, maxCapacity: 100, weight: 1 }];
  const list = check.array(path, raw);
  if (list.length === 0) throw new ValidationError(path, 'must list at least one queue');
  if (scheduler === 'fifo' && list.length > 1)
    throw new ValidationError(path, `the FIFO scheduler has a single queue, got ${list.length}`);
  const seen = new Set<string>();
  const queues = list.map((q, i) => {
    const qp = `${path}[${i}]`;
    const o = check.object(qp, q);
    check.knownKeys(qp, o, ['name', 'capacity', 'maxCapacity', 'weight']);
    const name = check.string(`${qp}.name`, o.name);
    if (!/^[A-Za-z0-9_.-]+$/.test(name))
      throw new ValidationError(`${qp}.name`, `must be letters, digits, '_', '-' or '.', got "${name}"`);
    if (seen.has(name)) throw new ValidationError(`${qp}.name`, `duplicate queue "${name}"`);
    seen.add(name);
    const capacity =
      o.capacity === undefined
        ? scheduler === 'capacity'
          ? Number.NaN
          : 100
        : check.positiveNumber(`${qp}.capacity`, o.capacity);
    if (Number.isNaN(capacity))
      throw new ValidationError(`${qp}.capacity`, 'is required by the capacity scheduler (percent of the cluster)');
    const maxCapacity = o.maxCapacity === undefined ? 100 : check.positiveNumber(`${qp}.maxCapacity`, o.maxCapacity);
    if (capacity > 100) throw new ValidationError(`${qp}.capacity`, `must be at most 100 (percent), got ${capacity}`);
    if (maxCapacity > 100 || maxCapacity < capacity)
      throw new ValidationError(
        `${qp}.maxCapacity`,
        `must be between capacity (${capacity}) and 100, got ${maxCapacity}`,
      );
    const weight = o.weight === undefined ? 1 : check.positiveNumber(`${qp}.weight`, o.weight);
    return { name, capacity, maxCapacity, weight };
  });
  if (scheduler === 'capacity') {
    const sum = queues.reduce((s, q) => s + q.capacity, 0);
    if (Math.abs(sum - 100) > 1e-6)
      throw new ValidationError(path, `capacities must add up to 100 (percent), got ${sum}`);
  }
  return queues;
}
