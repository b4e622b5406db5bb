/**
 * Kafka's transaction coordinator, as a transactional KafkaJS producer meets it: InitProducerId
 * gives a transactional id a new epoch (fencing the producers of older epochs, and aborting what
 * they left open); records sent in a transaction are written at once but stay invisible to
 * read_committed consumers until the transaction ends: the partition's last stable offset (LSO)
 * stops at the first record of a transaction still open. EndTxn writes a commit or abort marker
 * (a control record: it takes an offset, and no consumer is handed it) in every partition the
 * transaction wrote to, and a commit applies the consumed offsets sent with it (sendOffsets) to
 * their group in the same step. A transaction open past its timeout is aborted by the coordinator.
 */
import type { Kernel, ScheduledHandle, TraceSink } from '../core';
import type { BrokerCluster } from './brokerCluster';
import type { LogRecord } from './types';
import type { TopicPartitionOffset, TransactionRef } from './kafkajs/kafkaCalls';
import type { KafkaErrorData } from './kafkajs/kafkaErrors';

interface OpenTransaction {
  /** The transaction's name on its records: `${transactionalId}#${epoch}.${seq}`. */
  id: string;
  /** Which of the producer's transactions at this epoch it is (the client numbers them). */
  seq: number;
  /** Partition key -> the first offset the transaction wrote there. */
  partitions: Map<string, { topic: string; partition: number; first: number }>;
  offsets: { groupId: string; offsets: TopicPartitionOffset[] }[];
  timeout: ScheduledHandle;
}

interface Producer {
  epoch: number;
  timeoutMs: number;
  /** The number the next transaction of this epoch must carry. */
  next: number;
  open: OpenTransaction | null;
}

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export const FENCED: KafkaErrorData = {
  name: 'KafkaJSProtocolError',
  type: 'INVALID_PRODUCER_EPOCH',
  retriable: false,
  message: 'Producer attempted an operation with an old epoch',
};

/** A call for a transaction that is not the open one (it ended, or was never begun). */
export const INVALID_TXN_STATE: KafkaErrorData = {
  name: 'KafkaJSProtocolError',
  type: 'INVALID_TXN_STATE',
  retriable: false,
  message: 'The producer attempted a transactional operation in an invalid state',
};

export class TransactionCoordinator {
  private readonly producers = new Map<string, Producer>();
  /** Per partition, the transactions writing to it and their first offsets (the LSO is the least). */
  private readonly openOn = new Map<string, Map<string, number>>();
  /** Told of each partition a transaction commits: its records are those of `txn` from offset `first` on. */
  onCommitted: ((topic: string, partition: number, first: number, txn: string) => void) | null = null;
  /** When each ended transaction ended (its markers' time). */
  private readonly endedAt = new Map<string, number>();
  /** Transactions that were aborted: their records are left out of read_committed fetches. */
  private readonly aborted = new Set<string>();

  constructor(
    private readonly kernel: Kernel,
    private readonly brokers: BrokerCluster,
    private readonly trace: TraceSink,
    /** Applies a committed transaction's consumed offsets to their group. */
    private readonly commitOffsets: (groupId: string, offsets: TopicPartitionOffset[]) => void,
  ) {}

  /** InitProducerId: the next epoch for `transactionalId`; an open transaction of an older epoch is aborted. */
  init(transactionalId: string, timeoutMs: number): number {
    const p = this.producers.get(transactionalId);
    if (p?.open) this.end(transactionalId, false, 'fenced');
    const epoch = (p?.epoch ?? -1) + 1;
    this.producers.set(transactionalId, { epoch, timeoutMs, next: 0, open: null });
    return epoch;
  }

  /**
   * Why `ref` may not act now, or null: an old epoch (fenced, also after the coordinator aborted
   * a transaction that timed out), or a transaction that is not the open one nor the next.
   */
  check(ref: TransactionRef): KafkaErrorData | null {
    const p = this.producers.get(ref.transactionalId);
    if (!p || p.epoch !== ref.epoch) return FENCED;
    if (p.open ? p.open.seq !== ref.seq : ref.seq !== p.next) return INVALID_TXN_STATE;
    return null;
  }

