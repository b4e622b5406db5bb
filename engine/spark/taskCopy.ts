/**
 * How a task gets its own copy of what its closures capture, as deserializing them would give
 * (engine/spark/taskClosures.ts says when): primitives as they are; arrays, plain objects, Map,
 * Set, Date and typed arrays deep-copied with cycles and shared objects kept (shared across the
 * closures of one task too, as one task binary holds them all); class instances field by field
 * with their prototype (methods by reference); functions by reference; objects registered with
 * `shareAcrossTasks` (a Broadcast, an accumulator, `sc`) and RDD handles as they are; an
 * ArrayBuffer copied; a Promise, an Error and a SharedArrayBuffer as they are. What no JavaScript
 * code can copy is Spark's "Task not serializable" (NotSerializableError), naming the captured
 * variable: an instance of a class with #private fields, a WeakMap, WeakSet or WeakRef.
 */
import { rddOf } from './rddHandle';

const shared = new WeakSet<object>();

/** Marks an object that a task uses as it is, never copied (a Broadcast, an accumulator, `sc`). */
export function shareAcrossTasks<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

/** The copies made for the current task: one copy of an object per task, whichever closure captured it. */
let memoTask = -1;
let memo = new Map<object, unknown>();

/** Classes with #private members, by prototype: their instances cannot be copied (see NotSerializableError). */
const privateClasses = new WeakMap<object, { name: string; line: number; fields: readonly string[] }>();

/** `__sparkClosure.privateFields(cls, line, names)`, run by the class's first static block. */
export function privateFields(cls: { name: string; prototype: object }, line: number, fields: readonly string[]): void {
  privateClasses.set(cls.prototype, { name: cls.name || 'anonymous class', line, fields });
}

/**
 * Spark's `Task not serializable` (java.io.NotSerializableException): a task needs its own copy
 * of an object that cannot be copied. Here: an instance of a class with #private fields, which
 * no JavaScript code can read or copy (a copy without them fails on its first `this.#x`).
 */
export class NotSerializableError extends Error {
  override name = 'NotSerializableException';
}

/** The captured variable being copied, named by NotSerializableError (null: a broadcast value, a bound receiver). */
let copying: string | null = null;

function refusePrivate(proto: object | null): void {
  for (let p = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const info = privateClasses.get(p);
    if (!info) continue;
    refuse(
      `class ${info.name} (line ${info.line})`,
      `its private fields (${info.fields.join(', ')}) cannot be copied by any JavaScript code`,
      `Make them ordinary fields (this.${info.fields[0]!.slice(1)}), or create the object inside the task (in mapPartitions).`,
    );
  }
}

function refuse(kind: string, why: string, fix = 'Create it inside the task (in mapPartitions).'): never {
  const what = copying === null ? 'an instance' : `\`${copying}\`, which holds an instance`;
  throw new NotSerializableError(
    `Task not serializable: a task needs its own copy of ${what} of ${kind}, and ${why}; in Spark each task ` +
      `works on a deserialized copy of what its closure uses. ${fix}`,
  );
}

/**
 * The task's copy of a closure's bindings, as plain data properties (the fastest to read; a
 * `const` the task assigns changes only its copy, where on the driver it would be a TypeError).
 * One copy per env object and task: the functions that share an env (a closure and the ones it
 * makes, the members of one statement list) share their task's copy of it, as one task binary
 * holds them all. A binding still uninitialized (a `let` below the code that runs) stays so.
 */
export function copyEnv(
  env: Record<string, unknown>,
  task: number,
  names: readonly string[] = Object.keys(env),
): object {
  startCopies(task);
  let out = memo.get(env) as Record<string, unknown> | undefined;
  const fresh = out === undefined;
  if (out === undefined) {
    // No prototype: a captured variable may be named toString, constructor or __proto__.
    out = Object.create(null) as Record<string, unknown>;
    memo.set(env, out);
  }
  for (const name of names) {
    if (!fresh && Object.prototype.hasOwnProperty.call(out, name)) continue;
    let value: unknown;
    try {
      value = env[name];
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name !== 'ReferenceError') throw error;
      const uninitialized = () => {
        throw error;
      };
      Object.defineProperty(out, name, { get: uninitialized, set: uninitialized, enumerable: true });
      continue;
    }
    copying = name;
    try {
      Object.defineProperty(out, name, { value: copyForTask(value), writable: true, enumerable: true });
    } finally {
      copying = null;
    }
  }
  return out;
}

/** Copies made from now on are the task's: one copy of an object per task. */
export function startCopies(task: number): void {
  if (memoTask !== task) {
    memoTask = task;
    memo = new Map();
  }
}

