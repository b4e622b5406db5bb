/**
 * The streaming scenario format learners write (see labs/examples/streaming/README.md) and its
 * validator: every field checked, defaults filled in, and an error that names the field
 * (`delivery: must be one of ...`) for anything wrong.
 */
import { ValidationError, check, describeValue } from '../core';
import { type ClusterSpec, isPresetName, preset, presetNames } from '../cluster';
import {
  ACKS,
  ASSIGNMENT_STRATEGIES,
  CRASH_POINTS,
  DELIVERY_METHODS,
  SINK_KINDS,
  type Acks,
  type AssignmentStrategy,
  type DeliveryMethod,
  type RecordView,
  type SinkKind,
} from './types';
import { WINDOW_AGGREGATES, type WindowSpec } from './windowStage';
import type { ConsumerCrash } from './microBatchProcessor';
import type { LedgerSummary } from './ledger';
import { brokerNodeIds } from './brokerHosts';
import { checkScenarioLimits } from './scenarioLimits';

export { SCENARIO_LIMITS } from './scenarioLimits';

/** What a record generator gets: its producer's running count, the clock and a seeded random source. */
export interface GenerateContext {
  index: number;
  now: number;
  rng: { next(): number; int(n: number): number };
}

/** What a generator returns: null skips this slot. `eventTime` defaults to now. */
export interface GeneratedRecord {
  key?: string | number | null;
  value: unknown;
  eventTime?: number;
}

export interface ProducerSpec {
  id: string;
  ratePerSec: number;
  tickMs: number;
  acks: Acks;
  retries: number;
  idempotent: boolean;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  maxBatchRecords: number;
  generate: (ctx: GenerateContext) => GeneratedRecord | null | undefined;
}

export type FaultSpec =
  | ({ type: 'crash-consumer' } & ConsumerCrash)
  | { type: 'kill-broker'; node: string; atMs: number; restartAfterMs?: number }
  | { type: 'drop-network'; producer: string; fromMs: number; toMs: number };

export interface ScenarioSpec {
  name: string;
  description: string;
  cluster: ClusterSpec;
  /** How many nodes run a broker (spread over racks). */
  brokers: number;
  durationMs: number;
  /** After the producers stop, keep consuming at most this long. */
  drainMs: number;
  networkLatencyMs: number;
  topic: {
    name: string;
    partitions: number;
    replicationFactor: number;
    minInsyncReplicas: number;
    retentionMs: number;
    retentionRecords: number;
  };
  producers: ProducerSpec[];
  consumers: {
    count: number;
    groupId: string;
    assignment: AssignmentStrategy;
    sessionTimeoutMs: number;
    batchIntervalMs: number;
    maxRecordsPerPartition: number;
    costPerRecordMs: number;
  };
  process: ((record: RecordView) => unknown) | null;
  window: WindowSpec | null;
  sink: SinkKind;
  delivery: DeliveryMethod;
  faults: FaultSpec[];
  /** Ledger figures the run must show, else it counts as failed. */
  expect: Partial<Record<keyof LedgerSummary, number>>;
}

const TOP_KEYS = [
  'name',
  'description',
  'cluster',
  'brokers',
  'durationMs',
  'drainMs',
  'networkLatencyMs',
  'topic',
  'producers',
  'consumers',
  'process',
  'window',
  'sink',
  'delivery',
  'faults',
  'expect',
];
const LEDGER_KEYS: (keyof LedgerSummary)[] = [
  'produced',
  'appended',
  'logDuplicated',
  'processed',
  'reprocessed',
  'stored',
  'duplicated',
  'filtered',
  'late',
  'pending',
  'lost',
  'lostBeforeLog',
];

function opt<T>(value: unknown, fallback: T, read: (v: unknown) => T): T {
  return value === undefined ? fallback : read(value);
}

function fn<F>(path: string, value: unknown): F {
  if (typeof value !== 'function') throw new ValidationError(path, `must be a function, got ${describeValue(value)}`);
  return value as F;
}

