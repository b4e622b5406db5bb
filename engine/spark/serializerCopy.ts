/**
 * A copy of a value the way Spark's serializer copies a zero value for each use (fold, aggregate,
 * foldByKey, aggregateByKey: `Utils.clone(zeroValue, serializer)`): a Map stays a Map, a Set a Set,
 * a Date a Date, an array an array, an object keeps its prototype; shared and cyclic references
 * stay shared; functions are not copied. No JSON round trip (it would turn a Set into `{}`).
 */
export function serializerCopy<T>(value: T): T {
  return copy(value, new Map<object, unknown>()) as T;
}

function copy(v: unknown, seen: Map<object, unknown>): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array<unknown>(v.length);
    seen.set(v, out);
    for (let i = 0; i < v.length; i++) out[i] = copy(v[i], seen);
    return out;
  }
  if (isMap(v)) {
    const out = new Map<unknown, unknown>();
    seen.set(v, out);
    Map.prototype.forEach.call(v, (val: unknown, key: unknown) => out.set(copy(key, seen), copy(val, seen)));
    return out;
  }
  if (isSet(v)) {
    const out = new Set<unknown>();
    seen.set(v, out);
    Set.prototype.forEach.call(v, (val: unknown) => out.add(copy(val, seen)));
    return out;
  }
  const time = dateTime(v);
  if (time !== undefined) {
    // eslint-disable-next-line no-restricted-syntax -- a copy of the learner's Date value, not the clock
    const out = new Date(time);
    seen.set(v, out);
    return out;
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const out = (v as unknown as Uint8Array).slice();
    seen.set(v, out);
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(v) as object | null) as Record<string, unknown>;
  seen.set(v, out);
  for (const key of Object.keys(v))
    Object.defineProperty(out, key, {
      value: copy((v as Record<string, unknown>)[key], seen),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

function isMap(v: object): boolean {
  try {
    Map.prototype.has.call(v, undefined);
    return true;
  } catch {
    return false;
  }
}

function isSet(v: object): boolean {
  try {
    Set.prototype.has.call(v, undefined);
    return true;
  } catch {
    return false;
  }
}

function dateTime(v: object): number | undefined {
  try {
    return Date.prototype.getTime.call(v) as number;
  } catch {
    return undefined;
  }
}
