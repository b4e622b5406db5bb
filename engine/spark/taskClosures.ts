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
 *   what the task changes never reaches the driver (taskCopy.ts makes the copy);
 * - made inside a task (a helper in mapPartitions, a closure of a closure): the task's own,
 *   live wherever it is called, since what it captures is that task's (its locals, or its
 *   copies of the driver's values), never the driver's. No wrapper is made for it, so the
 *   functions made for each record cost almost nothing.
 *
 * `f.bind(obj)` compiles to `sparkClosure.bind(f, obj)`: another task gets its copy of `obj`.
 */
import { currentTask } from './taskContext';
import { copyEnv, copyForTask, privateFields, startCopies } from './taskCopy';

export { isMap, isSet, NotSerializableError, serializedCopy, shareAcrossTasks } from './taskCopy';

type Closure = (...args: unknown[]) => unknown;

/** The functions made here for the job's code (they copy what they capture per task). */
const wrappers = new WeakSet<object>();

/** Whether `fn` is a function made here for a function of the job file that captures its bindings. */
export function isTaskWrapper(fn: object): boolean {
  return wrappers.has(fn);
}

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
  wrappers.add(wrapper);
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
  wrappers.add(wrapper);
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
