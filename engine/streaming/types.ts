/**
 * Shared vocabulary of the streaming layer: records as they travel from a producer through the
 * log to a sink, the delivery methods, crash points and acks a learner can choose.
 */

/** How many replicas must have a record before the producer hears "ok" (Kafka's `acks`). */
export type Acks = 0 | 1 | 'all';
export const ACKS: readonly Acks[] = [0, 1, 'all'];

/** When offsets are committed relative to processing (Cookbook 12.2-12.4). */
export type DeliveryMethod = 'at-most-once' | 'at-least-once' | 'exactly-once';
export const DELIVERY_METHODS: readonly DeliveryMethod[] = ['at-most-once', 'at-least-once', 'exactly-once'];

/** Where inside a micro-batch a consumer can be made to crash. */
export type CrashPoint = 'before-processing' | 'after-processing' | 'before-commit';
export const CRASH_POINTS: readonly CrashPoint[] = ['before-processing', 'after-processing', 'before-commit'];

export type AssignmentStrategy = 'range' | 'round-robin';
export const ASSIGNMENT_STRATEGIES: readonly AssignmentStrategy[] = ['range', 'round-robin'];

export type SinkKind = 'append' | 'key-value' | 'transactional';
export const SINK_KINDS: readonly SinkKind[] = ['append', 'key-value', 'transactional'];

/**
 * One record. The producer creates it; the log stamps partition, offset and append time.
 * `id` is the ledger's identity of the record: a retried send that lands twice in the log
 * gives two log records (two offsets) with the same id.
 */
export interface LogRecord {
  /** Ledger id, unique per produced record, dense from 0. */
  readonly id: number;
  readonly key: string | null;
  readonly value: unknown;
  /** When the event happened at the source (simulated ms). */
  readonly eventTime: number;
  partition: number;
  /** -1 until appended. */
  offset: number;
  /** Log-append time (simulated ms), -1 until appended. */
  appendTime: number;
  /** The producer that sent it. */
  readonly producer: string;
  /** Idempotent producers' sequence number within (producer, partition); -1 otherwise. */
  seq: number;
  /** The transaction it was written in (a transactional producer's), if any. */
  readonly txn?: string;
  /** A transaction's commit or abort marker (a control record: no ledger id, never handed to a consumer). */
  readonly control?: 'commit' | 'abort';
}

/** What the processing function sees of a record: a frozen copy, so the log's record stays intact. */
export interface RecordView {
  readonly id: number;
  readonly key: string | null;
  readonly value: unknown;
  readonly eventTime: number;
  readonly partition: number;
  readonly offset: number;
  readonly appendTime: number;
  readonly producer: string;
}

/** A topic's shape: partitions, replication and retention. */
export interface TopicConfig {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** acks='all' writes fail while fewer replicas than this are in sync. */
  minInsyncReplicas: number;
  /** Delete records whose append time is older than this (ms); Infinity keeps them. */
  retentionMs: number;
  /** Keep at most this many records per partition (size-based retention); Infinity keeps all. */
  retentionRecords: number;
}

/** The part of a cluster node the log needs: where a broker runs. */
export interface BrokerHost {
  /** Node id, e.g. `node-3`. */
  readonly id: string;
  readonly rack?: string;
}

/** A half-open window of event time [start, end). */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** The processing function's output for one record, before the sink. */
export interface ProcessedValue {
  key: string;
  value: unknown;
}

/** A row for the sink: one record's output. */
export interface RecordRow {
  readonly kind: 'record';
  readonly key: string;
  readonly value: unknown;
  readonly source: LogRecord;
}

/** One record's contribution to a window aggregate. `counted` marks the window the ledger counts it in. */
export interface WindowPart {
  readonly source: LogRecord;
  readonly value: number;
  readonly counted: boolean;
}

/** A row for the sink: the contributions of one batch to one (window, key). */
export interface WindowRow {
  readonly kind: 'window';
  readonly key: string;
  readonly window: TimeWindow;
  readonly parts: WindowPart[];
}

export type OutputRow = RecordRow | WindowRow;

/** Partition -> next offset to read (the Kafka meaning of a committed offset). */
export type OffsetMap = Map<number, number>;
