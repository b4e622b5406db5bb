/**
 * The kernel's event queue: a calendar queue (R. Brown, "Calendar queues", CACM 1988) of events
 * ordered by (time, priority), ties kept in the order they were pushed, which makes every run
 * deterministic (the same ordering SimPy and Spark's DAGScheduler event loop rely on).
 *
 * Each event is a slot of the queue's typed arrays, holding one whole-number key of its time and
 * priority (`queueKey`); whoever pushes keeps the rest by slot (the kernel: the handler). The calendar is a
 * ring of buckets, each covering `width` keys of one "day"; a bucket is a list sorted by key in
 * runs of equal keys, each run in push order. An event joins the end of its key's run, found by
 * stepping from run to run (many events at one time cost no walk); the earliest event is found by
 * walking the days from the current one (an event's day is its key × 1/width, rounded down).
 * Push and pop cost O(1) on average, where a binary heap costs O(log n) comparisons the CPU
 * cannot predict. The ring doubles or halves with the number of events; its day width is chosen
 * again from the gaps between the queued events' times when it does, or when pushes and pops start
 * to scan many empty days or step over many runs (`dayWidth`).
 */
import { grownArray } from './grownArray';

/** Priorities are whole numbers in [MIN_PRIORITY, MAX_PRIORITY]. */
export const MIN_PRIORITY = -32;
export const MAX_PRIORITY = 31;
/** Event times are at most this many ms (about three years): the key keeps whole microseconds exactly. */
export const MAX_EVENT_TIME = 1e11;

/** One whole number per (time, priority), increasing in that order: microseconds × 64 + priority slot. */
export function queueKey(time: number, priority: number): number {
  return Math.round(time * 1000) * 64 + (priority - MIN_PRIORITY);
}

/** The time (ms, in whole microseconds) of a `queueKey`. */
export function keyTime(key: number): number {
  return Math.floor(key / 64) / 1000;
}

/** The last key whose time is <= `until` ms: an event runs by `until` exactly when its key is <= this. */
export function lastKeyBy(until: number): number {
  if (!(until >= 0)) return until < 0 ? -1 : Number.NaN; // nothing by then; NaN stops nothing, as before
  if (until > MAX_EVENT_TIME) return Number.POSITIVE_INFINITY;
  let us = Math.floor(until * 1000);
  while ((us + 1) / 1000 <= until) us++;
  while (us / 1000 > until) us--;
  return us * 64 + 63;
}

/**
 * The queue's constants, a const enum so that the compiler writes them into the code as literals:
 * a module-level const is read from the module's context at each use and its type checked, a few
 * instructions each on the paths every event takes.
 */
const enum Q {
  /** No slot: the end of a bucket's list or of the free list, an empty bucket. */
  None = -1,
  MinBuckets = 16,
  /** Days scanned plus runs stepped over, per push or pop, above which the day width is measured again. */
  MaxWorkPerOp = 6,
}

/**
 * Queued events live in slots of typed arrays (their key, the next slot in the bucket, and on
 * the first slot of a run the run's last slot), not in objects: walking a bucket reads a few
 * dense arrays instead of objects strewn over the heap, and a freed slot is the next one handed
 * out, still in the CPU's cache. The caller keeps whatever else an event needs by slot.
 */
export class EventQueue {
  /**
   * Per slot, side by side in 16 bytes (one cache line holds four slots): the key (a float64 at
   * `keys[2 * slot]`), then the next slot in its bucket or in the free list (`links[4 * slot + 2]`)
   * and on a run's first slot the run's last slot (`links[4 * slot + 3]`), an int32 view of the
   * same bytes. Taking an event reads one line, not one per array.
   */
  private keys = new Float64Array(2 * 64);
  private links = new Int32Array(this.keys.buffer);
  private capacity = 0;
  private freeSlot: number = Q.None;
  // The calendar: a ring of buckets of `width` keys each; `day` is the day being served.
  private buckets: number = Q.MinBuckets;
  private mask = Q.MinBuckets - 1;
  private width = 64;
  private inv = 1 / 64;
  private heads = new Int32Array(Q.MinBuckets).fill(Q.None);
  /** The first slot of each bucket's last run (its `lasts` entry is the bucket's last slot). */
  private tails = new Int32Array(Q.MinBuckets).fill(Q.None);
  private day = 0;
  private count = 0;
  private grow = Q.MinBuckets * 2;
  private shrink = 0;
  /** Days scanned and runs stepped over since the last rebuild, and pushes and pops since then. */
  private work = 0;
  private ops = 0;

  get size(): number {
    return this.count;
  }

  /** How many slots exist: every slot number handed out is below it. */
  get slots(): number {
    return this.capacity;
  }

