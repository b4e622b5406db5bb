/**
 * The partitions and offsets learners pass to commitOffsets, seek-like calls and sendOffsets,
 * checked as KafkaJS checks them (offsets as its Long reads them: whole numbers, or strings of
 * decimal digits), with KafkaJS's messages.
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';
import type { TopicPartitionOffset } from './kafkaCalls';

/** KafkaJS's `{ topics: [{ topic, partitions: [{ partition, offset }] }] }` as a list, each offset checked. */
export function offsetList(value: unknown): TopicPartitionOffset[] {
  const topics = (value as { topics?: unknown } | null)?.topics;
  if (!Array.isArray(topics)) throw new KafkaJSNonRetriableError('Invalid offsets: expected { topics: [...] }');
  return topics.flatMap((t: { topic?: unknown; partitions?: unknown }) => {
    if (typeof t?.topic !== 'string' || !Array.isArray(t.partitions))
      throw new KafkaJSNonRetriableError(
        'Invalid offsets: each topic is { topic, partitions: [{ partition, offset }] }',
      );
    return t.partitions.map((p: { partition?: unknown; offset?: unknown }) => ({
      topic: t.topic as string,
      partition: parsePartition(p?.partition),
      offset: parseOffset(p?.offset),
    }));
  });
}

/** A partition number, as KafkaJS checks it. */
export function parsePartition(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new KafkaJSNonRetriableError(`Invalid partition, expected a number received ${String(value)}`);
  return value;
}

/** An offset as KafkaJS's Long takes it: a whole number, or a string of decimal digits; not negative. */
export function parseOffset(value: unknown): number {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n))
    throw new KafkaJSNonRetriableError(`Invalid offset, expected a long received ${String(value)}`);
  if (n < 0) throw new KafkaJSNonRetriableError('Offset must not be a negative number');
  return n;
}
