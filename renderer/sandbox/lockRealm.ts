/**
 * A browser sandbox worker serves every run of its page, so nothing a run leaves in the worker's
 * realm may reach a later run: a `process` left on the global made DuckDB's code take the worker
 * for Node; `WebAssembly.Memory.prototype.grow` replaced made every later query that needed more
 * memory fail; `Intl.NumberFormat.prototype.format` or an iterator helper's `next` replaced would
 * change what later code computes; a property on `Math.max` would carry data from run to run.
 *
 * `lockRealm` walks everything reachable from the worker's global (and from the intrinsics a job
 * reaches without naming them, such as the iterator helpers' prototype) through property values,
 * `.prototype` and prototypes, and makes each object's properties read-only and permanent and the
 * object closed to new ones. Getters are read only on the global (its singletons: performance,
 * crypto, location) and on the frozen intrinsics (a tamed accessor answers for the object itself).
 * Skipped, and not walked into: objects the engine's own code changes later (`keepMutable`:
 * DuckDB's runtime keeps its open files in its fields). What freezeIntrinsics froze is walked into,
 * not locked again.
 */

import { lockProperties } from '../../engine/sandbox';

/** Objects the engine's own code changes after the realm is locked: lockRealm leaves them open. */
const mutable = new Set<object>();

/** Leaves `target` (and what it holds) open to changes when the realm is locked. */
export function keepMutable(target: object): void {
  mutable.add(target);
}

/** Intrinsics a job reaches from values it makes, not from any global name (where this browser has them). */
function hiddenIntrinsics(): unknown[] {
  const found: unknown[] = [];
  const tryAdd = (make: () => unknown) => {
    try {
      const value = make();
      if ((typeof value === 'object' || typeof value === 'function') && value !== null) found.push(value);
    } catch {
      // Not in this browser.
    }
  };
  type Helpers = { map?(f: (x: unknown) => unknown): object };
  const values = [][Symbol.iterator]() as unknown as Helpers;
  tryAdd(() => Object.getPrototypeOf(values.map?.((x) => x)));
  const iterator = (globalThis as { Iterator?: { from?(o: object): object } }).Iterator;
  tryAdd(() => Object.getPrototypeOf(iterator?.from?.({ next: () => ({ done: true }) })));
  tryAdd(() => {
    const segments = new Intl.Segmenter().segment('a');
    found.push(Object.getPrototypeOf(segments));
    return Object.getPrototypeOf(segments[Symbol.iterator]());
  });
  tryAdd(() => Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())));
  return found;
}

export function lockRealm(scope: object): void {
  const seen = new Set<object>();
  const pending: object[] = [];
  const visit = (value: unknown) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
    if (seen.has(value) || mutable.has(value)) return;
    seen.add(value);
    pending.push(value);
  };
  const chain = new Set<object>();
  for (let o: object | null = scope; o; o = Object.getPrototypeOf(o) as object | null) chain.add(o);
  for (const root of [scope, ...hiddenIntrinsics()]) visit(root);
  while (pending.length > 0) {
    const target = pending.pop()!;
    visit(Object.getPrototypeOf(target));
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (!descriptor) continue;
      if ('value' in descriptor) {
        visit(descriptor.value);
        continue;
      }
      // Getters are read on the global's chain (the scope the receiver) and on the frozen intrinsics
      // (their tamed accessors answer for the object itself); a Web API prototype's getter refuses
      // the prototype, some with a rejected promise that would reach the page as unhandled.
      const onChain = chain.has(target);
      if (!descriptor.get || !(onChain || Object.isFrozen(target))) continue;
      try {
        visit(Reflect.get(target, key, onChain ? scope : target));
      } catch {
        // A getter that throws holds nothing to lock.
      }
    }
  }
  for (const target of seen) {
    if (Object.isFrozen(target)) continue;
    lockProperties(target);
    try {
      Object.preventExtensions(target);
    } catch {
      // An object the browser does not let us close stays open.
    }
  }
}
