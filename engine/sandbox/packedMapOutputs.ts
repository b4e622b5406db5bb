/**
 * A batch's map outputs packed for the trip from a sandbox worker to the pool. Posted one by one,
 * a small task's output is a tree of a dozen objects whose every property name and number is
 * serialized and read back on its own; a 1 KB block size makes 33,000 of them. Packed, the
 * batch's numbers (counters, sizes, group counts, and the values of partitions whose values are
 * all numbers) travel as one Float64Array, its keys, other values, texts and counters as four
 * flat lists, and each map reply as a `mapPacked` marker holding only its task id, in its place
 * among the batch's other replies (console lines, failures), whose order is kept.
 *
 * The pool rebuilds each marker into the `mapDone` reply it stands for (unpackMapReplies) and
 * checks it as it checks any reply: a forged table can make a wrong output but never a wrong
 * shape, since every count read from the table is checked against what is left before use (and
 * lists are copied item by item, refused at a hole: a sparse list's length costs its sender
 * nothing), and a table with anything left over is refused.
 *
 * Numbers per output: taskIndex, the seven counters (in MapTaskCounters' order), whether it has a text
 * (0 or 1), how many user counters, how many partitions; then per partition its bytes, records,
 * groups, values and whether its values are all numbers (0 or 1); then its group counts; then,
 * when they are all numbers, its values.
 */
import type { MapTaskCounters, MapTaskOutput, PackedGroups } from './contract/taskRunner';
import type { SandboxReply } from './sandboxMessages';
import { REPLY_LIMITS } from './contract/replyChecks';

export interface PackedMapOutputs {
  numbers: Float64Array;
  keys: unknown[];
  values: unknown[];
  texts: string[];
  /** Every output's user counters, one after the other ([group, name, value] each). */
  userCounters: unknown[];
}

/** A map task's answer inside a packed batch: its output is the next one in the batch's tables. */
export interface MapPackedReply {
  type: 'mapPacked';
  id: number;
}

/** Partitions of one map output the pool takes (the job spec's own limit on numReduceTasks). */
const MAX_PARTITIONS = 10_000;

/** The numbers of a batch's outputs, in one growing Float64Array. */
class NumberTable {
  a = new Float64Array(4096);
  n = 0;
  /** Room for `more` numbers after the `n` written. */
  room(more: number): Float64Array {
    if (this.n + more > this.a.length) {
      const next = new Float64Array(Math.max(this.n + more, this.a.length * 2));
      next.set(this.a.subarray(0, this.n));
      this.a = next;
    }
    return this.a;
  }
}

function allNumbers(values: readonly unknown[]): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'number') return false;
  return true;
}

/**
 * Packs the outputs of the `mapDone` replies among `replies` (null when there is none: the batch
 * goes as it is). The replies come back in their order, each mapDone as its marker.
 */
export function packMapReplies(
  replies: readonly SandboxReply[],
): { replies: (SandboxReply | MapPackedReply)[]; packed: PackedMapOutputs } | null {
  if (!replies.some((r) => r.type === 'mapDone')) return null;
  const nums = new NumberTable();
  const packed: Omit<PackedMapOutputs, 'numbers'> = { keys: [], values: [], texts: [], userCounters: [] };
  const out = replies.map((r): SandboxReply | MapPackedReply => {
    if (r.type !== 'mapDone') return r;
    packOutput(r.output, nums, packed);
    return { type: 'mapPacked', id: r.id };
  });
  return { replies: out, packed: { ...packed, numbers: nums.a.slice(0, nums.n) } };
}

function packOutput(o: MapTaskOutput, nums: NumberTable, t: Omit<PackedMapOutputs, 'numbers'>): void {
  const parts = o.partitions;
  let need = 11 + 5 * parts.length;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    need += p.keys.length + (p.numbers ?? p.values!).length;
  }
  const a = nums.room(need);
  let n = nums.n;
  const c = o.counters;
  a[n++] = o.taskIndex;
  a[n++] = c.mapInputRecords;
  a[n++] = c.mapOutputRecords;
  a[n++] = c.mapOutputBytes;
  a[n++] = c.combineInputRecords;
  a[n++] = c.combineOutputRecords;
  a[n++] = c.spills;
  a[n++] = c.spilledRecords;
  a[n++] = o.text === null ? 0 : 1;
  if (o.text !== null) t.texts.push(o.text);
  a[n++] = o.userCounters.length;
  for (let i = 0; i < o.userCounters.length; i++) t.userCounters.push(o.userCounters[i]);
  a[n++] = parts.length;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const { keys, counts } = p;
    const numeric = p.numbers !== null || allNumbers(p.values!);
    const values: ArrayLike<unknown> = p.numbers ?? p.values!;
    a[n++] = o.partitionBytes[i]!;
    a[n++] = o.partitionRecords[i]!;
    a[n++] = keys.length;
    a[n++] = values.length;
    a[n++] = numeric ? 1 : 0;
    for (let k = 0; k < keys.length; k++) a[n++] = counts[k]!;
    for (let k = 0; k < keys.length; k++) t.keys.push(keys[k]);
    if (p.numbers !== null) {
      a.set(p.numbers, n);
      n += p.numbers.length;
    } else if (numeric) {
      const v = p.values as number[];
      for (let k = 0; k < v.length; k++) a[n++] = v[k]!;
    } else for (let k = 0; k < values.length; k++) t.values.push(values[k]);
  }
  nums.n = n;
}

/** Reads a packed table front to back; every count is checked against what is left. */
class Reader {
  at = 0;
  keys = 0;
  values = 0;
  texts = 0;
  counters = 0;
  constructor(readonly t: PackedMapOutputs) {}

