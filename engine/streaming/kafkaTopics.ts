/**
 * The topics of a KafkaJS run: the lab's, the ones created with admin.createTopics, and the ones a
 * send creates on first use (Kafka's auto.create.topics.enable, with the broker's defaults: one
 * partition, one replica).
 */
import type { BrokerCluster } from './brokerCluster';
import type { TopicConfig } from './types';

/** Kafka's broker defaults for a topic created on first use (num.partitions, default.replication.factor). */
const AUTO_TOPIC = { partitions: 1, replicationFactor: 1 };

/** Partitions of all topics together, in this simulation (each keeps a log, a leader and replicas). */
export const MAX_TOTAL_PARTITIONS = 10_000;

export class TopicRegistry {
  private readonly known = new Set<string>();
  /** Partitions of every topic so far. */
  total = 0;

  constructor(private readonly brokers: BrokerCluster) {}

  add(config: TopicConfig): void {
    this.brokers.createTopic(config);
    this.known.add(config.name);
    this.total += config.partitions;
  }

  /** Whether `partitions` more partitions fit within MAX_TOTAL_PARTITIONS. */
  room(partitions: number): boolean {
    return this.total + partitions <= MAX_TOTAL_PARTITIONS;
  }

  /**
   * Creates a topic with the broker's defaults (min.insync.replicas 1; retention.ms seven days,
   * longer than any run, so kept for ever here) unless `config` sets them (null: kept for ever).
   */
  create(
    topic: string,
    partitions: number,
    replicationFactor: number,
    config: { retentionMs?: number | null; minInsyncReplicas?: number } = {},
  ): void {
    this.add({
      name: topic,
      partitions,
      replicationFactor,
      minInsyncReplicas: config.minInsyncReplicas ?? 1,
      retentionMs: config.retentionMs ?? Number.POSITIVE_INFINITY,
      retentionRecords: Number.POSITIVE_INFINITY,
    });
  }

  names(): string[] {
    return [...this.known].sort();
  }

  /** The topic's partition count; a missing topic is created first when `create`, else null. */
  partitionsOf(topic: string, create: boolean): number | null {
    if (this.known.has(topic)) return this.brokers.partitions(topic).length;
    // Past the simulation's partitions, a topic is not created (the send fails as for a missing topic).
    if (!create || !this.room(AUTO_TOPIC.partitions)) return null;
    this.create(topic, AUTO_TOPIC.partitions, AUTO_TOPIC.replicationFactor);
    return AUTO_TOPIC.partitions;
  }

  /** Whether every topic-partition named exists. */
  exist(list: readonly { topic: string; partition: number }[]): boolean {
    return list.every((o) => {
      const n = this.partitionsOf(o.topic, false);
      return n !== null && Number.isInteger(o.partition) && o.partition >= 0 && o.partition < n;
    });
  }
}
