/**
 * Every reducer's input, gathered while the map tasks run: each map output's partition r is
 * copied into reducer r's store as soon as the task answers (keys in one array, group counts and
 * numeric values in growing typed arrays), so that the thousands of small partition objects a
 * small block size makes die young instead of living, and being copied by the collector, until
 * the last map task answers. `take(r)` then gives exactly what concatenating the partitions r of
 * every map output in map task order gives (`concatPacked`): the same keys, counts and values, as
 * one Float64Array when every value is a number, -0 and NaN kept.
 */
import type { PackedGroups } from '../sandbox/contract/taskRunner';
import { grownArray } from '../core';

/** One reducer's groups, in the order the map tasks answered. */
class ReducerStore {
  keys: unknown[] = [];
  counts = new Float64Array(64);
  groups = 0;
  /** The values while all of them are numbers. */
  numbers: Float64Array | null = new Float64Array(256);
  /** The values once one of them is not a number. */
  values: unknown[] | null = null;
  size = 0;
  /**
   * Per map task: where its groups and values start in the store (-1: not answered yet), and how
   * many (int32: a store holds what fits in memory, far fewer than 2^31 values).
   */
  readonly groupAt: Int32Array;
  readonly valueAt: Int32Array;
  readonly groupCount: Int32Array;
  readonly valueCount: Int32Array;

  constructor(tasks: number) {
    this.groupAt = new Int32Array(tasks).fill(-1);
    this.valueAt = new Int32Array(tasks);
    this.groupCount = new Int32Array(tasks);
    this.valueCount = new Int32Array(tasks);
  }

  add(task: number, p: PackedGroups): void {
    const n = p.keys.length;
    this.groupAt[task] = this.groups;
    this.groupCount[task] = n;
    this.counts = grownArray(this.counts, this.groups + n);
    for (let i = 0; i < n; i++) {
      this.keys.push(p.keys[i]);
      this.counts[this.groups + i] = p.counts[i]!;
    }
    this.groups += n;
    const src: ArrayLike<unknown> = p.numbers ?? p.values!;
    this.valueAt[task] = this.size;
    this.valueCount[task] = src.length;
    if (this.numbers !== null && p.numbers === null && !allNumbers(src)) {
      this.values = Array.from(this.numbers.subarray(0, this.size));
      this.numbers = null;
    }
    if (this.numbers !== null) {
      this.numbers = grownArray(this.numbers, this.size + src.length);
      if (p.numbers) this.numbers.set(p.numbers, this.size);
      else for (let i = 0; i < src.length; i++) this.numbers[this.size + i] = src[i] as number;
    } else {
      const values = this.values!;
      for (let i = 0; i < src.length; i++) values.push(src[i]);
    }
    this.size += src.length;
  }

  /** The groups in map task order (every task must have answered). */
  take(): PackedGroups {
    const tasks = this.groupAt.length;
    if (this.inTaskOrder()) {
      // The tasks answered in order (the common case): the store is the answer as it stands.
      this.keys.length = this.groups;
      return {
        keys: this.keys,
        counts: Array.from(this.counts.subarray(0, this.groups)),
        numbers: this.numbers !== null ? this.numbers.slice(0, this.size) : null,
        values: this.numbers !== null ? null : this.values!.slice(0, this.size),
      };
    }
    const keys = new Array<unknown>(this.groups);
    const counts = new Array<number>(this.groups);
    const numbers = this.numbers !== null ? new Float64Array(this.size) : null;
    const values = this.numbers !== null ? null : new Array<unknown>(this.size);
    let g = 0;
    let at = 0;
    for (let t = 0; t < tasks; t++) {
      const from = this.groupAt[t]!;
      if (from < 0) throw new Error(`map task ${t} has not answered`);
      const n = this.groupCount[t]!;
      for (let i = 0; i < n; i++) {
        keys[g] = this.keys[from + i];
        counts[g++] = this.counts[from + i]!;
      }
      const v = this.valueAt[t]!;
      const m = this.valueCount[t]!;
      // Element by element: a view per task (33,000 tasks at 1 KB blocks) costs more than the copy.
      if (numbers !== null) for (let i = 0; i < m; i++) numbers[at + i] = this.numbers![v + i]!;
      else for (let i = 0; i < m; i++) values![at + i] = this.values![v + i];
      at += m;
    }
    return { keys, counts, numbers, values };
  }

  /** Whether every task answered, each one's groups and values right after the previous task's. */
  private inTaskOrder(): boolean {
    let g = 0;
    let at = 0;
    for (let t = 0; t < this.groupAt.length; t++) {
      if (this.groupAt[t] !== g || this.valueAt[t] !== at) return false;
      g += this.groupCount[t]!;
      at += this.valueCount[t]!;
    }
    return g === this.groups && at === this.size;
  }
}

function allNumbers(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') return false;
  return true;
}

export class ReduceInputs {
  /** Null once taken: a reducer's input is held once, by its reduce task, not twice. */
  private readonly stores: (ReducerStore | null)[];

  constructor(tasks: number, reducers: number) {
    this.stores = Array.from({ length: reducers }, () => new ReducerStore(tasks));
  }

  /** Takes map task `task`'s partitions (one per reducer); returns each partition's group count. */
  add(task: number, partitions: readonly PackedGroups[]): number[] {
    return this.stores.map((store, r) => {
      const p = partitions[r]!;
      store!.add(task, p);
      return p.keys.length;
    });
  }

  /** Reducer `r`'s input (once): its partition of every map output, in map task order. */
  take(r: number): PackedGroups {
    const store = this.stores[r];
    if (!store) throw new Error(`reducer ${r}'s input was taken already`);
    this.stores[r] = null;
    return store.take();
  }
}
