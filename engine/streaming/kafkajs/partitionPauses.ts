/**
 * KafkaJS's consumer.pause and resume (src/consumer/subscriptionState.js): per topic, either all
 * of it paused (except partitions resumed since), or some partitions. A paused partition is not
 * fetched, and the rest of its batch in hand is skipped (fetched again after resume). Checks and
 * messages as KafkaJS's.
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';

type TopicPartitions = { topic: string; partitions?: number[] };

interface TopicState {
  all: boolean;
  paused: Set<number>;
  resumed: Set<number>;
}

export class PartitionPauses {
  readonly #topics = new Map<string, TopicState>();

  pause(list: TopicPartitions[]): void {
    for (const { topic, partitions } of checked(list, 'pause')) {
      const state = this.#state(topic);
      if (partitions === undefined) {
        state.paused.clear();
        state.resumed.clear();
        state.all = true;
      } else {
        for (const p of partitions) {
          state.paused.add(p);
          state.resumed.delete(p);
        }
        state.all = false;
      }
    }
  }

  resume(list: TopicPartitions[]): void {
    for (const { topic, partitions } of checked(list, 'resume')) {
      const state = this.#state(topic);
      if (partitions === undefined) {
        state.paused.clear();
        state.resumed.clear();
        state.all = false;
      } else
        for (const p of partitions) {
          state.paused.delete(p);
          if (state.all) state.resumed.add(p);
        }
    }
  }

  has(topic: string, partition: number): boolean {
    const state = this.#topics.get(topic);
    if (!state) return false;
    return (state.all && !state.resumed.has(partition)) || state.paused.has(partition);
  }

  /** Of `owned`, the paused ones, per topic (KafkaJS's consumer.paused()). */
  among(owned: readonly { topic: string; partition: number }[]): { topic: string; partitions: number[] }[] {
    const byTopic = new Map<string, number[]>();
    for (const p of owned)
      if (this.has(p.topic, p.partition)) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
    return [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
  }

  #state(topic: string): TopicState {
    let state = this.#topics.get(topic);
    if (!state) this.#topics.set(topic, (state = { all: false, paused: new Set(), resumed: new Set() }));
    return state;
  }
}

function checked(list: TopicPartitions[], what: 'pause' | 'resume'): TopicPartitions[] {
  if (!Array.isArray(list)) throw new KafkaJSNonRetriableError(`Invalid topics array ${String(list)}`);
  return list.map((item) => {
    const topic = (item as TopicPartitions | null)?.topic;
    if (typeof topic !== 'string') throw new KafkaJSNonRetriableError(`Invalid topic ${String(topic)}`);
    const partitions = item.partitions;
    if (partitions !== undefined && (!Array.isArray(partitions) || !partitions.every((p) => Number.isInteger(p))))
      throw new KafkaJSNonRetriableError(
        `Array of valid partitions required to ${what} specific partitions instead of ${String(partitions)}`,
      );
    return { topic, ...(partitions !== undefined ? { partitions } : {}) };
  });
}