  num(): number {
    if (this.at >= this.t.numbers.length) throw new Error('batch.packed.numbers ends too soon');
    return this.t.numbers[this.at++]!;
  }
  /** A whole number from 0 to `max` (and to what is left of the table it counts, `left`). */
  size(what: string, max: number, left: number): number {
    const n = this.num();
    if (!Number.isSafeInteger(n) || n < 0 || n > max || n > left)
      throw new Error(`batch.packed.numbers holds a ${what} of ${n}, which the table cannot hold`);
    return n;
  }
  flag(what: string): boolean {
    const n = this.num();
    if (n !== 0 && n !== 1) throw new Error(`batch.packed.numbers holds ${n} where ${what} (0 or 1) belongs`);
    return n === 1;
  }
  /**
   * The next `n` items of a list, copied one by one: a forged list may be sparse (its length
   * claims items it does not hold, at no cost to the sender), so the work stops at its first hole
   * instead of allocating what the length claims.
   */
  take<T>(from: T[], field: 'keys' | 'values' | 'texts' | 'counters', n: number): T[] {
    const start = this[field];
    const out: T[] = [];
    for (let i = start; i < start + n; i++) {
      if (!(i in from))
        throw new Error(`batch.packed.${field === 'counters' ? 'userCounters' : field} has a hole at ${i}`);
      out.push(from[i]!);
    }
    this[field] += n;
    return out;
  }
  numbersView(n: number): Float64Array {
    const view = this.t.numbers.subarray(this.at, this.at + n);
    this.at += n;
    return view;
  }

  output(): MapTaskOutput {
    const t = this.t;
    const taskIndex = this.num();
    const counters: MapTaskCounters = {
      mapInputRecords: this.num(),
      mapOutputRecords: this.num(),
      mapOutputBytes: this.num(),
      combineInputRecords: this.num(),
      combineOutputRecords: this.num(),
      spills: this.num(),
      spilledRecords: this.num(),
    };
    const hasText = this.flag('whether it has a text');
    if (hasText && this.texts >= t.texts.length) throw new Error('batch.packed.texts ends too soon');
    const text = hasText ? (this.take(t.texts, 'texts', 1)[0] as string) : null;
    const userCounters = this.take(
      t.userCounters,
      'counters',
      this.size('user counter count', 120, t.userCounters.length - this.counters),
    ) as MapTaskOutput['userCounters'];
    const parts = this.size('partition count', MAX_PARTITIONS, t.numbers.length - this.at);
    const partitions: PackedGroups[] = [];
    const partitionBytes: number[] = [];
    const partitionRecords: number[] = [];
    for (let i = 0; i < parts; i++) {
      partitionBytes.push(this.num());
      partitionRecords.push(this.num());
      const groups = this.size('group count', t.keys.length - this.keys, REPLY_LIMITS.records);
      const valueCount = this.size('value count', REPLY_LIMITS.records, Number.MAX_SAFE_INTEGER);
      const numeric = this.flag('whether its values are all numbers');
      if (groups > t.numbers.length - this.at) throw new Error('batch.packed.numbers ends too soon');
      const counts = new Array<number>(groups);
      for (let k = 0; k < groups; k++) counts[k] = t.numbers[this.at + k]!;
      this.at += groups;
      const keys = this.take(t.keys, 'keys', groups);
      if (numeric) {
        if (valueCount > t.numbers.length - this.at) throw new Error('batch.packed.numbers ends too soon');
        partitions.push({ keys, counts, numbers: this.numbersView(valueCount), values: null });
      } else {
        if (valueCount > t.values.length - this.values) throw new Error('batch.packed.values ends too soon');
        partitions.push({ keys, counts, numbers: null, values: this.take(t.values, 'values', valueCount) });
      }
    }
    return { taskIndex, partitions, text, userCounters, counters, partitionBytes, partitionRecords };
  }
}

/**
 * The replies of a batch with each `mapPacked` marker rebuilt into its `mapDone` reply from
 * `packed`, or why they cannot be (a marker without a table, a table too short or too long, a
 * count it cannot hold). What the rebuilt outputs hold is checked with every reply afterwards.
 */
export function unpackMapReplies(replies: readonly unknown[], packed: unknown): unknown[] | string {
  const markers = replies.some((r) => (r as { type?: unknown } | null)?.type === 'mapPacked');
  if (packed === undefined)
    return markers ? 'batch has mapPacked replies but no packed outputs' : (replies as unknown[]);
  const t = packed as Partial<PackedMapOutputs> | null;
  if (typeof t !== 'object' || t === null || Array.isArray(t)) return 'batch.packed is not an object';
  if (!(t.numbers instanceof Float64Array)) return 'batch.packed.numbers is not a Float64Array';
  for (const k of ['keys', 'values', 'texts', 'userCounters'] as const)
    if (!Array.isArray(t[k])) return `batch.packed.${k} is not a list`;
  const reader = new Reader(t as PackedMapOutputs);
  try {
    const out = replies.map((r) => {
      const m = r as { type?: unknown; id?: unknown } | null;
      if (m?.type !== 'mapPacked') return r;
      return { type: 'mapDone', id: m.id, output: reader.output() };
    });
    const left =
      reader.at < t.numbers.length ||
      reader.keys < t.keys!.length ||
      reader.values < t.values!.length ||
      reader.texts < t.texts!.length ||
      reader.counters < t.userCounters!.length;
    if (left) return 'batch.packed holds more than its mapPacked replies';
    return out;
  } catch (error) {
    return error instanceof Error ? error.message : 'batch.packed cannot be read';
  }
}
