/**
 * Whether a function is a realm's built-in Array.prototype.values with its built-in iterator
 * `next` (fusedMapSide.ts, rowStage.ts): then `[k, v] = pair` reads pair[0] and pair[1] and
 * nothing else, and `for (const y of made)` reads made[0], made[1]... up to its length.
 */
const genuine = new WeakMap<object, boolean>();

/**
 * Whether `values` is a realm's built-in Array.prototype.values with its built-in iterator
 * `next`. Checked without calling anything of the learner's (a getter, a Proxy trap).
 */
export function builtInArrayValues(values: unknown): boolean {
  if (typeof values !== 'function') return false;
  let known = genuine.get(values);
  if (known === undefined) {
    known = false;
    const text = Function.prototype.toString;
    try {
      if (text.call(values) === 'function values() { [native code] }') {
        const proto = Object.getPrototypeOf((values as () => object).call([])) as object;
        const next = Object.getOwnPropertyDescriptor(proto, 'next')?.value as unknown;
        known = typeof next === 'function' && text.call(next) === 'function next() { [native code] }';
      }
    } catch {
      known = false;
    }
    genuine.set(values, known);
  }
  return known;
}