function timeMs(path: string, value: unknown): number {
  return check.nonNegativeNumber(path, value);
}

function readCluster(raw: unknown): ClusterSpec {
  if (raw === undefined) return preset('classroom');
  if (typeof raw === 'string') {
    if (!isPresetName(raw))
      throw new ValidationError('cluster', `unknown preset ${describeValue(raw)} (known: ${presetNames.join(', ')})`);
    return preset(raw);
  }
  return check.object('cluster', raw) as unknown as ClusterSpec;
}

function readProducer(raw: unknown, i: number): ProducerSpec {
  const path = `producers[${i}]`;
  const p = check.object(path, raw);
  check.knownKeys(path, p, [
    'id',
    'ratePerSec',
    'tickMs',
    'acks',
    'retries',
    'idempotent',
    'requestTimeoutMs',
    'retryBackoffMs',
    'maxBatchRecords',
    'generate',
  ]);
  const acks = p.acks === undefined ? 'all' : p.acks;
  if (!ACKS.includes(acks as Acks))
    throw new ValidationError(`${path}.acks`, `must be one of 0, 1, 'all', got ${describeValue(acks)}`);
  return {
    id: opt(p.id, `producer-${i + 1}`, (v) => check.string(`${path}.id`, v)),
    ratePerSec: check.positiveNumber(`${path}.ratePerSec`, p.ratePerSec),
    tickMs: opt(p.tickMs, 10, (v) => check.positiveInt(`${path}.tickMs`, v)),
    acks: acks as Acks,
    retries: opt(p.retries, 5, (v) => check.nonNegativeInt(`${path}.retries`, v)),
    idempotent: opt(p.idempotent, false, (v) => check.boolean(`${path}.idempotent`, v)),
    requestTimeoutMs: opt(p.requestTimeoutMs, 300, (v) => check.positiveNumber(`${path}.requestTimeoutMs`, v)),
    retryBackoffMs: opt(p.retryBackoffMs, 100, (v) => timeMs(`${path}.retryBackoffMs`, v)),
    maxBatchRecords: opt(p.maxBatchRecords, 50_000, (v) => check.positiveInt(`${path}.maxBatchRecords`, v)),
    generate: fn(`${path}.generate`, p.generate),
  };
}

function readWindow(raw: unknown): WindowSpec | null {
  if (raw === undefined || raw === null) return null;
  const w = check.object('window', raw);
  check.knownKeys('window', w, ['type', 'sizeMs', 'slideMs', 'watermarkDelayMs', 'aggregate']);
  const type = check.oneOf('window.type', w.type, ['tumbling', 'sliding'] as const);
  const sizeMs = check.positiveInt('window.sizeMs', w.sizeMs);
  const slideMs = type === 'tumbling' ? sizeMs : check.positiveInt('window.slideMs', w.slideMs);
  if (type === 'tumbling' && w.slideMs !== undefined && w.slideMs !== sizeMs)
    throw new ValidationError('window.slideMs', 'only sliding windows take a slideMs');
  if (slideMs > sizeMs)
    throw new ValidationError('window.slideMs', `must be <= window.sizeMs (${sizeMs}), got ${slideMs}`);
  return {
    type,
    sizeMs,
    slideMs,
    watermarkDelayMs: opt(w.watermarkDelayMs, 0, (v) => timeMs('window.watermarkDelayMs', v)),
    aggregate: opt(w.aggregate, 'count' as const, (v) => check.oneOf('window.aggregate', v, WINDOW_AGGREGATES)),
  };
}

