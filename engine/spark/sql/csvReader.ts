/**
 * Spark's CSV data source on lines of text: the `sep` (default `,`), double quotes with `""`
 * escapes, an empty field as null, a header line taken for the column names (and dropped from
 * every partition where it appears), and inferSchema's type ladder (CSVInferSchema): integer,
 * then long, then double, then boolean, else string; without inferSchema every column is a string.
 */
import type { DataType } from './column';

export function splitCsvLine(line: string, sep: string): string[] {
  if (!line.includes('"')) return line.split(sep);
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (line.startsWith(sep, i)) {
      out.push(cur);
      cur = '';
      i += sep.length - 1;
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const INT = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(NaN|Infinity)$/;

/** The narrowest type of one field, as CSVInferSchema.inferField tries them. */
export function inferField(s: string | null): DataType {
  if (s === null || s === '') return 'null';
  if (INT.test(s)) {
    const n = Number(s);
    return n >= -2147483648 && n <= 2147483647 ? 'integer' : Number.isSafeInteger(n) ? 'long' : 'double';
  }
  if (DOUBLE.test(s)) return 'double';
  if (s === 'true' || s === 'false' || s === 'TRUE' || s === 'FALSE' || s === 'True' || s === 'False') return 'boolean';
  return 'string';
}

const ORDER: DataType[] = ['null', 'integer', 'long', 'double'];

/** Two inferred types merged (CSVInferSchema.compatibleType): wider number, else string. */
export function mergeTypes(a: DataType, b: DataType): DataType {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  if (ia > 0 && ib > 0) return ORDER[Math.max(ia, ib)]!;
  return 'string';
}

/** A field's value of a column's type (a value that does not parse is null, Spark's PERMISSIVE mode). */
export function parseField(s: string | undefined, type: DataType): unknown {
  if (s === undefined || s === '') return null;
  switch (type) {
    case 'integer':
    case 'long':
    case 'double': {
      const n = Number(s);
      return Number.isNaN(n) && s !== 'NaN' ? null : n;
    }
    case 'boolean':
      return s.toLowerCase() === 'true' ? true : s.toLowerCase() === 'false' ? false : null;
    default:
      return s;
  }
}
