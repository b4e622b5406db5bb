import { describe, expect, it } from 'vitest';
import { agePeaks, completeUpToMs, dataAgeAt } from './dataAge';
import type { ViewReport, ViewSample } from './viewTracker';

const sample = (t: number, behindMs: number, counted = 10): ViewSample => ({ t, behindMs, doubleCounted: 0, counted });
const viewOf = (samples: ViewSample[], truthTotal = 100, samplesLeftOut = 0): ViewReport => ({
  dashboard: 'board',
  store: 'store',
  samples,
  samplesLeftOut,
  gaps: [],
  worstTrending: null,
  maxBehindMs: Math.max(0, ...samples.map((s) => s.behindMs)),
  maxDoubleCounted: 0,
  final: { lastRefreshMs: null, shownAsItEnded: true, viewTotal: 0, truthTotal, differing: 0, keys: [] },
});

describe('how old the data a dashboard shows is', () => {
  it('is behindMs at a refresh and grows with the clock until the next one', () => {
    const view = viewOf([sample(5_000, 1_000), sample(65_000, 1_000)]);
    const s = view.samples[0]!;
    expect(completeUpToMs(view, s)).toBe(4_000);
    expect(dataAgeAt(view, s, 5_000)).toBe(1_000);
    expect(dataAgeAt(view, s, 64_999)).toBe(60_999);
  });

  it('counts from the refresh when it lacked nothing, and is 0 once it holds every event of the run', () => {
    const view = viewOf([sample(5_000, 0), sample(10_000, 0, 100)]);
    expect(dataAgeAt(view, view.samples[0]!, 7_000)).toBe(2_000);
    expect(completeUpToMs(view, view.samples[1]!)).toBeNull();
    expect(dataAgeAt(view, view.samples[1]!, 90_000)).toBe(0);
  });

  it('peaks just before each next refresh, and at the end of the run after the last', () => {
    const view = viewOf([sample(5_000, 1_000), sample(65_000, 1_000), sample(125_000, 2_000)]);
    expect(agePeaks(view, 60_000, 130_000).map((p) => [p.refreshMs, p.atMs, p.ageMs, p.nextRefreshMs])).toEqual([
      [5_000, 65_000, 61_000, 65_000],
      [65_000, 125_000, 61_000, 125_000],
      [125_000, 130_000, 7_000, null],
    ]);
    // Refreshes left out of the report: the stretch after the last listed one is not known.
    expect(agePeaks(viewOf(view.samples, 100, 3), 0, 130_000)).toHaveLength(2);
  });
});
