/**
 * The serialization of saveAsObjectFile's values and objectFile's reading of them. Spark writes
 * each batch of elements with Java serialization; the simulator has no JVM, so it writes its own
 * format in its place (a JVM cannot read these files; objectFile here can). It keeps what Spark's
 * serializer keeps of the values a job has: numbers (-0, NaN and Infinity too), strings, booleans,
 * null, undefined, BigInts, arrays, plain objects, Maps, Sets, Dates, typed arrays, and shared or
 * cyclic references (Java serialization keeps them too). A function, a Symbol or an instance of
 * a class cannot be written: Java's answer is NotSerializableException, and so is this one's.
 *
 * The bytes: "CLS" and version 1 (Java's stream starts with AC ED 00 05), then one value, each a
 * tag byte and its content; an object seen before is a reference to its number.
 */
import { ByteReader, ByteWriter, EofError } from './dataBytes';

const MAGIC = [0x43, 0x4c, 0x53, 0x01]; // "CLS" 1
const MAX_DEPTH = 1000;

const enum Tag {
  Null,
  Undefined,
  False,
  True,
  Int,
  Double,
  String,
  BigInt,
  Array,
  Object,
  Map,
  Set,
  Date,
  Typed,
  Ref,
}

const TYPED: Record<string, new (b: ArrayBuffer) => ArrayBufferView> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
};

/** Java's NotSerializableException: a value the serialization cannot write, and where it is. */
export class NotSerializableError extends Error {
  override name = 'NotSerializableException';
}

/** Spark's StreamCorruptedException: bytes that are not this serialization's. */
export class StreamCorruptedError extends Error {
  override name = 'StreamCorruptedException';
}

const tagOf = (v: object) => Object.prototype.toString.call(v).slice(8, -1);

function is(v: object, method: (this: object) => unknown): boolean {
  try {
    method.call(v);
    return true;
  } catch {
    return false;
  }
}

/**
 * A value's bytes. `where` names it in messages; `elementName`, when given, names the elements of
 * the array `value` instead (`element 12 of part-00001`).
 */
