/**
 * Watches a built-in object that the sandbox cannot freeze without slowing every learner down:
 * RegExp.prototype in the browser's sandbox worker, where the learner's code and the engine share
 * one realm (freezeIntrinsics.ts spares it). Frozen, sealed, or with one property made read-only,
 * RegExp.prototype loses the shape V8's fast paths for `split`, `replace` and `match` check for,
 * and `line.split(/\s+/)` ran 11 times slower. So instead of preventing a change, the worker
 * looks for one (`changed`) before it handles each request and before it posts each reply: a job
 * that changed the object fails its run with a message naming what it changed, and the pool
 * replaces the worker, so no later run meets the change. The look compares the object's own
 * properties (values, accessors and attributes) and its prototype with a snapshot taken before
 * any learner code ran: a few dozen reads.
 */

interface Snapshot {
  key: PropertyKey;
  descriptor: PropertyDescriptor;
}

export interface IntrinsicWatch {
  /** What changed since the snapshot ("RegExp.prototype.exec"), or null when nothing did. */
  changed(): string | null;
}

/** Takes the snapshot of `target`, named `name` in messages. */
export function watchIntrinsic(target: object, name: string): IntrinsicWatch {
  const getDescriptor = Reflect.getOwnPropertyDescriptor;
  const ownKeys = Reflect.ownKeys;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const prototype = getPrototypeOf(target);
  const snapshot: Snapshot[] = ownKeys(target).map((key) => ({ key, descriptor: getDescriptor(target, key)! }));
  // A key the learner added may be any length: its name is cut to fit a reply (REPLY_LIMITS.name).
  const label = (key: PropertyKey): string => {
    const text = typeof key === 'symbol' ? `[${String(key.description)}]` : `.${key}`;
    return `${name}${text.length > 100 ? `${text.slice(0, 100)}…` : text}`;
  };
  return {
    changed() {
      if (getPrototypeOf(target) !== prototype) return `the prototype of ${name}`;
      const keys = ownKeys(target);
      for (const { key, descriptor: was } of snapshot) {
        const now = getDescriptor(target, key);
        if (
          now === undefined ||
          !Object.is(now.value, was.value) ||
          now.get !== was.get ||
          now.set !== was.set ||
          now.writable !== was.writable ||
          now.enumerable !== was.enumerable ||
          now.configurable !== was.configurable
        )
          return label(key);
      }
      if (keys.length !== snapshot.length) {
        const added = keys.find((key) => !snapshot.some((s) => s.key === key));
        return added === undefined ? name : label(added);
      }
      return null;
    },
  };
}
