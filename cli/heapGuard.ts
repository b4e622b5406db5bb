/**
 * A look at this sandbox process's heap for code that grows data in a loop. V8 aborts the process
 * (no handler can catch it) when an array grows past its maximum length or the heap is full; the
 * CLI then reports the memory limit, but without the line. So the learner's loops call this
 * (through the loop guard's clock in a job, through a guard of their own in a stream scenario)
 * and stop with a RangeError at their line once the heap holds half the process's limit, or 640 MB.
 */
import { getHeapStatistics } from 'node:v8';

/** The heap this process's learner code may fill before its loops are stopped (MB). */
export function heapGuardMb(): number {
  return Math.min(Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20 / 2), 640);
}

/**
 * Returns a function to call on every loop pass (or every few): it looks at the heap once in
 * `lookEvery` calls (a look costs about a microsecond) and throws once it passes heapGuardMb().
 * It also looks whether the CLI that started this process is still there: a learner's loop keeps
 * the process from hearing that its IPC channel closed, so a CLI killed by its process id (not its
 * group) would leave it running. Orphaned (re-parented), the process exits.
 */
export function createHeapCheck(lookEvery = 1024): () => void {
  const limitMb = heapGuardMb();
  const limit = limitMb * 2 ** 20;
  const parent = process.ppid;
  let passes = 0;
  return () => {
    if (++passes < lookEvery) return;
    passes = 0;
    if (process.platform !== 'win32' && process.ppid !== parent) process.exit(0);
    if (getHeapStatistics().used_heap_size > limit)
      throw new RangeError(
        `your code holds more than ${limitMb.toLocaleString('en')} MB of data in memory, more than the sandbox allows — does it build ever bigger data (an array, a string, a map that keeps growing)?`,
      );
  };
}
