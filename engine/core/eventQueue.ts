/**
 * The kernel's event queue: a calendar queue (R. Brown, "Calendar queues", CACM 1988) of events
 * ordered by (time, priority), ties kept in the order they were pushed, which makes every run
 * deterministic (the same ordering SimPy and Spark's DAGScheduler event loop rely on).
 *
 * Each event carries one whole-number key of its time and priority (`queueKey`). The calendar is a
 * ring of buckets, each covering `width` keys of one "day"; a bucket is a list sorted by key in
 * runs of equal keys, each run in push order. An event joins the end of its key's run, found by
 * stepping from run to run (many events at one time cost no walk); the earliest event is found by
 * walking the days from the current one (an event's day is its key × 1/width, rounded down).
 * Push and pop cost O(1) on average, where a binary heap costs O(log n) comparisons the CPU
 * cannot predict. The ring doubles or halves with the number of events; its day width is chosen
 * again from the gaps between the queued events' times when it does, or when pushes and pops start
 * to scan many empty days or step over many runs (`dayWidth`).
 */
export interface QueuedEvent {
  /**
   * Queue bookkeeping: the `queueKey` of its time and priority (set before `push`); the next event
   * in the bucket; and, on the first event of a run of equal keys, the run's last event.
   */
  readonly qKey: number;
  qNext: QueuedEvent | null;
  qLast: QueuedEvent | null;
}

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

const MIN_BUCKETS = 16;
/** Days scanned plus runs stepped over, per push or pop, above which the day width is measured again. */
const MAX_WORK_PER_OP = 6;

class Calendar<E extends QueuedEvent> {
  readonly mask: number;
  readonly inv: number;
  readonly heads: (E | null)[];
  /** The first event of each bucket's last run (its `qLast` is the bucket's last event). */
  readonly tails: (E | null)[];
  /** The day being served: no queued event has an earlier day. */
  day = 0;

  constructor(
    readonly buckets: number,
    readonly width: number,
  ) {
    this.mask = buckets - 1;
    this.inv = 1 / width;
    this.heads = new Array<E | null>(buckets).fill(null);
    this.tails = new Array<E | null>(buckets).fill(null);
  }

  /** Files `e` at the end of its key's run; returns the runs stepped over to find it. */
  insert(e: E): number {
    const day = Math.floor(e.qKey * this.inv);
    e.qNext = null;
    if (day < this.day) this.day = day;
    const b = day & this.mask;
    const key = e.qKey;
    const lastRun = this.tails[b]!;
    if (lastRun === null) {
      e.qLast = e;
      this.heads[b] = e;
      this.tails[b] = e;
      return 0;
    }
    if (lastRun.qKey <= key) {
      lastRun.qLast!.qNext = e;
      if (lastRun.qKey === key) {
        lastRun.qLast = e;
      } else {
        e.qLast = e;
        this.tails[b] = e;
      }
      return 0;
    }
    let run = this.heads[b]!;
    if (run.qKey > key) {
      e.qLast = e;
      e.qNext = run;
      this.heads[b] = e;
      return 0;
    }
    // Step over whole runs: the one to join (or to follow) has the last key <= e's.
    let steps = 1;
    for (;;) {
      const after = run.qLast!.qNext as E;
      if (after.qKey > key) break;
      run = after;
      steps++;
    }
    const last = run.qLast!;
    e.qNext = last.qNext;
    last.qNext = e;
    if (run.qKey === key) run.qLast = e;
    else e.qLast = e;
    return steps;
  }

  /** Takes the first event of bucket `b` (not empty). */
  take(b: number): E {
    const e = this.heads[b]!;
    const next = e.qNext as E | null;
    this.heads[b] = next;
    if (next === null) {
      this.tails[b] = null;
    } else if (e.qLast !== e) {
      // The run goes on: its next event becomes its first.
      next.qLast = e.qLast;
      if (this.tails[b] === e) this.tails[b] = next;
    }
    e.qNext = null;
    e.qLast = null;
    return e;
  }

  /** Every queued event, in queue order (for a rebuild). */
  drain(): E[] {
    const all: E[] = [];
    for (let b = 0; b < this.buckets; b++) {
      for (let p: E | null = this.heads[b]!; p !== null; p = p.qNext as E | null) all.push(p);
    }
    // Stable: equal keys stay in push order (they were gathered from one bucket, in order).
    return all.sort((x, y) => x.qKey - y.qKey);
  }
}

