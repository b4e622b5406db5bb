/**
 * The median of a growing list of numbers in O(log n) per added value (two heaps), as
 * `sorted[Math.floor(length / 2)]` would give it: speculation asks for it after every finished
 * task, and sorting every time made a stage of n tasks cost n² log n.
 */
import { heapPop, heapPush } from '../core/binaryHeap';

export class RunningMedian {
  /** The smaller half, a max-heap: floor(length / 2) values. */
  private low: number[] = [];
  /** The larger half, a min-heap: the rest; its top is sorted[floor(length / 2)]. */
  private high: number[] = [];

  get length(): number {
    return this.low.length + this.high.length;
  }

  add(value: number): void {
    if (this.high.length > 0 && value < this.high[0]!) heapPush(this.low, value, greater);
    else heapPush(this.high, value, less);
    // Keep high.length === low.length or low.length + 1.
    if (this.high.length > this.low.length + 1) heapPush(this.low, heapPop(this.high, less), greater);
    else if (this.low.length > this.high.length) heapPush(this.high, heapPop(this.low, greater), less);
  }

  /** sorted[floor(length / 2)]; undefined when empty. */
  get median(): number | undefined {
    return this.high[0];
  }
}

const less = (a: number, b: number) => a < b;
const greater = (a: number, b: number) => a > b;
