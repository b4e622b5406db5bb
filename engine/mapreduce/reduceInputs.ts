/**
 * Every reducer's input, gathered while the map tasks run. Each map output's partition r goes
 * into reducer r's store as soon as the task answers, in map task order (a task that answers
 * before its turn waits in `early`), and its groups are joined by key on the way in: a word that
 * 9,000 map tasks found becomes one group holding their values in task order, not 9,000 groups
 * of one key. The reducer's merge (mergePackedRuns) joins groups whose keys have the same `keyId`
 * anyway, keeping the first one's key and the values in the order the groups came; joined here by
 * the same rule, in the same order, the reducer sees exactly the same groups, keys and values (its
 * Iterable, getCurrentKey and counters included), and its input crosses to the worker with each
 * key once (the 100-node word count sent 260,000 keys where 70 are distinct). The thousands of
 * small partition objects a small block size makes die young instead of living, and being copied
 * by the collector, until the last map task answers.
 */
import type { PackedGroups } from '../sandbox/contract/taskRunner';
import { keyId } from '../exec/keyOrder';
import { grownArray } from '../core';

/** One reducer's groups, joined by key, in the order the keys first came. */
class ReducerStore {
  private readonly ids = new Map<string | number, number>();
  private readonly keys: unknown[] = [];
  /**
   * Each key's values in map task order: a growing Float64Array while every value is a number (a
   * map's thousands of readings of one day are copied in one go), plain arrays once one is not.
   */
  private numbers: Float64Array[] | null = [];
  private lists: unknown[][] | null = null;
  private readonly sizes: number[] = [];
  /** The next map task to take in: every one before it has been. */
  private next = 0;
  /** Partitions of tasks that answered before their turn. */
  private readonly early: (PackedGroups | undefined)[];

  constructor(tasks: number) {
    this.early = new Array<PackedGroups | undefined>(tasks).fill(undefined);
  }

  add(task: number, p: PackedGroups): void {
    if (task !== this.next) {
      this.early[task] = p;
      return;
    }
    this.takeIn(p);
    this.next++;
    for (let q = this.early[this.next]; q !== undefined; q = this.early[this.next]) {
      this.early[this.next] = undefined;
      this.takeIn(q);
      this.next++;
    }
  }

  private takeIn(p: PackedGroups): void {
    if (this.numbers !== null && p.numbers === null && !allNumbers(p.values!)) this.toLists();
    const src: ArrayLike<unknown> = p.numbers ?? p.values!;
    let at = 0;
    for (let i = 0; i < p.keys.length; i++) {
      const key = p.keys[i];
      const id = keyId(key);
      let j = this.ids.get(id);
      if (j === undefined) {
        j = this.keys.length;
        this.ids.set(id, j);
        this.keys.push(key);
        this.sizes.push(0);
        if (this.numbers !== null) this.numbers.push(new Float64Array(8));
        else this.lists!.push([]);
      }
      const count = p.counts[i]!;
      const size = this.sizes[j]!;
      if (this.numbers !== null) {
        const buf = grownArray(this.numbers[j]!, size + count);
        this.numbers[j] = buf;
        if (p.numbers !== null && count > 16) buf.set(p.numbers.subarray(at, at + count), size);
        else for (let k = 0; k < count; k++) buf[size + k] = src[at + k] as number;
      } else {
        const list = this.lists![j]!;
        for (let k = 0; k < count; k++) list.push(src[at + k]);
      }
      this.sizes[j] = size + count;
      at += count;
    }
  }

  /** From numbers to plain arrays: a value that is not a number came. */
  private toLists(): void {
    this.lists = this.numbers!.map((buf, j) => Array.from(buf.subarray(0, this.sizes[j])));
    this.numbers = null;
  }

  /** The joined groups (every task must have answered). */
  take(): PackedGroups {
    if (this.next < this.early.length) throw new Error(`map task ${this.next} has not answered`);
    let total = 0;
    for (const size of this.sizes) total += size;
    const numbers = this.numbers !== null ? new Float64Array(total) : null;
    const values = this.numbers !== null ? null : new Array<unknown>(total);
    let at = 0;
    for (let j = 0; j < this.keys.length; j++) {
      const size = this.sizes[j]!;
      if (numbers !== null) numbers.set(this.numbers![j]!.subarray(0, size), at);
      else {
        const list = this.lists![j]!;
        for (let k = 0; k < size; k++) values![at + k] = list[k];
      }
      at += size;
    }
    return { keys: this.keys, counts: [...this.sizes], numbers, values };
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

  /** Reducer `r`'s input (once): its partition of every map output, in map task order, joined by key. */
  take(r: number): PackedGroups {
    const store = this.stores[r];
    if (!store) throw new Error(`reducer ${r}'s input was taken already`);
    this.stores[r] = null;
    return store.take();
  }
}
