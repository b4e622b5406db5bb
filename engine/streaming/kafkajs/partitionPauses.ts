/**
 * KafkaJS's consumer.pause and resume (src/consumer/subscriptionState.js): a topic paused whole,
 * or some of its partitions; a paused partition is not fetched, and the rest of its batch in hand
 * is skipped (fetched again after resume). Checks and messages as KafkaJS's.
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';

type TopicPartitions = { topic: string; partitions?: number[] };

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class PartitionPauses {
  readonly #partitions = new Set<string>();
  readonly #topics = new Set<string>();

  pause(list: TopicPartitions[]): void {
    this.#change(list, true);
  }

  resume(list: TopicPartitions[]): void {
    this.#change(list, false);
  }

  has(topic: string, partition: number): boolean {
    return this.#topics.has(topic) || this.#partitions.has(key(topic, partition));
  }

  /** Of `owned`, the paused ones, per topic (KafkaJS's consumer.paused()). */
  among(owned: readonly { topic: string; partition: number }[]): { topic: string; partitions: number[] }[] {
    const byTopic = new Map<string, number[]>();
    for (const p of owned)
      if (this.has(p.topic, p.partition)) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
    return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
  }

  #change(list: TopicPartitions[], pause: boolean): void {
    if (!Array.isArray(list)) throw new KafkaJSNonRetriableError(`Invalid topics array ${String(list)}`);
    for (const item of list) {
      const topic = (item as TopicPartitions | null)?.topic;
      if (typeof topic !== 'string') throw new KafkaJSNonRetriableError(`Invalid topic ${String(topic)}`);
      const partitions = item.partitions;
      if (partitions === undefined) {
        if (pause) this.#topics.add(topic);
        else {
          this.#topics.delete(topic);
          for (const k of [...this.#partitions]) if (k.startsWith(`${topic}\u0000`)) this.#partitions.delete(k);
        }
        continue;
      }
      if (!Array.isArray(partitions) || !partitions.every((p) => Number.isInteger(p)))
        throw new KafkaJSNonRetriableError(
          `Array of valid partitions required to ${pause ? 'pause' : 'resume'} specific partitions instead of ${String(partitions)}`,
        );
      for (const p of partitions) {
        if (pause) this.#partitions.add(key(topic, p));
        else this.#partitions.delete(key(topic, p));
      }
    }
  }
}
