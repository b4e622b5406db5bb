/**
 * What ClusterLab's KafkaJS asks the simulated Kafka, and what it answers: plain data, so the
 * calls can cross from the sandbox (the learner's code) to the engine (the brokers, the groups,
 * the ledger) as messages. Offsets are numbers here; the library shows them as KafkaJS's strings.
 */
import type { KafkaErrorData } from './kafkaErrors';

/** A message as a producer sends it: KafkaJS takes strings (or Buffers, sent as their text). */
export interface OutgoingMessage {
  key: string | null;
  value: string | null;
  /** A partition the learner chose, or null for the partitioner's choice. */
  partition: number | null;
  /** Each header's values, in order (KafkaJS sends an array's values as repeated headers). */
  headers: Record<string, string[]>;
  /** Milliseconds (simulated clock), or null for the time of sending. */
  timestamp: number | null;
}

/** A message as a consumer receives it. */
export interface IncomingMessage {
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
  headers: Record<string, string[]>;
}

/** A transactional producer's identity in the coordinator: its transactional id and epoch. */
export interface TransactionRef {
  transactionalId: string;
  epoch: number;
  /** Which transaction of this producer at this epoch (0, 1, ...): a call for an ended one is refused. */
  seq: number;
}

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  offset: number;
}

export type KafkaRequest =
  | { op: 'connect' }
  | { op: 'disconnect' }
  | {
      op: 'send';
      idempotent: boolean;
      /** The transaction the messages belong to (a transactional producer's transaction.send), or null. */
      transaction: TransactionRef | null;
      acks: -1 | 0 | 1;
      /** How long the producer waits for the brokers' answer (KafkaJS `timeout`, ms). */
      timeout: number;
      topicMessages: { topic: string; messages: OutgoingMessage[] }[];
    }
  | {
      op: 'createTopics';
      topics: {
        topic: string;
        numPartitions: number;
        replicationFactor: number;
        /** retention.ms (null: -1, kept for ever) and min.insync.replicas from configEntries; the broker's defaults when absent. */
        retentionMs?: number | null;
        minInsyncReplicas?: number;
      }[];
    }
  | { op: 'listTopics' }
  | { op: 'fetchTopicOffsets'; topic: string }
  | { op: 'fetchOffsets'; groupId: string; topics: string[] }
  | { op: 'join'; groupId: string; topics: string[]; sessionTimeout: number; rebalanceTimeout: number }
  | {
      op: 'fetch';
      /** The member's group, or null: a consumer with partitions assigned by hand (Spark's Kafka source), which reads any partition. */
      groupId: string | null;
      generation: number;
      /** The next offset to read of each partition the member owns. */
      positions: TopicPartitionOffset[];
      maxWaitTimeInMs: number;
      maxBytesPerPartition: number;
      /** read_committed (KafkaJS's default, readUncommitted: false): up to the last stable offset, aborted records left out. */
      readCommitted: boolean;
    }
  /**
   * `standalone`: a commit of a consumer with partitions assigned by hand (Spark's Kafka source),
   * as no member of the group, which Kafka takes while the group has no members.
   */
  | { op: 'commit'; groupId: string; generation: number; offsets: TopicPartitionOffset[]; standalone?: boolean }
  | { op: 'leave'; groupId: string }
  /** InitProducerId for a transactional id: a new epoch, which fences the producers of older ones. */
  | { op: 'initTransactions'; transactionalId: string; transactionTimeout: number }
  /** TxnOffsetCommit: consumed offsets that commit with the transaction. */
  | { op: 'sendOffsets'; transaction: TransactionRef; groupId: string; offsets: TopicPartitionOffset[] }
  /** EndTxn: commit or abort, with a marker in every partition the transaction wrote to. */
  | { op: 'endTransaction'; transaction: TransactionRef; commit: boolean }
  /** Kafka's Heartbeat: keeps the member's session; fails with REBALANCE_IN_PROGRESS during a rebalance. */
  | { op: 'heartbeat'; groupId: string }
  /** Answered `ms` of simulated time later (KafkaJS's retrier waiting before a retry). */
  | { op: 'sleep'; ms: number }
  /** The lab's store: upsert a row by key, append a row, read a row by key. */
  | { op: 'sinkPut'; key: string; value: string }
  | { op: 'sinkAppend'; value: string }
  | { op: 'sinkGet'; key: string }
  /** A message was handed to eachMessage (or eachBatch): the ledger counts it processed. */
  | { op: 'processed'; topic: string; partition: number; offset: number }
  /**
   * The learner's eachMessage (or eachBatch) threw at this message (eachBatch: the first it had not
   * resolved): reported, not asked; answered at once. What KafkaJS does next: `retry` (fetched
   * again from this message after a wait), `restart` (the retries were spent: the consumer crashed,
   * left the group and joins again from the last commit) or `stop` (an error KafkaJS does not retry,
   * a TypeError say: crashed for good).
   */
  | { op: 'handlerFailed'; failure: HandlerFailure }
  /**
   * Rows a Structured Streaming query's batch took (at most QUERY_ROWS_PER_NOTE a note): each is
   * processed (the lab's cost per record), and put into windows or dropped as late (all its windows
   * had ended by the watermark); the ledger counts them so.
   */
  | { op: 'queryRows'; topic: string; rows: QueryRow[] }
  /** A Structured Streaming query ended a micro-batch: what it read, dropped and wrote (for the pictures). */
  | { op: 'microBatch'; batch: MicroBatchReport };

