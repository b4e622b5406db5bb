import { describe, expect, it } from 'vitest';
import { trendingAt, trendingSentences } from './trendingAt';
import { appWords } from './viewWords';

const TRENDING_WORDS = appWords(true);
import { lambdaRun, netflixRun, viewOf } from './__tests__/viewRuns';

const partOf = (id: string) => netflixRun().parts.find((p) => p.id === id)!;
const at = (dashboard: string, t: number) => trendingAt(viewOf(netflixRun(), dashboard), t, partOf(dashboard))!;

describe('a trending row at an instant of playback', () => {
  it('is absent for a board showing counts', () => {
    expect(trendingAt(lambdaRun('1-start-with-batch', 'solution').views[0]!, 100_000)).toBeNull();
  });

  it('before the hourly batch has run, the old row is empty while the true top 10 is not', () => {
    const row = at('old-row', 10_010);
    expect(row.top).toBe(10);
    expect(row.windowMs).toBe(600_000);
    expect(row.asOfMs).toBeNull();
    expect(row.lines.every((l) => l.shown === null)).toBe(true);
    expect(row.lines).toHaveLength(10);
    expect(trendingSentences(row, TRENDING_WORDS)).toEqual([
      'At its last refresh (10.01 s) its store held no counts yet: the row is empty, while the true top 10 already has 10 titles.',
    ]);
    const none = at('old-row', 1_000);
    expect(none.refreshedMs).toBeNull();
    expect(trendingSentences(none, TRENDING_WORDS)).toEqual(['old-row has not refreshed yet: it shows no row.']);
  });

  it('halfway: the hourly row is 20 min old and ranks an hour gone, the streaming row about a second old', () => {
    const t = 4_500_010;
    const old = at('old-row', t);
    const now = at('trending-now', t);
    // How stale, at the instant: t minus the newest view the row counts.
    expect(old.ageMs).toBe(t - 3_299_900);
    expect(trendingSentences(old, TRENDING_WORDS)).toEqual([
      'Its data is 20 min old: the newest view it counts was made at 55 min.',
      '3 of the 10 titles it shows are in the true top 10.',
    ]);
    expect(old.inTruth).toBe(old.hits);
    expect(old.lines[0]!.shown).toEqual({ key: 10, count: 1455, inTruth: true });
    expect(old.lines[0]!.truth).toEqual({ key: 8, count: 1392, shown: false });
    expect(now.ageMs).toBeLessThan(1_500);
    expect(now.inTruth).toBe(10);
    expect(now.lines.every((l) => l.shown!.inTruth && l.truth!.shown)).toBe(true);
    expect(trendingSentences(now, TRENDING_WORDS)[1]).toBe('10 of the 10 titles it shows are in the true top 10.');
  });

  it('agrees with the engine on hits at every refresh (ties with the last count told apart)', () => {
    for (const id of ['old-row', 'trending-now']) {
      const view = viewOf(netflixRun(), id);
      for (const s of view.samples) {
        const row = trendingAt(view, s.t, partOf(id))!;
        expect(row.refreshedMs).toBe(s.t);
        expect(row.inTruth).toBeLessThanOrEqual(s.trending!.hits);
        const ties = s.trending!.hits - row.inTruth;
        if (ties > 0) expect(trendingSentences(row, TRENDING_WORDS)[1]).toContain(`and ${ties} more tie`);
      }
    }
  });
});
