/**
 * How old the data a dashboard shows is at any instant, not only at its refreshes. Between two
 * refreshes the board keeps showing what its last one read, so every event made since is missing
 * from it too and its data grows older with the clock. The age at t is t minus the time up to
 * which the shown data holds every event: the creation of the oldest event the last refresh
 * lacked (t − behindMs at that refresh), or, when it lacked none, the refresh itself (then the
 * oldest missing event is the first one made after it: at most as old); 0 once the shown data
 * holds every event of the run. At a refresh the age is its `behindMs`.
 *
 * The app's views (renderer/viz/views/trendingAt.ts) print this age at the playback's instant and
 * the labs' checks judge its peaks, so the learner sees the number a check judges.
 */
import type { ViewReport, ViewSample } from './viewTracker';

/** The time up to which the data `sample` read holds every event (null: it holds every event of the run). */
export function completeUpToMs(view: ViewReport, sample: ViewSample): number | null {
  if (sample.behindMs > 0) return sample.t - sample.behindMs;
  const all = sample.doubleCounted === 0 && sample.counted === view.final.truthTotal;
  return all ? null : sample.t;
}

/** How old the data shown from `sample` (the last refresh at or before t) is at t. */
export function dataAgeAt(view: ViewReport, sample: ViewSample, t: number): number {
  const upTo = completeUpToMs(view, sample);
  return upTo === null ? 0 : Math.max(0, t - upTo);
}

/** The oldest the shown data got between one refresh and the next (or the end). */
export interface AgePeak {
  /** The refresh whose data was shown, and how far behind it was when it was read. */
  refreshMs: number;
  behindMs: number;
  /** Where the stretch ends: the next refresh, or the end of the run (null). */
  nextRefreshMs: number | null;
  atMs: number;
  ageMs: number;
}

/**
 * The peak age of every stretch between listed refreshes that reaches past `fromMs` (the age
 * rises with the clock, so each stretch peaks at its end), and of the last one up to `endMs`.
 * When the report left refreshes out, the stretch after the last listed one is not known and is
 * not given (the view's maxima and gaps cover those refreshes).
 */
export function agePeaks(view: ViewReport, fromMs: number, endMs: number): AgePeak[] {
  const peaks: AgePeak[] = [];
  const samples = view.samples;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const next = samples[i + 1];
    if (!next && view.samplesLeftOut > 0) break;
    const atMs = next ? next.t : Math.max(endMs, s.t);
    if (atMs <= fromMs) continue;
    peaks.push({
      refreshMs: s.t,
      behindMs: s.behindMs,
      nextRefreshMs: next ? next.t : null,
      atMs,
      ageMs: dataAgeAt(view, s, atMs),
    });
  }
  return peaks;
}
