/** The typed arrays whose length grows with the events, slots or records they hold. */
export type GrowableArray = Float64Array | Int32Array | Uint8Array | Uint16Array;

/** `a` when it holds `need` entries, else a copy of it at least twice as long (the new entries 0). */
export function grownArray<T extends GrowableArray>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (length: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
