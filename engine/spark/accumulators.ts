/**
 * Spark's accumulators (AccumulatorV2 since Spark 2: LongAccumulator, DoubleAccumulator,
 * CollectionAccumulator; PySpark's sc.accumulator(initial)). Inside a task, `add` goes to that
 * task's own copy; the copy is merged into the driver's value when the task ends successfully
 * (a failed task's updates are dropped, as Spark drops a failed attempt's). A transformation that
 * two actions recompute adds twice, as Spark's guide warns: it falls out of recomputation.
 * Reading `value` inside a task is an error, as in PySpark ("Accumulator.value cannot be accessed
 * inside tasks"); Scala would give the task's partial value, which is never the answer wanted.
 */
import { onTaskEnd, currentTask } from './taskContext';
import { serializedCopy, shareAcrossTasks } from './taskClosures';

export type AccumulatorKind = 'long' | 'double' | 'collection' | 'pyspark';

const TYPE_NAMES: Record<AccumulatorKind, string> = {
  long: 'LongAccumulator',
  double: 'DoubleAccumulator',
  collection: 'CollectionAccumulator',
  pyspark: 'Accumulator',
};

interface Partial {
  sum: number;
  count: number;
  list: unknown[];
}

const zero = (): Partial => ({ sum: 0, count: 0, list: [] });

/** The accumulators a running task has added to, by task: merged or dropped when it ends. */
const touched = new Map<number, Set<Accumulator>>();
onTaskEnd((task, succeeded) => {
  const accs = touched.get(task);
  if (!accs) return;
  touched.delete(task);
  for (const acc of accs) enders.get(acc)?.(task, succeeded);
});

/** Each accumulator's merge of a task's updates (kept off its API). */
const enders = new WeakMap<Accumulator, (task: number, succeeded: boolean) => void>();

/** The driver's total of an accumulator (for LongAccumulator's count, sum and avg), checked to be read on the driver. */
let driverTotal: (acc: Accumulator, what: string) => Partial;

/** One accumulator: its driver value, and the partial values of the tasks running now. */
export class Accumulator {
  readonly #kind: AccumulatorKind;
  readonly #name: string | null;
  readonly #id: number;
  #value: Partial;
  readonly #tasks = new Map<number, Partial>();

  constructor(kind: AccumulatorKind, id: number, name: string | null, initial = 0) {
    this.#kind = kind;
    this.#id = id;
    this.#name = name;
    this.#value = { ...zero(), sum: initial };
    // The task's updates merged into the driver's value (a failed task's are dropped).
    enders.set(this, (task, succeeded) => {
      const part = this.#tasks.get(task);
      this.#tasks.delete(task);
      if (!part || !succeeded) return;
      this.#value.sum += part.sum;
      this.#value.count += part.count;
      for (const x of part.list) this.#value.list.push(x);
    });
    shareAcrossTasks(this);
  }

  /** Spark: AccumulatorV2.add / PySpark: Accumulator.add. */
  add(v: unknown): void {
    const part = this.#current();
    if (this.#kind === 'collection') {
      part.list.push(currentTask() === 0 ? v : serializedCopy(v));
      return;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || (this.#kind === 'long' && !Number.isInteger(v)))
      throw new TypeError(
        `${this.#what()}.add(v): v must be ${this.#kind === 'long' ? 'a whole number' : 'a finite number'}, got ${describe(v)}`,
      );
    part.sum += v;
    part.count++;
  }

  /** The driver's value: the total of the tasks that finished, plus what the driver added. */
  get value(): unknown {
    this.#onDriver('value');
    if (this.#kind === 'collection') return [...this.#value.list];
    return this.#value.sum;
  }

  /** PySpark lets the driver set the value (`acc.value = 0`); Spark's AccumulatorV2 has no setter. */
  set value(v: unknown) {
    this.#onDriver('value');
    if (this.#kind !== 'pyspark') throw new TypeError(`${this.#what()}.value cannot be set: use reset(), then add()`);
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new TypeError(`Accumulator.value must be a finite number, got ${describe(v)}`);
    this.#value = { ...zero(), sum: v };
  }

  /** Spark: AccumulatorV2.reset: back to zero (in a task, that task's copy). */
  reset(): void {
    if (currentTask() === 0) this.#value = zero();
    else this.#tasks.set(currentTask(), zero());
  }

  /** Spark: AccumulatorV2.isZero. */
  isZero(): boolean {
    this.#onDriver('isZero()');
    return this.#value.count === 0 && this.#value.sum === 0 && this.#value.list.length === 0;
  }

  /** Spark: AccumulatorV2.name (null when unnamed). */
  get name(): string | null {
    return this.#name;
  }

  /** Spark: AccumulatorV2.id. */
  get id(): number {
    return this.#id;
  }

  toString(): string {
    if (currentTask() !== 0) return `${TYPE_NAMES[this.#kind]}(id: ${this.#id}, name: ${this.#name ?? 'None'})`;
    const value = this.#kind === 'collection' ? `[${this.#value.list.length} values]` : String(this.#value.sum);
    return `${TYPE_NAMES[this.#kind]}(id: ${this.#id}, name: ${this.#name ?? 'None'}, value: ${value})`;
  }

  /** What console.log shows (it prints values as JSON): the same text as toString(). */
  toJSON(): string {
    return this.toString();
  }

  #current(): Partial {
    const task = currentTask();
    if (task === 0) return this.#value;
    let part = this.#tasks.get(task);
    if (!part) {
      this.#tasks.set(task, (part = zero()));
      let accs = touched.get(task);
      if (!accs) touched.set(task, (accs = new Set()));
      accs.add(this);
    }
    return part;
  }

  static {
    driverTotal = (acc, what) => {
      acc.#onDriver(what);
      return acc.#value;
    };
  }

  #onDriver(what: string): void {
    if (currentTask() !== 0)
      throw new Error(
        `${this.#what()}.${what} cannot be accessed inside tasks: each task adds to its own copy, and the driver gets the total when the tasks finish. Read it in the driver after an action, e.g. await rdd.count(); console.log(acc.value)`,
      );
  }

  #what(): string {
    return this.#name === null ? TYPE_NAMES[this.#kind] : `${TYPE_NAMES[this.#kind]} '${this.#name}'`;
  }
}

/** Spark's LongAccumulator and DoubleAccumulator: also how many values were added, their sum and average. */
export class NumericAccumulator extends Accumulator {
  /** Spark: LongAccumulator.count: how many values were added. */
  get count(): number {
    return driverTotal(this, 'count').count;
  }

  /** Spark: LongAccumulator.sum. */
  get sum(): number {
    return driverTotal(this, 'sum').sum;
  }

  /** Spark: LongAccumulator.avg: sum / count (NaN when nothing was added). */
  get avg(): number {
    const total = driverTotal(this, 'avg');
    return total.sum / total.count;
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'an array' : 'an object';
  if (typeof v === 'function') return 'a function';
  return String(v);
}
