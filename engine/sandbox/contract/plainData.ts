/**
 * Turns a value of the learner's code into plain, bounded data before it crosses the sandbox
 * boundary: numbers, strings, booleans, null, undefined, arrays and plain objects, as Spark's
 * collect() gives them. It runs inside the sandbox, on anything: getters and Proxy traps that
 * throw, null-prototype objects, Symbols, functions, cycles, a 200,000-deep nesting, a huge size.
 * It never throws: a value that is not data comes back as a problem naming what it is and where
 * (`result[1].f`), with the error a getter threw (its stack has the learner's line).
 *
 * Conversions (what a learner most likely meant): a BigInt becomes a number when it is a safe
 * integer, else its decimal text; a Date its ISO text (null if invalid); a Map an array of
 * [key, value] pairs; a Set or a typed array an array; any other object its own enumerable
 * string-keyed properties (as JSON.stringify reads them). Symbol-keyed properties are skipped.
 */

export interface PlainDataLimits {
  /** Nesting levels (the value itself is level 0). */
  maxDepth: number;
  /** Values in all (every number, string, array, object... counts one). */
  maxValues: number;
  /** Characters of all strings and object keys. */
  maxChars: number;
}

/** The limits of what a Spark driver may return and a task may write (named in the messages). */
export const DATA_LIMITS: PlainDataLimits = { maxDepth: 100, maxValues: 2_000_000, maxChars: 100_000_000 };

export type PlainDataResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** What the value is, in the learner's terms: `an RDD — did you mean ...`, `a function`. */
      problem: string;
      /** Where in the value, from `root` (`result[0].f`); `root` itself for the value. */
      path: string;
      /** The error a getter or Proxy trap threw while reading, if that was the problem. */
      thrown?: unknown;
      /** The value is too big or too deep (a limit of DATA_LIMITS), not of the wrong kind. */
      limit?: boolean;
    };

/** Names objects that are not data and how to say so (an RDD: `an RDD — did you mean ...`). */
export type DescribeSpecial = (value: object) => string | null;

/** Problems found (a WeakSet, so telling one from a thrown Proxy runs none of its traps). */
const PROBLEMS = new WeakSet<object>();

class Problem {
  constructor(
    readonly problem: string,
    readonly path: string,
    readonly thrown?: unknown,
    readonly limit = false,
  ) {
    PROBLEMS.add(this);
  }
}

