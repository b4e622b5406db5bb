/**
 * Runs a learner's KafkaJS program (docs/streaming-design.md) against a simulated Kafka: the
 * program is loaded in the sandbox with `import 'kafkajs'` bound to the run, its functions are
 * called (`produce({ records })` once, `consume({ sink })` once per consumer, or what the lab
 * says), and the sandbox and the simulated Kafka meet in steps until every call is answered or
 * the run's simulated time is over. The report is the delivery ledger, each partition's log and
 * lag, the sink's rows and the trace: plain data, the same bytes for the same program, seed and
 * faults.
 */
import { Trace, ValidationError, type TraceEvent } from '../core';
import { preset, type ClusterSpec } from '../cluster';
import { KafkaHost } from '../streaming/kafkaHost';
import { KafkaStepper } from '../streaming/kafkaSteps';
import type { KafkaFault } from '../streaming/kafkaFaults';
import type { RecordIdentity, SinkRow } from '../streaming/kafkaSink';
import type { LedgerSummary } from '../streaming/ledger';
import type { KafkaHandlerError } from '../streaming/handlerFailures';
import type { TopicConfig } from '../streaming/types';
import { JobSpecError } from '../sandbox/contract/jobCodeError';
import { DATA_LIMITS, toPlainData } from '../sandbox/contract/plainData';
import type { JobSource, KafkaProgram, TaskRunner } from '../sandbox/contract';

export interface KafkaJobOptions {
  runner: TaskRunner;
  source: JobSource;
  seed: number;
  /**
   * The functions to call, in order (each gets its `input`, and the sink when asked); or how to
   * choose them from the functions the program exports.
   */
  programs: KafkaProgram[] | ((exported: readonly string[]) => KafkaProgram[]);
  cluster?: ClusterSpec;
  /** Nodes that run a broker (default 3). */
  brokers?: number;
  /** Topics that exist when the run starts (default none: a send creates its topic, one partition). */
  topics?: TopicConfig[];
  /** Simulated time the run may last (ms, default 60 s); consumers are stopped then. */
  untilMs?: number;
  processingMsPerMessage?: number;
  faults?: KafkaFault[];
  /** The consumer group whose committed offsets say what is still on its way at the end (default: the only one). */
  groupId?: string;
  /** Reads a record's own id from a message or a sink row (default: the `id` field of a JSON value). */
  recordId?: RecordIdentity;
  /**
   * The store is (also) this topic as a read_committed reader sees it: a consume-transform-produce
   * program's output (exactly-once with transactions). Its records are rows, not ledger records.
   */
  storeTopic?: string;
}

