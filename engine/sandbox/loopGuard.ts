/**
 * The loop guard (as CodePen and JS Bin do it): compileJobSource puts a call `LOOP_GUARD(line)`
 * at the top of every loop body of the learner's code, and the sandbox binds that name to a
 * guard made here for each run. The guard counts iterations and looks at the wall clock only
 * every CHECK_EVERY calls, so it costs a counter increment per iteration; once the run's guard
 * deadline (a little before its hard time limit) has passed, the loop throws a RunawayLoopError
 * naming its line, and so does every loop after it. The hard terminate at the limit stays the
 * last resort (a learner may catch the error, or replace the guard in their own scope: that
 * only removes their own protection). The clock is passed in: the engine stays pure.
 *
 * compileJobSource also puts `LOOP_GUARD(-line)` just before every loop (each entry into it), so
 * the guard knows when the running loop instance started: only a loop that itself ran for most of
 * the budget is called endless; a short loop entered again and again (a slow job) is not blamed.
 */
import { RunawayLoopError } from './contract/jobCodeError';

/** The name the guard is bound to in the learner's code. */
export const LOOP_GUARD = '__clusterlabLoopGuard';

/** Iterations between two looks at the clock. */
export const CHECK_EVERY = 128;

export interface LoopGuardOptions {
  fileName: string;
  /** Wall-clock milliseconds (Date.now in a worker). */
  now(): number;
  /** When the run started and when the guard stops loops (null: never), in `now()` time. */
  startedAt: number;
  deadline: number | null;
  /** The run's time limit, for the message. */
  limitSeconds: number;
  /**
   * Told, at most once a second, which loop is running: if a loop is too slow to reach its guard
   * before the hard limit (a loop that fills memory spends its time collecting garbage), the host
   * can still name its line.
   */
  onLoop?: (line: number) => void;
}

/** Wall-clock ms between two reports of the running loop. */
export const REPORT_EVERY_MS = 1000;

export type LoopGuard = (line: number) => void;

export function createLoopGuard(options: LoopGuardOptions): LoopGuard {
  const { fileName, now, startedAt, deadline, limitSeconds, onLoop } = options;
  let count = 0;
  let tripped = false;
  let reportedAt = startedAt;
  /** Loop entries so far (`guard(-line)`). */
  let entries = 0;
  /** The loop seen at the last look at the clock (its line and the entries then), and since when. */
  let seenLine = 0;
  let seenEntries = -1;
  let seenSince = startedAt;
  const guard = (line: number): void => {
    if (line < 0) {
      entries++;
      return;
    }
    if (deadline === null) return;
    if (!tripped) {
      if (++count < CHECK_EVERY) return;
      count = 0;
      const t = now();
      if (onLoop && t - reportedAt >= REPORT_EVERY_MS) {
        reportedAt = t;
        onLoop(line);
      }
      // The same loop, not entered again since the last look (no loop was entered): one instance.
      if (line !== seenLine || entries !== seenEntries) {
        seenLine = line;
        seenEntries = entries;
        seenSince = t;
      }
      if (t < deadline) return;
      tripped = true;
    }
    // How long this loop instance has been running: since the look that first saw it, or (a loop
    // after the first one stopped, e.g. an outer loop that caught its error) at least that long
    // when no loop was entered since. A loop entered since has not run long.
    const loopMs = entries === seenEntries ? now() - seenSince : 0;
    throw new RunawayLoopError(fileName, line, Math.round(loopMs / 100) / 10, limitSeconds);
  };
  return Object.freeze(guard);
}

/**
 * When a run's loops are stopped: a margin before its hard limit, so the error can reach the
 * pool before the workers are terminated (10% of the budget, between 0.25 s and 1 s).
 */
export function loopDeadline(startedAt: number, limitSeconds: number | null): number | null {
  if (limitSeconds === null) return null;
  const ms = limitSeconds * 1000;
  return startedAt + ms - Math.min(1000, Math.max(250, ms / 10));
}
