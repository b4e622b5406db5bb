/**
 * The steps of MurmurHash3 (x86, 32-bit) that Scala's MurmurHash3 (tuple hashCodes, for RDD
 * partitioning) and Spark SQL's Murmur3_x86_32 (Exchange hashpartitioning) are built from.
 */
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** A 32-bit block scrambled before it is mixed in. */
export const mixK1 = (k: number): number => Math.imul(rotl(Math.imul(k, C1), 15), C2);

/** The running hash with a scrambled block mixed in. */
export const mixH1 = (h: number, k: number): number => (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0;

/** The finalization: the length mixed in, then the avalanche. */
export function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