export interface KafkaPartitionReport {
  topic: string;
  partition: number;
  leader: string | null;
  isr: string[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** The group's committed offset (null: none committed). */
  committed: number | null;
  /** Records after the committed offset (from the log's start when none was committed). */
  lag: number;
}

/**
 * One record of a partition's log as the pictures draw it: [offset, append time, record id, key];
 * a record written in a transaction adds how it ended and when ('open': it had not ended when
 * the run did, at -1): read_committed readers see it from a commit on, never after an abort.
 */
export type FilmRecord =
  | [offset: number, appendTime: number, record: string | null, key: string | null]
  | [
      offset: number,
      appendTime: number,
      record: string | null,
      key: string | null,
      transaction: 'committed' | 'aborted' | 'open',
      endedAt: number,
    ];

/** A partition's log at the end of the run, every record with its append time (the tape grows by them). */
export interface PartitionFilm {
  topic: string;
  partition: number;
  replicas: string[];
  /** Transaction markers are left out (they take an offset each: offsets may skip). */
  records: FilmRecord[];
}

export interface KafkaJobReport {
  /** Tells a streaming run's report from a batch job's ('mapreduce', 'spark') and an HDFS run's. */
  kind: 'stream';
  ledger: LedgerSummary;
  /** Produced records with no id the ledger could read: whether they were stored is unknown. */
  unidentified: number;
  partitions: KafkaPartitionReport[];
  /** The consumer group's members at the end and its rebalances. */
  group: { groupId: string; members: number; generation: number; rebalances: number } | null;
  sinkRows: SinkRow[];
  /** The topic whose committed records are rows of the store (null: the sink alone is the store). */
  storeTopic: string | null;
  /** Each partition's log, for playback (the trace has the rest: commits, records processed, members, sink writes). */
  film: PartitionFilm[];
  /**
   * Consumers whose eachMessage or eachBatch threw: the first failure of each (its message, the
   * learner's line), how often, and what KafkaJS did then (retried, restarted, stopped for good).
   * Absent when none threw (a run's report stays the same bytes as before handlers were followed).
   */
  handlerErrors?: KafkaHandlerError[];
  /** Round trips between the sandbox and the simulated Kafka. */
  steps: number;
  /** Why the run ended: every call answered and none made (`quiet`), or its simulated time was over. */
  ended: 'quiet' | 'time';
  simulatedMs: number;
  brokers: string[];
  /** The node each broker runs on (its id) and that node's rack, for the cluster map. */
  brokerHosts: { id: string; rack: string }[];
  trace: TraceEvent[];
}

export const DEFAULT_KAFKA_RUN_MS = 60_000;

/** The default record id: the `id` field of a JSON object value (a payment's, a GPS reading's). */
export function jsonFieldIdentity(field: string): RecordIdentity {
  return (_key, value) => {
    if (value === null || !value.startsWith('{')) return null;
    try {
      const id = (JSON.parse(value) as Record<string, unknown>)[field];
      return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
    } catch {
      return null;
    }
  };
}

export async function runKafkaJob(options: KafkaJobOptions): Promise<KafkaJobReport> {
  const { runner, source } = options;
  if (!runner.runKafkaPrograms)
    throw new ValidationError('runner', 'cannot run KafkaJS programs (it has no runKafkaPrograms)');
  const trace = new Trace();
  const host = new KafkaHost({
    cluster: options.cluster ?? preset('classroom'),
    brokers: options.brokers ?? 3,
    topics: options.topics ?? [],
    seed: options.seed,
    trace,
    processingMsPerMessage: options.processingMsPerMessage ?? 0,
    faults: options.faults ?? [],
    recordId: options.recordId ?? jsonFieldIdentity('id'),
    ...(options.storeTopic !== undefined ? { storeTopic: options.storeTopic } : {}),
  });
  const untilMs = options.untilMs ?? DEFAULT_KAFKA_RUN_MS;
  try {
    const shape = await runner.load(source, { kafkaBrokers: host.addresses, seed: options.seed });
    if (shape.kind !== 'kafka')
      throw new JobSpecError(
        source.fileName,
        "is a batch job, not a KafkaJS program: a streaming run calls the functions the file exports (export async function produce(...), consume(...)) with import { Kafka } from 'kafkajs'",
      );
    const programs = typeof options.programs === 'function' ? options.programs(shape.functions) : options.programs;
    // What the functions are given crosses to the sandbox: plain data within the data limits.
    for (const p of programs) {
      const plain = toPlainData(p.input, 'input', DATA_LIMITS);
      if (!plain.ok) throw new ValidationError(plain.path, `${p.fn}'s input is not plain data: ${plain.problem}`);
    }
    const missing = programs.map((p) => p.fn).filter((fn) => !shape.functions.includes(fn));
    if (missing.length > 0)
      throw new JobSpecError(
        source.fileName,
        `must export ${[...new Set(missing)].map((f) => `\`export async function ${f}(...)\``).join(' and ')}; it exports ${shape.functions.join(', ')}`,
      );
    const stepper = new KafkaStepper(host, untilMs, runner.checkBudget?.bind(runner));
    await runner.runKafkaPrograms(programs, stepper);
    const groups = host.groupIds();
    const groupId = options.groupId ?? (groups.length === 1 ? groups[0]! : null);
    const unidentified = host.settleLedger(options.recordId ?? jsonFieldIdentity('id'), groupId ?? '');
    const group = groupId === null ? undefined : host.groupOf(groupId);
    return {
      kind: 'stream',
      ledger: host.ledger.summarize(),
      unidentified,
      partitions: partitionReports(host, group),
      group: group
        ? {
            groupId: group.groupId,
            members: group.memberIds.length,
            generation: group.generation,
            rebalances: group.rebalances,
          }
        : null,
      sinkRows: host.sink.rows(),
      storeTopic: host.storeTopic,
      film: partitionFilms(host, options.recordId ?? jsonFieldIdentity('id')),
      ...handlerErrorsOf(host),
      steps: stepper.steps,
      ended: stepper.ended ?? 'quiet',
      simulatedMs: host.kernel.now,
      brokers: host.addresses,
      brokerHosts: host.brokers.hosts.map((h) => ({ id: h.id, rack: h.rack ?? 'default' })),
      trace: trace.events,
    };
  } finally {
    runner.endRun();
  }
}

function handlerErrorsOf(host: KafkaHost): { handlerErrors?: KafkaHandlerError[] } {
  const handlerErrors = host.handlerFailures.list();
  return handlerErrors.length > 0 ? { handlerErrors } : {};
}

function partitionReports(host: KafkaHost, group: ReturnType<KafkaHost['groupOf']>): KafkaPartitionReport[] {
  return host.topicNames().flatMap((topic) =>
    host.brokers.partitions(topic).map((ps, partition): KafkaPartitionReport => {
      const committed = group?.committedOffset(topic, partition) ?? null;
      return {
        topic,
        partition,
        leader: ps.leader,
        isr: [...ps.isr],
        logStartOffset: ps.log.logStartOffset,
        logEndOffset: ps.log.logEndOffset,
        highWatermark: ps.log.highWatermark,
        committed,
        // The store topic is the program's output: no consumer of the group reads it, it has no lag.
        lag: topic === host.storeTopic ? 0 : Math.max(0, ps.log.logEndOffset - (committed ?? ps.log.logStartOffset)),
      };
    }),
  );
}

/** Keys are cut to this many characters in the film (the pictures show a few). */
const FILM_KEY = 40;

function partitionFilms(host: KafkaHost, identity: RecordIdentity): PartitionFilm[] {
  return host.topicNames().flatMap((topic) =>
    host.brokers.partitions(topic).map((ps, partition): PartitionFilm => {
      const records: FilmRecord[] = [];
      // Records retention deleted are in the film too: the tapes draw them deleted from that instant on.
      for (const r of ps.log.everyRecord()) {
        if (r.control) continue;
        let id: string | null = null;
        try {
          id = identity(r.key, typeof r.value === 'string' ? r.value : null);
        } catch {
          id = null;
        }
        const key = r.key === null ? null : r.key.slice(0, FILM_KEY);
        const txn = host.transactions.stateOf(r);
        records.push(
          txn === null ? [r.offset, r.appendTime, id, key] : [r.offset, r.appendTime, id, key, txn.state, txn.at],
        );
      }
      return { topic, partition, replicas: [...ps.replicas], records };
    }),
  );
}
