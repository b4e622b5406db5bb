/**
 * The run-time half of Spark's closures (the compile-time half is
 * engine/sandbox/compile/sparkClosures.ts): `sparkClosure(make, env)` is what a wrapped closure
 * becomes. Called on the driver (currentTask() is 0: a plain array's map, the driver-side merge
 * of reduce) it is the learner's function with live bindings. Called inside a task it is an
 * instance built from a copy of the captured values, one copy per task, as each Spark task
 * deserializes its own copy of the closure: what the task changes never reaches the driver.
 *
 * The copy is made as a serializer would: primitives as they are; arrays, plain objects, Map,
 * Set, Date and typed arrays deep-copied with cycles and shared objects kept (shared across the
 * closures of one task too, as one task binary holds them all); class instances field by field
 * with their prototype (methods by reference); functions by reference; objects registered with
 * `shareAcrossTasks` (a Broadcast, an accumulator, `sc`) and RDD handles as they are.
 */
import { rddOf } from './rddHandle';
import { currentTask } from './taskContext';

const shared = new WeakSet<object>();

/** Marks an object that a task uses as it is, never copied (a Broadcast, an accumulator, `sc`). */
export function shareAcrossTasks<T extends object>(value: T): T {
  shared.add(value);
  return value;
}

/** The copies made for the current task: one copy of an object per task, whichever closure captured it. */
let memoTask = -1;
let memo = new Map<object, unknown>();

type Closure = (...args: unknown[]) => unknown;

/** A wrapped closure: `make(env)` builds the learner's function over the bindings in `env`. */
export function sparkClosure(make: (env: object) => Closure, env: Record<string, unknown>): Closure {
  const live = make(env);
  let token = 0;
  let instance: Closure = live;
  const wrapper = function (this: unknown, ...args: unknown[]) {
    const task = currentTask();
    if (task === 0) return live.apply(this, args);
    if (task !== token) {
      token = task;
      instance = make(copyEnv(env, task));
    }
    return instance.apply(this, args);
  };
  // The learner's function as they wrote it: its name and how many parameters it takes.
  Object.defineProperty(wrapper, 'length', { value: live.length });
  Object.defineProperty(wrapper, 'name', { value: live.name });
  return wrapper;
}

/**
 * The task's copy of a closure's bindings, as plain data properties (the fastest to read; a
 * `const` the task assigns changes only its copy, where on the driver it would be a TypeError).
 */
function copyEnv(env: Record<string, unknown>, task: number): object {
  if (memoTask !== task) {
    memoTask = task;
    memo = new Map();
  }
  // No prototype: a captured variable may be named toString, constructor or __proto__.
  const out = Object.create(null) as Record<string, unknown>;
  for (const name of Object.keys(env))
    Object.defineProperty(out, name, { value: copyForTask(env[name]), writable: true, enumerable: true });
  return out;
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
function copyForTask(value: unknown): unknown {
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
  if (isOpaque(value)) return value;
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
/** Built-ins a field-by-field copy would break (a Promise, a RegExp, weak collections): kept as they are. */
function isOpaque(value: object): boolean {
  const tag = Object.prototype.toString.call(value);
  return /^\[object (Promise|RegExp|WeakMap|WeakSet|WeakRef|ArrayBuffer|SharedArrayBuffer|Error)\]$/.test(tag);
}
