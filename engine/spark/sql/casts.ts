/**
 * Spark SQL's CAST (Spark 3, spark.sql.ansi.enabled=false): a value that does not convert becomes
 * null, not an error. Timestamps are held as milliseconds since 1970 (UTC, the session time zone
 * here) and printed as Spark prints them; binary values (a Kafka record's key and value) are held
 * as their UTF-8 text and printed as Spark prints bytes, `[7B 22 69 64]`.
 */
import { dateAt, encodeUtf8 } from '../../core';
import type { DataType } from './column';
import { javaDoubleString } from './sqlValues';

/** The type a cast names (Spark's DDL names, any case): `string`, `int`, `bigint`, `timestamp`... */
export function castTypeOf(name: unknown): DataType {
  const n = typeof name === 'string' ? name.trim().toLowerCase() : '';
  const t = TYPE_NAMES[n];
  if (t) return t;
  throw new Error(
    `[UNSUPPORTED_DATATYPE] Unsupported data type "${String(name).slice(0, 40)}" in cast(): use one of string, int, bigint (long), double, boolean, timestamp, binary`,
  );
}

const TYPE_NAMES: Record<string, DataType> = {
  string: 'string',
  int: 'integer',
  integer: 'integer',
  long: 'long',
  bigint: 'long',
  double: 'double',
  float: 'double',
  boolean: 'boolean',
  timestamp: 'timestamp',
  binary: 'binary',
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A timestamp as Spark's show() and CAST(ts AS STRING) print it: `2024-03-01 10:00:05.25`. */
export function timestampText(ms: number): string {
  const d = dateAt(ms);
  if (Number.isNaN(d.getTime())) return 'null';
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const frac = d.getUTCMilliseconds();
  return frac === 0 ? base : `${base}.${pad(frac, 3).replace(/0+$/, '')}`;
}

/** Bytes as Spark prints a binary cell: upper-case hex pairs in brackets. */
export function binaryText(text: string): string {
  const bytes = encodeUtf8(text);
  return `[${Array.from(bytes, (b: number) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}]`;
}

const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Spark's string-to-timestamp: `yyyy-MM-dd`, then optional ` HH:mm[:ss[.fraction]]` (or `T`), then `Z` or an offset. */
export function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return null;
  const at = dateAt(0);
  // setUTCFullYear, not Date.UTC: years 0 to 99 are those years, not 1900 to 1999.
  at.setUTCFullYear(Number(y), month - 1, day);
  at.setUTCHours(Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  let ms = at.getTime();
  if (at.getUTCDate() !== day) return null; // 31 February
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

const TRUE = new Set(['t', 'true', 'y', 'yes', '1']);
const FALSE = new Set(['f', 'false', 'n', 'no', '0']);

/** CAST(v AS to) for a value of type `from`; null when Spark (ANSI off) gives null. */
export function castValue(v: unknown, from: DataType, to: DataType): unknown {
  if (v === null || v === undefined) return null;
  if (from === to) return v;
  switch (to) {
    case 'string':
      if (from === 'timestamp') return timestampText(v as number);
      if (from === 'double') return javaDoubleString(v as number);
      return String(v);
    case 'binary':
      return from === 'string' ? v : null;
    case 'boolean': {
      if (typeof v === 'number') return v !== 0;
      const s = String(v).trim().toLowerCase();
      return TRUE.has(s) ? true : FALSE.has(s) ? false : null;
    }
    case 'timestamp': {
      if (typeof v === 'number') return Math.round(v * 1000);
      if (typeof v === 'boolean') return null;
      return parseTimestamp(String(v));
    }
    case 'integer':
    case 'long':
    case 'double': {
      let n: number;
      if (from === 'timestamp') n = (v as number) / 1000;
      else if (typeof v === 'number') n = v;
      else if (typeof v === 'boolean') n = v ? 1 : 0;
      else {
        const s = String(v).trim();
        n = s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number.NaN : Number(s);
        if (Number.isNaN(n)) return to === 'double' && /^[+-]?(nan|infinity|inf)$/i.test(s) ? specialDouble(s) : null;
      }
      if (to === 'double') return n;
      if (!Number.isFinite(n)) return null;
      const whole = Math.trunc(n);
      if (to === 'integer' && (whole > 2147483647 || whole < -2147483648)) return null;
      return whole;
    }
    default:
      return null;
  }
}

function specialDouble(s: string): number {
  const t = s.toLowerCase();
  if (t.endsWith('nan')) return Number.NaN;
  return t.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}
