/**
 * Makes `target`'s own properties that `which` picks read-only and permanent (those it can: a
 * property the runtime does not let us lock stays as it is). With Object.preventExtensions after
 * it, what Object.freeze does to an object without indexed properties, done property by property
 * (freezeIntrinsics.ts: closed, not frozen; renderer/sandbox/lockRealm.ts: a browser worker's realm).
 */
export function lockProperties<T extends object>(
  target: T,
  which: (descriptor: PropertyDescriptor) => boolean = () => true,
): T {
  for (const key of Reflect.ownKeys(target)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
    if (!descriptor?.configurable || !which(descriptor)) continue;
    try {
      Object.defineProperty(
        target,
        key,
        'value' in descriptor ? { writable: false, configurable: false } : { configurable: false },
      );
    } catch {
      // A property the runtime does not let us lock stays as it is.
    }
  }
  return target;
}
