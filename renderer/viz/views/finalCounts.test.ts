import { describe, expect, it } from 'vitest';
import { differenceText, finalCounts, finalSentence } from './finalCounts';
import { wordsFor } from './viewWords';
import { lambdaRun, naiveSpeedLayerRun, netflixRun, viewOf } from './__tests__/viewRuns';

const LAB_WORDS = { key: 'article', event: 'page view', events: 'page views' };

describe('the board at the end of the run against a full recomputation', () => {
  it('the batch layer: every article equals the recomputation, as the lab check says', () => {
    const view = lambdaRun('1-start-with-batch', 'solution').views[0]!;
    const end = finalCounts(view);
    expect(end).toMatchObject({ keys: 12, differing: 0, more: 0 });
    expect(end.rows.every((r) => r.difference === 0 && r.view === r.truth)).toBe(true);
    expect(finalSentence(view, wordsFor(view, LAB_WORDS))).toBe(
      "At its last refresh (6 min 58 s) the board's count for each of the 12 articles equals a full recomputation over all 6,000 page views.",
    );
  });

  it('a speed layer that keeps its counts: the differing articles come first, counted twice', () => {
    const view = naiveSpeedLayerRun().views[0]!;
    const end = finalCounts(view);
    expect(end.differing).toBeGreaterThan(0);
    expect(end.rows.slice(0, end.differing).every((r) => r.difference > 0)).toBe(true);
    expect(end.rows.slice(end.differing).every((r) => r.difference === 0)).toBe(true);
    expect(finalSentence(view, wordsFor(view, LAB_WORDS))).toMatch(
      /^At the end the board is wrong for \d+ of 12 articles: it counts [\d,]+ where 6,000 page views were sent: some are counted twice\.$/,
    );
  });

  it('the hourly row misses the last hours; capped at 20 rows with "and N more"', () => {
    const view = viewOf(netflixRun(), 'old-row');
    const end = finalCounts(view);
    expect(end).toMatchObject({ keys: 40, differing: 40, more: 20 });
    expect(end.rows).toHaveLength(20);
    expect(end.rows.every((r) => r.difference < 0)).toBe(true);
    expect(finalSentence(view, wordsFor(view))).toBe(
      'At the end the board is wrong for 40 of 40 titles: it counts 69,000 of the 90,000 views sent.',
    );
    // The streaming row's store changed after its last refresh.
    expect(finalSentence(viewOf(netflixRun(), 'trending-now'), wordsFor(view))).toContain(
      "cassandra changed after the board's last refresh, at 2 h 29 min 55 s.",
    );
  });

  it('writes differences with a sign', () => {
    expect(differenceText(0)).toBe('0');
    expect(differenceText(1200)).toBe('+1,200');
    expect(differenceText(-3)).toBe('−3');
  });
});