export function serializeValue(value: unknown, where: string, elementName?: (i: number) => string): Uint8Array {
  const out = new ByteWriter();
  for (const b of MAGIC) out.byte(b);
  const seen = new Map<object, number>();
  const path: string[] = [where];
  const fail = (what: string): never => {
    throw new NotSerializableError(
      `${path.join('')} is ${what}: object files keep numbers, strings, booleans, null, BigInts, arrays, plain objects, Maps, Sets, Dates and typed arrays`,
    );
  };
  const write = (v: unknown): void => {
    if (path.length > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`);
    switch (typeof v) {
      case 'undefined':
        return out.byte(Tag.Undefined);
      case 'boolean':
        return out.byte(v ? Tag.True : Tag.False);
      case 'number':
        if (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31 && !Object.is(v, -0)) {
          out.byte(Tag.Int);
          return out.int(v);
        }
        out.byte(Tag.Double);
        return out.double(v);
      case 'string':
        out.byte(Tag.String);
        return out.text(v);
      case 'bigint':
        out.byte(Tag.BigInt);
        return out.text(v.toString());
      case 'function':
        return fail('a function');
      case 'symbol':
        return fail('a Symbol');
    }
    if (v === null) return out.byte(Tag.Null);
    const o = v as object;
    const ref = seen.get(o);
    if (ref !== undefined) {
      out.byte(Tag.Ref);
      return out.vlong(ref);
    }
    seen.set(o, seen.size);
    const child = (key: string, x: unknown) => {
      path.push(key);
      write(x);
      path.pop();
    };
    if (Array.isArray(o)) {
      out.byte(Tag.Array);
      out.vlong(o.length);
      for (let i = 0; i < o.length; i++) {
        if (elementName && path.length === 1) {
          path[0] = elementName(i);
          write((o as unknown[])[i]);
        } else child(`[${i}]`, (o as unknown[])[i]);
      }
    } else if (is(o, Map.prototype.has as () => unknown)) {
      const entries: [unknown, unknown][] = [];
      Map.prototype.forEach.call(o, (val: unknown, key: unknown) => entries.push([key, val]));
      out.byte(Tag.Map);
      out.vlong(entries.length);
      entries.forEach(([key, val], i) => {
        child(`.entries()[${i}][0]`, key);
        child(`.entries()[${i}][1]`, val);
      });
    } else if (is(o, Set.prototype.has as () => unknown)) {
      const items: unknown[] = [];
      Set.prototype.forEach.call(o, (x: unknown) => items.push(x));
      out.byte(Tag.Set);
      out.vlong(items.length);
      items.forEach((x, i) => child(`.values()[${i}]`, x));
    } else if (is(o, Date.prototype.getTime as () => unknown)) {
      out.byte(Tag.Date);
      out.double(Date.prototype.getTime.call(o) as number);
    } else if (ArrayBuffer.isView(o) && TYPED[tagOf(o)] !== undefined) {
      out.byte(Tag.Typed);
      out.text(tagOf(o));
      const bytes = new Uint8Array(o.buffer, o.byteOffset, o.byteLength);
      out.vlong(bytes.length);
      out.bytes(bytes);
    } else {
      const proto = Object.getPrototypeOf(o) as object | null;
      // A plain object: its prototype is null or some realm's Object.prototype (whose own is null).
      if (proto !== null && Object.getPrototypeOf(proto) !== null) {
        const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
        fail(
          `an instance of ${typeof name === 'string' && name ? `class ${name}` : 'a class'} (its methods cannot be written; make it a plain object)`,
        );
      }
      const keys = Object.keys(o);
      out.byte(Tag.Object);
      out.vlong(keys.length);
      for (const key of keys) {
        out.text(key);
        child(`.${key}`, (o as Record<string, unknown>)[key]);
      }
    }
  };
  write(value);
  return out.toBytes();
}

/** The value of bytes serializeValue wrote; StreamCorruptedException for any other bytes. */
export function deserializeValue(bytes: Uint8Array, where: string): unknown {
  if (bytes.length < MAGIC.length || MAGIC.some((b, i) => bytes[i] !== b))
    throw new StreamCorruptedError(
      `${where}: invalid stream header (not a value saveAsObjectFile wrote; objectFile reads only those)`,
    );
  const r = new ByteReader(bytes, MAGIC.length);
  const objects: unknown[] = [];
  const count = () => {
    const n = r.vlong();
    if (n < 0 || n > r.end - r.pos) throw new StreamCorruptedError(`${where}: a count of ${n} at offset ${r.pos}`);
    return n;
  };
  const read = (depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new StreamCorruptedError(`${where}: nested more than ${MAX_DEPTH} levels deep`);
    const tag = r.byte() as Tag;
    switch (tag) {
      case Tag.Null:
        return null;
      case Tag.Undefined:
        return undefined;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int:
        return r.int();
      case Tag.Double:
        return r.double();
      case Tag.String:
        return r.text();
      case Tag.BigInt:
        return BigInt(r.text());
      case Tag.Array: {
        const n = count();
        const a: unknown[] = [];
        objects.push(a);
        for (let i = 0; i < n; i++) a.push(read(depth + 1));
        return a;
      }
      case Tag.Object: {
        const n = count();
        const o: Record<string, unknown> = {};
        objects.push(o);
        for (let i = 0; i < n; i++) {
          const key = r.text();
          Object.defineProperty(o, key, {
            value: read(depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return o;
      }
      case Tag.Map: {
        const n = count();
        const m = new Map<unknown, unknown>();
        objects.push(m);
        for (let i = 0; i < n; i++) {
          const key = read(depth + 1);
          m.set(key, read(depth + 1));
        }
        return m;
      }
      case Tag.Set: {
        const n = count();
        const s = new Set<unknown>();
        objects.push(s);
        for (let i = 0; i < n; i++) s.add(read(depth + 1));
        return s;
      }
      case Tag.Date: {
        // eslint-disable-next-line no-restricted-syntax -- a Date value read back, not the clock
        const d = new Date(r.double());
        objects.push(d);
        return d;
      }
      case Tag.Typed: {
        const make = TYPED[r.text()];
        const data = r.bytes(count()).slice();
        if (!make) throw new StreamCorruptedError(`${where}: an unknown typed array at offset ${r.pos}`);
        const t = new make(data.buffer);
        objects.push(t);
        return t;
      }
      case Tag.Ref: {
        const i = r.vlong();
        if (i < 0 || i >= objects.length)
          throw new StreamCorruptedError(`${where}: a reference to object ${i} of ${objects.length}`);
        return objects[i];
      }
      default:
        throw new StreamCorruptedError(`${where}: invalid type code ${String(tag)} at offset ${r.pos - 1}`);
    }
  };
  try {
    return read(0);
  } catch (error) {
    if (error instanceof EofError) throw new StreamCorruptedError(`${where}: the value ends early (EOFException)`);
    throw error;
  }
}
