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

/** Every values Iterable handed out, so that ctx.write can refuse one (it is not data). */
const handedOut = new WeakSet<object>();

/** Whether `value` is the values Iterable of a reduce or combine call. */
export function isValueIterable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && handedOut.has(value);
}

/** The values of one reduce or combine call. `onKey` runs before each value with that value's key. */
export function valueIterable(
  runs: readonly ValueRun[],
  which: 'reduce' | 'combine',
  onKey: (key: unknown) => void,
): Iterable<unknown> {
  let walked = false;
  const target = {
    /** What console.log (JSON) shows of it. */
    toJSON: () => `[the values of ${which}: an Iterable — walk them with for (const v of values)]`,
    [Symbol.iterator](): Iterator<unknown> {
      if (walked) throw walkedTwice(which);
      walked = true;
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
    },
  };
  const values = new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'string' && (ARRAY_NAMES.has(prop) || /^\d+$/.test(prop)))
        throw notAnArray(which, /^\d+$/.test(prop) ? `values[${prop}]` : `values.${prop}`);
      return Reflect.get(t, prop, receiver) as unknown;
    },
  });
  handedOut.add(values);
  return values;
}
