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
  /** Attempts whose end is not scheduled yet (launching): each due later than any copy. */
  private readonly unscheduled = new Set<MrAttempt>();
  /** The scheduled attempts, a max-heap by when their work ends; an attempt ended since is skipped. */
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
    const heap = this.heap;
    let i = heap.push(a) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (heap[up]!.workEnd >= a.workEnd) break;
      heap[i] = heap[up]!;
      i = up;
    }
    heap[i] = a;
  }

  /** `a` was just taken off its task's running attempts. */
  ended(a: MrAttempt): void {
    this.unscheduled.delete(a);
    if (a.task.running.length === 0 && !a.task.done) this.runningNotDone--;
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
  }

  /** The tasks to copy now (in task order), as described at the top of this file. */
  stragglers(now: number): MrTask[] {
    if (this.winners === 0 || this.notDone > this.runningNotDone) return [];
    const mean = this.winnersMs / this.winners;
    const heap = this.heap;
    // Attempts that ended leave the heap once they reach its top.
    while (heap.length > 0 && heap[0]!.phase === 'ended') this.popTop();
    const found: MrTask[] = [];
    const consider = (a: MrAttempt) => {
      const t = a.task;
      if (!t.done && t.running.length === 1 && t.requested === 0 && !a.record.speculative) found.push(t);
    };
    for (const a of this.unscheduled) consider(a);
    // Every attempt due more than `mean` from now: a subtree whose top is due sooner holds none.
    const stack = heap.length > 0 ? [0] : [];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const a = heap[i]!;
      if (a.workEnd - now <= mean) continue;
      if (a.phase !== 'ended') consider(a);
      if (2 * i + 1 < heap.length) stack.push(2 * i + 1);
      if (2 * i + 2 < heap.length) stack.push(2 * i + 2);
    }
    found.sort((x, y) => x.index - y.index);
    return found.filter((t, i) => i === 0 || found[i - 1] !== t);
  }

  private popTop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const c = r < heap.length && heap[r]!.workEnd > heap[l]!.workEnd ? r : l;
      if (heap[c]!.workEnd <= last.workEnd) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
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
