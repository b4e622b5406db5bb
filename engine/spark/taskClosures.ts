/**
 * The run-time half of Spark's closures (the compile-time half is
 * engine/sandbox/compile/sparkClosures.ts, which says which functions are wrapped and how).
 * Every function the job file defines that captures outer bindings is made through
 * `sparkClosure(make, env)` (a declaration or class member reads its bindings through
 * `sparkClosure.env(holder)`), and the rule is by definition, not by call site:
 *
 * - made on the driver and called on the driver (currentTask() is 0: a plain array's map, the
 *   driver-side merge of reduce): the learner's function over the live bindings;
 * - made on the driver and called inside a task: an instance built from a copy of the captured
 *   values, one copy per task, as each Spark task deserializes its own copy of the closure, so
 *   what the task changes never reaches the driver;
 * - made inside a task (a helper in mapPartitions, a closure of a closure): the task's own,
 *   live wherever it is called, since what it captures is that task's (its locals, or its
 *   copies of the driver's values), never the driver's. No wrapper is made for it, so the
 *   functions made for each record cost almost nothing.
 *
 * The copy is made as a serializer would: primitives as they are; arrays, plain objects, Map,
 * Set, Date and typed arrays deep-copied with cycles and shared objects kept (shared across the
 * closures of one task too, as one task binary holds them all); class instances field by field
 * with their prototype (methods by reference); functions by reference; objects registered with
 * `shareAcrossTasks` (a Broadcast, an accumulator, `sc`) and RDD handles as they are. An
 * instance of a class with #private fields cannot be copied by any JavaScript code: it is
 * Spark's "Task not serializable" (NotSerializableError). `f.bind(obj)` compiles to
 * `sparkClosure.bind(f, obj)`: another task gets its copy of `obj`.
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

/**
 * A wrapped function: `make(env)` builds the learner's function over the bindings in `env`
 * (`names`: the ones it uses, when `env` is a larger one it shares). See the file's comment.
 */
function wrapClosure(make: (env: object) => Closure, env: Record<string, unknown>, names?: readonly string[]): Closure {
  const live = make(env);
  // Made in a task: its bindings are that task's (its own, or its copies of the driver's).
  if (currentTask() !== 0) return live;
  let token = -1;
  let instance: Closure = live;
  const wrapper = function (this: unknown, ...args: unknown[]) {
    const task = currentTask();
    if (task === 0) return live.apply(this, args);
    if (task !== token) {
      token = task;
      instance = make(copyEnv(env, task, names));
    }
    return instance.apply(this, args);
  };
  // The learner's function as they wrote it: its name and how many parameters it takes.
  Object.defineProperties(wrapper, { length: { value: live.length }, name: { value: live.name } });
  return wrapper;
}

/** The bindings a statement list's declarations, class members and object accessors capture, made where the list starts. */
interface Holder {
  readonly live: Record<string, unknown>;
  readonly names: readonly string[] | undefined;
  readonly task: number;
  copyTask: number;
  copy: object | null;
}

/** `__sparkClosure.site(env)`: a holder made now, in the current task (or on the driver). */
function site(env: Record<string, unknown>, names?: readonly string[]): Holder {
  return { live: env, names, task: currentTask(), copyTask: -1, copy: null };
}

/** `__sparkClosure.env(holder)`: the bindings a member works on, live or this task's copy, as for wrapped functions. */
function envOf(holder: Holder): object {
  const task = currentTask();
  if (task === 0 || holder.task !== 0) return holder.live;
  if (holder.copyTask !== task) {
    holder.copyTask = task;
    holder.copy = copyEnv(holder.live, task, holder.names);
  }
  return holder.copy!;
}

/** Classes with #private members, by prototype: their instances cannot be copied (see NotSerializableError). */
const privateClasses = new WeakMap<object, { name: string; line: number; fields: readonly string[] }>();

