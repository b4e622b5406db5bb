import { describe, expect, it } from 'vitest';
import { seconds } from '../../../labs/checkKit';
import { atEnd, viewAt, viewNowLines } from './viewAt';
import { wordsFor } from './viewWords';
import { lambdaRun, naiveSpeedLayerRun, netflixRun, viewOf } from './__tests__/viewRuns';

const LAB_WORDS = { key: 'article', event: 'page view', events: 'page views' };

describe('a dashboard view at an instant of playback', () => {
  it('the batch layer alone: nothing before the first refresh, then the last refresh at or before t', () => {
    const view = lambdaRun('1-start-with-batch', 'solution').views[0]!;
    const first = view.samples[0]!;
    const before = viewAt(view, first.t - 1);
    expect(before.sample).toBeNull();
    expect(viewNowLines(view, before, wordsFor(view, LAB_WORDS))).toEqual([
      `board has not refreshed yet: its first refresh is at ${seconds(first.t)}.`,
    ]);
    // Between two refreshes the board still shows the earlier one.
    const s = view.samples[40]!;
    const between = viewAt(view, (s.t + view.samples[41]!.t) / 2);
    expect(between.sample).toBe(s);
    expect(between.refreshes).toBe(41);
    expect(viewAt(view, s.t).sample).toBe(s);
    expect(atEnd(view, s.t)).toBe(false);
    expect(atEnd(view, view.samples.at(-1)!.t)).toBe(true);
  });

  it('says how far behind and the worst so far, as the lab says them ("more than a minute behind")', () => {
    const view = lambdaRun('1-start-with-batch', 'solution').views[0]!;
    const worst = view.samples.reduce((a, b) => (b.behindMs > a.behindMs ? b : a));
    expect(worst.behindMs).toBeGreaterThan(60_000);
    const at = viewAt(view, worst.t);
    const lines = viewNowLines(view, at, wordsFor(view, LAB_WORDS));
    expect(lines[0]).toBe(
      `Last refresh at ${seconds(worst.t)}. It was ${seconds(worst.behindMs)} behind: the oldest page view it did not count had been sent ${seconds(worst.behindMs)} before.`,
    );
    expect(lines[2]).toContain(`at worst ${seconds(view.maxBehindMs)} behind (at ${seconds(worst.t)})`);
    expect(lines[2]).toContain('never counted twice');
    // At the end every page view is counted.
    const end = viewNowLines(view, viewAt(view, 420_000), wordsFor(view, LAB_WORDS));
    expect(end[0]).toContain('It counted every page view sent by then: 0 s behind.');
    expect(end[1]).toBe('Its counts add up to 6,000, no page view counted twice.');
  });

  it('a speed layer that keeps its realtime counts: counted twice from just after the first batch run', () => {
    const view = naiveSpeedLayerRun().views[0]!;
    const first = view.samples.find((s) => s.doubleCounted > 0)!;
    expect(first.t).toBeGreaterThan(120_000);
    expect(first.t).toBeLessThan(180_000);
    const justBefore = viewAt(view, first.t - 1);
    expect(justBefore.sample!.doubleCounted).toBe(0);
    const words = wordsFor(view, LAB_WORDS);
    expect(viewNowLines(view, justBefore, words)[2]).toContain('never counted twice');
    const lines = viewNowLines(view, viewAt(view, first.t), words);
    expect(lines[1]).toContain(
      `${first.doubleCounted.toLocaleString('en-US')} page views counted twice (in the batch view and still in the realtime view)`,
    );
    expect(lines[2]).toContain(`counted twice (at ${seconds(first.t)})`);
    const end = viewAt(view, 420_000);
    expect(end.worstDouble!.doubleCounted).toBe(view.maxDoubleCounted);
  });

  it('the speed layer done right is at most 10 s behind and never counts twice', () => {
    const view = lambdaRun('2-add-the-speed-layer', 'solution').views[0]!;
    const at = viewAt(view, 420_000);
    expect(at.worstBehind!.behindMs).toBeLessThanOrEqual(10_000);
    expect(at.worstDouble!.doubleCounted).toBe(0);
    expect(at.refreshes).toBe(view.samples.length);
    expect(at.next).toBeNull();
  });

  it('a board reading the lake has no view: the starter of step 1 reports none', () => {
    expect(lambdaRun('1-start-with-batch', 'starter').views).toEqual([]);
  });

  it("Netflix's hourly row is behind by more than an hour; its streaming row by about a second", () => {
    const result = netflixRun();
    const old = viewOf(result, 'old-row');
    const now = viewOf(result, 'trending-now');
    expect(wordsFor(old).key).toBe('title');
    expect(viewAt(old, 9_000_000).worstBehind!.behindMs).toBeGreaterThan(3_600_000);
    expect(viewAt(now, 9_000_000).worstBehind!.behindMs).toBeLessThan(2_000);
    expect(viewNowLines(old, viewAt(old, 4_500_010), wordsFor(old))[0]).toBe(
      'Last refresh at 1 h 15 min. It was 20 min behind: the oldest view it did not count had been sent 20 min before.',
    );
  });
});
