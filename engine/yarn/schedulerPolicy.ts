/**
 * The three schedulers' answer to one question, asked on every node heartbeat while the node
 * has room: which application gets the next container? Shares are measured in memory, like
 * YARN's DefaultResourceCalculator.
 * - FIFO: the oldest application with pending requests.
 * - Capacity: the queue furthest below its guaranteed capacity (and under its maximum), then
 *   FIFO within the queue.
 * - Fair: the queue with the smallest usage per weight, then the application using least.
 */
import type { AppRequests } from './appRequests';
import type { SchedulerKind, YarnConfig } from './yarnConfig';

/** What the policy needs to know about an application. */
export interface SchedulableApp {
  readonly index: number;
  readonly queueIndex: number;
  usedMemoryMb: number;
  readonly requests: AppRequests;
}

export class SchedulerPolicy {
  readonly kind: SchedulerKind;
  /** Memory in use per queue, MB. */
  readonly queueUsedMb: number[];
  /** Scratch: each queue's score in `choose` (NaN when it may take nothing more). */
  private readonly queueScore: Float64Array;

  constructor(
    private readonly config: YarnConfig,
    private readonly clusterMemoryMb: () => number,
  ) {
    this.kind = config.scheduler;
    this.queueUsedMb = config.queues.map(() => 0);
    this.queueScore = new Float64Array(config.queues.length);
  }

  /**
   * The next application to serve among `apps` (in submission order), skipping those in
   * `tried` (already found nothing to place on this node this heartbeat).
   */
  choose(apps: readonly SchedulableApp[], tried: { has(index: number): boolean }): SchedulableApp | undefined {
    if (this.kind === 'fifo') {
      for (const a of apps) if (a.requests.pending > 0 && !tried.has(a.index)) return a;
      return undefined;
    }
    const total = Math.max(1, this.clusterMemoryMb());
    const capacity = this.kind === 'capacity';
    // Each queue's score once (every app of a queue has its queue's), not once per app.
    const queues = this.config.queues;
    const scores = this.queueScore;
    for (let qi = 0; qi < queues.length; qi++) {
      const q = queues[qi]!;
      const used = this.queueUsedMb[qi]!;
      if (capacity)
        scores[qi] = used >= (q.maxCapacity / 100) * total ? Number.NaN : used / ((q.capacity / 100) * total);
      else scores[qi] = used / q.weight;
    }
    let best: SchedulableApp | undefined;
    let bestQueueScore = Number.POSITIVE_INFINITY;
    for (const a of apps) {
      if (a.requests.pending === 0 || tried.has(a.index)) continue;
      // NaN: the queue is at its maximum capacity.
      const score = scores[a.queueIndex]!;
      if (score < bestQueueScore) {
        best = a;
        bestQueueScore = score;
      } else if (
        score === bestQueueScore &&
        best !== undefined &&
        a.queueIndex === best.queueIndex &&
        !capacity &&
        a.usedMemoryMb < best.usedMemoryMb
      ) {
        best = a;
      }
    }
    return best;
  }

  charge(queueIndex: number, memoryMb: number): void {
    this.queueUsedMb[queueIndex]! += memoryMb;
  }
}

/** The applications tried on one heartbeat: cleared by starting a new round, not by emptying a Set. */
export class TriedApps {
  private readonly round: number[] = [];
  private current = 1;

  clear(): void {
    this.current++;
  }

  add(index: number): void {
    while (this.round.length <= index) this.round.push(0);
    this.round[index] = this.current;
  }

  has(index: number): boolean {
    return this.round[index] === this.current;
  }
}
