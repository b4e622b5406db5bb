import { describe, expect, it } from 'vitest';
import { trendingAt, trendingSentences } from './trendingAt';
import { appWords } from './viewWords';

const TRENDING_WORDS = appWords(true);
import { lambdaRun, netflixDownRun, netflixRun, viewOf } from './__tests__/viewRuns';

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
    // How stale, at the instant: t minus the time up to which the row holds every view (55 min:
    // the first one it lacks), not the newest it counts (55 min less 100 ms).
    expect(old.asOfMs).toBe(3_299_900);
    expect(old.ageMs).toBe(t - 3_300_000);
    expect(trendingSentences(old, TRENDING_WORDS)).toEqual([
      'Its data is 20 min old: it holds every view made before 55 min, not every one made since.',
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

  it('prints the age the checks judge: at a refresh its behindMs, growing with the clock until the next', () => {
    const view = viewOf(netflixRun(), 'trending-now');
    const part = partOf('trending-now');
    for (const [i, s] of view.samples.entries()) {
      if (i % 97 !== 0) continue;
      expect(trendingAt(view, s.t, part)!.ageMs).toBeCloseTo(s.behindMs, 6);
      const next = view.samples[i + 1];
      if (next) expect(trendingAt(view, next.t - 1, part)!.ageMs).toBeCloseTo(s.behindMs + next.t - 1 - s.t, 6);
    }
  });

  it('while its board is down, says so and judges the last row it showed against the true row now', () => {
    const result = netflixDownRun();
    const parts = result.parts;
    const t = 3_900_000;
    const part = parts.find((p) => p.id === 'recommender');
    const row = trendingAt(viewOf(result, 'recommender'), t, part, {
      views: result.views,
      parts,
      downSince: 3_600_000,
    })!;
    const old = trendingAt(
      viewOf(result, 'old-row'),
      t,
      parts.find((p) => p.id === 'old-row'),
    )!;
    expect(row.refreshedMs).toBeLessThan(3_600_000);
    // The true row is the one of now (old-row, up on n2, refreshed at 1 h 5 min), as its block shows.
    expect(row.truthMs).toBe(old.refreshedMs);
    expect(row.lines.map((l) => l.truth)).toEqual(
      old.lines.map((l) => l.truth && { ...l.truth, shown: expect.any(Boolean) }),
    );
    expect(row.inTruth).toBeLessThan(9);
    expect(row.ageMs).toBeGreaterThan(300_000);
    const said = trendingSentences(row, TRENDING_WORDS);
    expect(said[0]).toBe(
      'recommender is down since 1 h and shows no row: below, the last row it showed (at its refresh, 59 min 55 s) beside the true row now.',
    );
    expect(said[2]).toMatch(/^\d of the 10 titles it shows are in the true top 10\.$/);
  });
});
