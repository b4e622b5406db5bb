/**
 * Figures 28.1-28.3 light while the parts standing in for Netflix's work, on runs of a pipeline
 * like the Netflix lab's: each light is compared with a plain reading of the run's events and
 * timeline at many instants, and at chosen instants the lit parts are exactly those the run says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CookbookFigureId, PipelineRunReport } from '../../../labs/labTypes';
import { FIGURES, litSentences, partSentence } from './figureCatalog';
import { litParts } from './figureLights';
import { toFigureRun } from './figureRun';
import { lightsForFigure } from './lightsForFigure';
import { netflixAreas, trendingRowAt } from './netflixLights';
import { NETFLIX_PIPELINE, netflixRun } from './__tests__/netflixRun';

const litAt = (figure: CookbookFigureId, report: PipelineRunReport, t: number) =>
  litParts(lightsForFigure(figure, toFigureRun(report, [])), t);

/** Every 5 s of the run, and a hair before and after each batch run, outage and tenth refresh. */
function instants(report: PipelineRunReport): number[] {
  const out: number[] = [];
  for (let t = 0; t < report.simulatedMs; t += 5000) out.push(t);
  report.result.events.forEach((e, k) => {
    if (e.type === 'refresh' && k % 10 !== 0) return;
    if (e.type === 'batch' && e.part === 'trends' && k % 10 !== 0) return;
    const start = e.type === 'batch' || e.type === 'refresh' ? e.t - e.durationMs : e.t;
    out.push(Math.max(0, start - 0.001), start + 0.001, e.t - 0.001, e.t, e.t + 0.001);
  });
  return out;
}

function expectLitIff(
  report: PipelineRunReport,
  figure: CookbookFigureId,
  part: string,
  truth: (t: number) => boolean,
) {
  const lights = lightsForFigure(figure, toFigureRun(report, []));
  const wrong = instants(report).filter((t) => litParts(lights, t).has(part) !== truth(t));
  expect(wrong.slice(0, 5), `${figure} ${part} lit wrongly at these instants`).toEqual([]);
}

/** What part `id` held at t, from the timeline's samples. */
function heldAt(report: PipelineRunReport, id: string, t: number): number {
  const r = report.result;
  const i = r.parts.findIndex((p) => p.id === id);
  let k = -1;
  while (k + 1 < r.timeline.t.length && r.timeline.t[k + 1]! <= t) k++;
  return k < 0 ? 0 : (r.timeline.held[i]![k] ?? 0);
}

function batchRuns(report: PipelineRunReport, part: string) {
  return report.result.events.flatMap((e) =>
    e.type === 'batch' && e.part === part && e.ok && e.events > 0 ? [{ start: e.t - e.durationMs, end: e.t }] : [],
  );
}

