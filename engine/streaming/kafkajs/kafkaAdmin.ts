/**
 * KafkaJS's admin client (src/admin): `createTopics`, `listTopics`, `fetchTopicOffsets`,
 * `fetchOffsets`, with KafkaJS's shapes (offsets as strings).
 */
import { KafkaJSCreateTopicError, KafkaJSNonRetriableError, topicCreationErrors } from './kafkaErrors';
import { MAX_TOPIC_PARTITIONS, topicNameProblem } from '../kafkaLimits';
import type { KafkaRequest, KafkaTransport } from './kafkaCalls';

export interface ITopicConfig {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  /** Topic configs as Kafka names them (`retention.ms`, `min.insync.replicas`, `cleanup.policy`), values as strings. */
  configEntries?: { name: string; value: string }[];
}

/** An invalid topic config, as the broker answers it (KafkaJS throws an aggregate of such errors from createTopics). */
class InvalidConfig extends Error {}

/** Java's Long.MAX_VALUE, the largest value of a LONG config. */
const LONG_MAX = 9223372036854775807n;

/** A config value as Kafka parses a number (Long.parseLong after trimming), or why it is not one. */
function parseWhole(value: string, type: 'LONG' | 'INT'): bigint | string {
  const v = value.trim();
  if (!/^[+-]?\d{1,25}$/.test(v)) return `Not a number of type ${type}`;
  const n = BigInt(v);
  const max = type === 'LONG' ? LONG_MAX : 2147483647n;
  if (n > max || n < -max - 1n) return `Not a number of type ${type}`;
  return n;
}

/** The topic configs this simulation applies; refuses an unknown name or a value Kafka refuses. */
function topicConfig(t: ITopicConfig): { retentionMs?: number | null; minInsyncReplicas?: number } {
  const entries = t.configEntries;
  if (entries === undefined) return {};
  if (!Array.isArray(entries))
    throw new KafkaJSNonRetriableError(
      `Invalid configEntries for topic "${t.topic}": expected an array of { name, value }`,
    );
  const out: { retentionMs?: number | null; minInsyncReplicas?: number } = {};
  const invalid = (name: string, value: string, why: string) =>
    new InvalidConfig(`Invalid value ${value} for configuration ${name}: ${why}`);
  entries.forEach((e: unknown, i) => {
    const { name, value } = (e ?? {}) as { name?: unknown; value?: unknown };
    if (typeof name !== 'string' || typeof value !== 'string')
      throw new KafkaJSNonRetriableError(
        `Invalid configEntries[${i}] for topic "${t.topic}": each entry is { name: string, value: string }`,
      );
    switch (name) {
      case 'retention.ms': {
        const n = parseWhole(value, 'LONG');
        if (typeof n === 'string') throw invalid(name, value, n);
        if (n < -1n) throw invalid(name, value, 'Value must be at least -1');
        // -1, or more milliseconds than a run could ever last: kept for ever.
        out.retentionMs = n === -1n || n > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(n);
        return;
      }
      case 'min.insync.replicas': {
        const n = parseWhole(value, 'INT');
        if (typeof n === 'string') throw invalid(name, value, n);
        if (n < 1n) throw invalid(name, value, 'Value must be at least 1');
        // More than the replicas is accepted, as by Kafka: every acks -1 write then fails (NOT_ENOUGH_REPLICAS).
        out.minInsyncReplicas = Number(n);
        return;
      }
      case 'cleanup.policy': {
        const policies = value.split(',').map((p) => p.trim().toLowerCase());
        if (policies.some((p) => p !== 'delete' && p !== 'compact'))
          throw invalid(name, value, 'String must be one of: compact, delete');
        if (policies.includes('compact'))
          throw new InvalidConfig(
            `cleanup.policy ${value} for topic "${t.topic}": this simulation keeps cleanup.policy=delete only (no log compaction)`,
          );
        return;
      }
      default:
        throw new InvalidConfig(
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
      try {
        return { topic: t.topic, numPartitions, replicationFactor, ...topicConfig(t) };
      } catch (error) {
        if (!(error instanceof InvalidConfig)) throw error;
        throw topicCreationErrors([new KafkaJSCreateTopicError(error.message, 'INVALID_CONFIG', t.topic)]);
      }
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
