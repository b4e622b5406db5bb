/**
 * The store a lab's consumers write to (a real job would use a database client): `put` upserts a
 * row by key (writing a key twice leaves one row: the idempotent store of Cookbook 12.3), `append`
 * adds a row (writing twice leaves two). At the end the ledger reads which produced record each
 * row stands for from the row itself, by the record's own id (the lab says where it is), as a
 * data engineer checks an output table: stored once, duplicated, or missing.
 */
import type { Kernel, TraceSink } from '../core';
import type { Ledger } from './ledger';
import type { BrokerCluster } from './brokerCluster';

export interface SinkRow {
  key: string | null;
  value: string;
}

/** The id a lab reads from a produced message or a sink row (a payment's id), or null if it has none. */
export type RecordIdentity = (key: string | null, value: string | null) => string | null;

export class KafkaSink {
  private readonly byKey = new Map<string, string>();
  private readonly appended: SinkRow[] = [];
  /** The records of the store topic a read_committed reader sees, in the order they became visible. */
  private readonly fromTopic: SinkRow[] = [];
  writes = 0;
  /** The store is a topic: the sink's own rows do not count. */
  fromTopicOnly = false;

  constructor(
    private readonly kernel: Kernel,
    private readonly trace: TraceSink,
    /** Reads the record id of a row, for the trace (the ledger's path of each record). */
    private readonly identity: RecordIdentity | null = null,
  ) {}

  put(key: string, value: string): void {
    this.byKey.set(key, value);
    this.written('put', key, value);
  }

  append(value: string): void {
    this.appended.push({ key: null, value });
    this.written('append', null, value);
  }

  /** A record of the lab's store topic became visible to read_committed readers: a row of the store. */
  topicRecord(topic: string, key: string | null, value: string): void {
    this.fromTopic.push({ key, value });
    this.written('topic', key, value, topic);
  }

  get(key: string): string | null {
    return this.byKey.get(key) ?? null;
  }

  /**
   * The store's rows: the upserted ones in key order, then the appended ones in order; or, when
   * the store is a topic (`fromTopicOnly`), that topic's rows alone (what a program writes to the
   * sink then is no part of the store).
   */
  rows(): SinkRow[] {
    if (this.fromTopicOnly) return [...this.fromTopic];
    const keyed = [...this.byKey]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => ({ key, value }));
    return [...keyed, ...this.appended, ...this.fromTopic];
  }

  private written(kind: 'put' | 'append' | 'topic', key: string | null, value: string, topic?: string): void {
    if (kind !== 'topic') this.writes++;
    const record = this.identity ? safeIdentity(this.identity, key, value) : null;
    this.trace.record({
      t: this.kernel.now,
      type: 'sinkWritten',
      kind,
      key,
      record,
      ...(topic !== undefined ? { topic } : {}),
    });
  }
}

/**
 * Counts, in the ledger, how often each produced record stands in the sink's rows: `produced`
 * maps ledger ids to what was sent; a row is counted for the first produced record with its id.
 * Returns how many produced records have no id (the ledger cannot tell whether they were stored).
 */
export function countStored(
  ledger: Ledger,
  produced: ReadonlyMap<number, { key: string | null; value: string | null }>,
  rows: readonly SinkRow[],
  identity: RecordIdentity,
): number {
  const recordOf = new Map<string, number>();
  let unidentified = 0;
  for (const [id, m] of produced) {
    const bid = safeIdentity(identity, m.key, m.value);
    if (bid === null) unidentified++;
    else if (!recordOf.has(bid)) recordOf.set(bid, id);
  }
  for (const row of rows) {
    const bid = safeIdentity(identity, row.key, row.value);
    const id = bid === null ? undefined : recordOf.get(bid);
    if (id !== undefined) ledger.stored(id);
  }
  return unidentified;
}

/** Marks what is still on its way: records not stored, in the log at or after the group's committed offset. */
export function markPending(
  ledger: Ledger,
  topics: readonly string[],
  brokers: BrokerCluster,
  committed: (topic: string, partition: number) => number | undefined,
): void {
  for (const topic of topics)
    brokers.partitions(topic).forEach((ps, partition) => {
      const from = committed(topic, partition) ?? ps.log.logStartOffset;
      for (const r of ps.log.read(from, Number.MAX_SAFE_INTEGER, ps.log.logEndOffset))
        if (r.id >= 0 && ledger.storedTimes(r.id) === 0) ledger.pending(r.id);
    });
}

function safeIdentity(identity: RecordIdentity, key: string | null, value: string | null): string | null {
  try {
    return identity(key, value);
  } catch {
    return null;
  }
}
