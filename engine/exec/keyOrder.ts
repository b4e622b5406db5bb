/**
 * How keys are compared, grouped and partitioned, the same way in every task and in every run.
 * Order: numbers < strings < booleans < arrays < other values (by their JSON text); numbers
 * numerically (NaN last), strings by UTF-16 code units (Hadoop's Text compares bytes; no locale here).
 * defaultPartition hashes the key's text with Java's String.hashCode (what Spark's textual keys
 * get); MapReduce partitions with Hadoop's HashPartitioner over the key's Writable hash instead
 * (hadoopHash.ts: hadoopPartition).
 */
/**
 * A key's JSON text; a BigInt inside it is written as its digits and `n` (JSON itself refuses
 * BigInt). A value that refers to itself or nests too deeply has no text: the error says so in
 * the learner's terms (a Spark row is measured, keyed and shuffled as data).
 */
function keyJson(k: unknown): string {
  try {
    try {
      return JSON.stringify(k) ?? '';
    } catch (error) {
      if (!(error instanceof TypeError) || !/BigInt/.test(error.message)) throw error;
      return JSON.stringify(k, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? '';
    }
  } catch (error) {
    if (error instanceof RangeError || (error instanceof TypeError && /circular/i.test(error.message)))
      throw new TypeError(
        'a record refers to itself (a cycle) or nests too deeply: keys and values must be plain data (numbers, strings, arrays, objects) to be measured, sorted and shuffled',
      );
    throw error;
  }
}

function rank(k: unknown): number {
  switch (typeof k) {
    case 'number':
      return 0;
    case 'string':
      return 1;
    case 'boolean':
      return 2;
    default:
      return Array.isArray(k) ? 3 : 4;
  }
}

/**
 * Numbers in a total order: NaN after every other number and equal to itself (as Java's
 * Double.compare, Spark's Ordering[Double]), -0 equal to 0 (as Hadoop's DoubleWritable, and as a
 * Map groups them). `a < b ? -1 : a > b ? 1 : 0` made NaN equal to every number, so a NaN key
 * swallowed its neighbours' records and a sort came out unsorted.
 */
function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  // One or both NaN.
  const an = a !== a;
  return an === (b !== b) ? 0 : an ? 1 : -1;
}

export function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 2) return Number(a) - Number(b);
  if (ra === 3) {
    const x = a as unknown[];
    const y = b as unknown[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compareKeys(x[i], y[i]);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  }
  const sa = keyJson(a);
  const sb = keyJson(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** A primitive that identifies a key in a Map: strings and numbers as themselves, others as tagged JSON. */
export function keyId(k: unknown): string | number {
  if (typeof k === 'string' || typeof k === 'number') return k;
  return `\u0000${typeof k}:${keyJson(k)}`;
}

/** The key as text, as Hadoop's Text.toString would give it. */
export function keyText(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number' || typeof k === 'boolean' || typeof k === 'bigint') return String(k);
  return keyJson(k);
}

/** Java's String.hashCode (32-bit, s[0]*31^(n-1) + ... + s[n-1]). */
export function javaHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** (String.hashCode of the key's text & MAX_INT) % n. MapReduce uses hadoopPartition (hadoopHash.ts). */
export function defaultPartition(k: unknown, numReduceTasks: number): number {
  return (javaHashCode(keyText(k)) & 0x7fffffff) % numReduceTasks;
}

/** A rough serialized size of a value in bytes (Writable-like: 8 per number, UTF-16 length for text). */
export function approxBytes(v: unknown): number {
  switch (typeof v) {
    case 'number':
      return 8;
    case 'string':
      return v.length + 2;
    case 'boolean':
      return 1;
    case 'bigint':
      return 8;
    case 'undefined':
      return 0;
    default:
      return v === null ? 0 : keyJson(v).length;
  }
}
