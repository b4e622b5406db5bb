/**
 * Spark SQL's hash partitioning: an Exchange hashpartitioning(keys, n) sends a row to
 * pmod(Murmur3Hash(keys, seed 42), n), where each key is hashed by its column type
 * (Murmur3_x86_32.hashInt / hashLong / hashUnsafeBytes) and feeds the next key as its seed; a
 * null key leaves the hash as it is. This is Spark SQL's `hash()` function too: hash(1) is
 * -559580957. (RDDs partition by the Java hashCode instead: engine/spark/hashPartitioner.ts.)
 */
import { encodeUtf8 } from '../../core';
import type { Partitioner } from '../hashPartitioner';
import type { DataType } from './column';
import { fmix, mixH1, mixK1 } from '../murmurHash3';

export function hashInt(value: number, seed: number): number {
  return fmix(mixH1(seed, mixK1(value | 0)), 4);
}

/** A long given as its low and high 32-bit halves. */
function hashLongHalves(low: number, high: number, seed: number): number {
  return fmix(mixH1(mixH1(seed, mixK1(low)), mixK1(high)), 8);
}

export function hashLong(value: number, seed: number): number {
  const big = BigInt.asIntN(64, BigInt(Math.trunc(value)));
  return hashLongHalves(Number(BigInt.asIntN(32, big)), Number(BigInt.asIntN(32, big >> 32n)), seed);
}

const doubleBits = new DataView(new ArrayBuffer(8));

/** Spark hashes a double by its bits (java.lang.Double.doubleToLongBits), -0.0 as 0.0. */
export function hashDouble(value: number, seed: number): number {
  doubleBits.setFloat64(0, value === 0 ? 0 : value, true);
  return hashLongHalves(doubleBits.getInt32(0, true), doubleBits.getInt32(4, true), seed);
}

/** Murmur3_x86_32.hashUnsafeBytes: 4-byte little-endian words, then each remaining byte on its own. */
export function hashBytes(bytes: Uint8Array, seed: number): number {
  let h = seed;
  const aligned = bytes.length - (bytes.length % 4);
  for (let i = 0; i < aligned; i += 4)
    h = mixH1(h, mixK1(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)));
  for (let i = aligned; i < bytes.length; i++) h = mixH1(h, mixK1((bytes[i]! << 24) >> 24));
  return fmix(h, bytes.length);
}

/** Spark SQL's Murmur3Hash of one value of a column type, with the running hash as seed. */
function hashValue(value: unknown, type: DataType, seed: number): number {
  if (value === null || value === undefined) return seed;
  switch (type) {
    case 'integer':
      return hashInt(Number(value), seed);
    case 'long':
      return hashLong(Number(value), seed);
    case 'double':
      return hashDouble(Number(value), seed);
    case 'timestamp': // microseconds in Spark
      return hashLong(Number(value) * 1000, seed);
    case 'boolean':
      return hashInt(value ? 1 : 0, seed);
    default:
      return hashBytes(encodeUtf8(typeof value === 'string' ? value : String(value)), seed);
  }
}

/** Spark SQL's hash(keys...) with seed 42. */
export function murmur3Hash(values: readonly unknown[], types: readonly DataType[]): number {
  let h = 42;
  for (let i = 0; i < values.length; i++) h = hashValue(values[i], types[i] ?? 'string', h);
  return h;
}

/**
 * The type both sides of a join hash a key as: Spark casts the join keys to a common type first
 * (integer with long is long, a number with double is double), so equal keys meet.
 */
export function commonKeyType(a: DataType, b: DataType): DataType {
  if (a === b || b === 'null') return a;
  if (a === 'null') return b;
  const numeric = ['integer', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) return a === 'double' || b === 'double' ? 'double' : 'long';
  return 'string';
}

/** Spark SQL's HashPartitioning: pmod(hash(keys), n). A single key is given as itself, several as an array. */
export class Murmur3Partitioner implements Partitioner {
  constructor(
    readonly numPartitions: number,
    private readonly types: readonly DataType[],
  ) {}
  getPartition(key: unknown): number {
    const values = this.types.length === 1 ? [key] : (key as unknown[]);
    const h = murmur3Hash(values, this.types);
    return ((h % this.numPartitions) + this.numPartitions) % this.numPartitions;
  }
  equals(other: Partitioner | null): boolean {
    return (
      other instanceof Murmur3Partitioner &&
      other.numPartitions === this.numPartitions &&
      other.types.join() === this.types.join()
    );
  }
}
