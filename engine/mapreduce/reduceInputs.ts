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

/**
 * One reducer's groups, joined by key, in the order the keys first came. The values are kept as
 * they came (one growing Float64Array while all are numbers, copied in one go per partition; a
 * plain array once one is not), with a segment per group saying whose key it is: no object per
 * key. Joining stops once most keys are distinct (see takeIn), so a reducer of a million distinct
 * keys holds about what it held before the join.
 */
class ReducerStore {
  /** Keys seen, while joining pays: dropped (null) once most keys turn out to be distinct. */
  private ids: Map<string | number, number> | null = new Map();
  private groupsSeen = 0;
  private readonly keys: unknown[] = [];
  /** Values per joined key. */
  private readonly sizes: number[] = [];
  private numbers: Float64Array | null = new Float64Array(256);
  private values: unknown[] | null = null;
  private size = 0;
  /** Per group taken in: its joined key and how many values (they follow each other in `numbers`/`values`). */
  private segKey = new Int32Array(64);
  private segCount = new Float64Array(64);
  private segments = 0;
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
    const n = p.keys.length;
    this.segKey = grownArray(this.segKey, this.segments + n);
    this.segCount = grownArray(this.segCount, this.segments + n);
    for (let i = 0; i < n; i++) {
      const key = p.keys[i];
      const ids = this.ids;
      const id = ids === null ? null : keyId(key);
      let j = id === null ? undefined : ids!.get(id);
      if (j === undefined) {
        j = this.keys.length;
        if (id !== null) ids!.set(id, j);
        this.keys.push(key);
        this.sizes.push(0);
      }
      const count = p.counts[i]!;
      this.sizes[j] = this.sizes[j]! + count;
      this.segKey[this.segments] = j;
      this.segCount[this.segments++] = count;
    }
    // Mostly distinct keys (a sort, a join by id): the map of keys would cost more than it saves.
    // Joining stops; keys already joined hold only values of earlier tasks than any that follow,
    // so the reducer's merge still finds every key's values in map task order.
    this.groupsSeen += n;
    if (this.ids !== null && this.ids.size > 4096 && this.ids.size * 2 > this.groupsSeen) this.ids = null;
    const src: ArrayLike<unknown> = p.numbers ?? p.values!;
    if (this.numbers !== null && p.numbers === null && !allNumbers(src)) {
      this.values = Array.from(this.numbers.subarray(0, this.size));
      this.numbers = null;
    }
    if (this.numbers !== null) {
      this.numbers = grownArray(this.numbers, this.size + src.length);
      if (p.numbers !== null) this.numbers.set(p.numbers, this.size);
      else for (let k = 0; k < src.length; k++) this.numbers[this.size + k] = src[k] as number;
    } else {
      const values = this.values!;
      for (let k = 0; k < src.length; k++) values.push(src[k]);
    }
    this.size += src.length;
  }

  /** The joined groups (every task must have answered): each key's values in map task order. */
  take(): PackedGroups {
    if (this.next < this.early.length) throw new Error(`map task ${this.next} has not answered`);
    const joined = this.keys.length;
    // Where each key's values go: after the keys before it.
    const to = new Float64Array(joined);
    for (let j = 1; j < joined; j++) to[j] = to[j - 1]! + this.sizes[j - 1]!;
    const numbers = this.numbers !== null ? new Float64Array(this.size) : null;
    const values = this.numbers !== null ? null : new Array<unknown>(this.size);
    let at = 0;
    for (let s = 0; s < this.segments; s++) {
      const j = this.segKey[s]!;
      const count = this.segCount[s]!;
      const dst = to[j]!;
      if (numbers !== null) {
        if (count > 16) numbers.set(this.numbers!.subarray(at, at + count), dst);
        else for (let k = 0; k < count; k++) numbers[dst + k] = this.numbers![at + k]!;
      } else for (let k = 0; k < count; k++) values![dst + k] = this.values![at + k];
      to[j] = dst + count;
      at += count;
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
