/**
 * Runs a validated streaming scenario on a fresh kernel: a cluster with brokers on its nodes,
 * the topic, the producers fed by the scenario's generators, the micro-batch processor and its
 * sink, and the planned faults; then reads the ledger, the lag and the metrics. Pure and
 * deterministic: the same spec and seed give the same result, which the CLI and the app share.
 */
import { Kernel, createRng, nullSink, type TraceSink } from '../core';
import { Cluster, resolveClusterSpec } from '../cluster';
import { AppendSink } from './appendSink';
import { BrokerCluster } from './brokerCluster';
import { ConsumerGroup } from './consumerGroup';
import { KeyValueStore } from './keyValueStore';
import { Ledger, type LedgerSummary } from './ledger';
import { MicroBatchProcessor, type StreamSink } from './microBatchProcessor';
import { Producer, ProducerNetwork } from './producer';
import { brokerHosts } from './brokerHosts';
import { wrapGenerate, wrapProcess } from './scenarioFunctions';
import type { ScenarioSpec } from './scenarioSpec';
import { SCENARIO_LIMITS } from './scenarioLimits';
import { TransactionalSink } from './transactionalSink';
import type { SinkEntry } from './appendSink';

export interface PartitionLag {
  partition: number;
  leader: string | null;
  isr: string[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  committed: number;
  lag: number;
}

export interface ScenarioResult {
  scenario: string;
  seed: number;
  delivery: ScenarioSpec['delivery'];
  sink: ScenarioSpec['sink'];
  brokers: string[];
  ledger: LedgerSummary;
  lag: PartitionLag[];
  metrics: Record<string, number>;
  output: { entries: number; sample: SinkEntry[] };
  expectations: { field: string; expected: number; actual: number; ok: boolean }[];
  ok: boolean;
  simulatedMs: number;
}

/** Everything a run built, for tests and UIs that want to look inside. */
export interface ScenarioRun {
  result: ScenarioResult;
  ledger: Ledger;
  sink: StreamSink;
  group: ConsumerGroup;
  brokers: BrokerCluster;
  processor: MicroBatchProcessor;
  producers: Producer[];
  kernel: Kernel;
}

export interface RunScenarioOptions {
  trace?: TraceSink;
  /** How many sink entries the result shows. */
  sampleSize?: number;
}

export function simulateScenario(spec: ScenarioSpec, seed: number, options: RunScenarioOptions = {}): ScenarioRun {
  const trace = options.trace ?? nullSink;
  const kernel = new Kernel();
  const rng = createRng(seed);
  // Room in the ledger for what the producers will send (at most the scenario limit on records).
  const expected = spec.producers.reduce((n, p) => n + (p.ratePerSec * spec.durationMs) / 1000, 0);
  const ledger = new Ledger(Math.min(expected, SCENARIO_LIMITS.records));
  const cluster = new Cluster(resolveClusterSpec(spec.cluster), kernel, trace);
  const brokers = new BrokerCluster(brokerHosts(cluster, spec.brokers), kernel, ledger, trace);
  cluster.subscribe((change) => {
    if (change.kind === 'died') brokers.killBroker(change.node);
    else if (change.kind === 'restarted') brokers.restartBroker(change.node);
  });
  const { topic } = spec;
  brokers.createTopic({ ...topic });
  brokers.start();

  const network = new ProducerNetwork();
  const producers = spec.producers.map((p, i) => {
    const producer = new Producer(
      {
        id: p.id,
        topic: topic.name,
        acks: p.acks,
        retries: p.retries,
        idempotent: p.idempotent,
        requestTimeoutMs: p.requestTimeoutMs,
        retryBackoffMs: p.retryBackoffMs,
        maxBatchRecords: p.maxBatchRecords,
        networkLatencyMs: spec.networkLatencyMs,
      },
      topic.partitions,
      kernel,
      brokers,
      network,
      ledger,
      trace,
    );
    const generate = wrapGenerate(p.generate, `producers[${i}].generate`, rng.fork(`producer:${p.id}`));
    let made = 0;
    const tick = (): void => {
      const now = kernel.now;
      const target = Math.floor((p.ratePerSec * Math.min(now, spec.durationMs)) / 1000);
      for (; made < target; made++) {
        const g = generate(made, now);
        if (g !== null) producer.send(g.key, g.value, g.eventTime);
      }
      producer.flush();
      if (now < spec.durationMs) kernel.post(Math.min(p.tickMs, spec.durationMs - now), tick, 3);
    };
    kernel.post(p.tickMs, tick, 3);
    return producer;
  });

  const group = new ConsumerGroup(
    {
      groupId: spec.consumers.groupId,
      topic: topic.name,
      partitions: topic.partitions,
      strategy: spec.consumers.assignment,
      sessionTimeoutMs: spec.consumers.sessionTimeoutMs,
    },
    kernel,
    trace,
  );
  const sink: StreamSink =
    spec.sink === 'append'
      ? new AppendSink(ledger)
      : spec.sink === 'key-value'
        ? new KeyValueStore(ledger)
        : new TransactionalSink(ledger);
  const processor = new MicroBatchProcessor(
    {
      topic: topic.name,
      partitions: topic.partitions,
      consumers: spec.consumers.count,
      batchIntervalMs: spec.consumers.batchIntervalMs,
      maxRecordsPerPartition: spec.consumers.maxRecordsPerPartition,
      costPerRecordMs: spec.consumers.costPerRecordMs,
      delivery: spec.delivery,
      window: spec.window,
    },
    wrapProcess(spec.process, 'process'),
    sink,
    group,
    brokers,
    kernel,
    ledger,
    trace,
  );
  for (const f of spec.faults) {
    if (f.type === 'crash-consumer') processor.crashAt(f);
    else if (f.type === 'drop-network') network.dropBetween(f.producer, f.fromMs, f.toMs);
    else {
      kernel.postAt(f.atMs, () => cluster.killNode(f.node), 4);
      if (f.restartAfterMs !== undefined)
        kernel.postAt(f.atMs + f.restartAfterMs, () => cluster.restartNode(f.node), 4);
    }
  }
  processor.start();

  // Stop once producers are done and every partition is consumed, or at the drain limit.
  const end = spec.durationMs + spec.drainMs;
  const checkDone = (): void => {
    if (kernel.now >= spec.durationMs && producers.every((p) => !p.hasUnacknowledged()) && processor.caughtUp())
      kernel.stop();
    else kernel.post(spec.consumers.batchIntervalMs, checkDone, 9);
  };
  kernel.post(spec.durationMs, checkDone, 9);
  kernel.run({ until: end });

  markPending(producers, brokers, processor, ledger, topic.name, topic.partitions);
  const summary = ledger.summarize();
  const lag = brokers.partitions(topic.name).map((ps, p): PartitionLag => {
    const committed = processor.resumeOffset(p);
    return {
      partition: p,
      leader: ps.leader,
      isr: [...ps.isr],
      logStartOffset: ps.log.logStartOffset,
      logEndOffset: ps.log.logEndOffset,
      highWatermark: ps.log.highWatermark,
      committed,
      lag: Math.max(0, ps.log.logEndOffset - committed),
    };
  });
  const expectations = Object.entries(spec.expect).map(([field, expected]) => {
    const actual = summary[field as keyof LedgerSummary];
    return { field, expected: expected!, actual, ok: actual === expected };
  });
  const result: ScenarioResult = {
    scenario: spec.name,
    seed,
    delivery: spec.delivery,
    sink: spec.sink,
    brokers: brokers.brokerIds,
    ledger: summary,
    lag,
    metrics: collectMetrics(producers, brokers, group, processor, sink, kernel),
    output: { entries: sink.entryCount, sample: sink.entries(options.sampleSize ?? 5) },
    expectations,
    ok: expectations.every((e) => e.ok),
    simulatedMs: kernel.now,
  };
  return { result, ledger, sink, group, brokers, processor, producers, kernel };
}

/** Runs a scenario and returns its result (ledger, lag, metrics). */
export function runScenario(spec: ScenarioSpec, seed: number, options: RunScenarioOptions = {}): ScenarioResult {
  return simulateScenario(spec, seed, options).result;
}

function markPending(
  producers: Producer[],
  brokers: BrokerCluster,
  processor: MicroBatchProcessor,
  ledger: Ledger,
  topic: string,
  partitions: number,
): void {
  for (const p of producers) for (const r of p.unacknowledged()) ledger.pending(r.id);
  for (let p = 0; p < partitions; p++) {
    const log = brokers.partition(topic, p).log;
    for (let o = processor.resumeOffset(p); o < log.logEndOffset; o++) {
      const r = log.at(o);
      if (r) ledger.pending(r.id);
    }
  }
}

function collectMetrics(
  producers: Producer[],
  brokers: BrokerCluster,
  group: ConsumerGroup,
  processor: MicroBatchProcessor,
  sink: StreamSink,
  kernel: Kernel,
): Record<string, number> {
  const sum = (f: (p: Producer) => number): number => producers.reduce((acc, p) => acc + f(p), 0);
  const s = processor.stats;
  return {
    producerRetries: sum((p) => p.stats.retries),
    producerTimeouts: sum((p) => p.stats.timeouts),
    producerGaveUp: sum((p) => p.stats.gaveUp),
    leaderElections: brokers.leaderElections,
    truncatedRecords: brokers.truncatedRecords,
    deletedByRetention: brokers.deletedByRetention,
    rebalances: group.rebalances,
    batches: s.batches,
    emptyBatches: s.emptyBatches,
    recordsFetched: s.recordsFetched,
    maxBatchRecords: s.maxBatchRecords,
    maxTotalLag: s.maxTotalLag,
    commitsRefused: s.commitsRefused,
    consumerCrashes: s.crashes,
    consumerRestarts: s.restarts,
    skippedByRetention: s.skippedByRetention,
    windowsClosed: processor.windowsClosed(),
    sinkWrites: sink.kind === 'transactional' ? sink.commits : sink.writes,
    ignoredReplays: sink.kind === 'key-value' ? sink.ignoredReplays : 0,
    kernelEvents: kernel.eventCount,
  };
}