describe('a Netflix-like run: the old batch pipeline beside the streaming one', () => {
  let run: PipelineRunReport;
  let outage: PipelineRunReport;
  beforeAll(() => {
    run = netflixRun();
    // n3 (the streaming job, Cassandra and the Trending Now row) is off from 2 h to 2 h 10 min.
    outage = netflixRun([
      { atMs: 7_200_000, kind: 'killNode', node: 'n3' },
      { atMs: 7_800_000, kind: 'restartNode', node: 'n3' },
    ]);
  });

  it('maps the parts by type and role: the HDFS part Flume writes is S3, the HBase part a streaming job writes is Cassandra', () => {
    expect(netflixAreas('28.1', run)).toEqual({ chukwa: ['chukwa'], s3: ['s3'], emr: ['hourly'] });
    expect(netflixAreas('28.2', run)).toEqual({ play: ['members'], impressions: [], trending: ['trending-now'] });
    expect(netflixAreas('28.3', run)).toEqual({
      viewing: ['viewing-history'],
      beacon: [],
      kafka: ['events'],
      analytics: ['trends'],
      cassandra: ['cassandra'],
      recommender: ['trending-now'],
    });
  });

  it('28.1: Elastic MapReduce is lit only while an hourly run works; Chukwa and S3 while S3 holds open files', () => {
    const hourly = batchRuns(run, 'hourly');
    expect(hourly.length).toBe(2);
    expectLitIff(run, '28.1', 'emr', (t) => hourly.some((b) => b.start <= t && t < b.end));
    expectLitIff(run, '28.1', 's3', (t) => heldAt(run, 's3', t) > 0);
    expectLitIff(run, '28.1', 'chukwa', (t) => heldAt(run, 's3', t) > 0);
    expectLitIff(run, '28.1', 'down', () => false);
    const during = (hourly[0]!.start + hourly[0]!.end) / 2;
    expect([...litAt('28.1', run, during)].sort()).toEqual(['chukwa', 'emr', 's3']);
    expect([...litAt('28.1', run, hourly[0]!.end + 60_000)].sort()).toEqual(['chukwa', 's3']);
    expect(litSentences('28.1', litAt('28.1', run, during))).toContain(partSentence('28.1', 'emr'));
  });

  it('28.2: plays come in while the members send; Trending Now lights from a refresh that showed new events', () => {
    const refreshes = run.result.events
      .flatMap((e) => (e.type === 'refresh' && e.part === 'trending-now' ? [e] : []))
      .map((e) => ({ start: e.t - e.durationMs, end: e.t, good: e.ok && e.shown > 0 }));
    const truth = (t: number) =>
      refreshes.some((x, k) => x.good && x.end <= t && t < (refreshes[k + 1]?.start ?? run.simulatedMs));
    expectLitIff(run, '28.2', 'trending', truth);
    expectLitIff(run, '28.2', 'play', (t) => t < 9_000_000);
    expectLitIff(run, '28.2', 'impressions', () => false);
    const t = refreshes[200]!.end + 1;
    expect([...litAt('28.2', run, t)].sort()).toEqual(['play', 'trending']);
  });

  it("28.2: the row shown at t is the streaming row's latest refresh by then", () => {
    const view = run.result.views.find((v) => v.dashboard === 'trending-now')!;
    const sample = view.samples[899]!;
    expect(trendingRowAt(run, sample.t)).toEqual({
      dashboard: 'trending-now',
      refreshedMs: sample.t,
      asOfMs: sample.trending!.asOfMs,
      row: sample.trending!.row,
    });
    expect(trendingRowAt(run, sample.t - 0.001)?.refreshedMs).toBe(view.samples[898]!.t);
    expect(trendingRowAt(run, view.samples[0]!.t - 1)).toBeNull();
    expect(sample.trending!.row.length).toBe(10);
  });

  it('28.3: each service lights from its own reading, and the analytics from its micro-batches', () => {
    const micro = run.result.events
      .flatMap((e) => (e.type === 'batch' && e.part === 'trends' ? [e] : []))
      .map((e) => ({ start: e.t - e.durationMs, end: e.t, good: e.ok && e.events > 0 }))
      .sort((a, b) => a.start - b.start);
    const streaming = (t: number) =>
      micro.some((b, k) => b.good && b.start <= t && t < Math.max(b.end, micro[k + 1]?.start ?? b.end));
    expectLitIff(run, '28.3', 'analytics', streaming);
    expectLitIff(run, '28.3', 'cassandra', streaming);
    expectLitIff(run, '28.3', 'kafka', (t) => heldAt(run, 'events', t) > 0);
    expectLitIff(run, '28.3', 'viewing', (t) => t < 9_000_000);
    expectLitIff(run, '28.3', 'beacon', () => false);
    expect(litAt('28.3', run, 1_001_000).has('recommender')).toBe(true);
  });

  it('an outage of n3 crosses out the streaming half and the row, and leaves the old batch pipeline lit', () => {
    const down = (t: number) => 7_200_000 <= t && t < 7_800_000;
    for (const area of ['analytics', 'cassandra', 'recommender']) expectLitIff(outage, '28.3', `down:${area}`, down);
    expectLitIff(outage, '28.3', 'down:kafka', () => false);
    expectLitIff(outage, '28.2', 'down:trending', down);
    expectLitIff(outage, '28.1', 'down', () => false);
    const at = litAt('28.3', outage, 7_500_000);
    expect(at.has('analytics') || at.has('cassandra') || at.has('recommender')).toBe(false);
    expect(at.has('down')).toBe(true);
    expect(litSentences('28.3', at)).toContain(partSentence('28.3', 'down'));
    // The old pipeline's second hourly run starts at 2 h, before n3 goes down.
    expect(litAt('28.1', outage, 7_210_000).has('emr')).toBe(true);
  });

  it('lights only parts the catalogue describes; a run without a trending row lights no Trending Now', () => {
    for (const figure of ['28.1', '28.2', '28.3'] as const)
      for (const l of lightsForFigure(figure, toFigureRun(run, [])))
        expect(FIGURES[figure].parts, `${figure} ${l.part}`).toContain(l.part.split(':')[0]);
    const counts = {
      ...NETFLIX_PIPELINE,
      parts: NETFLIX_PIPELINE.parts.map((p) => (p.type === 'dashboard' ? { ...p, settings: {} } : p)),
    };
    const plain = netflixRun([], counts);
    expect(netflixAreas('28.2', plain).trending).toEqual([]);
    expect(trendingRowAt(plain, 1_000_000)).toBeNull();
    expectLitIff(plain, '28.2', 'trending', () => false);
  });
});
