/**
 * Spark's MapOutputTracker: where each map task's shuffle output lives (the node of the executor
 * that wrote it), per shuffle. An output is unregistered when its executor is lost or a reducer
 * could not fetch it; a map stage then runs again for its missing partitions.
 */
import type { ShuffleInfo } from './jobRecord';

export class MapOutputTracker {
  /** outputs[shuffleId][map]: the node holding that map output, or null (not written, or lost). */
  private readonly outputs: (string | null)[][];

  constructor(shuffles: readonly ShuffleInfo[]) {
    this.outputs = shuffles.map((s) => new Array<string | null>(s.numMaps).fill(null));
  }

  register(shuffleId: number, map: number, node: string): void {
    this.outputs[shuffleId]![map] = node;
  }

  location(shuffleId: number, map: number): string | null {
    return this.outputs[shuffleId]![map] ?? null;
  }

  /** Map partitions of the shuffle without an output, ascending. */
  missing(shuffleId: number): number[] {
    return this.outputs[shuffleId]!.flatMap((n, m) => (n === null ? [m] : []));
  }

  unregister(shuffleId: number, map: number): void {
    this.outputs[shuffleId]![map] = null;
  }

  /** Forgets every output held on `node` (its executor is gone); returns how many. */
  removeOutputsOn(node: string): number {
    let removed = 0;
    for (const outs of this.outputs)
      for (let m = 0; m < outs.length; m++)
        if (outs[m] === node) {
          outs[m] = null;
          removed++;
        }
    return removed;
  }
}