/** `__sparkClosure.privateFields(cls, line, names)`, run by the class's first static block. */
function privateFields(cls: { name: string; prototype: object }, line: number, fields: readonly string[]): void {
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
    const what = copying === null ? 'an instance' : `\`${copying}\`, which holds an instance`;
    throw new NotSerializableError(
      `Task not serializable: a task needs its own copy of ${what} of class ${info.name} (line ${info.line}), ` +
        `and its private fields (${info.fields.join(', ')}) cannot be copied by any JavaScript code; in Spark each ` +
        `task works on a deserialized copy of what its closure uses. Make them ordinary fields ` +
        `(this.${info.fields[0]!.slice(1)}), or create the object inside the task (in mapPartitions).`,
    );
  }
}

/**
 * `__sparkClosure.bind(f, thisArg, ...args)`, what `f.bind(thisArg, ...args)` compiles to: the
 * bound function, whose receiver and bound arguments are copied for each other task that calls
 * it, as Spark serializes the object a method is bound to. Anything but a function with the
 * built-in bind is left to its own `bind`.
 */
function bindForTasks(target: unknown, thisArg?: unknown, ...bound: unknown[]): unknown {
  const own = (target as { bind?: unknown } | null | undefined)?.bind;
  if (typeof target !== 'function' || typeof own !== 'function' || !isNativeBind(own))
    return (target as { bind: (...a: unknown[]) => unknown }).bind(thisArg, ...bound);
  const live = (own as (this: unknown, ...a: unknown[]) => Closure).call(target, thisArg, ...bound);
  if (currentTask() !== 0) return live; // bound in a task: the task's own
  let token = -1;
  let instance = live;
  const wrapper = function (this: unknown, ...args: unknown[]) {
    const task = currentTask();
    if (task === 0) return new.target ? Reflect.construct(live, args) : live(...args);
    if (task !== token) {
      token = task;
      startCopies(task);
      instance = (own as (this: unknown, ...a: unknown[]) => Closure).call(
        target,
        copyForTask(thisArg),
        ...bound.map(copyForTask),
      );
    }
    return new.target ? Reflect.construct(instance, args) : instance(...args);
  };
  Object.defineProperties(wrapper, { length: { value: live.length }, name: { value: live.name } });
  return wrapper;
}

const nativeBinds = new WeakSet<object>();
/** Whether `bind` is the built-in Function.prototype.bind (of this realm or the job's own). */
function isNativeBind(bind: object): boolean {
  if (nativeBinds.has(bind)) return true;
  const native =
    bind === Function.prototype.bind ||
    /^function bind\(\) \{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(bind));
  if (native) nativeBinds.add(bind);
  return native;
}

/**
 * What a wrapped function becomes (engine/sandbox/compile/sparkClosures.ts), with the holders of
 * declarations and class members as `sparkClosure.site` and `sparkClosure.env`.
 */
export const sparkClosure = Object.assign(wrapClosure, { site, env: envOf, privateFields, bind: bindForTasks });

/**
 * The task's copy of a closure's bindings, as plain data properties (the fastest to read; a
 * `const` the task assigns changes only its copy, where on the driver it would be a TypeError).
 * A binding still uninitialized (a `let` below the code that runs) stays so in the copy.
 */
function copyEnv(env: Record<string, unknown>, task: number, names: readonly string[] = Object.keys(env)): object {
  startCopies(task);
  // No prototype: a captured variable may be named toString, constructor or __proto__.
  const out = Object.create(null) as Record<string, unknown>;
  for (const name of names) {
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
function startCopies(task: number): void {
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
/** Built-ins a field-by-field copy would break (a Promise, a RegExp, weak collections): kept as they are. */
function isOpaque(value: object): boolean {
  const tag = Object.prototype.toString.call(value);
  return /^\[object (Promise|RegExp|WeakMap|WeakSet|WeakRef|ArrayBuffer|SharedArrayBuffer|Error)\]$/.test(tag);
}
