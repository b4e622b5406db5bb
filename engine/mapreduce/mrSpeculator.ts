/**
 * MapReduce's speculative execution, as Hadoop's DefaultSpeculator decides it. Every second
 * (mapreduce.job.speculative.retry-after-no-speculate), or 15 s after it asked for a copy
 * (retry-after-speculate), the AM looks at the maps and at the reduces, each on their own:
 * - nothing while a task of the kind waits for a container, a copy asked for included;
 * - nothing before 1 task and 5% of the kind are done (there is no estimate of a task's time yet);
 * - else the task whose lone running attempt would end latest, if a new attempt started now,
 *   taking the mean time of the finished ones, would end sooner: one copy per kind per look;
 * - at most max(10, 1% of the kind's tasks, 10% of those running) tasks run two attempts at once.
 * An attempt still starting has no estimate (no progress yet) and is never copied. The copy that
 * finishes first wins; the other is killed.
 *
 * What that needs is kept as the attempts come and go (SpeculationBook): the lone attempts in a
 * heap by when their work ends, so that a look costs what changed, not what the job holds (a job
 * of 33,000 maps searched at every task end took 30 s instead of 2).
 */
import type { MrAppMaster } from './mrAppMaster';
import type { MrAttempt, MrTask } from './mrTypes';

/** Hadoop's mapreduce.job.speculative.retry-after-no-speculate and retry-after-speculate (ms). */
export const SPECULATE_AGAIN_MS = 1000;
export const SPECULATE_AFTER_COPY_MS = 15_000;
/** DefaultSpeculator's minimum allowed speculative tasks, and the shares of all and running tasks. */
const MIN_ALLOWED = 10;
const SHARE_OF_TOTAL = 0.01;
const SHARE_OF_RUNNING = 0.1;
/** StartEndTimesBase: no estimate before this share of the kind's tasks (and at least one) is done. */
const MIN_DONE_SHARE = 0.05;

/** The speculator's view of one kind of task (the maps, or the reduces). */
export class SpeculationBook {
  /** Tasks not done, and of them those with an attempt running: the others wait for a container. */
  private notDone: number;
  private runningNotDone = 0;
  /** Tasks running more than one attempt (Hadoop's ALREADY_SPECULATING). */
  private doubled = 0;
  /** The winning attempts' durations (a task run again after its output was lost counts its last winner). */
  private winnersMs = 0;
  private winners = 0;
  /** Tasks a copy was asked for (or undone with one asked): while one waits for its container, the kind speculates no more. */
  private readonly asked = new Set<MrTask>();
  /**
   * Attempts whose work's end is scheduled, a max-heap by that end (each knows its place,
   * MrAttempt.bookAt). An attempt leaves it when it ends, or when a look finds its task done, run
   * twice or asked a copy for; it comes back when an attempt of its task ends (or its copy is
   * turned down, reconsider).
   */
  private readonly heap: MrAttempt[] = [];

  constructor(private readonly total: number) {
    this.notDone = total;
  }

  /** `a` was just added to its task's running attempts. */
  started(a: MrAttempt): void {
    if (a.task.running.length === 1 && !a.task.done) this.runningNotDone++;
    if (a.task.running.length === 2) this.doubled++;
  }

  /** The end of `a`'s work was just scheduled (`a.workEnd`). */
  scheduled(a: MrAttempt): void {
    if (a.bookAt < 0) this.push(a);
  }

  /** `a` was just taken off its task's running attempts. */
  ended(a: MrAttempt): void {
    if (a.bookAt >= 0) this.removeAt(a.bookAt);
    if (a.task.running.length === 0 && !a.task.done) this.runningNotDone--;
    if (a.task.running.length === 1) this.doubled--;
    this.reconsider(a.task);
  }

  /** `task`'s pending requests changed without an attempt starting or ending: its attempts may need a copy again. */
  reconsider(task: MrTask): void {
    for (const b of task.running) if (b.workEnd !== Number.POSITIVE_INFINITY && b.bookAt < 0) this.push(b);
  }