/** A handler's error as the host keeps it: where it was thrown, at which message, and what came next. */
export interface HandlerFailure {
  groupId: string;
  handler: 'eachMessage' | 'eachBatch';
  topic: string;
  partition: number;
  offset: number;
  /** The error's name and message (`TypeError`, `x.toFixd is not a function`). */
  name: string;
  message: string;
  /** The learner's file and line (`job.js:12`), when the sandbox could tell. */
  where: string | null;
  /** The handler's failures in a row so far (1 for the first; the retries start after it). */
  attempt: number;
  /** The retries the consumer's retry policy allows (`retry.retries`, 5 by default). */
  retries: number;
  next: 'retry' | 'restart' | 'stop';
}

/** A record as a Structured Streaming query's batch took it. */
export interface QueryRow {
  partition: number;
  offset: number;
  /** Its event time (ms), when the query aggregates by a window, else null. */
  eventTime: number | null;
  fate: 'processed' | 'aggregated' | 'late';
}

/** Rows of one `queryRows` note, at most. */
export const QUERY_ROWS_PER_NOTE = 2_000;

/** A micro-batch of a Structured Streaming query, as the host traces it (`microBatch`). */
export interface MicroBatchReport {
  query: string;
  batchId: number;
  /** When the batch was planned (simulated ms); the host's time of the call is when it ended. */
  startedAt: number;
  /** Each partition's range the batch read: [start, end). */
  ranges: { topic: string; partition: number; start: number; end: number }[];
  /** Rows read from the source, and how many of them the watermark dropped. */
  rows: number;
  late: number;
  /** The watermark this batch ran with, and the one the next batch gets (ms, or null: none yet). */
  watermark: number | null;
  /** The watermark its late rows were judged by: the batch before's (Spark 3.4+), or null. */
  lateWatermark: number | null;
  nextWatermark: number | null;
  outputMode: 'append' | 'update' | 'complete';
  /** How many groups the aggregation holds after the batch (state lists at most MICRO_BATCH_LIMITS.cells of them). */
  stateSize: number;
  /** Each group of the aggregation after the batch (the state), and the groups written out. */
  state: WindowCell[];
  emitted: WindowCell[];
  /** The batch's rows by event time: where each came from, and whether it was late. */
  events: { partition: number; offset: number; eventTime: number; late: boolean }[];
}

/** One group of a streaming aggregation: its window [start, end) and other keys, and its first aggregate. */
export interface WindowCell {
  start: number;
  end: number;
  /** The grouping values besides the window, as text (`c1`), or '' when there are none. */
  key: string;
  value: number;
}

/** One partition's metadata of a send's answer (KafkaJS's RecordMetadata, offsets as numbers). */
export interface SentMetadata {
  topicName: string;
  partition: number;
  errorCode: number;
  baseOffset: number;
  logAppendTime: number;
  logStartOffset: number;
}

export interface JoinAnswer {
  generation: number;
  memberId: string;
  leaderId: string;
  /** Topic -> partitions this member owns. */
  assignment: Record<string, number[]>;
  /** Where each owned partition starts: the committed offset, else -1 (none committed). */
  committed: TopicPartitionOffset[];
  /** Each owned partition's log start and end (for fromBeginning / latest). */
  bounds: {
    topic: string;
    partition: number;
    logStartOffset: number;
    highWatermark: number;
    lastStableOffset: number;
  }[];
  /** Simulated time the consumer spends on each message (the lab's processing cost, ms). */
  processingMsPerMessage: number;
}

export interface FetchAnswer {
  /** The group is rebalancing: commit what was processed and join again. */
  rebalancing: boolean;
  /** Positions outside their partition's log (OFFSET_OUT_OF_RANGE), with the log's bounds. */
  outOfRange: {
    topic: string;
    partition: number;
    logStartOffset: number;
    highWatermark: number;
    lastStableOffset: number;
  }[];
  batches: {
    topic: string;
    partition: number;
    highWatermark: number;
    messages: IncomingMessage[];
    /** The offset after the last one read, control markers and aborted records included. */
    nextOffset: number;
  }[];
}

/** A call as it crosses: which client made it, its sequence number within that client, and what. */
export interface KafkaCall {
  client: number;
  seq: number;
  request: KafkaRequest;
}

export type KafkaAnswer =
  | { client: number; seq: number; ok: true; value: unknown }
  | { client: number; seq: number; ok: false; error: KafkaErrorData };

/** How the library reaches the simulated Kafka. */
export interface KafkaTransport {
  /** A new client (a producer, a consumer or an admin): its calls carry the number returned. */
  open(kind: 'producer' | 'consumer' | 'admin' | 'sink', clientId: string): number;
  /** Sends a request; the promise settles with the host's answer (rejects with a KafkaJS error). */
  call(client: number, request: KafkaRequest): Promise<unknown>;
  /** The simulated clock, ms. */
  now(): number;
  /** KafkaJS's logger: a line for the learner's console (level ERROR, WARN or INFO). */
  log(level: 'ERROR' | 'WARN' | 'INFO', message: string): void;
  /** Where in the learner's file an error was thrown (`job.js:12`), when the transport can tell. */
  where?(error: unknown): string | null;
  /** Ends the program with `error` (a loop the sandbox stopped inside a handler), when the transport can. */
  fatal?(error: unknown): void;
}
