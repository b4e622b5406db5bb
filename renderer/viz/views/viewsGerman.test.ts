/**
 * The views in German, on the labs' real runs: the lab's own words in their German forms (the
 * app's words for a lab without them), German numbers and times, sentences that say what the
 * English ones say, and the panels rendered in German with no English sentence left.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PipelineResult } from '../../../engine/pipeline';
import lambda from '../../../labs/lambda-architecture/lab';
import netflix from '../../../labs/netflix-trending/lab';
import type { PipelineStep, PipelineWords } from '../../../labs/labTypes';
import { changeLanguage } from '../../i18n/i18n';
import { PipelineMlPanel } from '../../features/views/PipelineMlPanel';
import { PipelineViewsPanel } from '../../features/views/PipelineViewsPanel';
import { durationWords, seconds, tickWords } from './durationWords';
import { finalSentence } from './finalCounts';
import { mlAt, mlNowLines } from './mlAt';
import { mlChartSummary } from './mlChartLayout';
import { trendingAt, trendingSentences } from './trendingAt';
import { viewAt, viewNowLines } from './viewAt';
import { countOf, wordsFor } from './viewWords';
import { mlRegistry } from './mlRegistry';
import { mlRun, refusedFleetRun } from './__tests__/mlRuns';
import { lambdaRun, naiveSpeedLayerRun, netflixRun, viewOf } from './__tests__/viewRuns';

const wordsOf = (steps: readonly unknown[]) => (steps[0] as PipelineStep).run.words!;
const LAMBDA: PipelineWords = wordsOf(lambda.steps);
const NETFLIX: PipelineWords = wordsOf(netflix.steps);

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

/** Words of the English templates that have no place in a German sentence. */
const ENGLISH =
  /(?<!\p{L})(the|The|of|at|At|and|behind|counted|twice|refresh(es)?|So far|predictions?|readings?|pumps?|Shown|trained|deployed|every|Each|its|Its|It|were|no|No|minute|with|without|end)(?!\p{L})/u;

