/**
 * What KafkaJS's consumer takes and hands out (types/index.d.ts): its options, the run's options,
 * the messages (keys, values and headers as Buffers, offsets and timestamps as strings) and the
 * payloads of eachMessage and eachBatch.
 */
import { KafkaBuffer } from './kafkaBuffer';
import type { FetchAnswer, TopicPartitionOffset } from './kafkaCalls';

export interface ConsumerConfig {
  groupId: string;
  sessionTimeout?: number;
  rebalanceTimeout?: number;
  heartbeatInterval?: number;
  maxBytesPerPartition?: number;
  minBytes?: number;
  maxBytes?: number;
  maxWaitTimeInMs?: number;
  readUncommitted?: boolean;
  allowAutoTopicCreation?: boolean;
  retry?: { retries?: number; initialRetryTime?: number; multiplier?: number; maxRetryTime?: number };
}

export interface KafkaMessage {
  key: KafkaBuffer | null;
  value: KafkaBuffer | null;
  timestamp: string;
  attributes: number;
  offset: string;
  headers: Record<string, KafkaBuffer | KafkaBuffer[]>;
}

export interface EachMessagePayload {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat(): Promise<void>;
  pause(): () => void;
}

export interface Batch {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: KafkaMessage[];
  isEmpty(): boolean;
  firstOffset(): string | null;
  lastOffset(): string;
  offsetLag(): string;
  offsetLagLow(): string;
}

export interface EachBatchPayload {
  batch: Batch;
  resolveOffset(offset: string): void;
  heartbeat(): Promise<void>;
  pause(): () => void;
  commitOffsetsIfNecessary(offsets?: unknown): Promise<void>;
  uncommittedOffsets(): { topics: { topic: string; partitions: { partition: number; offset: string }[] }[] };
  isRunning(): boolean;
  isStale(): boolean;
}

export interface ConsumerRunConfig {
  autoCommit?: boolean;
  autoCommitInterval?: number | null;
  autoCommitThreshold?: number | null;
  eachBatchAutoResolve?: boolean;
  partitionsConsumedConcurrently?: number;
  eachMessage?: (payload: EachMessagePayload) => Promise<void>;
  eachBatch?: (payload: EachBatchPayload) => Promise<void>;
}

export function toKafkaMessage(m: FetchAnswer['batches'][number]['messages'][number]): KafkaMessage {
  const headers: Record<string, KafkaBuffer | KafkaBuffer[]> = {};
  for (const [k, values] of Object.entries(m.headers)) {
    const buffers = values.map((v) => KafkaBuffer.fromText(v));
    headers[k] = buffers.length === 1 ? buffers[0]! : buffers;
  }
  return {
    key: m.key === null ? null : KafkaBuffer.fromText(m.key),
    value: m.value === null ? null : KafkaBuffer.fromText(m.value),
    timestamp: String(m.timestamp),
    attributes: 0,
    offset: String(m.offset),
    headers,
  };
}

export function groupByTopic(
  list: TopicPartitionOffset[],
): { topic: string; partitions: { partition: number; offset: string }[] }[] {
  const out = new Map<string, { partition: number; offset: string }[]>();
  for (const o of list) {
    const ps = out.get(o.topic) ?? [];
    ps.push({ partition: o.partition, offset: String(o.offset) });
    out.set(o.topic, ps);
  }
  return [...out].map(([topic, partitions]) => ({ topic, partitions }));
}