function isProblem(error: unknown): error is Problem {
  return typeof error === 'object' && error !== null && PROBLEMS.has(error);
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function child(path: string, key: string | number): string {
  if (path.length > 60) return path.endsWith('…') ? path : `${path}…`;
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENT.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
}

function isThenable(value: object): boolean {
  const then = (value as { then?: unknown }).then;
  return typeof then === 'function';
}

/** `value` as plain data within `limits`, or what is wrong with it. Never throws. */
export function toPlainData(
  value: unknown,
  root: string,
  limits: PlainDataLimits = DATA_LIMITS,
  describeSpecial: DescribeSpecial | null = null,
): PlainDataResult {
  let values = 0;
  let chars = 0;
  const onPath = new Set<object>();

  const countChars = (n: number, path: string) => {
    chars += n;
    if (chars > limits.maxChars)
      throw new Problem(
        `more than ${limits.maxChars.toLocaleString('en')} characters of text in all`,
        path,
        undefined,
        true,
      );
  };

  const special = (v: object): string | null => {
    try {
      return describeSpecial?.(v) ?? null;
    } catch {
      return null;
    }
  };

  const convert = (v: unknown, path: string, depth: number): unknown => {
    if (++values > limits.maxValues)
      throw new Problem(`more than ${limits.maxValues.toLocaleString('en')} values in all`, path, undefined, true);
    switch (typeof v) {
      case 'undefined':
      case 'boolean':
      case 'number':
        return v;
      case 'string':
        countChars(v.length, path);
        return v;
      case 'bigint':
        return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
      case 'symbol':
        throw new Problem('a Symbol, which is not data', path);
      case 'function':
        throw new Problem(special(v) ?? 'a function, which is not data (call it and keep what it returns)', path);
    }
    if (v === null) return null;
    const obj = v as object;
    if (onPath.has(obj)) throw new Problem('a reference to itself (a cycle), which data cannot hold', path);
    if (depth >= limits.maxDepth)
      throw new Problem(`a structure nested more than ${limits.maxDepth} levels deep`, path, undefined, true);
    onPath.add(obj);
    try {
      const what = describeSpecial?.(obj) ?? null;
      if (what !== null) throw new Problem(what, path);
      if (isThenable(obj)) throw new Problem('a Promise — did you forget `await`?', path);
      return convertObject(obj, path, depth);
    } catch (error) {
      if (isProblem(error)) throw error;
      // A getter or a Proxy trap threw (or the stack ran out): its stack names the learner's line.
      throw new Problem(`a value that could not be read (${thrownMessage(error)})`, path, error);
    } finally {
      onPath.delete(obj);
    }
  };

  /** One item of an object: a getter or Proxy trap that throws is a problem at the item's path. */
  const read = (obj: object, key: string | number, path: string): unknown => {
    try {
      return (obj as Record<string | number, unknown>)[key];
    } catch (error) {
      throw new Problem(`a value that could not be read (${thrownMessage(error)})`, child(path, key), error);
    }
  };

  const convertList = (list: ArrayLike<unknown>, path: string, depth: number): unknown[] => {
    const n = list.length;
    if (!(n <= limits.maxValues))
      throw new Problem(`more than ${limits.maxValues.toLocaleString('en')} values in all`, path, undefined, true);
    // push, not stores into `new Array(n)`'s holes: those are about 30 times slower in a sandbox worker (packGroups).
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(convert(read(list, i, path), child(path, i), depth + 1));
    return out;
  };

  const convertObject = (obj: object, path: string, depth: number): unknown => {
    if (Array.isArray(obj)) return convertList(obj, path, depth);
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView))
      return convertList(obj as unknown as ArrayLike<unknown>, path, depth);
    const time = dateTime(obj);
    if (time !== undefined) {
      // A Date of the learner's (any realm): its ISO text, read through the intrinsic method.
      const text = Number.isFinite(time) ? (Date.prototype.toISOString.call(obj) as string) : null;
      countChars(text?.length ?? 0, path);
      return text;
    }
    const entries = mapOrSetEntries(obj);
    if (entries !== null) return convertList(entries, path, depth);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj)) {
      countChars(key.length, path);
      const item = convert(read(obj, key, path), child(path, key), depth + 1);
      // Own data property even for '__proto__' (an assignment would set the copy's prototype).
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

  try {
    return { ok: true, value: convert(value, root, 0) };
  } catch (error) {
    if (isProblem(error)) {
      const { problem, path, thrown, limit } = error;
      return { ok: false, problem, path, ...(thrown !== undefined ? { thrown } : {}), ...(limit ? { limit } : {}) };
    }
    return {
      ok: false,
      problem: `a value that could not be read (${thrownMessage(error)})`,
      path: root,
      thrown: error,
    };
  }
}

/** A thrown thing's message, if it has a readable one. Never throws. */
function thrownMessage(error: unknown): string {
  try {
    const message = (error as { message?: unknown } | null)?.message;
    if (typeof message === 'string') return message.length > 200 ? `${message.slice(0, 200)}…` : message;
  } catch {
    // a Proxy or a getter that throws again
  }
  return 'it threw something that is not an Error';
}

/** The time of a Date of any realm (undefined: not a Date). */
function dateTime(obj: object): number | undefined {
  try {
    return Date.prototype.getTime.call(obj);
  } catch {
    return undefined;
  }
}

/** A Map's [key, value] pairs or a Set's values, of any realm (null: neither). */
function mapOrSetEntries(obj: object): unknown[] | null {
  try {
    Map.prototype.has.call(obj, undefined);
    const pairs: unknown[] = [];
    Map.prototype.forEach.call(obj, (v: unknown, k: unknown) => pairs.push([k, v]));
    return pairs;
  } catch {
    // not a Map
  }
  try {
    Set.prototype.has.call(obj, undefined);
    const items: unknown[] = [];
    Set.prototype.forEach.call(obj, (v: unknown) => items.push(v));
    return items;
  } catch {
    return null;
  }
}

/**
 * Whether `v` is a list of strings, numbers, booleans, null and undefined within `limits`: a value
 * toPlainData accepts as it is, checked without copying (a map task's keys, thousands per run).
 * Anything odd (a `then`, a getter or trap that throws) answers false, for toPlainData to name.
 */
export function isFlatPlainList(v: unknown, limits: PlainDataLimits = DATA_LIMITS): boolean {
  try {
    if (!Array.isArray(v) || v.length >= limits.maxValues) return false;
    if (typeof (v as { then?: unknown }).then === 'function') return false;
    let chars = 0;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const t = typeof x;
      if (t === 'string') chars += (x as string).length;
      else if (t !== 'number' && t !== 'boolean' && t !== 'undefined' && x !== null) return false;
    }
    return chars <= limits.maxChars;
  } catch {
    return false;
  }
}
