/**
 * The largest and smallest of many numbers, by a loop: `Math.max(...values)` passes every value
 * as an argument and throws a RangeError ("Maximum call stack size exceeded") past about a
 * hundred thousand of them, so a run with a million task attempts would take the page down.
 * `pick` reads the number from each item without building an array of numbers first.
 * An empty list gives `start` (Math.max() gives -Infinity, Math.min() Infinity).
 */
export function maxOf<T>(items: Iterable<T>, pick: (item: T) => number, start = -Infinity): number {
  let best = start;
  for (const item of items) {
    const v = pick(item);
    if (v > best || Number.isNaN(v)) best = v;
    if (Number.isNaN(best)) return NaN;
  }
  return best;
}

export function minOf<T>(items: Iterable<T>, pick: (item: T) => number, start = Infinity): number {
  let best = start;
  for (const item of items) {
    const v = pick(item);
    if (v < best || Number.isNaN(v)) best = v;
    if (Number.isNaN(best)) return NaN;
  }
  return best;
}