describe('the views in German', () => {
  beforeEach(() => changeLanguage('de'));
  afterEach(() => changeLanguage('en'));

  it("tells a dashboard in the lab's German words, and in the app's when the lab has none", () => {
    const view = lambdaRun('1-start-with-batch', 'solution').views[0]!;
    expect(wordsFor(view, LAMBDA)).toEqual({
      key: 'Artikel',
      keys: 'Artikel',
      event: 'Seitenaufruf',
      events: 'Seitenaufrufe',
    });
    expect(wordsFor(view, LAMBDA, 'en')).toEqual({
      key: 'article',
      keys: 'articles',
      event: 'page view',
      events: 'page views',
    });
    const english = { key: 'article', event: 'page view', events: 'page views' };
    expect(wordsFor(view, english)).toEqual({ key: 'Schlüssel', keys: 'Schlüssel', event: 'Event', events: 'Events' });
    expect(wordsFor(viewOf(netflixRun(), 'old-row'))).toMatchObject({ key: 'Titel', events: 'Aufrufe' });
    expect(wordsFor(viewOf(netflixRun(), 'old-row'), NETFLIX)).toMatchObject({ key: 'Titel', events: 'Abrufe' });
    expect(countOf(1, wordsFor(view, LAMBDA))).toBe('1 Seitenaufruf');
    expect(countOf(6000, wordsFor(view, LAMBDA))).toBe('6.000 Seitenaufrufe');
  });

  it('writes numbers and times with the decimal comma, as the checks time them', () => {
    expect(seconds(66_000)).toBe('66,00 s');
    expect(seconds(4_500_000)).toBe('1 h 15 min');
    expect(durationWords(1_100)).toBe('1,1 s');
    expect(tickWords(1_500)).toBe('1,5 s');
    expect(tickWords(1_000)).toBe('1 s');
  });

  it('says what the board showed at an instant and at the end', () => {
    const view = lambdaRun('1-start-with-batch', 'solution').views[0]!;
    const words = wordsFor(view, LAMBDA);
    expect(viewNowLines(view, viewAt(view, 420_000), words)).toEqual([
      'Letzter Refresh bei 6 min 58 s. Es hatte alles gezählt, was bis dahin als Seitenaufruf gesendet wurde: 0 s im Rückstand.',
      'Seine Zählungen ergeben zusammen 6.000, keine Seitenaufruf-Doppelzählung.',
      'Bisher (209 Refreshes): höchstens 109,95 s im Rückstand (bei 2 min 20 s); nie doppelt gezählt.',
    ]);
    expect(finalSentence(view, words)).toBe(
      'Bei seinem letzten Refresh (6 min 58 s) stimmt die Zahl des Dashboards für alle 12 Artikel mit einer vollständigen Neuberechnung über alle 6.000 Seitenaufrufe überein.',
    );
    const naive = naiveSpeedLayerRun().views[0]!;
    expect(finalSentence(naive, wordsFor(naive, LAMBDA))).toBe(
      'Am Ende zeigt das Dashboard für 12 der 12 Artikel eine falsche Zahl: Es zählt 12.000, gesendet wurden aber 6.000 Seitenaufrufe: Manche sind doppelt gezählt.',
    );
  });

  it('says how stale a trending row is and how many of its titles belong', () => {
    const old = trendingAt(viewOf(netflixRun(), 'old-row'), 4_500_010)!;
    expect(trendingSentences(old, wordsFor(viewOf(netflixRun(), 'old-row'), NETFLIX))).toEqual([
      'Seine Daten sind 20 min alt: Es hält alles, was vor 55 min als Abruf kam, aber nicht alles, was seitdem kam.',
      '3 der 10 Titel, die es zeigt, sind in den wahren Top 10.',
    ]);
  });

  it('says which model serves and how far off it is', async () => {
    const result = await mlRun('2-models-do-not-work-forever', 'starter');
    const lines = mlNowLines(mlAt(result.ml!, 3_000_000));
    expect(lines[0]).toBe(
      'Modell v4 liefert seit 40 min 20 s die Vorhersagen: ein Modell für die ganze Flotte, Leistung = 29,52 × Last + 5,07 kW.',
    );
    expect(lines[2]).toBe(
      'Letzte volle Minute (49 min bis 50 min): 300 Vorhersagen lagen im Mittel um 2,48 kW daneben.',
    );
    expect(mlChartSummary(result.ml!, result.simulatedMs)).toContain('12 Modelle ausgerollt, 0 Drifts erkannt');
  });

  it('says in German why a model was refused', async () => {
    const ml = (await refusedFleetRun()).ml!;
    const bad = ml.models.find((m) => m.rejected !== null)!;
    const row = mlRegistry(ml, bad.trainedAtMs).rows.find((r) => r.version === bad.version)!;
    expect(row.statusText).toMatch(
      /^abgelehnt: sein Fehler auf den zurückgehaltenen Messwerten, \d+(,\d+)? kW, liegt über maxHoldoutMae \(2 kW\)$/,
    );
  });

  const panels = async (): Promise<[string, PipelineResult, number, PipelineWords | undefined][]> => {
    const ml = await mlRun('3-a-model-per-pump', 'starter');
    return [
      ['views, mid-run', naiveSpeedLayerRun(), 150_000, LAMBDA],
      ['views, at the end', naiveSpeedLayerRun(), 420_000, LAMBDA],
      ['netflix', netflixRun(), 4_500_010, NETFLIX],
      ['netflix at the end', netflixRun(), 9_000_000, NETFLIX],
      ['ml, early', ml, 100_000, undefined],
      ['ml, at the end', ml, ml.simulatedMs, undefined],
    ];
  };

  it('renders the panels with no English sentence left, each chart named in German', async () => {
    for (const [name, result, t, words] of await panels()) {
      const html = [
        renderToStaticMarkup(createElement(PipelineViewsPanel, { result, t, ...(words ? { words } : {}) })),
        renderToStaticMarkup(createElement(PipelineMlPanel, { result, t })),
      ].join('');
      // Names from the run (dashboards, stores, parts) are not sentences: take them out first.
      const names = [...result.parts.map((p) => p.id), ...result.views.map((v) => v.store)];
      let plain = text(html);
      for (const id of names) plain = plain.replace(new RegExp(`(?<![\\p{L}-])${id}(?![\\p{L}-])`, 'gu'), ' ');
      expect(plain.match(ENGLISH), `${name}: ${plain}`).toBeNull();
      const labels = [...html.matchAll(/<svg[^>]*role="img" aria-label="([^"]*)"/g)].map((m) => m[1]!);
      expect(labels.length, name).toBeGreaterThan(0);
      for (const label of labels) expect(label, name).toMatch(/ Jetzt: .+\.$/);
    }
  });
});
