/**
 * The checks of what a learner passes to an RDD method and of the rows pair functions read:
 * thrown inside the learner's call (transformations) or task (rows), with a message naming the
 * method, the argument and what it got, in Spark's terms.
 */
import { keyText } from '../exec/keyOrder';
import { checkPartitionCount, type Pair } from './rdd';

/** A learner's value named in a message, without calling anything of it (it may be a Proxy). */
export function describeArg(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
  return `a ${typeof value}`;
}

/** A value shown as data in a message: `5 (a number)`, `"a b" (a string)`, `[1,2,3] (an array of 3)`. */
export function describeRow(value: unknown): string {
  let text: string;
  try {
    text = keyText(value);
  } catch {
    text = describeArg(value);
  }
  if (text.length > 60) text = `${text.slice(0, 60)}…`;
  const kind = Array.isArray(value)
    ? `an array of ${value.length}`
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;
  return `${typeof value === 'string' ? JSON.stringify(text) : text} (${kind})`;
}

export function fnArg<F>(method: string, name: string, f: unknown): F {
  if (typeof f !== 'function') throw new TypeError(`${method}: ${name} must be a function, got ${describeArg(f)}`);
  return f as F;
}

export function optFnArg<F>(method: string, name: string, f: unknown): F | null {
  return f === undefined || f === null ? null : fnArg<F>(method, name, f);
}

/**
 * A key function (PySpark's keyfunc / key): one element in, its sort key out. A two-argument
 * comparator `(a, b) => a - b`, as Array.prototype.sort takes, would be called with one argument
 * and sort nothing: refused with the way to write it.
 */
export function keyFnArg<F>(method: string, name: string, f: unknown): F | null {
  const g = optFnArg<F>(method, name, f);
  if (g !== null && (g as { length: number }).length >= 2)
    throw new TypeError(
      `${method}: ${name} is a key function of one element (as PySpark's), but this function takes ${(g as { length: number }).length} arguments like a comparator; return the sort key instead, e.g. (x) => -x to sort descending`,
    );
  return g;
}

export function boolArg(method: string, name: string, b: unknown, dflt: boolean): boolean {
  if (b === undefined) return dflt;
  if (typeof b !== 'boolean') throw new TypeError(`${method}: ${name} must be true or false, got ${describeArg(b)}`);
  return b;
}

/** An optional partition count: undefined stays undefined (the method's default applies). */
export function optPartitions(method: string, n: unknown): number | undefined {
  if (n === undefined) return undefined;
  if (typeof n !== 'number')
    throw new TypeError(`${method}(numPartitions): the number of partitions must be a number, got ${describeArg(n)}`);
  return checkPartitionCount(`${method}(numPartitions)`, n);
}

export function countArg(method: string, name: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    throw new TypeError(`${method}: ${name} must be a whole number of at least 0, got ${describeArg(n)}`);
  return n;
}

export function numberArg(method: string, name: string, n: unknown): number {
  if (typeof n !== 'number' || Number.isNaN(n))
    throw new TypeError(`${method}: ${name} must be a number, got ${describeArg(n)}`);
  return n;
}

/** A seed (Spark's are Longs): a whole number, or the documented default when left out. */
export const DEFAULT_SEED = 42;
export function seedArg(method: string, seed: unknown): number {
  if (seed === undefined || seed === null) return DEFAULT_SEED;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    throw new TypeError(`${method}: seed must be a whole number, got ${describeArg(seed)}`);
  return seed;
}

/** Where the learner's call is: an Error made now, inside their call (its stack has their line). */
export function callSite(): Error {
  return new Error('call site');
}

/**
 * An error found later (in a task, or after an action's await) told at the learner's call that
 * caused it: its stack becomes the call site's, so the message names their file and line.
 */
export function atSite<E extends Error>(error: E, site: Error | null | undefined): E {
  const frames = site?.stack?.split('\n').slice(1).join('\n');
  if (frames) error.stack = `${error.name}: ${error.message}\n${frames}`;
  return error;
}

/** Checks that a row is a [key, value] pair; `method` is the pair function that needs it. */
export function asPair(row: unknown, method: string, site?: Error | null): Pair {
  if (Array.isArray(row) && row.length === 2) return row as Pair;
  throw atSite(
    new TypeError(
      `${method}: an element of this RDD is ${describeRow(row)}, not a pair: pair functions work on RDDs of [key, value] arrays of 2, e.g. rdd.map((x) => [x, 1])`,
    ),
    site,
  );
}

/** The rows of a partition checked as pairs. */
export function asPairs(rows: unknown[], method: string, site?: Error | null): Pair[] {
  for (const row of rows) asPair(row, method, site);
  return rows as Pair[];
}

/** A number element of a numeric RDD (sum, mean, stats, histogram). */
export function asNumber(x: unknown, method: string, site?: Error | null): number {
  if (typeof x === 'number') return x;
  throw atSite(
    new TypeError(
      `${method}: an element of this RDD is ${describeRow(x)}, not a number: ${method} works on RDDs of numbers (Spark's DoubleRDDFunctions); map them to numbers first`,
    ),
    site,
  );
}
