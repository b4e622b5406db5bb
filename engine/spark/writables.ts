/**
 * Hadoop's Writables as saveAsSequenceFile makes them from a job's values, the way PySpark
 * converts Python values (PythonHadoopUtil's JavaToWritableConverter): a string is a Text, a whole
 * number an IntWritable (a LongWritable past 32 bits), any other number a DoubleWritable, a boolean
 * a BooleanWritable, a Uint8Array a BytesWritable, null a NullWritable. Their bytes are each
 * class's write(): big-endian numbers, a Text's UTF-8 bytes after their vint length, a
 * BytesWritable's after a 4-byte length. sc.sequenceFile turns them back into values.
 *
 * JavaScript has one number type, so the class of a column of numbers is the widest its values
 * need (IntWritable, then LongWritable, then DoubleWritable): `[k, 1]` and `[k, 2.5]` in one RDD
 * are both DoubleWritables (Scala decides by the RDD's static type the same way).
 */
import { ByteReader, type ByteWriter } from './dataBytes';
import { javaDoubleString } from './sql/sqlValues';

export const TEXT = 'org.apache.hadoop.io.Text';
export const INT = 'org.apache.hadoop.io.IntWritable';
export const LONG = 'org.apache.hadoop.io.LongWritable';
export const DOUBLE = 'org.apache.hadoop.io.DoubleWritable';
export const BOOLEAN = 'org.apache.hadoop.io.BooleanWritable';
export const BYTES = 'org.apache.hadoop.io.BytesWritable';
export const NULL = 'org.apache.hadoop.io.NullWritable';

export type WritableClass =
  typeof TEXT | typeof INT | typeof LONG | typeof DOUBLE | typeof BOOLEAN | typeof BYTES | typeof NULL;

const KNOWN: readonly string[] = [TEXT, INT, LONG, DOUBLE, BOOLEAN, BYTES, NULL];

export function isWritableClass(name: string): name is WritableClass {
  return KNOWN.includes(name);
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A Uint8Array of any realm (the learner's code runs in its own). */
export function isBytes(v: unknown): v is Uint8Array {
  return ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';
}

/** The Writable class a value converts to, or null when it has none (an object, an array, undefined...). */
export function writableClassOf(v: unknown): WritableClass | null {
  switch (typeof v) {
    case 'string':
      return TEXT;
    case 'boolean':
      return BOOLEAN;
    case 'number':
      if (!Number.isSafeInteger(v)) return DOUBLE;
      return v >= INT_MIN && v <= INT_MAX ? INT : LONG;
    case 'bigint':
      return v >= LONG_MIN && v <= LONG_MAX ? LONG : null;
    default:
      return v === null ? NULL : isBytes(v) ? BYTES : null;
  }
}

const NUMERIC: readonly string[] = [INT, LONG, DOUBLE];

/** The class of a column holding values of classes `a` and `b`: the wider number class, else `a` (b's values then fail). */
export function widerClass(a: WritableClass, b: WritableClass): WritableClass {
  const i = NUMERIC.indexOf(a);
  const j = NUMERIC.indexOf(b);
  return i >= 0 && j > i ? b : a;
}

/** Whether a value of class `from` is written as class `to` (a number widens; nothing else changes class). */
export function fitsClass(from: WritableClass, to: WritableClass): boolean {
  if (from === to) return true;
  const i = NUMERIC.indexOf(from);
  return i >= 0 && NUMERIC.indexOf(to) > i;
}

/** A value's bytes as class `cls` writes them; the value's class must fit (fitsClass). */
export function writeWritable(out: ByteWriter, cls: WritableClass, v: unknown): void {
  switch (cls) {
    case TEXT:
      out.text(v as string);
      return;
    case INT:
      out.int(v as number);
      return;
    case LONG:
      out.long(BigInt(v as number | bigint));
      return;
    case DOUBLE:
      out.double(Number(v));
      return;
    case BOOLEAN:
      out.byte(v ? 1 : 0);
      return;
    case BYTES:
      out.int((v as Uint8Array).length);
      out.bytes(Uint8Array.from(v as Uint8Array));
      return;
    case NULL:
      return;
  }
}

/** A Writable's value read back (readFields): a LongWritable past 2^53 is a BigInt, a BytesWritable a Uint8Array copy. */
export function readWritable(cls: WritableClass, bytes: Uint8Array): unknown {
  const r = new ByteReader(bytes);
  switch (cls) {
    case TEXT:
      return r.text();
    case INT:
      return r.int();
    case LONG: {
      const n = r.long();
      return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
    }
    case DOUBLE:
      return r.double();
    case BOOLEAN:
      return r.byte() !== 0;
    case BYTES:
      return r.bytes(r.int()).slice();
    case NULL:
      return null;
  }
}

/** A Writable's toString, as `hdfs dfs -text` prints it (a BytesWritable as hex bytes, NullWritable as "(null)"). */
export function writableText(cls: WritableClass, value: unknown): string {
  if (cls === NULL) return '(null)';
  if (cls === DOUBLE) return javaDoubleString(value as number);
  if (cls === BYTES) return [...(value as Uint8Array)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return String(value);
}

/** A value named for a message: its type as a learner knows it. */
export function describeValueType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') {
    const tag = Object.prototype.toString.call(v).slice(8, -1);
    return tag === 'Object' ? 'an object' : `a ${tag}`;
  }
  if (typeof v === 'bigint') return 'a BigInt outside the 64-bit range';
  return typeof v === 'undefined' ? 'undefined' : `a ${typeof v}`;
}
