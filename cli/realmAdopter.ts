/**
 * In the CLI, a learner's job runs in a `vm` context: a realm of its own, with its own Array,
 * Map, Set, Date and Object. What the engine builds (an action's result) comes from the worker's
 * realm, so `(await rdd.countByValue()) instanceof Map` would be false there, unlike in the
 * browser, where the job shares the worker's realm. `realmAdopter` copies such values into the
 * job's realm. The context's constructors and their methods are taken when the context is made,
 * before any learner code runs, so nothing the job replaces later is called.
 */
import vm from 'node:vm';

interface Realm {
  Array: ArrayConstructor;
  Map: MapConstructor;
  Set: SetConstructor;
  Date: DateConstructor;
  Object: ObjectConstructor;
  mapSet: (this: Map<unknown, unknown>, k: unknown, v: unknown) => unknown;
  setAdd: (this: Set<unknown>, v: unknown) => unknown;
}

/** The copier into `context`'s realm; call right after creating the context. */
export function realmAdopter(context: vm.Context): (value: unknown) => unknown {
  const realm = vm.runInContext(
    '({ Array, Map, Set, Date, Object, mapSet: Map.prototype.set, setAdd: Set.prototype.add })',
    context,
  ) as Realm;
  const own = new Set<unknown>([Array.prototype, Map.prototype, Set.prototype, Date.prototype, Object.prototype]);
  const adopt = (value: unknown, seen: Map<object, unknown>): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    // Only this worker's own kinds are copied; the job's objects and the engine's handles stay as they are.
    if (!own.has(Object.getPrototypeOf(value))) return value;
    const done = seen.get(value);
    if (done !== undefined) return done;
    const define = (target: object, key: PropertyKey, v: unknown) =>
      Object.defineProperty(target, key, { value: v, writable: true, enumerable: true, configurable: true });
    if (Array.isArray(value)) {
      const out = new realm.Array<unknown>(value.length);
      seen.set(value, out);
      value.forEach((x, i) => define(out, i, adopt(x, seen)));
      return out;
    }
    if (value instanceof Map) {
      const out = new realm.Map<unknown, unknown>();
      seen.set(value, out);
      for (const [k, v] of value) Reflect.apply(realm.mapSet, out, [adopt(k, seen), adopt(v, seen)]);
      return out;
    }
    if (value instanceof Set) {
      const out = new realm.Set<unknown>();
      seen.set(value, out);
      for (const v of value) Reflect.apply(realm.setAdd, out, [adopt(v, seen)]);
      return out;
    }
    if (value instanceof Date) return new realm.Date(value.getTime());
    const out = new realm.Object() as Record<string, unknown>;
    seen.set(value, out);
    for (const key of Object.keys(value)) define(out, key, adopt((value as Record<string, unknown>)[key], seen));
    return out;
  };
  return (value) => adopt(value, new Map());
}
