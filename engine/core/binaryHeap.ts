/**
 * A binary heap in a plain array, ordered by `before` (a min-heap with `<`, a max-heap with `>`):
 * the top is heap[0]. Push and pop are O(log n).
 */
export function heapPush<T>(heap: T[], value: T, before: (a: T, b: T) => boolean): void {
  heap.push(value);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

/** Removes and returns the top (the heap must not be empty). */
export function heapPop<T>(heap: T[], before: (a: T, b: T) => boolean): T {
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