  /** The key of a queued (or just popped) slot. */
  key(slot: number): number {
    return this.keys[slot << 1]!;
  }

  /** Queues an event of key `key` (`queueKey`); returns its slot, free again once popped and `release`d. */
  push(key: number): number {
    let slot = this.freeSlot;
    if (slot === Q.None) slot = this.newSlot();
    else this.freeSlot = this.links[(slot << 2) + 2]!;
    this.keys[slot << 1] = key;
    this.work += this.insert(slot, key);
    if (++this.count > this.grow) this.rebuild(this.buckets * 2);
    else this.checkWork();
    return slot;
  }

  /** Hands a popped slot back for reuse. */
  release(slot: number): void {
    this.links[(slot << 2) + 2] = this.freeSlot;
    this.freeSlot = slot;
  }

  /** The slot of the earliest event, left in the queue; -1 when empty. */
  peek(): number {
    return this.count === 0 ? Q.None : this.heads[this.find()]!;
  }

  /** Takes the earliest event and returns its slot, or -1 when the queue is empty or that event's key is past `lastKey`. */
  pop(lastKey = Number.POSITIVE_INFINITY): number {
    if (this.count === 0) return Q.None;
    const b = this.find();
    const heads = this.heads;
    const slot = heads[b]!;
    if (this.keys[slot << 1]! > lastKey) return Q.None;
    const links = this.links;
    const next = links[(slot << 2) + 2]!;
    heads[b] = next;
    if (next === Q.None) {
      this.tails[b] = Q.None;
    } else {
      const last = this.links[(slot << 2) + 3]!;
      if (last !== slot) {
        // The run goes on: its next event becomes its first.
        this.links[(next << 2) + 3] = last;
        if (this.tails[b] === slot) this.tails[b] = next;
      }
    }
    this.count--;
    if (this.count < this.shrink) this.rebuild(this.buckets >> 1);
    else this.checkWork();
    return slot;
  }

  private newSlot(): number {
    const slot = this.capacity++;
    if (2 * slot + 2 > this.keys.length) {
      // Copied as int32s: the link words are not floats.
      const links = grownArray(this.links, 4 * slot + 4);
      this.links = links;
      this.keys = new Float64Array(links.buffer);
    }
    return slot;
  }

  /** Files `slot` at the end of its key's run; returns the runs stepped over to find it. */
  private insert(slot: number, key: number): number {
    const day = Math.floor(key * this.inv);
    const links = this.links;
    const keys = this.keys;
    links[(slot << 2) + 2] = Q.None;
    if (day < this.day) this.day = day;
    const b = day & this.mask;
    const lastRun = this.tails[b]!;
    if (lastRun === Q.None) {
      links[(slot << 2) + 3] = slot;
      this.heads[b] = slot;
      this.tails[b] = slot;
      return 0;
    }
    const lastKey = keys[lastRun << 1]!;
    if (lastKey <= key) {
      links[(links[(lastRun << 2) + 3]! << 2) + 2] = slot;
      if (lastKey === key) {
        links[(lastRun << 2) + 3] = slot;
      } else {
        links[(slot << 2) + 3] = slot;
        this.tails[b] = slot;
      }
      return 0;
    }
    let run = this.heads[b]!;
    if (keys[run << 1]! > key) {
      links[(slot << 2) + 3] = slot;
      links[(slot << 2) + 2] = run;
      this.heads[b] = slot;
      return 0;
    }
    // Step over whole runs: the one to join (or to follow) has the last key <= the new one.
    let steps = 1;
    for (;;) {
      const after = links[(links[(run << 2) + 3]! << 2) + 2]!;
      if (keys[after << 1]! > key) break;
      run = after;
      steps++;
    }
    const last = links[(run << 2) + 3]!;
    links[(slot << 2) + 2] = links[(last << 2) + 2]!;
    links[(last << 2) + 2] = slot;
    if (keys[run << 1] === key) links[(run << 2) + 3] = slot;
    else links[(slot << 2) + 3] = slot;
    return steps;
  }

  /** The bucket holding the earliest event (the queue is not empty); moves the calendar's day to it. */
  private find(): number {
    const heads = this.heads;
    const keys = this.keys;
    const mask = this.mask;
    const inv = this.inv;
    let day = this.day;
    for (let scanned = 0; scanned <= mask; scanned++, day++) {
      const head = heads[day & mask]!;
      if (head !== Q.None && Math.floor(keys[head << 1]! * inv) === day) {
        this.day = day;
        this.work += scanned;
        return day & mask;
      }
    }
    // A whole year without an event: the next one is far ahead, so look at every bucket's head.
    let best: number = Q.None;
    let at = 0;
    for (let b = 0; b <= mask; b++) {
      const head = heads[b]!;
      if (head !== Q.None && (best === Q.None || keys[head << 1]! < keys[best << 1]!)) {
        best = head;
        at = b;
      }
    }
    this.work += 2 * (mask + 1);
    this.day = Math.floor(keys[best << 1]! * inv);
    return at;
  }

