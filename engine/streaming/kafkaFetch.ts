/**
 * A consumer's fetch at the simulated brokers: for each partition the member owns, the records from
 * its position up to the high watermark (read_committed: the last stable offset, without aborted
 * records and markers); a position outside the log is answered as out of range; with nothing to
 * hand, the broker holds the fetch until data comes or maxWaitTimeInMs is over (Kafka's long poll).
 */
import type { Kernel } from '../core';
import type { BrokerCluster } from './brokerCluster';
import type { KafkaGroup } from './kafkaGroups';
import type { TransactionCoordinator } from './kafkaTransactions';
import type { FetchAnswer, IncomingMessage, KafkaRequest } from './kafkajs/kafkaCalls';

export interface FetchContext {
  kernel: Kernel;
  brokers: BrokerCluster;
  transactions: TransactionCoordinator;
  groups: ReadonlyMap<string, KafkaGroup>;
  /** Headers of each record, by ledger id. */
  headers: ReadonlyMap<number, Record<string, string[]>>;
  /** One-way latency between a client and a broker (ms). */
  latency: number;
}

/** How often a held fetch looks for new data (the brokers' replication interval). */
const POLL_MS = 20;

/** Records of about 100 bytes: what maxBytesPerPartition holds. */
function maxRecords(maxBytes: number): number {
  return Math.max(1, Math.floor(maxBytes / 100));
}

/** A fetch: what the member's partitions have from its positions, or (long poll) up to maxWaitTimeInMs later. */
export function heldFetch(
  ctx: FetchContext,
  client: number,
  req: Extract<KafkaRequest, { op: 'fetch' }>,
  answer: (value: FetchAnswer) => void,
): void {
  // A consumer with partitions assigned by hand (no group) reads whatever partitions it names.
  const assigned = req.groupId === null;
  const g = req.groupId === null ? undefined : ctx.groups.get(req.groupId);
  const started = ctx.kernel.now;
  const poll = (): void => {
    const member = g?.memberOf(client);
    if (g && member !== undefined) g.touch(member);
    if (!assigned && (!g || !g.current(client, req.generation)))
      return answer({ rebalancing: true, outOfRange: [], batches: [] });
    const owned = g?.owned(client);
    const batches: FetchAnswer['batches'] = [];
    const outOfRange: FetchAnswer['outOfRange'] = [];
    for (const pos of req.positions) {
      if (!assigned && !owned?.get(pos.topic)?.includes(pos.partition)) continue;
      if (assigned && !ctx.brokers.has(pos.topic, pos.partition)) continue;
      const ps = ctx.brokers.partition(pos.topic, pos.partition);
      const { logStartOffset, highWatermark } = ps.log;
      if (pos.offset < logStartOffset || pos.offset > ps.log.logEndOffset) {
        outOfRange.push({
          topic: pos.topic,
          partition: pos.partition,
          logStartOffset,
          highWatermark,
          lastStableOffset: ctx.transactions.lastStableOffset(pos.topic, pos.partition, highWatermark),
        });
        continue;
      }
      const upTo = req.readCommitted
        ? ctx.transactions.lastStableOffset(pos.topic, pos.partition, highWatermark)
        : highWatermark;
      const read = ctx.brokers.fetch(pos.topic, pos.partition, pos.offset, maxRecords(req.maxBytesPerPartition));
      const inRange = read.filter((r) => r.offset < upTo);
      if (inRange.length === 0) continue;
      const records = inRange.filter((r) => ctx.transactions.visible(r, req.readCommitted));
      batches.push({
        topic: pos.topic,
        partition: pos.partition,
        highWatermark: ps.log.highWatermark,
        nextOffset: inRange[inRange.length - 1]!.offset + 1,
        messages: records.map((r): IncomingMessage => ({
          offset: r.offset,
          key: r.key,
          value: r.value as string | null,
          timestamp: r.eventTime,
          headers: ctx.headers.get(r.id) ?? {},
        })),
      });
    }
    if (batches.length > 0 || outOfRange.length > 0 || ctx.kernel.now - started >= req.maxWaitTimeInMs) {
      ctx.kernel.post(ctx.latency, () => answer({ rebalancing: false, outOfRange, batches }), 5);
      return;
    }
    // Nothing yet: the broker holds the fetch until data comes or the wait is over.
    ctx.kernel.post(Math.min(POLL_MS, req.maxWaitTimeInMs - (ctx.kernel.now - started)), poll, 6);
  };
  ctx.kernel.post(ctx.latency, poll, 5);
}
