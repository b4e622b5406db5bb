/**
 * KafkaJS's admin client (src/admin): `createTopics`, `listTopics`, `fetchTopicOffsets`,
 * `fetchOffsets`, with KafkaJS's shapes (offsets as strings).
 */
import { KafkaJSNonRetriableError, KafkaJSProtocolError } from './kafkaErrors';
import { MAX_TOPIC_PARTITIONS, topicNameProblem } from '../kafkaLimits';
import type { KafkaRequest, KafkaTransport } from './kafkaCalls';

export interface ITopicConfig {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  /** Topic configs as Kafka names them (`retention.ms`, `min.insync.replicas`, `cleanup.policy`), values as strings. */
  configEntries?: { name: string; value: string }[];
}

/** An invalid topic config, as the broker answers it (KafkaJS throws it from createTopics). */
function invalidConfig(message: string): KafkaJSProtocolError {
  return new KafkaJSProtocolError(message, 'INVALID_CONFIG', false);
}

/** The topic configs this simulation applies; refuses an unknown name or a value Kafka refuses. */
function topicConfig(
  t: ITopicConfig,
  replicationFactor: number,
): { retentionMs?: number | null; minInsyncReplicas?: number } {
  const entries = t.configEntries;
  if (entries === undefined) return {};
  if (!Array.isArray(entries))
    throw new KafkaJSNonRetriableError(
      `Invalid configEntries for topic "${t.topic}": expected an array of { name, value }`,
    );
  const out: { retentionMs?: number | null; minInsyncReplicas?: number } = {};
  entries.forEach((e: unknown, i) => {
    const { name, value } = (e ?? {}) as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || typeof value !== 'string')
      throw new KafkaJSNonRetriableError(
        `Invalid configEntries[${i}] for topic "${t.topic}": each entry is { name: string, value: string }`,
      );
    const n = /^-?\d{1,16}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    switch (name) {
      case 'retention.ms':
        if (!Number.isSafeInteger(n) || n < -1)
          throw invalidConfig(`Invalid value ${value} for configuration retention.ms: Value must be at least -1`);
        out.retentionMs = n === -1 ? null : n;
        return;
      case 'min.insync.replicas':
        if (!Number.isSafeInteger(n) || n < 1)
          throw invalidConfig(`Invalid value ${value} for configuration min.insync.replicas: Value must be at least 1`);
        if (n > replicationFactor)
          throw invalidConfig(
            `min.insync.replicas ${n} for topic "${t.topic}" exceeds its replicationFactor ${replicationFactor}: no write with acks -1 could ever succeed`,
          );
        out.minInsyncReplicas = n;
        return;
      case 'cleanup.policy':
        if (value !== 'delete')
          throw invalidConfig(
            `cleanup.policy ${value} for topic "${t.topic}": this simulation keeps cleanup.policy=delete only (no log compaction)`,
          );
        return;
      default:
        throw invalidConfig(
          `Unknown topic config name: ${name} (this simulation applies retention.ms, min.insync.replicas and cleanup.policy)`,
        );
    }
  });
  return out;
}

export class KafkaAdmin {
  readonly #transport: KafkaTransport;
  readonly #client: number;

  constructor(transport: KafkaTransport, clientId: string) {
    this.#transport = transport;
    this.#client = transport.open('admin', clientId);
  }

  #call(request: KafkaRequest): Promise<unknown> {
    return this.#transport.call(this.#client, request);
  }

  async connect(): Promise<void> {
    await this.#call({ op: 'connect' });
  }

  async disconnect(): Promise<void> {
    await this.#call({ op: 'disconnect' });
  }

  /** Creates the topics; resolves to false when every one of them existed already (KafkaJS does not throw then). */
  async createTopics(options: {
    topics: ITopicConfig[];
    validateOnly?: boolean;
    waitForLeaders?: boolean;
  }): Promise<boolean> {
    const topics = options?.topics;
    if (!Array.isArray(topics)) throw new KafkaJSNonRetriableError(`Invalid topics array ${String(topics)}`);
    const list = topics.map((t) => {
      if (typeof t?.topic !== 'string' || t.topic === '')
        throw new KafkaJSNonRetriableError(`Invalid topics array, the topic names have to be a valid string`);
      const bad = topicNameProblem(t.topic);
      if (bad !== null) throw new KafkaJSNonRetriableError(bad);
      // -1 (KafkaJS 2's default) or nothing: the broker's defaults (num.partitions, default.replication.factor).
      const numPartitions = t.numPartitions === undefined || t.numPartitions === -1 ? 1 : t.numPartitions;
      const replicationFactor =
        t.replicationFactor === undefined || t.replicationFactor === -1 ? 1 : t.replicationFactor;
      if (!Number.isInteger(numPartitions) || numPartitions < 1)
        throw new KafkaJSNonRetriableError(`Invalid numPartitions ${String(t.numPartitions)} for topic "${t.topic}"`);
      if (numPartitions > MAX_TOPIC_PARTITIONS)
        throw new KafkaJSNonRetriableError(
          `Invalid numPartitions ${numPartitions} for topic "${t.topic}": this simulation allows at most ${MAX_TOPIC_PARTITIONS} partitions a topic`,
        );
      if (!Number.isInteger(replicationFactor) || replicationFactor < 1 || replicationFactor > 1000)
        throw new KafkaJSNonRetriableError(
          `Invalid replicationFactor ${String(t.replicationFactor)} for topic "${t.topic}"`,
        );
      return { topic: t.topic, numPartitions, replicationFactor, ...topicConfig(t, replicationFactor) };
    });
    if (new Set(list.map((t) => t.topic)).size !== list.length)
      throw new KafkaJSNonRetriableError('Invalid topics array, it cannot have multiple entries for the same topic');
    if (options.validateOnly) return true;
    return (await this.#call({ op: 'createTopics', topics: list })) as boolean;
  }

  async listTopics(): Promise<string[]> {
    return (await this.#call({ op: 'listTopics' })) as string[];
  }

  /** Each partition's high watermark (offset, high) and log start (low), as strings. */
  async fetchTopicOffsets(topic: string): Promise<{ partition: number; offset: string; high: string; low: string }[]> {
    if (topicNameProblem(topic) !== null) throw new KafkaJSNonRetriableError(topicNameProblem(topic)!);
    const offsets = (await this.#call({ op: 'fetchTopicOffsets', topic })) as {
      partition: number;
      offset: number;
      high: number;
      low: number;
    }[];
    return offsets.map((o) => ({
      partition: o.partition,
      offset: String(o.offset),
      high: String(o.high),
      low: String(o.low),
    }));
  }

  /** The group's committed offsets per topic and partition ('-1' where nothing is committed). */
  async fetchOffsets(options: {
    groupId: string;
    topics?: string[];
  }): Promise<{ topic: string; partitions: { partition: number; offset: string; metadata: string | null }[] }[]> {
    if (typeof options?.groupId !== 'string' || options.groupId === '')
      throw new KafkaJSNonRetriableError(`Invalid groupId ${String(options?.groupId)}`);
    const topics = options.topics ?? [];
    const result = (await this.#call({ op: 'fetchOffsets', groupId: options.groupId, topics })) as {
      topic: string;
      partitions: { partition: number; offset: number }[];
    }[];
    return result.map((t) => ({
      topic: t.topic,
      partitions: t.partitions.map((p) => ({ partition: p.partition, offset: String(p.offset), metadata: null })),
    }));
  }
}