function readFault(
  raw: unknown,
  i: number,
  spec: Pick<ScenarioSpec, 'producers' | 'consumers'>,
  nodes: readonly string[],
): FaultSpec {
  const path = `faults[${i}]`;
  const f = check.object(path, raw);
  const type = check.oneOf(`${path}.type`, f.type, ['crash-consumer', 'kill-broker', 'drop-network'] as const);
  const restart = (v: unknown): number => check.nonNegativeNumber(`${path}.restartAfterMs`, v);
  if (type === 'crash-consumer') {
    check.knownKeys(path, f, ['type', 'consumer', 'point', 'atMs', 'batch', 'restartAfterMs']);
    const consumer = check.positiveInt(`${path}.consumer`, f.consumer);
    if (consumer > spec.consumers.count)
      throw new ValidationError(
        `${path}.consumer`,
        `there are only ${spec.consumers.count} consumers (1..${spec.consumers.count}), got ${consumer}`,
      );
    if (f.atMs === undefined && f.batch === undefined)
      throw new ValidationError(path, 'needs atMs or batch (when to crash)');
    const crash: FaultSpec = { type, consumer, point: check.oneOf(`${path}.point`, f.point, CRASH_POINTS) };
    if (f.atMs !== undefined) crash.atMs = timeMs(`${path}.atMs`, f.atMs);
    if (f.batch !== undefined) crash.batch = check.positiveInt(`${path}.batch`, f.batch);
    if (f.restartAfterMs !== undefined) crash.restartAfterMs = restart(f.restartAfterMs);
    return crash;
  }
  if (type === 'kill-broker') {
    check.knownKeys(path, f, ['type', 'node', 'atMs', 'restartAfterMs']);
    const node = check.string(`${path}.node`, f.node);
    if (!nodes.includes(node))
      throw new ValidationError(
        `${path}.node`,
        `no broker runs on ${describeValue(node)} (brokers: ${nodes.join(', ')})`,
      );
    const kill: FaultSpec = { type, node, atMs: timeMs(`${path}.atMs`, f.atMs) };
    if (f.restartAfterMs !== undefined) kill.restartAfterMs = restart(f.restartAfterMs);
    return kill;
  }
  check.knownKeys(path, f, ['type', 'producer', 'fromMs', 'toMs']);
  const producer = check.string(`${path}.producer`, f.producer);
  if (!spec.producers.some((p) => p.id === producer))
    throw new ValidationError(`${path}.producer`, `no producer has id ${describeValue(producer)}`);
  const fromMs = timeMs(`${path}.fromMs`, f.fromMs);
  const toMs = timeMs(`${path}.toMs`, f.toMs);
  if (toMs <= fromMs) throw new ValidationError(`${path}.toMs`, `must be after fromMs (${fromMs}), got ${toMs}`);
  return { type, producer, fromMs, toMs };
}

