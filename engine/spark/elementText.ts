/**
 * An RDD element as Spark writes it to text (saveAsTextFile's TextOutputFormat, pipe's standard
 * input): its Java toString(). The job API's arrays are Scala's tuples (a pair `[k, v]` is a
 * Tuple2), so an array is written as Scala prints a tuple: `(k,v)`, `(a,(1,2))`, `(a,b,c)`, its
 * elements as their own toString, unquoted. A string is itself; a whole number as a Long (`3`),
 * any other number as Java's Double.toString (`0.5`, `1.0E-7`, `NaN`); booleans `true`/`false`;
 * null or undefined inside a tuple `null`. A plain object has no Scala counterpart: its JSON text.
 * A null element itself is the caller's to refuse (Spark's x.toString throws).
 *
 * engine/exec/keyOrder.ts's keyText stays as it is: MapReduce's text output and the hashing of
 * keys depend on it.
 */
import { keyText } from '../exec/keyOrder';
import { javaDoubleString } from './sql/sqlValues';

/** Tuples nested deeper than this are refused (a value this deep is a mistake, and would overflow the stack). */
const MAX_DEPTH = 1000;

const NOT_DATA =
  'a record refers to itself (a cycle) or nests too deeply: keys and values must be plain data (numbers, strings, arrays, objects) to be measured, sorted and shuffled';

export function elementText(x: unknown): string {
  return text(x, new Set());
}

function text(x: unknown, path: Set<unknown[]>): string {
  switch (typeof x) {
    case 'string':
      return x;
    case 'number':
      return Number.isSafeInteger(x) ? String(x) : javaDoubleString(x);
    case 'boolean':
    case 'bigint':
      return String(x);
    case 'undefined':
      return 'null';
    default:
      if (x === null) return 'null';
      return Array.isArray(x) ? tuple(x, path) : keyText(x);
  }
}

/** Scala's TupleN.toString: `(a,b)`, each element's own text. */
function tuple(x: unknown[], path: Set<unknown[]>): string {
  if (path.has(x) || path.size >= MAX_DEPTH) throw new TypeError(NOT_DATA);
  path.add(x);
  const inner = Array.from(x, (y) => text(y, path)).join(',');
  path.delete(x);
  return `(${inner})`;
}