  /** `a`'s task is done now (`task.done` set); `previous` is the task's winner before, if it ran again. */
  won(a: MrAttempt, previous: MrAttempt | null): void {
    this.notDone--;
    if (a.task.running.length > 0) this.runningNotDone--;
    if (previous !== null) this.winnersMs -= duration(previous);
    else this.winners++;
    this.winnersMs += duration(a);
  }

  /** `task`'s output was lost: it is not done any more. */
  undone(task: MrTask): void {
    this.notDone++;
    if (task.running.length > 0) this.runningNotDone++;
    // A copy asked for before it was done may still be waiting for its container.
    if (task.requested > 0) this.asked.add(task);
    this.reconsider(task);
  }

  /** A copy of `task` was asked for. */
  copyAsked(task: MrTask): void {
    this.asked.add(task);
  }

  /** The task to copy now, as described at the top of this file, or null. */
  best(now: number): MrTask | null {
    for (const t of this.asked) if (t.requested === 0 || t.done) this.asked.delete(t);
    const done = this.total - this.notDone;
    if (this.asked.size > 0 || this.notDone > this.runningNotDone) return null;
    if (this.winners === 0 || done < 1 || done < MIN_DONE_SHARE * this.total) return null;
    const allowed = Math.max(MIN_ALLOWED, SHARE_OF_TOTAL * this.total, SHARE_OF_RUNNING * this.runningNotDone);
    if (this.doubled >= allowed) return null;
    const mean = this.winnersMs / this.winners;
    const heap = this.heap;
    while (heap.length > 0) {
      const a = heap[0]!;
      const t = a.task;
      // Done, run twice or asked a copy for: out until an attempt of its task ends (ended, reconsider).
      if (t.done || t.running.length !== 1 || t.requested > 0) {
        this.removeAt(0);
        continue;
      }
      // The latest end first: if a new attempt would not end sooner than it, none would.
      return a.workEnd > now + mean ? t : null;
    }
    return null;
  }

  private push(a: MrAttempt): void {
    a.bookAt = this.heap.push(a) - 1;
    this.siftUp(a.bookAt);
  }

  private removeAt(i: number): void {
    const heap = this.heap;
    const gone = heap[i]!;
    gone.bookAt = -1;
    const last = heap.pop()!;
    if (i === heap.length) return;
    heap[i] = last;
    last.bookAt = i;
    this.siftDown(i);
    this.siftUp(last.bookAt);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const a = heap[i]!;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!later(a, heap[up]!)) break;
      heap[i] = heap[up]!;
      heap[i]!.bookAt = i;
      i = up;
    }
    heap[i] = a;
    a.bookAt = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const a = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const c = r < heap.length && later(heap[r]!, heap[l]!) ? r : l;
      if (!later(heap[c]!, a)) break;
      heap[i] = heap[c]!;
      heap[i]!.bookAt = i;
      i = c;
    }
    heap[i] = a;
    a.bookAt = i;
  }
}

/** Heap order: the later end first; at the same end, the lower task index (Hadoop looks in task order). */
function later(a: MrAttempt, b: MrAttempt): boolean {
  return a.workEnd > b.workEnd || (a.workEnd === b.workEnd && a.task.index < b.task.index);
}

function duration(a: MrAttempt): number {
  return a.record.end - a.record.start;
}

/**
 * Starts the AM's speculator: a look at the maps and one at the reduces every second, or 15 s
 * after a look asked for a copy, until the job ends (a daemon: it keeps no run going).
 */
export function startSpeculator(am: MrAppMaster): void {
  const books = am.speculation;
  if (!books) return;
  const kernel = am.ctx.kernel;
  const look = (): void => {
    if (am.done) return;
    let copies = 0;
    for (const book of [books.map, books.reduce]) {
      const task = book.best(kernel.now);
      if (task === null) continue;
      am.request(task, true);
      book.copyAsked(task);
      copies++;
    }
    kernel.postDaemon(copies > 0 ? SPECULATE_AFTER_COPY_MS : SPECULATE_AGAIN_MS, look);
  };
  kernel.postDaemon(SPECULATE_AGAIN_MS, look);
}
