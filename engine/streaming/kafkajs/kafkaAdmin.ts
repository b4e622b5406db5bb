/**
 * KafkaJS's admin client (src/admin): `createTopics`, `listTopics`, `fetchTopicOffsets`,
 * `fetchOffsets`, with KafkaJS's shapes (offsets as strings).
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';
import { MAX_TOPIC_PARTITIONS, topicNameProblem } from '../kafkaLimits';
import type { KafkaRequest, KafkaTransport } from './kafkaCalls';

export interface ITopicConfig {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
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
      return { topic: t.topic, numPartitions, replicationFactor };
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
