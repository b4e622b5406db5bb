/**
 * The warm-up's reports (warmUpRun.ts), for the page's views to make their pictures from and drop:
 * the first real run's report then goes through code V8 has already compiled (turning the 100-node
 * example's report into its run view took 100 ms cold, 50 ms warm). A view registers what it would
 * do with a report; nothing of the warm-up is shown.
 */
import type { JobRunReport } from '../../engine/api';

const warmers = new Set<(report: JobRunReport) => void>();

/** `warm` is given each warm-up report; returns the unregister. */
export function onWarmUpReport(warm: (report: JobRunReport) => void): () => void {
  warmers.add(warm);
  return () => warmers.delete(warm);
}

/** Hands a warm-up report to every view; a view that throws is skipped (the warm-up is never the learner's concern). */
export function warmViews(report: JobRunReport): void {
  for (const warm of warmers) {
    try {
      warm(report);
    } catch {
      // Only the code's warmth is at stake.
    }
  }
}
