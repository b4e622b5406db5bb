/**
 * A shuffle's map task computed row by row, as a Spark executor pipelines it: each row of the
 * map partition's source goes through the map, filter and flatMap steps above the shuffle and
 * straight into its bucket (combined there when the shuffle combines on the map side), so no
 * step's whole partition is ever held. Word count over a million lines held every step's
 * millions of rows at once and spent most of its time collecting garbage.
 *
 * The driver otherwise computes a partition step by step (every row through the first step,
 * then every row through the next): the learner's functions are called in another order here.
 * Only functions that cannot tell are pipelined: ones that capture nothing of the job file
 * (the closure compiler wraps every function that does), whose text names nothing with an
 * effect (console, Math, Date, this, prototype, RegExp...), sets no property of anything, and
 * reads nothing from outside itself but built-ins that keep no state (Number, String, JSON...;
 * not a helper the job put on globalThis): `effectFree`; and only over source rows that share no
 * object (`primitiveRows`: a textFile's lines, numbers). What this does not see, all on purpose
 * (the run stays deterministic, only the order of calls differs): a name declared in an inner
 * block read outside it, or a built-in's name the job reassigned. The source's partition is
 * computed once, as before; whatever a pipelined step throws, its rows are dropped and the
 * steps run one by one over the same source rows, which fails as it always did, with the same
 * error and line. Every RDD's record count and size are the ones the step-by-step run
 * records (rdd.ts sizeOf over the same first rows).
 */
import { keyId } from '../exec/keyOrder';
import { blankLiterals, outsideNames } from './outsideNames';
import { RunawayLoopError } from '../sandbox/contract/jobCodeError';
import { SPLIT_CALL } from '../sandbox/contract/splitCall';
import { asPair } from './rddArgs';
import { sizeFromSample, SIZE_SAMPLE, type Aggregator, type Pair, type Rdd } from './rdd';
import { builtInArrayValues } from './builtInArrayValues';
import { rowStage, sourceCounter, type Next, type StepCount } from './rowStage';
import { isTaskWrapper } from './taskClosures';

/**
 * Names whose use may have an effect another order of calls would show, or reach state shared
 * between calls. A function whose text holds one (even in a string or comment) is not pipelined.
 */
const EFFECT_NAMES =
  /\b(?:console|Math|Date|globalThis|this|self|window|global|eval|Function|Reflect|Proxy|Atomics|WeakRef|FinalizationRegistry|arguments|Object|process|require|module|exports|import|__sparkClosure|setTimeout|setInterval|queueMicrotask|prototype|__proto__|constructor|defineProperty|RegExp|Error|delete)\b|\$env|\[native code\]/;

/**
 * The only names from outside a pipelined function may read: built-ins that compute and keep no
 * state. Anything else (a helper the job put on globalThis, RegExp's last match, Error's settings)
 * could carry a value from one call to the next, which the order of calls would show.
 */
const PURE_GLOBALS = new Set([
  'Number', 'String', 'Boolean', 'BigInt', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'Array', 'JSON',
  'Map', 'Set', 'undefined', 'NaN', 'Infinity', 'encodeURIComponent', 'decodeURIComponent',
  // The compiler's `x.split(/re/)`: the call as written, which reads only `x` and its split.
  SPLIT_CALL,
]); // prettier-ignore