  /** The open transaction of `ref`, begun with its first write or offsets (check(ref) passed). */
  private transaction(ref: TransactionRef): OpenTransaction {
    const p = this.producers.get(ref.transactionalId)!;
    if (!p.open) {
      const id = `${ref.transactionalId}#${ref.epoch}.${ref.seq}`;
      p.next = ref.seq + 1;
      const timeout = this.kernel.schedule(p.timeoutMs, () => this.end(ref.transactionalId, false, 'timeout'), 7);
      p.open = { id, seq: ref.seq, partitions: new Map(), offsets: [], timeout };
    }
    return p.open;
  }

  /** The transaction id the records of `ref` carry, the partition written to now registered. */
  recordsOf(ref: TransactionRef, topic: string, partition: number): string {
    const t = this.transaction(ref);
    const k = key(topic, partition);
    if (!t.partitions.has(k)) {
      // The first offset it can take: the LSO of this partition stops here until the transaction ends.
      const first = this.brokers.partition(topic, partition).log.logEndOffset;
      t.partitions.set(k, { topic, partition, first });
      let open = this.openOn.get(k);
      if (!open) this.openOn.set(k, (open = new Map()));
      open.set(t.id, first);
    }
    return t.id;
  }

  addOffsets(ref: TransactionRef, groupId: string, offsets: TopicPartitionOffset[]): void {
    this.transaction(ref).offsets.push({ groupId, offsets });
  }

  /** EndTxn for `ref`'s transaction (an empty one, never begun here, ends with nothing to write). */
  endFor(ref: TransactionRef, commit: boolean): void {
    const p = this.producers.get(ref.transactionalId);
    if (p && !p.open && p.next === ref.seq) p.next++;
    this.end(ref.transactionalId, commit, commit ? 'commit' : 'abort');
  }

  private end(transactionalId: string, commit: boolean, why: 'commit' | 'abort' | 'fenced' | 'timeout'): void {
    const p = this.producers.get(transactionalId);
    const t = p?.open;
    if (!p || !t) return;
    p.open = null;
    t.timeout.cancel();
    // The coordinator's own abort (a timeout) bumps the epoch: the producer finds itself fenced.
    if (why === 'timeout') p.epoch++;
    const now = this.kernel.now;
    for (const { topic, partition } of t.partitions.values()) {
      const first = this.openOn.get(key(topic, partition))?.get(t.id);
      if (commit && first !== undefined) this.onCommitted?.(topic, partition, first, t.id);
      const marker: LogRecord = {
        id: -1,
        key: null,
        value: null,
        eventTime: now,
        partition,
        offset: -1,
        appendTime: -1,
        producer: transactionalId,
        seq: -1,
        txn: t.id,
        control: commit ? 'commit' : 'abort',
      };
      this.brokers.partition(topic, partition).log.append(marker, now);
      this.openOn.get(key(topic, partition))?.delete(t.id);
    }
    this.endedAt.set(t.id, now);
    if (commit) for (const o of t.offsets) this.commitOffsets(o.groupId, o.offsets);
    else this.aborted.add(t.id);
    this.trace.record({
      t: now,
      type: commit ? 'transactionCommitted' : 'transactionAborted',
      transactionalId,
      transaction: t.id,
      why,
      partitions: [...t.partitions.values()].map((x) => [x.topic, x.partition]),
    });
  }

  /** The last stable offset: read_committed consumers read no further than this. */
  lastStableOffset(topic: string, partition: number, highWatermark: number): number {
    let lso = highWatermark;
    for (const first of this.openOn.get(key(topic, partition))?.values() ?? []) lso = Math.min(lso, first);
    return lso;
  }

  /**
   * A data record's transaction as it stands: committed or aborted (and when), or still open;
   * null for a record written outside a transaction.
   */
  stateOf(record: LogRecord): { state: 'committed' | 'aborted' | 'open'; at: number } | null {
    if (record.txn === undefined || record.control !== undefined) return null;
    const ended = this.endedAt.get(record.txn);
    if (ended === undefined) return { state: 'open', at: -1 };
    return { state: this.aborted.has(record.txn) ? 'aborted' : 'committed', at: ended };
  }

  /** Whether a read_committed consumer is handed this record (not a marker, not of an aborted transaction). */
  visible(record: LogRecord, readCommitted: boolean): boolean {
    if (record.control !== undefined) return false;
    return !readCommitted || record.txn === undefined || !this.aborted.has(record.txn);
  }
}
