/**
 * A KafkaJS consumer's offsets for the partitions it owns (src/consumer/offsetManager): where the
 * next fetch starts (the position), what was processed (resolved: the next offset to read after
 * it), what the group has committed, and the seeks waiting for the next fetch. Each assignment
 * starts afresh from the group's committed offsets.
 */
import type { TopicPartitionOffset } from './kafkaCalls';

const tp = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export class ConsumerOffsets {
  readonly #positions = new Map<string, TopicPartitionOffset>();
  readonly #resolved = new Map<string, number>();
  readonly #committed = new Map<string, number>();
  readonly #seeks = new Map<string, TopicPartitionOffset>();

  /** A new assignment: each partition starts at `start`; `committed` is the group's offset, or -1. */
  assign(list: readonly { topic: string; partition: number; start: number; committed: number }[]): void {
    this.#positions.clear();
    this.#resolved.clear();
    this.#committed.clear();
    for (const p of list) {
      this.#positions.set(tp(p.topic, p.partition), { topic: p.topic, partition: p.partition, offset: p.start });
      if (p.committed >= 0) this.#committed.set(tp(p.topic, p.partition), p.committed);
    }
  }

  /** The owned partitions with their positions. */
  all(): TopicPartitionOffset[] {
    return [...this.#positions.values()];
  }

  owns(topic: string, partition: number): boolean {
    return this.#positions.has(tp(topic, partition));
  }

  position(topic: string, partition: number): number | undefined {
    return this.#positions.get(tp(topic, partition))?.offset;
  }

  /** Processed up to `next` (exclusive): the position and the resolved offset move forward to it. */
  resolve(topic: string, partition: number, next: number): void {
    const p = this.#positions.get(tp(topic, partition));
    if (!p) return;
    if (next > p.offset) p.offset = next;
    if (next > (this.#resolved.get(tp(topic, partition)) ?? -1)) this.#resolved.set(tp(topic, partition), next);
  }

  /** A seek applied: the position and the resolved offset are `offset`, backwards too. */
  moveTo(topic: string, partition: number, offset: number): void {
    const p = this.#positions.get(tp(topic, partition));
    if (!p) return;
    p.offset = offset;
    this.#resolved.set(tp(topic, partition), offset);
  }

  /** The processed offsets not committed yet. */
  uncommitted(): TopicPartitionOffset[] {
    const out: TopicPartitionOffset[] = [];
    for (const [key, offset] of this.#resolved)
      if (this.#committed.get(key) !== offset) {
        const p = this.#positions.get(key)!;
        out.push({ topic: p.topic, partition: p.partition, offset });
      }
    return out;
  }

  /** Resolved but uncommitted messages, summed over the partitions (autoCommitThreshold counts them). */
  uncommittedCount(): number {
    return this.uncommitted().reduce(
      (n, p) => n + (p.offset - (this.#committed.get(tp(p.topic, p.partition)) ?? 0)),
      0,
    );
  }

  committed(list: readonly TopicPartitionOffset[]): void {
    for (const o of list) this.#committed.set(tp(o.topic, o.partition), o.offset);
  }

  seek(target: TopicPartitionOffset): void {
    this.#seeks.set(tp(target.topic, target.partition), target);
  }

  hasSeek(topic: string, partition: number): boolean {
    return this.#seeks.has(tp(topic, partition));
  }

  get seeking(): boolean {
    return this.#seeks.size > 0;
  }

  /** The seeks for owned partitions, taken; the others wait until their partition is assigned (as KafkaJS's do). */
  takeSeeks(): TopicPartitionOffset[] {
    const taken: TopicPartitionOffset[] = [];
    for (const [key, seek] of this.#seeks)
      if (this.#positions.has(key)) {
        taken.push(seek);
        this.#seeks.delete(key);
      }
    return taken;
  }
}
