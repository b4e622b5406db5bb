/**
 * A job's `Math.random()` (not a streaming run's: that has its own): chance drawn afresh for each
 * task from what the task is (its job, kind and index), so a task gives the same answer whichever
 * worker runs it and in whatever order. (`Date` stays the real clock in a job: a learner may time
 * or slow their own code with it; a streaming run's `Date` is its simulated clock.) Seeded at the
 * first draw, as most tasks draw nothing (createRng hashes a string seed as hashString does).
 */
import { createRng } from '../core/rng';

/** Seed of the chance a job's Math.random draws from. */
const JOB_CHANCE = 'clusterlab-job';

export class JobChance {
  private what: (number | string)[] | null = null;
  private chance: ReturnType<typeof createRng> | null = null;
  /** What an earlier load's code draws (it runs on after its run: `stray`): never the current run's chance. */
  private strayChance: ReturnType<typeof createRng> | null = null;

  /** The task that runs now: the next draw starts its own chance. */
  reseed(...task: (number | string)[]): void {
    this.what = task;
    this.chance = null;
  }

  /**
   * Math.random for the code of load `own`: the current task's chance while `own` is the current
   * load (`current()`), else a chance of its own, after `stray()` says so.
   */
  drawFor(own: number, current: () => number, stray: () => void): () => number {
    return () => {
      if (own === current()) return this.draw();
      stray();
      return (this.strayChance ??= createRng(`${JOB_CHANCE}:stray`)).next();
    };
  }

  private draw(): number {
    const what = this.what;
    return (this.chance ??= createRng(what === null ? JOB_CHANCE : `${JOB_CHANCE}:${what.join(':')}`)).next();
  }
}
