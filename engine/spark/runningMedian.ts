/**
 * The median of a growing list of numbers in O(log n) per added value (two heaps), as
 * `sorted[Math.floor(length / 2)]` would give it: speculation asks for it after every finished
 * task, and sorting every time made a stage of n tasks cost n² log n.
 */
export class RunningMedian {
  /** The smaller half, a max-heap: floor(length / 2) values. */
  private low: number[] = [];
  /** The larger half, a min-heap: the rest; its top is sorted[floor(length / 2)]. */
  private high: number[] = [];

  get length(): number {
    return this.low.length + this.high.length;
  }

  add(value: number): void {
    if (this.high.length > 0 && value < this.high[0]!) push(this.low, value, greater);
    else push(this.high, value, less);
    // Keep high.length === low.length or low.length + 1.
    if (this.high.length > this.low.length + 1) push(this.low, pop(this.high, less), greater);
    else if (this.low.length > this.high.length) push(this.high, pop(this.low, greater), less);
  }

  /** sorted[floor(length / 2)]; undefined when empty. */
  get median(): number | undefined {
    return this.high[0];
  }
}

const less = (a: number, b: number) => a < b;
const greater = (a: number, b: number) => a > b;

function push(heap: number[], value: number, before: (a: number, b: number) => boolean): void {
  heap.push(value);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function pop(heap: number[], before: (a: number, b: number) => boolean): number {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < heap.length && before(heap[l]!, heap[best]!)) best = l;
      if (r < heap.length && before(heap[r]!, heap[best]!)) best = r;
      if (best === i) break;
      [heap[i], heap[best]] = [heap[best]!, heap[i]!];
      i = best;
    }
  }
  return top;
}