/** A property set, changed or counted up on anything: `a.b = `, `a[i] += `, `a.b++`, `--a[i]`. */
const MEMBER_WRITE =
  /(?:\.\s*[\w$]+|\])\s*(?:\*\*|<<|>>>?|&&|\|\||\?\?|[-+*/%&|^])?=(?![=>])|(?:\.\s*[\w$]+|\])\s*(?:\+\+|--)|(?:\+\+|--)\s*[\w$]+\s*(?:\.|\[)/;

const checked = new WeakMap<object, boolean>();

/** Whether calling `fn` in another order than step by step cannot change anything (see above). */
export function effectFree(fn: unknown): boolean {
  if (typeof fn !== 'function') return false;
  const known = checked.get(fn);
  if (known !== undefined) return known;
  let free = false;
  if (!isTaskWrapper(fn)) {
    try {
      free = readsNothingShared(Function.prototype.toString.call(fn));
    } catch {
      free = false; // a Proxy: its traps are the learner's
    }
  }
  checked.set(fn, free);
  return free;
}

/** The text test of effectFree: no effect's name, no property write, and nothing from outside but PURE_GLOBALS. */
export function readsNothingShared(text: string): boolean {
  if (EFFECT_NAMES.test(text)) return false;
  const code = blankLiterals(text);
  // A declaration's pattern (`const [a, , b] = ...`) is no property write.
  if (code === null || MEMBER_WRITE.test(code.replace(/\b(?:const|let|var)\s+[[{][^=]*=/g, 'const _ ='))) return false;
  const outside = outsideNames(text);
  return outside !== null && [...outside].every((name) => PURE_GLOBALS.has(name));
}

/** Whether the aggregator's functions (the learner's, for reduceByKey) may be called row by row. */
export function aggregatorEffectFree(agg: Aggregator | null): boolean {
  return agg === null || (agg.learnerFns !== undefined && agg.learnerFns.every(effectFree));
}

/**
 * Whether rows computed step by step and row by row are the same: so when no object is shared
 * between the source's rows (they are strings, numbers...). Effect-free functions reach nothing
 * but their arguments, so what they make for one row no other row's call can reach; an object
 * in two rows could be changed by one step and read by another in either order.
 */
export function primitiveRows(rows: unknown[]): boolean {
  for (const row of rows) if ((typeof row === 'object' && row !== null) || typeof row === 'function') return false;
  return true;
}

/** Whether a map task reads the source's partition row by row (eachRow, strings) rather than computing it. */
export function streamsSource(source: Rdd): boolean {
  return source.eachRow !== null && !source.persisted && source.cached.size === 0;
}

/**
 * The steps above `rdd` that a map task may pipeline (first step first) and the RDD whose
 * partition they start from, or null when there is none. A persisted RDD is where a chain starts
 * (its partition is kept as computed), as is any RDD that is not a map, filter or flatMap of one
 * parent's partition by an effect-free function.
 */
export function pipelinedSteps(rdd: Rdd): { source: Rdd; steps: Rdd[] } | null {
  const steps: Rdd[] = [];
  let at = rdd;
  // A row goes down the steps by one call per step: a very long chain starts further down.
  while (
    steps.length < MAX_STEPS &&
    at.step !== null &&
    !at.persisted &&
    at.cached.size === 0 &&
    effectFree(at.step.fn)
  ) {
    steps.unshift(at);
    at = at.rt.rdds[at.deps[0]!.parent]!;
  }
  return steps.length === 0 ? null : { source: at, steps };
}

const MAX_STEPS = 64;

/**
 * Map task `m` pipelined from its source's rows (null: read as they come with the source's
 * eachRow) into `numReduces` buckets by `part`, combined with `agg` when given: the buckets, or
 * null when anything threw (the caller then runs the steps one by one over the same source
 * rows, or over the source computed again). `method` names the pair function whose rows must
 * be pairs (null: any rows). Called inside the map task.
 */
export function pipelinedMapTask(
  chain: { source: Rdd; steps: Rdd[] },
  sourceRows: unknown[] | null,
  m: number,
  numReduces: number,
  part: (row: unknown, m: number) => number,
  agg: Aggregator | null,
  method: string | null,
): unknown[][] | null {
  const counts: StepCount[] = chain.steps.map((rdd) => ({ rdd, step: rdd.step!, rows: 0, sampleBytes: 0 }));
  const lists: unknown[][] = [];
  for (let r = 0; r < numReduces; r++) lists.push([]);
  const sink = agg ? combiningSink(lists, part, m, agg, method) : listSink(lists, part, m, method);
  // Each step a function handing its rows to the next (first step first).
  let down = sink;
  for (let i = counts.length - 1; i >= 0; i--) down = rowStage(counts[i]!, down);
  const read: StepCount | null =
    sourceRows === null ? { rdd: chain.source, step: null, rows: 0, sampleBytes: 0 } : null;
  try {
    if (read !== null) chain.source.eachRow!(m, sourceCounter(read, down));
    else for (const row of sourceRows!) down(row);
  } catch (error) {
    // A loop stopped at the run's deadline is told now: after it every loop stops at once, so
    // running the steps again would blame the first loop they meet instead.
    if (error instanceof RunawayLoopError) throw error;
    return null;
  }
  if (read !== null) counts.push(read);
  for (const c of counts) {
    if (c.rdd.records[m] !== -1) continue;
    c.rdd.records[m] = c.rows;
    c.rdd.bytes[m] = sizeFromSample(c.sampleBytes, Math.min(c.rows, SIZE_SAMPLE), c.rows);
  }
  return lists;
}

/** How many slots combiningSink keeps for recent string keys, less one (a power of two less one: a mask). */
const SLOT_MASK = 511;

/** The map task's rows into their buckets as they come (no map-side combine). */
function listSink(
  lists: unknown[][],
  part: (row: unknown, m: number) => number,
  m: number,
  method: string | null,
): Next {
  return (row) => {
    if (method !== null && !(Array.isArray(row) && row.length === 2)) asPair(row, method);
    lists[part(row, m)]!.push(row);
  };
}

/**
 * The map task's pairs combined per bucket as they come (rdd.ts combineRows: the first value of
 * a key through `create`, the next ones through `merge`, keys in the order they first came); the
 * buckets are filled with the combined pairs by `finish`, called through `lists` at the end.
 * A string or number key is placed once, when it first comes: its bucket depends on it alone
 * (a key of another kind is placed by keyId, which two keys in different buckets may share).
 */
function combiningSink(
  lists: unknown[][],
  part: (row: unknown, m: number) => number,
  m: number,
  agg: Aggregator,
  method: string | null,
): Next {
  let builtIn: unknown = null;
  const plain = new Map<string | number, Pair>();
  const other: Map<unknown, Pair>[] = lists.map(() => new Map());
  // The pair a string or number key combines into, made when the key first comes.
  const plainPair = (k: string | number, v: unknown, row: unknown): Pair => {
    const c = plain.get(k);
    if (c !== undefined) {
      c[1] = agg.merge(c[1], v);
      return c;
    }
    const pair: Pair = [k, agg.create(v)];
    plain.set(k, pair);
    // Kept in first-come order per bucket, as combineRows keeps them.
    lists[part(row, m)]!.push(pair);
    return pair;
  };
  // The last pair of each kind of string key (its length and three of its characters): a key
  // equal to its slot's is that pair's, found without hashing it and probing `plain`. Keys
  // mostly come again soon (a word count's words, a day's readings), and comparing two short
  // strings costs a fraction of a Map lookup of a fresh string.
  const slots = new Array<Pair | undefined>(SLOT_MASK + 1).fill(undefined);
  const sink = (row: unknown): void => {
    if (method !== null && !(Array.isArray(row) && row.length === 2)) asPair(row, method);
    // As combineRows' `[k, v]` reads it: by index when the pair's array iterator is the built-in one.
    let k: unknown;
    let v: unknown;
    const iterator = (row as Pair)[Symbol.iterator];
    if (iterator === builtIn || builtInArrayValues(iterator)) {
      builtIn = iterator;
      k = (row as Pair)[0];
      v = (row as Pair)[1];
    } else [k, v] = row as Pair;
    // (A string starting with NUL could equal another kind of key's keyId: it goes the general way.)
    if (typeof k === 'string' && k.charCodeAt(0) !== 0) {
      const n = k.length;
      const s =
        n === 0 ? 0 : (n * 131 + k.charCodeAt(0) * 31 + k.charCodeAt(n - 1) * 7 + k.charCodeAt(n >> 1)) & SLOT_MASK;
      const last = slots[s];
      if (last !== undefined && last[0] === k) last[1] = agg.merge(last[1], v);
      else slots[s] = plainPair(k, v, row);
      return;
    }
    if (typeof k === 'number') {
      plainPair(k, v, row);
      return;
    }
    const into = other[part(row, m)]!;
    const id = keyId(k);
    const c = into.get(id);
    if (c === undefined) {
      const pair: Pair = [k, agg.create(v)];
      into.set(id, pair);
      lists[part(row, m)]!.push(pair);
    } else c[1] = agg.merge(c[1], v);
  };
  return sink;
}
