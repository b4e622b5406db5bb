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

/** Numbers in a reducer's first chunk of values; each next chunk is twice as long, up to CHUNK. */
const FIRST_CHUNK = 256;
/** Numbers in a full-size chunk (128 KB). */
const CHUNK = 16_384;

/**
 * Numbers appended in chunks (256 numbers, then twice as many each time up to CHUNK): a million
 * values cost eight megabytes once, where one array doubling as it fills allocates about twice
 * that and copies what it holds at every doubling (fresh memory is what costs most: each new page
 * is a fault the kernel zeroes). Read back in order (copy's `at` only grows).
 */
class NumberChunks {
  private readonly chunks: Float64Array[] = [];
  private fill = 0;
  /** The read cursor: the chunk holding position `readStart` onwards. */
  private readChunk = 0;
  private readStart = 0;

  append(src: ArrayLike<number>): void {
    const typed = src instanceof Float64Array ? src : null;
    for (let from = 0; from < src.length;) {
      let chunk = this.chunks[this.chunks.length - 1];
      if (chunk === undefined || this.fill === chunk.length) {
        chunk = new Float64Array(this.chunks.length >= 6 ? CHUNK : FIRST_CHUNK << this.chunks.length);
        this.chunks.push(chunk);
        this.fill = 0;
      }
      const n = Math.min(chunk.length - this.fill, src.length - from);
      if (typed !== null) chunk.set(typed.subarray(from, from + n), this.fill);
      else for (let k = 0; k < n; k++) chunk[this.fill + k] = src[from + k]!;
      this.fill += n;
      from += n;
    }
  }

  /** The `size` numbers appended, as a plain array (its values then go on as any value). */
  toArray(size: number): unknown[] {
    const out: unknown[] = [];
    for (const chunk of this.chunks) for (let k = 0; k < chunk.length && out.length < size; k++) out.push(chunk[k]);
    return out;
  }

  /** Copies `count` numbers from position `at` (at least the last call's) into `into` at `to`. */
  copy(at: number, count: number, into: Float64Array, to: number): void {
    while (count > 0) {
      let chunk = this.chunks[this.readChunk]!;
      while (at >= this.readStart + chunk.length) {
        this.readStart += chunk.length;
        chunk = this.chunks[++this.readChunk]!;
      }
      const offset = at - this.readStart;
      const n = Math.min(count, chunk.length - offset);
      if (n > 16) into.set(chunk.subarray(offset, offset + n), to);
      else for (let k = 0; k < n; k++) into[to + k] = chunk[offset + k]!;
      at += n;
      to += n;
      count -= n;
    }
  }
}

/**
 * One reducer's groups, joined by key, in the order the keys first came. The values are kept as
 * they came (in chunks of numbers while all are numbers, copied in one go per partition; a plain
 * array once one is not), with a segment per group saying whose key it is: no object per key.
 * Joining stops once most keys are distinct (see takeIn), so a reducer of a million distinct keys
 * holds about what it held before the join.
 */
class ReducerStore {
  /** Keys seen, while joining pays: dropped (null) once most keys turn out to be distinct. */
  private ids: Map<string | number, number> | null = new Map();
  private groupsSeen = 0;
  private readonly keys: unknown[] = [];
  /** Values per joined key. */
  private readonly sizes: number[] = [];
  private numbers: NumberChunks | null = new NumberChunks();
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
      this.values = this.numbers.toArray(this.size);
      this.numbers = null;
    }
    if (this.numbers !== null) this.numbers.append(src as ArrayLike<number>);
    else {
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
      if (numbers !== null) this.numbers!.copy(at, count, numbers, dst);
      else for (let k = 0; k < count; k++) values![dst + k] = this.values![at + k];
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
