/**
 * Kafka's default partitioning (the Java client's and KafkaJS 2's DefaultPartitioner): a keyed
 * record goes to `toPositive(murmur2(utf8(key))) % partitions`, so the same key always lands in
 * the same partition and records of one car or one card stay in order; keyless records are spread
 * over the partitions in turn (KafkaJS: one message at a time; it starts at a random partition,
 * here at the one the caller gives, from a seeded Rng).
 */

/**
 * Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2, seed 0x9747b28c) of the first
 * `length` bytes of `data` (all of them by default), as a signed 32-bit integer.
 */
export function murmur2(data: Uint8Array, length = data.length): number {
  const m = 0x5bd1e995;
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

/** Scratch space for a key's UTF-8 bytes: a producer hashes every record's key, so no array per key. */
let scratch = new Uint8Array(256);

/**
 * Writes `text` as UTF-8 into `scratch` (grown when needed) and returns the byte count: the bytes
 * TextEncoder gives, a lone surrogate included (as U+FFFD), without allocating per call.
 */
function utf8IntoScratch(text: string): number {
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const out = scratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 0x3f);
        out[n++] = 0x80 | ((c >> 6) & 0x3f);
        out[n++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd; // a lone surrogate: TextEncoder writes the replacement character
    }
    out[n++] = 0xe0 | (c >> 12);
    out[n++] = 0x80 | ((c >> 6) & 0x3f);
    out[n++] = 0x80 | (c & 0x3f);
  }
  return n;
}

/** The partition of `key` among `partitions` partitions (Kafka's default partitioner). */
export function partitionForKey(key: string, partitions: number): number {
  const length = utf8IntoScratch(key);
  return toPositive(murmur2(scratch, length)) % partitions;
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
