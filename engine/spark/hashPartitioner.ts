/**
 * Spark's partitioners of keyed RDDs. HashPartitioner puts a key in
 * `nonNegativeMod(key.hashCode, numPartitions)` (null in 0), with the JVM's hashCode of the value a
 * JavaScript key stands for:
 * - a string: java.lang.String.hashCode over its UTF-16 code units;
 * - an integer in Int range: itself (Integer.hashCode); another integer below 2^63 in magnitude:
 *   Long.hashCode, `(int)(v ^ (v >>> 32))`; any other number: Double.hashCode of its IEEE bits;
 * - a boolean: Boolean.hashCode (1231 / 1237); null and undefined: 0; a bigint: Long.hashCode of
 *   its low 64 bits;
 * - an array: the Scala tuple of its elements (a pair is a Tuple2), hashed as Scala 2.13 hashes a
 *   case class (Spark 4's Scala): MurmurHash3 over "TupleN".hashCode and each element's `##`
 *   (where a whole double hashes as the Int or Long it equals);
 * - any other value (a plain object, a Date): String.hashCode of its JSON text, a choice of ours.
 * `partitionBy(n, partitionFunc)` gives a learner's function instead (PySpark's partitionFunc).
 */
import { keyText } from '../exec/keyOrder';
import { fmix, mixH1, mixK1 } from './murmurHash3';

export interface Partitioner {
  readonly numPartitions: number;
  getPartition(key: unknown): number;
  /** Spark's Partitioner.equals: RDDs with equal partitioners are co-partitioned (joins are narrow). */
  equals(other: Partitioner | null): boolean;
}

/** Spark's Utils.nonNegativeMod. */
export function nonNegativeMod(x: number, mod: number): number {
  const raw = x % mod;
  return raw + (raw < 0 ? mod : 0);
}

/** java.lang.String.hashCode: s[0]*31^(n-1) + ... + s[n-1] over UTF-16 code units, 32-bit. */
export function stringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

const LONG_LIMIT = 2 ** 63;
const view = new DataView(new ArrayBuffer(8));

function longHash(v: bigint): number {
  const x = BigInt.asUintN(64, v);
  return Number(BigInt.asIntN(32, x ^ (x >> 32n)));
}

function doubleHash(d: number): number {
  view.setFloat64(0, Number.isNaN(d) ? NaN : d); // Double.doubleToLongBits: one NaN
  return (view.getUint32(0) ^ view.getUint32(4)) | 0;
}

/** Java's hashCode of the number a JavaScript number stands for (an Int, a Long, else a Double). */
function numberHash(n: number): number {
  if (Number.isInteger(n)) {
    if (n >= -2147483648 && n <= 2147483647) return n | 0;
    if (Math.abs(n) < LONG_LIMIT) return longHash(BigInt(n));
  }
  return doubleHash(n);
}

/** Scala's MurmurHash3.productSeed. */
const PRODUCT_SEED = 0xcafebabe | 0;

/** The JVM hashCode of the value a JavaScript key stands for (see the file's comment). */
export function javaHash(key: unknown, depth = 0): number {
  switch (typeof key) {
    case 'string':
      return stringHashCode(key);
    case 'number':
      return numberHash(key);
    case 'boolean':
      return key ? 1231 : 1237;
    case 'bigint':
      return longHash(key);
    case 'undefined':
      return 0;
    default:
      if (key === null) return 0;
      if (Array.isArray(key) && depth < 100) {
        let h = mixH1(PRODUCT_SEED, mixK1(stringHashCode(`Tuple${key.length}`)));
        for (const x of key as unknown[]) h = mixH1(h, mixK1(javaHash(x, depth + 1)));
        return fmix(h, key.length);
      }
      return stringHashCode(keyText(key));
  }
}

/** Spark's HashPartitioner. */
export class HashPartitioner implements Partitioner {
  constructor(readonly numPartitions: number) {}
  getPartition(key: unknown): number {
    return key === null || key === undefined ? 0 : nonNegativeMod(javaHash(key), this.numPartitions);
  }
  equals(other: Partitioner | null): boolean {
    return other instanceof HashPartitioner && other.numPartitions === this.numPartitions;
  }
}

/** PySpark's partitionBy(numPartitions, partitionFunc): the partition is partitionFunc(key) mod n. */
export class FunctionPartitioner implements Partitioner {
  /** The learner's partitionBy call, named when partitionFunc returns something else than a whole number. */
  private readonly site = new Error('call site');
  constructor(
    readonly numPartitions: number,
    private readonly partitionFunc: (key: unknown) => unknown,
  ) {}
  getPartition(key: unknown): number {
    const h = this.partitionFunc(key);
    if (typeof h !== 'number' || !Number.isInteger(h)) {
      const error = new TypeError(
        `partitionBy: partitionFunc must return a whole number for every key, got ${describeHash(h)} for the key ${keyText(key)}`,
      );
      error.stack = `${error.name}: ${error.message}\n${this.site.stack?.split('\n').slice(1).join('\n') ?? ''}`;
      throw error;
    }
    return nonNegativeMod(h, this.numPartitions);
  }
  equals(other: Partitioner | null): boolean {
    return (
      other instanceof FunctionPartitioner &&
      other.numPartitions === this.numPartitions &&
      other.partitionFunc === this.partitionFunc
    );
  }
}

function describeHash(h: unknown): string {
  return typeof h === 'string' ? JSON.stringify(h) : typeof h === 'object' && h !== null ? 'an object' : String(h);
}