  /**
   * Measures the day width again when pushes and pops have done much more work than they should
   * (days scanned, runs stepped over), at most once per `count / 4` operations: O(log n) amortized.
   */
  private checkWork(): void {
    if (++this.ops >= 1024 && this.ops * 4 >= this.count && this.work > this.ops * Q.MaxWorkPerOp) {
      this.rebuild(this.buckets);
    }
  }

  /** A new calendar of `buckets` buckets, its day width measured from the queued events. */
  private rebuild(buckets: number): void {
    // Every queued slot in queue order: gathered bucket by bucket (each in order), then a stable sort by key.
    const all: number[] = [];
    for (let b = 0; b < this.buckets; b++) {
      for (let s = this.heads[b]!; s !== Q.None; s = this.links[(s << 2) + 2]!) all.push(s);
    }
    const keys = this.keys;
    all.sort((x, y) => keys[x << 1]! - keys[y << 1]!);
    this.width = dayWidth(all, keys, this.width);
    this.inv = 1 / this.width;
    this.buckets = buckets;
    this.mask = buckets - 1;
    this.heads = new Int32Array(buckets).fill(Q.None);
    this.tails = new Int32Array(buckets).fill(Q.None);
    this.day = all.length > 0 ? Math.floor(keys[all[0]! << 1]! * this.inv) : 0;
    for (const s of all) this.insert(s, keys[s << 1]!);
    this.grow = buckets * 2;
    this.shrink = buckets > Q.MinBuckets ? (buckets >> 1) - 2 : 0;
    this.work = 0;
    this.ops = 0;
  }
}

/** The gaps dayWidth samples at most, and its scratch arrays (one rebuild at a time: no allocation per rebuild). */
const MAX_GAPS = 4096;
const GAPS = new Float64Array(MAX_GAPS);
const INVERSES = new Float64Array(MAX_GAPS + 1);

/**
 * The day width, in whole microseconds × 64 keys: the one that costs pushes and pops least over
 * the gaps between the distinct times of the queued events (sampled: at most 4,096 gaps). A gap g
 * costs g / w days scanned to cross it, and the events it separates share a day, to be stepped
 * over by inserts, about w / g times. Brown took a few times the mean gap of the earliest events;
 * in a YARN run those are the heartbeats, a millisecond apart, while the container ends behind them
 * come a hundred times denser, and a burst of events among sparse ones (a review's test: 40,000
 * events within a second among 60,000 a second apart) made one day hold them all, each insert
 * stepping over thousands. `previous` when every event is at one time.
 */
function dayWidth(sorted: readonly number[], keys: Float64Array, previous: number): number {
  const n = sorted.length;
  if (n < 2) return previous;
  const step = Math.ceil(n / MAX_GAPS);
  let m = 0;
  for (let i = step; i < n; i += step) {
    const gap = Math.floor(keys[sorted[i]! << 1]! / 64) - Math.floor(keys[sorted[i - 1]! << 1]! / 64);
    if (gap > 0) GAPS[m++] = gap;
  }
  if (m === 0) return previous;
  // Sorted, with the sums of 1/g before each: a width's cost is then a search, not a pass.
  const gaps = GAPS.subarray(0, m).sort();
  let sum = 0;
  INVERSES[0] = 0;
  for (let i = 0; i < m; i++) {
    sum += gaps[i]!;
    INVERSES[i + 1] = INVERSES[i]! + 1 / gaps[i]!;
  }
  const cap = m;
  let best = gaps[0]!;
  let bestCost = Number.POSITIVE_INFINITY;
  // Widths from the smallest gap to the largest, doubling: at most 48 candidates. A gap costs
  // min(w / g, cap): cap for the k gaps up to w / cap, w / g for the others.
  for (let w = gaps[0]!; w <= gaps[m - 1]! * 2; w *= 2) {
    const k = countUpTo(gaps, w / cap);
    const cost = sum / w + cap * k + w * (INVERSES[m]! - INVERSES[k]!);
    if (cost < bestCost) {
      bestCost = cost;
      best = w;
    }
  }
  return 64 * Math.max(1, Math.round(best));
}

/** How many of the ascending `values` are <= `limit`. */
function countUpTo(values: Float64Array, limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
