/**
 * How much MapReduce map output the host holds in one run: every map task's output stays in the
 * host for the shuffle, so past LIMITS.maxMapOutputBytes the run ends with a message before it
 * fills the host's memory (a map that writes a long string for every line).
 */
import { LIMITS } from '../core/limits';
import { JobResultError } from './contract/jobCodeError';

/**
 * Map output bytes a worker's batch of map tasks may hold: past them, the batch's tasks not yet
 * run go back to the pool, and the run's map tasks go one at a time from then on.
 */
export const BATCH_HOLD_BYTES = 8 * 1024 * 1024;

/** The map output held after one more map task's partitions (estimated bytes after the combiner). */
export function heldAfter(held: number, partitionBytes: readonly number[]): number {
  let total = held;
  for (const bytes of partitionBytes) total += bytes;
  return total;
}

/** The run's failure when `held` bytes are more than a run may hold, else null. */
export function mapOutputTooBig(fileName: string, held: number): JobResultError | null {
  if (held <= LIMITS.maxMapOutputBytes) return null;
  const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en')} MB`;
  return new JobResultError(
    fileName,
    null,
    `the map output passed ${mb(held)}, more than the ${mb(LIMITS.maxMapOutputBytes)} of intermediate data a run may hold — does map write more than it needs (a whole record, a long string) for every line?`,
  );
}
