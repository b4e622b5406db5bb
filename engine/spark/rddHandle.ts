/**
 * What a learner's driver holds instead of an Rdd: Spark's RDD API and nothing else. The Rdd
 * itself (its runtime, the job log the simulation replays, its record and byte counts, its
 * cache) stays out of the learner's reach, in a WeakMap, so a job cannot rewrite what the host
 * is told about its run (`rdd.rt.jobs`, `rdd.records`) to fake its lab checks. Each Rdd has one
 * handle, so `rdd.cache() === rdd` holds as in Spark.
 */
import { Rdd } from './rdd';
import { RDD_API, type RddMethodName } from './rddApi';
import { toString as rddToString } from './rddInfo';
import { calledInTask, currentTask } from './taskContext';

/** The RDD methods a driver may call (transformations, persistence, information, actions). */
export const RDD_METHODS: readonly RddMethodName[] = Object.freeze(Object.keys(RDD_API) as RddMethodName[]);

const realOf = new WeakMap<object, Rdd>();
const handleOf = new WeakMap<Rdd, object>();

/** The Rdd behind a learner's handle, or undefined for anything else (never throws). */
export function rddOf(value: unknown): Rdd | undefined {
  return typeof value === 'object' && value !== null ? realOf.get(value) : undefined;
}

const unwrap = (value: unknown): unknown => rddOf(value) ?? value;

/** An RDD in what a method returns (randomSplit's array) becomes its handle. */
const wrap = (out: unknown): unknown =>
  out instanceof Rdd ? rddHandle(out) : Array.isArray(out) && out[0] instanceof Rdd ? out.map(wrap) : out;

function call(handle: unknown, name: RddMethodName, args: unknown[]): unknown {
  const rdd = rddOf(handle);
  if (!rdd) throw new TypeError(`RDD.${name} was called on something that is not an RDD`);
  if (currentTask() !== 0) throw calledInTask(`RDD.${name}`);
  const [maxArgs, method] = RDD_API[name] as [number, (rdd: Rdd, ...a: unknown[]) => unknown];
  let given = args.length;
  while (given > 0 && args[given - 1] === undefined) given--;
  if (given > maxArgs)
    throw new TypeError(
      `RDD.${name} takes ${maxArgs === 0 ? 'no arguments' : `at most ${maxArgs} argument${maxArgs === 1 ? '' : 's'}`}, got ${given}`,
    );
  const out = wrap(method(rdd, ...args.slice(0, given).map(unwrap)));
  if (!(out instanceof Promise)) return out;
  // An action's result, as a value of the job's realm (Maps, arrays: instanceof holds there too),
  // tracked until the learner's code takes it (a driver that ends first fails at this line).
  const adopted = out.then((value: unknown) => rdd.rt.adopt(value));
  return rdd.rt.actions.track(adopted, `rdd.${name}`, rdd.rt.lineOf(new Error('call site')));
}

/** The handles' shared prototype: one method per API name, and Spark's toString. */
const HANDLE_PROTOTYPE: object = Object.freeze(
  Object.assign(
    Object.create(null) as object,
    Object.fromEntries(
      RDD_METHODS.map((name) => [
        name,
        {
          [name](this: unknown, ...args: unknown[]) {
            return call(this, name, args);
          },
        }[name],
      ]),
    ),
    {
      toString(this: unknown): string {
        const rdd = rddOf(this);
        return rdd ? rddToString(rdd) : '[not an RDD]';
      },
    },
  ),
);

/** The learner's handle of an Rdd (made once per Rdd). */
export function rddHandle(rdd: Rdd): object {
  let handle = handleOf.get(rdd);
  if (!handle) {
    handle = Object.freeze(
      Object.create(HANDLE_PROTOTYPE, {
        // Read-only copies of what Spark shows as properties or cheap calls; changing them changes nothing.
        numPartitions: { value: rdd.numPartitions, enumerable: true },
      }) as object,
    );
    realOf.set(handle, rdd);
    handleOf.set(rdd, handle);
  }
  return handle;
}
