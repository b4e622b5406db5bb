/**
 * Hadoop's hash of a key and its HashPartitioner, so that a MapReduce key lands in the part file
 * it would land in on Hadoop. A JavaScript key is read as the Writable a Hadoop job would use:
 *
 * | JavaScript key                          | Writable         | hashCode()                              |
 * | --------------------------------------- | ---------------- | --------------------------------------- |
 * | string                                  | Text             | WritableComparator.hashBytes(UTF-8)     |
 * | integer in [-2^31, 2^31)                | IntWritable      | the value                               |
 * | other integer (number or bigint)        | LongWritable     | (int) (v ^ (v >>> 32))                  |
 * | any other number (1.5, NaN, Infinity)   | DoubleWritable   | (int) Double.doubleToLongBits(v)        |
 * | boolean                                 | BooleanWritable  | true → 0, false → 1                     |
 * | null or undefined                       | NullWritable     | 0                                       |
 * | anything else (arrays, objects)         | Text             | hashBytes of the key's text (JSON)      |
 *
 * -0 is an integer and hashes as IntWritable 0. A bigint outside the long range hashes as the
 * Text of its digits. HashPartitioner: (hashCode & Integer.MAX_VALUE) % numReduceTasks.
 */
import { keyText } from './keyOrder';

export type WritableType =
  'Text' | 'IntWritable' | 'LongWritable' | 'DoubleWritable' | 'BooleanWritable' | 'NullWritable';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(1n << 63n);
const LONG_MAX = (1n << 63n) - 1n;

/** The Writable a key is read as (see the table above). */
export function writableOf(key: unknown): WritableType {
  switch (typeof key) {
    case 'string':
      return 'Text';
    case 'number':
      if (!Number.isInteger(key)) return 'DoubleWritable';
      return key >= INT_MIN && key <= INT_MAX ? 'IntWritable' : 'LongWritable';
    case 'bigint':
      if (key >= INT_MIN && key <= INT_MAX) return 'IntWritable';
      return key >= LONG_MIN && key <= LONG_MAX ? 'LongWritable' : 'Text';
    case 'boolean':
      return 'BooleanWritable';
    case 'undefined':
      return 'NullWritable';
    default:
      return key === null ? 'NullWritable' : 'Text';
  }
}

/** UTF-8 bytes of a string (lone surrogates as U+FFFD, as Java's encoder writes them). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** WritableComparator.hashBytes: h = 1; h = 31 * h + b for each (signed) byte. Text.hashCode. */
export function textHash(text: string): number {
  let h = 1;
  for (const b of utf8(text)) h = (Math.imul(h, 31) + ((b << 24) >> 24)) | 0;
  return h;
}

/** LongWritable.hashCode: (int) (value ^ (value >>> 32)). */
export function longHash(value: bigint): number {
  const v = BigInt.asUintN(64, value);
  return Number(BigInt.asIntN(32, v ^ (v >> 32n)));
}

/** DoubleWritable.hashCode: (int) Double.doubleToLongBits(value), the low 32 bits (NaN canonical). */
export function doubleHash(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Number.isNaN(value) ? NaN : value);
  return view.getInt32(4);
}

/** The key's hashCode() as the Writable it is read as. */
export function hadoopHashCode(key: unknown): number {
  switch (writableOf(key)) {
    case 'IntWritable':
      return Number(key) | 0;
    case 'LongWritable':
      return longHash(BigInt(key as number | bigint));
    case 'DoubleWritable':
      return doubleHash(key as number);
    case 'BooleanWritable':
      return key ? 0 : 1;
    case 'NullWritable':
      return 0;
    case 'Text':
      return textHash(keyText(key));
  }
}

/** Hadoop's HashPartitioner.getPartition: (key.hashCode() & Integer.MAX_VALUE) % numReduceTasks. */
export function hadoopPartition(key: unknown, numReduceTasks: number): number {
  return (hadoopHashCode(key) & INT_MAX) % numReduceTasks;
}
