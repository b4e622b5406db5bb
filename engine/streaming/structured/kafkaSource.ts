/**
 * Spark's Kafka source (spark-sql-kafka-0-10) on ClusterLab's simulated Kafka: each micro-batch
 * reads every partition from where the last batch ended up to the latest offsets the brokers
 * have (at most maxOffsetsPerTrigger in all, shared over the partitions by their backlog), as one
 * consumer in a group of its own (`spark-kafka-source-<query>`). Spark keeps the offsets in the
 * query's checkpoint; here they are also committed to that group, so the tapes and the lag show
 * how far the query has read.
 */
import type {
  FetchAnswer,
  JoinAnswer,
  KafkaTransport,
  MicroBatchReport,
  TopicPartitionOffset,
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

const SESSION_TIMEOUT = 30_000;
/** A note to the host whose answer nobody waits for (a crashed query's is never answered). */
const ignore = () => undefined;
const HEARTBEAT_EVERY = 3_000;

export class KafkaSource {
  private readonly client: number;
  private readonly groupId: string;
  private generation = -1;
  private readonly positions = new Map<string, TopicPartitionOffset>();
  private lastHeartbeat = 0;

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

  /** Connects and takes every partition of the topics; the first batch starts at `startingOffsets`. */
  async start(): Promise<void> {
    await this.call({ op: 'connect' });
    await this.join();
  }

  private async join(): Promise<void> {
    const joined = (await this.call({
      op: 'join',
      groupId: this.groupId,
      topics: this.options.topics,
      sessionTimeout: SESSION_TIMEOUT,
      rebalanceTimeout: SESSION_TIMEOUT * 2,
    })) as JoinAnswer;
    this.generation = joined.generation;
    this.lastHeartbeat = this.transport.now();
    for (const b of joined.bounds) {
      const k = `${b.topic}\u0000${b.partition}`;
      if (this.positions.has(k)) continue;
      const committed = joined.committed.find((c) => c.topic === b.topic && c.partition === b.partition);
      const offset =
        committed && committed.offset >= 0
          ? committed.offset
          : this.options.startingOffsets === 'earliest'
            ? b.logStartOffset
            : b.highWatermark;
      this.positions.set(k, { topic: b.topic, partition: b.partition, offset });
    }
  }

  /** Keeps the group's session while the query waits for its next trigger. */
  async heartbeat(): Promise<void> {
    if (this.transport.now() - this.lastHeartbeat < HEARTBEAT_EVERY) return;
    this.lastHeartbeat = this.transport.now();
    try {
      await this.call({ op: 'heartbeat', groupId: this.groupId });
    } catch {
      await this.join();
    }
  }

  /** The next batch's ranges: from the current positions to the latest offsets, within maxOffsetsPerTrigger. */
  async plan(): Promise<OffsetRange[]> {
    const ranges: OffsetRange[] = [];
    for (const topic of this.options.topics) {
      const latest = (await this.call({ op: 'fetchTopicOffsets', topic })) as {
        partition: number;
        high: number;
        low: number;
      }[];
      for (const p of latest) {
        const pos = this.positions.get(`${topic}\u0000${p.partition}`);
        if (!pos) continue;
        // Records retention deleted before the query read them are skipped (failOnDataLoss=false).
        const start = Math.max(pos.offset, p.low);
        ranges.push({ topic, partition: p.partition, start, end: Math.max(start, p.high) });
      }
    }
    const limit = this.options.maxOffsetsPerTrigger;
    const total = ranges.reduce((n, r) => n + r.end - r.start, 0);
    if (limit !== null && total > limit) {
      // Spark's rateLimit: each partition gets its share of the limit by its backlog.
      for (const r of ranges) r.end = r.start + Math.floor(((r.end - r.start) * limit) / total);
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
        groupId: this.groupId,
        generation: this.generation,
        positions: [...todo.values()].map((r) => ({ topic: r.topic, partition: r.partition, offset: r.start })),
        maxWaitTimeInMs: 500,
        maxBytesPerPartition: 1_048_576,
        readCommitted: false,
      })) as FetchAnswer;
      if (fetched.rebalancing) {
        await this.join();
        continue;
      }
      for (const o of fetched.outOfRange) {
        const r = todo.get(`${o.topic}\u0000${o.partition}`);
        if (r) r.start = Math.min(r.end, Math.max(r.start, o.logStartOffset));
      }
      for (const b of fetched.batches) {
        const k = `${b.topic}\u0000${b.partition}`;
        const r = todo.get(k);
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

  /** The query has committed the batch: the next one starts at its end (and the group says so). */
  async commit(ranges: readonly OffsetRange[]): Promise<void> {
    const offsets = ranges.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.end }));
    for (const o of offsets) this.positions.set(`${o.topic}\u0000${o.partition}`, o);
    if (offsets.length > 0)
      await this.call({ op: 'commit', groupId: this.groupId, generation: this.generation, offsets });
  }

  /** The record goes through the query's processing (the lab's cost per record; the ledger counts it). */
  processed(r: SourceRecord): void {
    this.call({ op: 'processed', topic: r.topic, partition: r.partition, offset: r.offset }).then(undefined, ignore);
  }

  /** The record went into the aggregation's windows, or was dropped as late by the watermark. */
  aggregated(r: SourceRecord, eventTime: number | null, late: boolean): void {
    this.call({ op: 'aggregated', topic: r.topic, partition: r.partition, offset: r.offset, eventTime, late }).then(
      undefined,
      ignore,
    );
  }

  async stop(): Promise<void> {
    await this.call({ op: 'leave', groupId: this.groupId });
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
