/**
 * The panel rendered (to static markup) on real runs: nothing without a view; at an instant, the
 * sentences, charts with their text alternatives and the cursor's value, trending rows with their
 * marks, and the end-of-run table folded away until the playback reaches the end.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import type { PipelineResult } from '../../../engine/pipeline';
import { PipelineViewsPanel } from './PipelineViewsPanel';
import { lambdaRun, naiveSpeedLayerRun, netflixRun } from '../../viz/views/__tests__/viewRuns';

const WORDS = { key: 'article', event: 'page view', events: 'page views' };
const render = (result: PipelineResult, t: number, words?: typeof WORDS) =>
  renderToStaticMarkup(createElement(PipelineViewsPanel, { result, t, words }));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('the views panel', () => {
  it('renders nothing when no dashboard reads a store of counts', () => {
    expect(render(lambdaRun('1-start-with-batch', 'starter'), 100_000)).toBe('');
  });

  it('a speed layer counting twice: both charts, what is true at t, the end table folded until the end', () => {
    const result = naiveSpeedLayerRun();
    const mid = render(result, 150_000, WORDS);
    expect(text(mid)).toContain('Last refresh at 2 min 28 s. It was 1.00 s behind');
    expect(mid).toContain('data-testid="views-twice-board"');
    expect(mid).toMatch(
      /role="img" aria-label="How far behind board was at each of its 209 refreshes over 7 min: at worst 1.00 s\. Now: 1.00 s behind\."/,
    );
    expect(mid).toMatch(
      /aria-label="Page views board counted twice at each refresh: at worst 6,000 page views\. Now: 1,804 page views counted twice\."/,
    );
    expect(mid).toMatch(/<details class="views-final" data-testid="views-final-board">/);
    expect(text(mid)).toContain('(opens by itself when the playback gets there)');
    const end = render(result, result.simulatedMs, WORDS);
    expect(end).toMatch(/<details class="views-final" open="" data-testid="views-final-board">/);
    expect(end).toContain('<th scope="col">Full recomputation</th>');
    expect(end.match(/class="views-differs"/g)).toHaveLength(12);
    expect(text(end)).toContain('article 2 1,096 548 +548');
  });

  it('a board that never counts twice has no counted-twice chart', () => {
    const html = render(lambdaRun('2-add-the-speed-layer', 'solution'), 200_000, WORDS);
    expect(html).toContain('data-testid="views-behind-board"');
    expect(html).not.toContain('views-twice');
  });

  it('the Netflix-like run: two trending rows side by side, hits marked, how stale, capped tables', () => {
    const html = render(netflixRun(), 4_500_010);
    const plain = text(html);
    expect(plain).toContain('Trending rows at 1 h 15 min');
    expect(plain).toContain('old-row at its refresh, 1 h 15 min · data 20 min old');
    expect(plain).toContain('trending-now at its refresh, 1 h 15 min · data 1.01 s old');
    expect(html.match(/aria-label="not in the true top 10"/g)).toHaveLength(7);
    expect(html.match(/aria-label="in the true top 10"/g)).toHaveLength(13);
    expect(plain).toContain('3 of the 10 titles it shows are in the true top 10.');
    expect(plain).toContain('and 20 more titles Show all 40');
    expect(html).toContain('<th scope="col">cassandra at the end</th>');
  });
});
