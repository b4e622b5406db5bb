/**
 * The tasks of a set running exactly one attempt, by when that attempt started: what Spark's
 * checkSpeculatableTasks looks at. Speculation copies a task whose lone attempt has run longer
 * than a limit, so the candidates are the earliest starts: the speculator takes them from the
 * top instead of sorting every running task at every task event. Removal is lazy: an entry is
 * stale once its task runs a second attempt, none, or finished (`TaskState.loneSeq` moved on).
 */
import { heapPop, heapPush } from '../core/binaryHeap';
import type { TaskState } from './taskSetManager';

interface Entry {
  state: TaskState;
  seq: number;
  start: number;
}

const earlier = (a: Entry, b: Entry) => a.start < b.start || (a.start === b.start && a.state.pos < b.state.pos);

export class LoneAttempts {
  private readonly heap: Entry[] = [];
  private seq = 0;

  /** The task's attempts changed: it is a candidate again if exactly one runs. */
  update(state: TaskState): void {
    if (state.done || state.running.length !== 1) {
      state.loneSeq = 0;
      return;
    }
    state.loneSeq = ++this.seq;
    heapPush(this.heap, { state, seq: state.loneSeq, start: state.running[0]!.record.start }, earlier);
  }

  /** When the earliest lone attempt started (undefined: none runs). */
  earliestStart(): number | undefined {
    this.dropStale();
    return this.heap[0]?.start;
  }

  /**
   * Takes out the tasks whose lone attempt started at a time `due` accepts, earliest first; `due`
   * must accept every earlier start when it accepts a later one. The caller puts back (update)
   * those it did not copy.
   */
  takeDue(due: (start: number) => boolean): TaskState[] {
    const out: TaskState[] = [];
    for (;;) {
      this.dropStale();
      const top = this.heap[0];
      if (top === undefined || !due(top.start)) return out;
      heapPop(this.heap, earlier);
      top.state.loneSeq = 0;
      out.push(top.state);
    }
  }

  private dropStale(): void {
    while (this.heap.length > 0 && this.heap[0]!.seq !== this.heap[0]!.state.loneSeq) heapPop(this.heap, earlier);
  }
}
