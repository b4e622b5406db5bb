/**
 * Spark's Kafka source (spark-sql-kafka-0-10) on ClusterLab's simulated Kafka: each micro-batch
 * reads every partition from where the last batch ended up to the latest offsets the brokers
 * have (at most maxOffsetsPerTrigger in all, shared over the partitions by their backlog), with
 * the partitions assigned by hand, as Spark's consumer does: no group to join, no session to keep.
 * Spark keeps the offsets in the query's checkpoint; here they are also committed, as a
 * standalone commit, to a group of the query's own (`spark-kafka-source-<query>`), so the tapes
 * and the lag show how far the query has read.
 */
import {
  QUERY_ROWS_PER_NOTE,
  type FetchAnswer,
  type KafkaTransport,
  type MicroBatchReport,
  type QueryRow,
  type TopicPartitionOffset,
} from '../kafkajs/kafkaCalls';

export type { MicroBatchReport, WindowCell } from '../kafkajs/kafkaCalls';

/** A record as the source hands it to the query: the Kafka source's columns. */
export interface SourceRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
}

export interface KafkaSourceOptions {
  topics: string[];
  startingOffsets: 'earliest' | 'latest';
  maxOffsetsPerTrigger: number | null;
}

/** One partition's range of a batch: [start, end). */
export interface OffsetRange {
  topic: string;
  partition: number;
  start: number;
  end: number;
}

/** A note to the host whose answer nobody waits for (a crashed query's is never answered). */
const ignore = () => undefined;

export class KafkaSource {
  private readonly client: number;
  readonly groupId: string;
  private readonly positions = new Map<string, TopicPartitionOffset>();

  constructor(
    private readonly transport: KafkaTransport,
    private readonly options: KafkaSourceOptions,
    queryName: string,
  ) {
    this.groupId = `spark-kafka-source-${queryName}`;
    this.client = transport.open('consumer', `${this.groupId}-driver-0`);
  }

  private call(request: Parameters<KafkaTransport['call']>[1]): Promise<unknown> {
    return this.transport.call(this.client, request);
  }

  /** Connects; the first batch starts at `startingOffsets` of each partition. */
  async start(): Promise<void> {
    await this.call({ op: 'connect' });
  }

  /** The next batch's ranges: from the current positions to the latest offsets, within maxOffsetsPerTrigger. */
  async plan(): Promise<OffsetRange[]> {
    const ranges: OffsetRange[] = [];
    for (const topic of this.options.topics) {
      let latest: { partition: number; high: number; low: number }[];
      try {
        latest = (await this.call({ op: 'fetchTopicOffsets', topic })) as typeof latest;
      } catch (error) {
        // A topic not there yet: Spark's source waits for it (it does not create topics).
        if ((error as { type?: unknown } | null)?.type === 'UNKNOWN_TOPIC_OR_PARTITION') continue;
        throw error;
      }
      for (const p of latest) {
        const k = `${topic}\u0000${p.partition}`;
        // A partition seen for the first time starts where startingOffsets says.
        if (!this.positions.has(k))
          this.positions.set(k, {
            topic,
            partition: p.partition,
            offset: this.options.startingOffsets === 'earliest' ? p.low : p.high,
          });
        // Records retention deleted before the query read them are skipped (failOnDataLoss=false).
        const start = Math.max(this.positions.get(k)!.offset, p.low);
        ranges.push({ topic, partition: p.partition, start, end: Math.max(start, p.high) });
      }
    }
    const limit = this.options.maxOffsetsPerTrigger;
    const total = ranges.reduce((n, r) => n + r.end - r.start, 0);
    if (limit !== null && total > limit) {
      // Spark's rateLimit: each partition gets its share of the limit by its backlog, a share
      // below one rounded up (so every partition with a backlog moves), others rounded down.
      for (const r of ranges) {
        const share = ((r.end - r.start) * limit) / total;
        r.end = r.start + (share < 1 ? Math.ceil(share) : Math.floor(share));
      }
    }
    return ranges;
  }

  /** Reads every record of the ranges (fetching until each partition reaches its end). */
  async read(ranges: readonly OffsetRange[]): Promise<SourceRecord[]> {
    const out: SourceRecord[] = [];
    const todo = new Map(
      ranges.filter((r) => r.end > r.start).map((r) => [`${r.topic}\u0000${r.partition}`, { ...r }]),
    );
    while (todo.size > 0) {
      const fetched = (await this.call({
        op: 'fetch',
        groupId: null,
        generation: -1,
        positions: [...todo.values()].map((r) => ({ topic: r.topic, partition: r.partition, offset: r.start })),
        maxWaitTimeInMs: 500,
        maxBytesPerPartition: 1_048_576,
        readCommitted: false,
      })) as FetchAnswer;
      for (const o of fetched.outOfRange) {
        const r = todo.get(`${o.topic}\u0000${o.partition}`);
        if (r) r.start = Math.min(r.end, Math.max(r.start, o.logStartOffset));
      }
      for (const b of fetched.batches) {
        const r = todo.get(`${b.topic}\u0000${b.partition}`);
        if (!r) continue;
        for (const m of b.messages)
          if (m.offset >= r.start && m.offset < r.end)
            out.push({
              topic: b.topic,
              partition: b.partition,
              offset: m.offset,
              key: m.key,
              value: m.value,
              timestamp: m.timestamp,
            });
        r.start = Math.max(r.start, Math.min(r.end, b.nextOffset));
      }
      for (const [k, r] of todo) if (r.start >= r.end) todo.delete(k);
    }
    return out;
  }

  /** The query has committed the batch: the next one starts at its end (and the query's group says so). */
  async commit(ranges: readonly OffsetRange[]): Promise<void> {
    const offsets = ranges.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.end }));
    for (const o of offsets) this.positions.set(`${o.topic}\u0000${o.partition}`, o);
    if (offsets.length > 0)
      await this.call({ op: 'commit', groupId: this.groupId, generation: -1, offsets, standalone: true });
  }

  /**
   * The batch's rows went through the query (the lab's cost per record; the ledger counts them
   * processed, and aggregated or late), in notes of QUERY_ROWS_PER_NOTE rows, each awaited.
   */
  async took(topic: string, rows: readonly QueryRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += QUERY_ROWS_PER_NOTE)
      await this.call({ op: 'queryRows', topic, rows: rows.slice(i, i + QUERY_ROWS_PER_NOTE) });
  }

  async stop(): Promise<void> {
    await this.call({ op: 'disconnect' });
  }

  /** Tells the host about a finished micro-batch, for the pictures. */
  report(batch: MicroBatchReport): void {
    this.call({ op: 'microBatch', batch }).then(undefined, ignore);
  }

  sleep(ms: number): Promise<unknown> {
    return this.call({ op: 'sleep', ms });
  }
}
