/**
 * Spark's broadcast variables (SparkContext.broadcast, TorrentBroadcast): the value is serialized
 * once, when it is broadcast, and every task reads that snapshot. Here the snapshot is a deep copy
 * taken at broadcast time (the serializer's rules, taskClosures.ts) and frozen deeply, so a task
 * that writes to it gets a TypeError instead of a change that, on a cluster, would stay on one
 * executor. The driver's `value` is the object it broadcast, as Spark's driver keeps it: changing
 * it after the broadcast changes nothing the tasks see. After destroy(), `value` fails anywhere
 * with Spark's message.
 */
import { currentTask } from './taskContext';
import { isMap, isSet, serializedCopy, shareAcrossTasks } from './taskClosures';

export class Broadcast {
  readonly #id: number;
  readonly #driverValue: unknown;
  readonly #snapshot: unknown;
  #destroyedAt: string | null = null;

  readonly #siteOf: () => string;

  /** `siteOf` names the learner's call being made (`destroy at job.js:12`), for the message of a later use. */
  constructor(id: number, value: unknown, siteOf: (what: string) => string) {
    this.#id = id;
    this.#siteOf = () => siteOf('destroy');
    this.#driverValue = value;
    this.#snapshot = deepFreeze(serializedCopy(value));
    shareAcrossTasks(this);
  }

  /** Spark: Broadcast.value: on the driver the value broadcast; in a task the read-only snapshot. */
  get value(): unknown {
    if (this.#destroyedAt !== null)
      throw new Error(`Attempted to use Broadcast(${this.#id}) after it was destroyed (${this.#destroyedAt})`);
    return currentTask() === 0 ? this.#driverValue : this.#snapshot;
  }

  /** Spark: Broadcast.id. */
  get id(): number {
    return this.#id;
  }

  /** Spark: Broadcast.unpersist: drops the executors' copies; the next task that reads it fetches it again. */
  unpersist(_blocking?: boolean): void {
    this.#check('unpersist');
  }

  /** Spark: Broadcast.destroy: removes it everywhere; using it afterwards fails with Spark's message. */
  destroy(_blocking?: boolean): void {
    this.#check('destroy');
    this.#destroyedAt = this.#siteOf();
  }

  toString(): string {
    return `Broadcast(${this.#id})`;
  }

  /** What console.log shows (it prints values as JSON): `Broadcast(0)`. */
  toJSON(): string {
    return this.toString();
  }

  #check(what: string): void {
    if (currentTask() !== 0)
      throw new Error(`Broadcast(${this.#id}).${what}() can only be called in the driver, not inside a task`);
    if (this.#destroyedAt !== null)
      throw new Error(`Attempted to use Broadcast(${this.#id}) after it was destroyed (${this.#destroyedAt})`);
  }
}

const refuse = (what: string) =>
  function (): never {
    throw new TypeError(
      `a broadcast value is read-only: ${what} cannot change it (each executor gets its own copy; changes would never reach the driver or other tasks)`,
    );
  };

/** Freezes a snapshot all the way down; a Map's or Set's writers are replaced by ones that throw. */
function deepFreeze<T>(value: T, seen = new Set<object>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value) || Object.isFrozen(value)) return value;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return value; // typed arrays cannot be frozen
  const map = isMap(value);
  if (map || isSet(value)) {
    const items: unknown[] = [];
    (map ? Map.prototype.forEach : Set.prototype.forEach).call(value, (v: unknown, k: unknown) => items.push(k, v));
    for (const x of items) deepFreeze(x, seen);
    for (const name of map ? ['set', 'delete', 'clear'] : ['add', 'delete', 'clear'])
      Object.defineProperty(value, name, { value: refuse(`${name}()`) });
  } else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  return Object.freeze(value);
}
