/**
 * Kafka's default partitioning (the Java client's and KafkaJS 2's DefaultPartitioner): a keyed
 * record goes to `toPositive(murmur2(utf8(key))) % partitions`, so the same key always lands in
 * the same partition and records of one car or one card stay in order; keyless records are spread
 * over the partitions in turn (KafkaJS: one message at a time; it starts at a random partition,
 * here at the one the caller gives, from a seeded Rng).
 */
import { encodeUtf8 } from '../core/utf8';

/**
 * Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2, seed 0x9747b28c) of `data`, as a
 * signed 32-bit integer.
 */
export function murmur2(data: Uint8Array): number {
  const m = 0x5bd1e995;
  const length = data.length;
  let h = (0x9747b28c ^ length) | 0;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = data[i4]! | (data[i4 + 1]! << 8) | (data[i4 + 2]! << 16) | (data[i4 + 3]! << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  // The last one to three bytes (Java's switch falling through from case 3 to case 1).
  const tail = length & ~3;
  const rest = length & 3;
  if (rest >= 3) h ^= data[tail + 2]! << 16;
  if (rest >= 2) h ^= data[tail + 1]! << 8;
  if (rest >= 1) {
    h ^= data[tail]!;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: the number with its sign bit cleared. */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition of `key` among `partitions` partitions (Kafka's default partitioner). */
export function partitionForKey(key: string, partitions: number): number {
  return toPositive(murmur2(encodeUtf8(key))) % partitions;
}

/** Spreads keyless records over partitions in turn, one record at a time, from partition `start`. */
export class KeylessPartitioner {
  private next: number;

  constructor(
    private readonly partitions: number,
    start = 0,
  ) {
    this.next = ((start % partitions) + partitions) % partitions;
  }

  nextPartition(): number {
    const p = this.next;
    this.next = (this.next + 1) % this.partitions;
    return p;
  }
}
