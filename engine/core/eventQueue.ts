/**
 * A binary min-heap of scheduled events ordered by (time, priority, sequence number).
 * The sequence number breaks ties in insertion order, which makes every run deterministic
 * (the same ordering SimPy and Spark's DAGScheduler event loop rely on).
 * Sifting moves a "hole" instead of swapping pairs: the kernel's hot path lives here.
 */
export interface QueuedEvent {
  time: number;
  priority: number;
  seq: number;
  cancelled: boolean;
  run: () => void;
}

function before(x: QueuedEvent, y: QueuedEvent): boolean {
  if (x.time !== y.time) return x.time < y.time;
  if (x.priority !== y.priority) return x.priority < y.priority;
  return x.seq < y.seq;
}

export class EventQueue<E extends QueuedEvent = QueuedEvent> {
  private heap: E[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(event: E): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  peek(): E | undefined {
    return this.heap[0];
  }

  pop(): E | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      let child = heap[l]!;
      if (r < n) {
        const rc = heap[r]!;
        if (before(rc, child)) {
          m = r;
          child = rc;
        }
      }
      if (!before(child, last)) break;
      heap[i] = child;
      i = m;
    }
    heap[i] = last;
    return top;
  }
}
