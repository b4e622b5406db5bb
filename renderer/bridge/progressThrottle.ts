/**
 * At most one progress message per `everyMs` to the page: a 9,000-task run reported every task
 * done, and the page re-rendered 9,000 times while it computed (on a two-core machine, taking
 * the CPU from the sandbox). A change of phase, run or Spark job, or the last task of a phase,
 * goes at once; otherwise the latest progress waits for the interval, so the page never shows a
 * stale count for longer than `everyMs`.
 */
import type { RunProgress } from './engineProtocol';

export interface ProgressThrottleClock {
  now(): number;
  setTimer(ms: number, fire: () => void): () => void;
}

export class ProgressThrottle {
  private lastSent: RunProgress | null = null;
  private sentAt = -Infinity;
  private waiting: RunProgress | null = null;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly send: (progress: RunProgress) => void,
    private readonly clock: ProgressThrottleClock,
    private readonly everyMs = 100,
  ) {}

  offer(progress: RunProgress): void {
    const last = this.lastSent;
    const turning =
      last === null ||
      last.phase !== progress.phase ||
      last.run !== progress.run ||
      last.job !== progress.job ||
      (progress.total > 0 && progress.done >= progress.total);
    if (turning || this.clock.now() - this.sentAt >= this.everyMs) return this.sendNow(progress);
    this.waiting = progress;
    this.cancel ??= this.clock.setTimer(this.everyMs - (this.clock.now() - this.sentAt), () => {
      this.cancel = null;
      if (this.waiting) this.sendNow(this.waiting);
    });
  }

  /** Drops what waits (the run ended: its answer follows). */
  close(): void {
    this.cancel?.();
    this.cancel = null;
    this.waiting = null;
  }

  private sendNow(progress: RunProgress): void {
    this.cancel?.();
    this.cancel = null;
    this.waiting = null;
    this.lastSent = progress;
    this.sentAt = this.clock.now();
    this.send(progress);
  }
}