export class EventQueue<E extends QueuedEvent = QueuedEvent> {
  private cal = new Calendar<E>(MIN_BUCKETS, 64);
  private count = 0;
  private grow = MIN_BUCKETS * 2;
  private shrink = 0;
  /** Days scanned and list steps walked since the last rebuild, and pops since then. */
  private work = 0;
  private ops = 0;

  get size(): number {
    return this.count;
  }

  /** Queues `event`, whose `qKey` is set. */
  push(event: E): void {
    this.work += this.cal.insert(event);
    if (++this.count > this.grow) this.rebuild(this.cal.buckets * 2);
    else this.checkWork();
  }

  /** The earliest event, left in the queue. */
  peek(): E | undefined {
    return this.count === 0 ? undefined : this.cal.heads[this.find()]!;
  }

  /** Takes the earliest event, or nothing when the queue is empty or that event's key is past `lastKey`. */
  pop(lastKey = Number.POSITIVE_INFINITY): E | undefined {
    if (this.count === 0) return undefined;
    const b = this.find();
    if (this.cal.heads[b]!.qKey > lastKey) return undefined;
    const e = this.cal.take(b);
    this.count--;
    if (this.count < this.shrink) this.rebuild(this.cal.buckets >> 1);
    else this.checkWork();
    return e;
  }

  /** The bucket holding the earliest event (the queue is not empty); moves the calendar's day to it. */
  private find(): number {
    const cal = this.cal;
    const heads = cal.heads;
    const mask = cal.mask;
    const inv = cal.inv;
    let day = cal.day;
    for (let scanned = 0; scanned <= mask; scanned++, day++) {
      const head = heads[day & mask]!;
      if (head !== null && Math.floor(head.qKey * inv) === day) {
        cal.day = day;
        this.work += scanned;
        return day & mask;
      }
    }
    // A whole year without an event: the next one is far ahead, so look at every bucket's head.
    let best: E | null = null;
    let at = 0;
    for (let b = 0; b <= mask; b++) {
      const head = heads[b]!;
      if (head !== null && (best === null || head.qKey < best.qKey)) {
        best = head;
        at = b;
      }
    }
    this.work += 2 * (mask + 1);
    cal.day = Math.floor(best!.qKey * inv);
    return at;
  }

  /**
   * Measures the day width again when pushes and pops have done much more work than they should
   * (days scanned, runs stepped over), at most once per `count / 4` operations: O(log n) amortized.
   */
  private checkWork(): void {
    if (++this.ops >= 1024 && this.ops * 4 >= this.count && this.work > this.ops * MAX_WORK_PER_OP) {
      this.rebuild(this.cal.buckets);
    }
  }

  /** A new calendar of `buckets` buckets, its day width measured from the queued events. */
  private rebuild(buckets: number): void {
    const all = this.cal.drain();
    const cal = new Calendar<E>(buckets, dayWidth(all, this.cal.width));
    if (all.length > 0) cal.day = Math.floor(all[0]!.qKey * cal.inv);
    for (const e of all) cal.insert(e);
    this.cal = cal;
    this.grow = buckets * 2;
    this.shrink = buckets > MIN_BUCKETS ? (buckets >> 1) - 2 : 0;
    this.work = 0;
    this.ops = 0;
  }
}

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
function dayWidth(sorted: readonly QueuedEvent[], previous: number): number {
  const n = sorted.length;
  if (n < 2) return previous;
  const step = Math.ceil(n / 4096);
  const gaps: number[] = [];
  for (let i = step; i < n; i += step) {
    const gap = Math.floor(sorted[i]!.qKey / 64) - Math.floor(sorted[i - 1]!.qKey / 64);
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return previous;
  let sum = 0;
  let smallest = Number.POSITIVE_INFINITY;
  let largest = 0;
  for (const g of gaps) {
    sum += g;
    smallest = Math.min(smallest, g);
    largest = Math.max(largest, g);
  }
  const cap = gaps.length;
  let best = smallest;
  let bestCost = Number.POSITIVE_INFINITY;
  // Widths from the smallest gap to the largest, doubling: at most 48 candidates.
  for (let w = smallest; w <= largest * 2; w *= 2) {
    let cost = sum / w;
    for (const g of gaps) cost += Math.min(w / g, cap);
    if (cost < bestCost) {
      bestCost = cost;
      best = w;
    }
  }
  return 64 * Math.max(1, Math.round(best));
}