/** A deep copy of `value` as a serializer makes it (Broadcast's snapshot): the same rules as a task's copy. */
export function serializedCopy<T>(value: T): T {
  const [savedTask, savedMemo] = [memoTask, memo];
  memoTask = -1;
  memo = new Map();
  try {
    return copyForTask(value) as T;
  } finally {
    [memoTask, memo] = [savedTask, savedMemo];
  }
}

/** A copy of a value for the current task, as deserializing it would give (see the file's comment). */
export function copyForTask(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (shared.has(value) || rddOf(value)) return value;
  const seen = memo.get(value);
  if (seen !== undefined) return seen;
  if (Array.isArray(value)) {
    const copy = value.slice();
    memo.set(value, copy);
    for (let i = 0; i < copy.length; i++) if (i in copy) copy[i] = copyForTask(copy[i]);
    return frozenLike(value, copy);
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null || Object.getPrototypeOf(proto) === null) return copyFields(value, proto);
  if (ArrayBuffer.isView(value)) {
    const copy = 'slice' in value && typeof value.slice === 'function' ? (value.slice() as object) : value;
    memo.set(value, copy);
    return copy;
  }
  if (isMap(value)) {
    const copy = withProto(new Map(), proto, Map.prototype);
    memo.set(value, copy);
    Map.prototype.forEach.call(value, (v: unknown, k: unknown) => copy.set(copyForTask(k), copyForTask(v)));
    return frozenLike(value, copy);
  }
  if (isSet(value)) {
    const copy = withProto(new Set(), proto, Set.prototype);
    memo.set(value, copy);
    Set.prototype.forEach.call(value, (v: unknown) => copy.add(copyForTask(v)));
    return frozenLike(value, copy);
  }
  const time = dateValue(value);
  if (time !== null) {
    // A copy of the learner's Date value; the engine's clock is not read.
    // eslint-disable-next-line no-restricted-syntax
    const copy = withProto(new Date(time), proto, Date.prototype);
    memo.set(value, copy);
    return copy;
  }
  if (isRegExp(value)) {
    // A serialized pattern: the same source and flags, its lastIndex back at 0 in each task.
    const copy = withProto(new RegExp(value.source, value.flags), proto, RegExp.prototype);
    memo.set(value, copy);
    return copy;
  }
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object ArrayBuffer]') {
    const copy = withProto(ArrayBuffer.prototype.slice.call(value, 0), proto, ArrayBuffer.prototype);
    memo.set(value, copy);
    return copy;
  }
  if (/^\[object (WeakMap|WeakSet|WeakRef)\]$/.test(tag)) refuse(tag.slice(8, -1), 'its entries cannot be listed');
  if (isOpaque(tag)) return value;
  refusePrivate(proto);
  return copyFields(value, proto); // a class instance: its fields, its prototype (and methods)
}

function isRegExp(value: object): value is RegExp {
  return Object.prototype.toString.call(value) === '[object RegExp]' && typeof (value as RegExp).source === 'string';
}

/**
 * A plain object or a class instance: every own property (symbols and non-enumerable ones too),
 * data copied and accessors kept as accessors, the same prototype. (Private #fields cannot be
 * copied by any JavaScript code: a class with them is best shared with a broadcast.)
 */
function copyFields(value: object, proto: object | null): object {
  let descriptors: PropertyDescriptorMap;
  try {
    descriptors = Object.getOwnPropertyDescriptors(value);
  } catch {
    return value; // a revoked Proxy: nothing to read, so nothing to copy
  }
  const copy = Object.create(proto) as object;
  memo.set(value, copy);
  for (const key of Reflect.ownKeys(descriptors)) {
    const d = descriptors[key as string]!;
    if ('value' in d) d.value = copyForTask(d.value);
    Object.defineProperty(copy, key, d);
  }
  return frozenLike(value, copy);
}

function frozenLike<T extends object>(original: object, copy: T): T {
  return Object.isFrozen(original) ? Object.freeze(copy) : copy;
}

/** The object itself made in this realm, with the original's prototype when it came from another realm. */
function withProto<T extends object>(made: T, proto: object, own: object): T {
  if (proto !== own) Object.setPrototypeOf(made, proto);
  return made;
}

// Brand checks work across realms (the learner's code may run in a vm context of its own).
export function isMap(value: object): value is Map<unknown, unknown> {
  try {
    Map.prototype.has.call(value, undefined);
    return true;
  } catch {
    return false;
  }
}
export function isSet(value: object): value is Set<unknown> {
  try {
    Set.prototype.has.call(value, undefined);
    return true;
  } catch {
    return false;
  }
}
function dateValue(value: object): number | null {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return null;
  }
}
/**
 * Built-ins kept as they are: a Promise (a task cannot change it), an Error (shared, not copied),
 * a SharedArrayBuffer (memory shared by design).
 */
function isOpaque(tag: string): boolean {
  return /^\[object (Promise|SharedArrayBuffer|Error)\]$/.test(tag);
}
