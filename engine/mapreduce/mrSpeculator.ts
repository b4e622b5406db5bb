/**
 * MapReduce's speculative execution (Hadoop's speculator, simplified): when a task finishes, and
 * no task of its kind is still waiting for a container, a lone attempt of a sibling task due to
 * end later than the kind's mean winning attempt took (started now, a copy would end sooner) gets
 * a copy.
 *
 * What that needs is kept as the attempts come and go (SpeculationBook), so that a task's end
 * costs what is running, not what the job holds: searching every task at every end made a job of
 * 33,000 maps take 30 s instead of 2.
 */
import type { MrAppMaster } from './mrAppMaster';
import type { MrAttempt, MrTask } from './mrTypes';

/** The speculator's view of one kind of task (the maps, or the reduces). */
export class SpeculationBook {
  /** Tasks not done, and of them those with an attempt running: the others wait for a container. */
  private notDone: number;
  private runningNotDone = 0;
  /** The winning attempts' durations (a task run again after its output was lost counts its last winner). */
  private winnersMs = 0;
  private winners = 0;
  /**
   * Attempts whose end is not scheduled yet (launching), each due later than any copy: those that
   * may need a copy (a search takes out the others, as from the heap below).
   */
  private readonly unscheduled = new Set<MrAttempt>();
  /**
   * The scheduled attempts that may need a copy, a max-heap by when their work ends (each knows
   * its place, MrAttempt.bookAt). An attempt leaves it when it ends, or when a search finds its
   * task copied or asked a copy for; it comes back when a sibling attempt of its task ends.
   */
  private readonly heap: MrAttempt[] = [];

  constructor(tasks: number) {
    this.notDone = tasks;
  }

  /** `a` was just added to its task's running attempts. */
  started(a: MrAttempt): void {
    if (a.task.running.length === 1 && !a.task.done) this.runningNotDone++;
    this.unscheduled.add(a);
  }

  /** The end of `a`'s work was just scheduled (`a.workEnd`). */
  scheduled(a: MrAttempt): void {
    this.unscheduled.delete(a);
    this.push(a);
  }

  /** `a` was just taken off its task's running attempts. */
  ended(a: MrAttempt): void {
    this.unscheduled.delete(a);
    if (a.bookAt >= 0) this.removeAt(a.bookAt);
    if (a.task.running.length === 0 && !a.task.done) this.runningNotDone--;
    this.reconsider(a.task);
  }

  /** `task`'s pending requests changed without an attempt starting or ending: its attempts may need a copy again. */
  reconsider(task: MrTask): void {
    for (const b of task.running) {
      if (b.workEnd === Number.POSITIVE_INFINITY) this.unscheduled.add(b);
      else if (b.bookAt < 0) this.push(b);
    }
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
    this.reconsider(task);
  }

  /** The tasks to copy now (in task order), as described at the top of this file. */
  stragglers(now: number): MrTask[] {
    if (this.winners === 0 || this.notDone > this.runningNotDone) return [];
    const mean = this.winnersMs / this.winners;
    const heap = this.heap;
    const found: MrTask[] = [];
    const eligible = (a: MrAttempt) => {
      const t = a.task;
      return !t.done && t.running.length === 1 && t.requested === 0 && !a.record.speculative;
    };
    for (const a of this.unscheduled) {
      if (eligible(a)) found.push(a.task);
      else this.unscheduled.delete(a);
    }
    // Every attempt due more than `mean` from now: a subtree whose top is due sooner holds none.
    const parked: MrAttempt[] = [];
    const stack = heap.length > 0 ? [0] : [];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const a = heap[i]!;
      if (a.workEnd - now <= mean) continue;
      if (eligible(a)) found.push(a.task);
      else parked.push(a);
      if (2 * i + 1 < heap.length) stack.push(2 * i + 1);
      if (2 * i + 2 < heap.length) stack.push(2 * i + 2);
    }
    // Copied, or asked a copy for: out until an attempt of its task ends (ended, reconsider).
    for (const a of parked) this.removeAt(a.bookAt);
    found.sort((x, y) => x.index - y.index);
    return found.filter((t, i) => i === 0 || found[i - 1] !== t);
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
      if (heap[up]!.workEnd >= a.workEnd) break;
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
      const c = r < heap.length && heap[r]!.workEnd > heap[l]!.workEnd ? r : l;
      if (heap[c]!.workEnd <= a.workEnd) break;
      heap[i] = heap[c]!;
      heap[i]!.bookAt = i;
      i = c;
    }
    heap[i] = a;
    a.bookAt = i;
  }
}

function duration(a: MrAttempt): number {
  return a.record.end - a.record.start;
}

/** Asks for a speculative copy of each straggler among the tasks of `kind`. */
export function speculate(am: MrAppMaster, kind: 'map' | 'reduce'): void {
  const book = am.speculation?.[kind];
  if (!book) return;
  for (const t of book.stragglers(am.ctx.kernel.now)) am.request(t, true);
}