/** Validates a scenario object (from a learner's file) and fills in the defaults. */
export function validateScenario(raw: unknown): ScenarioSpec {
  const s = check.object('scenario', raw);
  check.knownKeys('scenario', s, TOP_KEYS);
  const cluster = readCluster(s.cluster);
  const brokers = opt(s.brokers, 3, (v) => check.positiveInt('brokers', v));
  const nodes = brokerNodeIds(cluster, brokers);
  const t = check.object('topic', s.topic);
  check.knownKeys('topic', t, [
    'name',
    'partitions',
    'replicationFactor',
    'minInsyncReplicas',
    'retentionMs',
    'retentionRecords',
  ]);
  const replicationFactor = opt(t.replicationFactor, Math.min(3, nodes.length), (v) =>
    check.positiveInt('topic.replicationFactor', v),
  );
  if (replicationFactor > nodes.length)
    throw new ValidationError(
      'topic.replicationFactor',
      `must be <= the ${nodes.length} brokers, got ${replicationFactor}`,
    );
  const minInsyncReplicas = opt(t.minInsyncReplicas, 1, (v) => check.positiveInt('topic.minInsyncReplicas', v));
  if (minInsyncReplicas > replicationFactor)
    throw new ValidationError(
      'topic.minInsyncReplicas',
      `must be <= replicationFactor (${replicationFactor}), got ${minInsyncReplicas}`,
    );
  const topic = {
    name: opt(t.name, 'events', (v) => check.string('topic.name', v)),
    partitions: check.positiveInt('topic.partitions', t.partitions),
    replicationFactor,
    minInsyncReplicas,
    retentionMs: opt(t.retentionMs, Number.POSITIVE_INFINITY, (v) => check.positiveNumber('topic.retentionMs', v)),
    retentionRecords: opt(t.retentionRecords, Number.POSITIVE_INFINITY, (v) =>
      check.positiveInt('topic.retentionRecords', v),
    ),
  };
  const producers = check.array('producers', s.producers).map(readProducer);
  if (producers.length === 0) throw new ValidationError('producers', 'must list at least one producer');
  const ids = new Set<string>();
  producers.forEach((p, i) => {
    if (ids.has(p.id)) throw new ValidationError(`producers[${i}].id`, `duplicate producer id ${describeValue(p.id)}`);
    ids.add(p.id);
  });
  const c = check.object('consumers', s.consumers ?? {});
  check.knownKeys('consumers', c, [
    'count',
    'groupId',
    'assignment',
    'sessionTimeoutMs',
    'batchIntervalMs',
    'maxRecordsPerPartition',
    'costPerRecordMs',
  ]);
  const consumers = {
    count: opt(c.count, 2, (v) => check.positiveInt('consumers.count', v)),
    groupId: opt(c.groupId, 'stream-processor', (v) => check.string('consumers.groupId', v)),
    assignment: opt(c.assignment, 'range' as AssignmentStrategy, (v) =>
      check.oneOf('consumers.assignment', v, ASSIGNMENT_STRATEGIES),
    ),
    sessionTimeoutMs: opt(c.sessionTimeoutMs, 3000, (v) => check.positiveNumber('consumers.sessionTimeoutMs', v)),
    batchIntervalMs: opt(c.batchIntervalMs, 1000, (v) => check.positiveNumber('consumers.batchIntervalMs', v)),
    maxRecordsPerPartition: opt(c.maxRecordsPerPartition, 100_000, (v) =>
      check.positiveInt('consumers.maxRecordsPerPartition', v),
    ),
    costPerRecordMs: opt(c.costPerRecordMs, 0, (v) => check.nonNegativeNumber('consumers.costPerRecordMs', v)),
  };
  const sink = check.oneOf('sink', s.sink, SINK_KINDS);
  const delivery = check.oneOf('delivery', s.delivery, DELIVERY_METHODS);
  if (delivery === 'exactly-once' && sink === 'append') {
    throw new ValidationError(
      'sink',
      "exactly-once needs an output that takes part in the commit: 'transactional' or 'key-value', got 'append'",
    );
  }
  const spec = { producers, consumers };
  const faults = opt(s.faults, [] as unknown[], (v) => check.array('faults', v)).map((f, i) =>
    readFault(f, i, spec, nodes),
  );
  const e = check.object('expect', s.expect ?? {});
  check.knownKeys('expect', e, LEDGER_KEYS);
  const expect: ScenarioSpec['expect'] = {};
  for (const k of LEDGER_KEYS) if (e[k] !== undefined) expect[k] = check.nonNegativeInt(`expect.${k}`, e[k]);
  const scenario: ScenarioSpec = {
    name: opt(s.name, 'scenario', (v) => check.string('name', v)),
    description: opt(s.description, '', (v) => (typeof v === 'string' ? v : check.string('description', v))),
    cluster,
    brokers,
    durationMs: check.positiveNumber('durationMs', s.durationMs),
    drainMs: opt(s.drainMs, 60_000, (v) => timeMs('drainMs', v)),
    networkLatencyMs: opt(s.networkLatencyMs, 1, (v) => timeMs('networkLatencyMs', v)),
    topic,
    producers,
    consumers,
    process: s.process === undefined ? null : fn('process', s.process),
    window: readWindow(s.window),
    sink,
    delivery,
    faults,
    expect,
  };
  checkScenarioLimits(scenario);
  return scenario;
}
