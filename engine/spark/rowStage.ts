/**
 * The steps of a pipelined map task (fusedMapSide.ts), one function per step: the learner's
 * function over a row, what it makes counted (and the first rows sized, as rdd.ts sizeOf sizes
 * them) and handed to the next step. Counting is done in the step's own function, not in a
 * function between steps: a word count's ten million words went through twice as many calls.
 */
import { builtInArrayValues } from './builtInArrayValues';
import { rowBytes, SIZE_SAMPLE, type Rdd, type RowStep } from './rdd';

/** What a pipelined step (or the source) made of the partition: rows counted, the first rows' bytes. */
export interface StepCount {
  rdd: Rdd;
  /** null: the source (read by eachRow). */
  step: RowStep | null;
  rows: number;
  sampleBytes: number;
}

export type Next = (row: unknown) => void;

/** The source's rows (its eachRow's lines, with their offsets) counted, then handed on. */
export function sourceCounter(count: StepCount, next: Next): (offset: number, row: unknown) => void {
  return (_offset, row) => {
    if (count.rows < SIZE_SAMPLE) count.sampleBytes += rowBytes(row);
    count.rows++;
    next(row);
  };
}

/** One step: the learner's function over a row, what it makes counted and handed on. */
export function rowStage(count: StepCount, next: Next): Next {
  const { kind, fn } = count.step!;
  if (kind === 'map')
    return (row) => {
      const out = fn(row);
      if (count.rows < SIZE_SAMPLE) count.sampleBytes += rowBytes(out);
      count.rows++;
      next(out);
    };
  if (kind === 'filter')
    return (row) => {
      if (!fn(row)) return;
      if (count.rows < SIZE_SAMPLE) count.sampleBytes += rowBytes(row);
      count.rows++;
      next(row);
    };
  return flatMapStage(count, fn, next);
}

function flatMapStage(count: StepCount, fn: (x: unknown) => unknown, next: Next): Next {
  const emit = (y: unknown): void => {
    if (count.rows < SIZE_SAMPLE) count.sampleBytes += rowBytes(y);
    count.rows++;
    next(y);
  };
  // The realm's built-in Array.prototype.values, once known (builtInArrayValues).
  let builtIn: unknown = null;
  return (row) => {
    const made = fn(row) as Iterable<unknown> | null | undefined;
    // Not iterable: thrown here, told by the step-by-step run (rddTransforms.ts iterableRows).
    if (made === null || made === undefined || typeof made[Symbol.iterator] !== 'function')
      throw new TypeError('flatMap: not iterable');
    // Read whole before its first row goes on, as step by step (a later step may change it
    // through one of its rows); an array whose iterator is the built-in one, by index.
    const values: unknown = Array.isArray(made) ? made[Symbol.iterator] : null;
    if (values !== null && (values === builtIn || builtInArrayValues(values))) {
      builtIn = values;
      const rows = made as unknown[];
      const n = rows.length;
      // Its rows handed on as they are read while they are strings, numbers... (split's words):
      // no later step gets anything that leads back to the array (steps are pipelined only when
      // they read nothing shared, outsideNames.ts; a string row holds no reference), so what is
      // left of it is still as it was. From its first object on, the rest is copied first, then handed on.
      for (let j = 0; j < n; j++) {
        const y = rows[j];
        if ((typeof y === 'object' && y !== null) || typeof y === 'function') {
          const rest = new Array<unknown>(n - j);
          for (let i = j; i < n; i++) rest[i - j] = rows[i];
          for (let i = 0; i < rest.length; i++) emit(rest[i]);
          return;
        }
        if (count.rows < SIZE_SAMPLE) count.sampleBytes += rowBytes(y);
        count.rows++;
        next(y);
      }
      return;
    }
    const out: unknown[] = [];
    for (const y of made) out.push(y);
    for (let j = 0; j < out.length; j++) emit(out[j]);
  };
}
