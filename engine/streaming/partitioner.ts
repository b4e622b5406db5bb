/**
 * Keyed partitioning: the same key always lands in the same partition, so records of one car
 * or one card stay in order. FNV-1a stands in for Kafka's murmur2; both are deterministic.
 */
import { hashString } from '../core/rng';

/** The partition of `key` among `partitions` partitions. */
export function partitionForKey(key: string, partitions: number): number {
  return hashString(key) % partitions;
}

/** Spreads keyless records over partitions in turn, like Kafka's round-robin partitioner. */
export class KeylessPartitioner {
  private next = 0;

  constructor(private readonly partitions: number) {}

  nextPartition(): number {
    const p = this.next;
    this.next = (this.next + 1) % this.partitions;
    return p;
  }
}
