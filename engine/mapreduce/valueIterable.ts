/**
 * The values a reduce (or combine) gets for one key, as Hadoop gives them: an Iterable walked
 * once (ReduceContextImpl.ValueIterable streams them from the merged, sorted map outputs; they
 * are not kept). A second walk throws, saying why (on Hadoop it would silently see no values),
 * and so does using it as an array (`values.length`, `values.reduce(...)`, `values[0]`).
 *
 * With a grouping comparator one call may hold several keys: `onKey` is told each value's key
 * before it is handed out, as Hadoop advances the key object while the values are iterated
 * (context.getCurrentKey()).
 */

/** One key's values inside a group: `values[start, start + count)`. */
export interface ValueRun {
  key: unknown;
  values: ArrayLike<unknown>;
  start: number;
  count: number;
}

const ARRAY_NAMES: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Array.prototype).filter((n) => !(n in Object.prototype)),
);

function notAnArray(which: string, access: string): TypeError {
  return new TypeError(
    `${access}: the values given to ${which} are an Iterable, as in Hadoop (${which}(key, Iterable<VALUEIN> values, context)), not an array — walk them once with for (const v of values) { ... }, or copy them first with const list = [...values]`,
  );
}

function walkedTwice(which: string): Error {
  return new Error(
    `the values given to ${which} were walked a second time: as in Hadoop, they can be walked only once (they stream from the merged, sorted map outputs and are not kept; Hadoop's second loop would silently see no values) — copy them first with const list = [...values] to walk them twice`,
  );
}

/** The brand checks of ValueIterable, kept here: nothing a learner can reach can swap them. */
let hasBrand: (value: object) => boolean;
let whichOf: (value: unknown) => 'reduce' | 'combine';

/**
 * Array-style reads (`values.length`, `values.map`, `values[0]`) miss the iterable's own
 * properties and its class's prototype and end here, on one Proxy shared by every values
 * Iterable (a Proxy per reduce call cost more than the learner's reduce on small groups); any
 * other name is read from Object.prototype, as on a plain object (`String(values)`).
 */
const arrayAccessGuard: object = new Proxy(Object.freeze({}), {
  get(target, prop, receiver: unknown) {
    if (typeof prop === 'string' && (ARRAY_NAMES.has(prop) || /^\d+$/.test(prop)))
      throw notAnArray(whichOf(receiver), /^\d+$/.test(prop) ? `values[${prop}]` : `values.${prop}`);
    return Reflect.get(target, prop, receiver) as unknown;
  },
});

/**
 * The values of one reduce or combine call: walked once, with `onKey` told each value's key.
 * Workers run one job after another, so everything shared is frozen (the class, its prototype,
 * the guard): a learner's code cannot change how the next job's values behave.
 */
class ValueIterable implements Iterable<unknown> {
  // Private fields: the learner's code sees no property of its own on the values.
  #walked = false;
  readonly #runs: readonly ValueRun[];
  readonly #which: 'reduce' | 'combine';
  readonly #onKey: (key: unknown) => void;

  static {
    // Brand checks on private fields: they never run a learner's getter or Proxy trap.
    hasBrand = (value) => #walked in value;
    whichOf = (value) =>
      typeof value === 'object' && value !== null && #which in value ? (value as ValueIterable).#which : 'reduce';
  }

  constructor(runs: readonly ValueRun[], which: 'reduce' | 'combine', onKey: (key: unknown) => void) {
    this.#runs = runs;
    this.#which = which;
    this.#onKey = onKey;
  }

  /** What console.log (JSON) shows of it. */
  toJSON(): string {
    return `[the values of ${this.#which}: an Iterable — walk them with for (const v of values)]`;
  }

  [Symbol.iterator](): Iterator<unknown> {
    if (this.#walked) throw walkedTwice(this.#which);
    this.#walked = true;
    const runs = this.#runs;
    const onKey = this.#onKey;
    let r = 0;
    let i = 0;
    return {
      next(): IteratorResult<unknown> {
        while (r < runs.length && i >= runs[r]!.count) {
          r++;
          i = 0;
        }
        if (r >= runs.length) return { done: true, value: undefined };
        const run = runs[r]!;
        if (i === 0) onKey(run.key);
        return { done: false, value: run.values[run.start + i++] };
      },
    };
  }
}
Object.setPrototypeOf(ValueIterable.prototype, arrayAccessGuard);
// `values.constructor` would lead to the class: there is none to see.
Object.defineProperty(ValueIterable.prototype, 'constructor', { value: undefined });
Object.freeze(ValueIterable.prototype);
Object.freeze(ValueIterable);

/** Whether `value` is the values Iterable of a reduce or combine call. */
export function isValueIterable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && hasBrand(value);
}

/** The values of one reduce or combine call. `onKey` runs before each value with that value's key. */
export function valueIterable(
  runs: readonly ValueRun[],
  which: 'reduce' | 'combine',
  onKey: (key: unknown) => void,
): Iterable<unknown> {
  return new ValueIterable(runs, which, onKey);
}

/**
 * Calls `fn(key, values)` once per run of consecutive groups that `same` calls equal (Hadoop
 * compares each key with the next), the key being the run's first; `values` walks every group's
 * values once (`runsOf` lists a group's value runs), moving the current key along (`setKey`).
 * Returns how many calls it made.
 */
export function forEachKeyRun<G extends { readonly key: unknown }>(
  groups: readonly G[],
  same: (a: unknown, b: unknown) => boolean,
  which: 'reduce' | 'combine',
  setKey: (key: unknown) => void,
  runsOf: (group: G, into: ValueRun[]) => void,
  fn: (key: unknown, values: Iterable<unknown>) => void,
): number {
  let calls = 0;
  for (let i = 0; i < groups.length;) {
    let j = i + 1;
    while (j < groups.length && same(groups[j - 1]!.key, groups[j]!.key)) j++;
    const runs: ValueRun[] = [];
    for (let k = i; k < j; k++) runsOf(groups[k]!, runs);
    setKey(groups[i]!.key);
    fn(groups[i]!.key, valueIterable(runs, which, setKey));
    calls++;
    i = j;
  }
  return calls;
}
