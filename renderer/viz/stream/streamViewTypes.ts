/**
 * The shapes of a streaming run's view (streamView.ts builds them): each partition's track, the
 * run's events, the view itself, and the state at an instant that the pictures draw.
 */
import type { KafkaJobReport } from '../../../engine/api';
import type { MicroBatchView } from './microBatchView';

export interface PartitionTrack {
  key: string;
  topic: string;
  partition: number;
  replicas: string[];
  /** Offsets, their append times (non-decreasing), record ids and keys, in log order. */
  offsets: number[];
  appendTimes: number[];
  records: (string | null)[];
  keys: (string | null)[];
  /** Commits of the group, by time: the committed offset (the next to read). */
  commits: { t: number; offset: number }[];
  /** Records handed to a consumer's handler, by time. */
  processed: { t: number; offset: number; consumer: number }[];
  /** The partition's leader from time t on (null: offline). */
  leaders: { t: number; leader: string | null }[];
  /** The log's start from time t on: retention deletes the oldest records (offsets below it). */
  logStarts: { t: number; start: number }[];
  /** When each offset was first handed to a consumer (offsets never handed are absent). */
  firstProcessed: Map<number, number>;
  /** Its in-sync replicas from time t on (they shrink when a broker dies, grow as a follower catches up). */
  isr: { t: number; isr: string[] }[];
  /** A partition of the store topic: its records are the store's rows (outputs), which no consumer of the group reads. */
  output: boolean;
  /**
   * Per record written in a transaction: how it ended and when (ms; -1 while open at the end),
   * else null (written outside a transaction: readable once in the log).
   */
  transactions: ({ state: 'committed' | 'aborted' | 'open'; at: number } | null)[];
  /** Some record of the partition was written in a transaction (its cells change as transactions end). */
  transactional: boolean;
}

export interface StreamEvent {
  t: number;
  kind: 'member' | 'rebalance' | 'crash' | 'broker' | 'leader' | 'isr' | 'retention';
  text: string;
}

export interface StreamView {
  endMs: number;
  /**
   * When the last thing happens (a record appended, processed, committed or stored, a member, a
   * fault), a little after: the consumers only wait for more records from then to endMs, so
   * playback ends here, with the state of the end.
   */
  activeUntil: number;
  /** Consumers that crashed, and when (their session times out later). */
  crashes: { t: number; consumer: number }[];
  /** The brokers (n1, n2, ...), their racks, and when each was down (`to` Infinity: until the end). */
  brokers: { id: string; rack: string; down: { from: number; to: number }[] }[];
  /** Producers by their number (1, 2, ... in the order they first sent, as faults name them). */
  producers: number[];
  /** Each attempt at sending a partition's batch, by time: to the leader it went to (null: none), lost when the network was cut. */
  sends: StreamSend[];
  partitions: PartitionTrack[];
  /** Consumers by their number (1, 2, ... in the order they opened, as faults name them). */
  consumers: number[];
  /** Which consumer owns each partition from time t on (by partition key). */
  owners: {
    t: number;
    generation: number;
    /** The consumers reading each partition (one per group that reads it), by partition key. */
    owner: Map<string, number[]>;
    /** The groups with an assignment so far, each with its members (consumer numbers). */
    groups: { groupId: string; consumers: number[] }[];
  }[];
  /** Members in the group from time t on (consumer numbers). */
  members: { t: number; consumers: number[] }[];
  events: StreamEvent[];
  sinkWrites: { t: number; kind: 'put' | 'append' | 'topic'; key: string | null; record: string | null }[];
  /** When the ledger's counts grow: each sorted by time. */
  ledgerTimes: {
    appended: number[];
    /** A record appended to the log a second time (its producer sent its batch again). */
    logDuplicated: number[];
    processed: number[];
    reprocessed: number[];
    stored: number[];
    duplicated: number[];
  };
  /** The ledger at the end of the run (lost and pending are known only then). */
  final: KafkaJobReport['ledger'];
  /** The topic whose committed records are the store's rows, or null (the sink alone). */
  storeTopic: string | null;
  /** The group whose committed offsets (and so lag) the tapes show; null: no group committed. */
  committedGroup: string | null;
  /** When each write to the store happened (the sink's, or the store topic's rows alone). */
  storeWriteTimes: number[];
  /** The run's Structured Streaming query: its micro-batches, windows and watermark (null: the run has none). */
  microBatches: MicroBatchView | null;
}

export interface PartitionAt {
  track: PartitionTrack;
  /** Records in the log by now (the log end offset). */
  logEnd: number;
  /** The first offset still in the log (retention deleted those below). */
  logStart: number;
  committed: number | null;
  /** The offset after the last record handed to a consumer, and that consumer. */
  processedTo: number | null;
  lastConsumer: number | null;
  /** The consumers reading the partition now: one per group that reads it (none: no owner). */
  owners: number[];
  leader: string | null;
  isr: string[];
  lag: number;
}

export interface StreamSend {
  t: number;
  producer: number;
  topic: string;
  partition: number;
  records: number;
  /** 0 for the first attempt, then each retry. */
  attempt: number;
  leader: string | null;
  lost: boolean;
  /** The batch arrived, but the leader's answer was lost on the way back (the producer will time out and retry). */
  answerLost: boolean;
}

export interface StreamAt {
  t: number;
  /** Each broker at `t`: alive or not, and how many partitions it leads. */
  brokers: { id: string; alive: boolean; leads: number }[];
  partitions: PartitionAt[];
  ledger: {
    appended: number;
    logDuplicated: number;
    processed: number;
    reprocessed: number;
    stored: number;
    duplicated: number;
  };
  members: number[];
  /** Members that crashed and are still in the group (until their session times out). */
  crashed: number[];
  generation: number;
  /** The groups with an assignment by now and their members (several: each reads its own copy). */
  groups: { groupId: string; consumers: number[] }[];
  sinkRows: number;
  recentWrites: StreamView['sinkWrites'];
  recentEvents: StreamEvent[];
}
