/**
 * Figures 25.1 and 25.2 light while the lambda-architecture lab's parts work, on real runs of its
 * solutions: each light is compared with a plain reading of the run's events and timeline at many
 * instants, and at chosen instants the lit parts are exactly those the run says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../../engine/sandbox';
import { findLab } from '../../../labs/labRegistry';
import type { CookbookFigureId, PipelineRunReport } from '../../../labs/labTypes';
import { runStep } from '../../../labs/runStep';
import { FIGURES } from './figureCatalog';
import { litParts } from './figureLights';
import { toFigureRun } from './figureRun';
import { lambdaAreas } from './lambdaLights';
import { lightsForFigure } from './lightsForFigure';

async function stepRun(stepIndex: number): Promise<PipelineRunReport> {
  const lab = findLab('lambda-architecture')!;
  const out = await runStep({ lab, stepIndex, source: lab.steps[stepIndex]!.solution, runner: createFunctionRunner() });
  return out.report as PipelineRunReport;
}

const litAt = (figure: CookbookFigureId, report: PipelineRunReport, t: number) =>
  litParts(lightsForFigure(figure, toFigureRun(report, [])), t);

/** Every second of the run, and a hair before and after each of its events' start and end. */
function instants(report: PipelineRunReport): number[] {
  const out: number[] = [];
  for (let t = 0; t < report.simulatedMs; t += 1000) out.push(t);
  for (const e of report.result.events) {
    const start = e.type === 'batch' || e.type === 'refresh' ? e.t - e.durationMs : e.t;
    out.push(Math.max(0, start - 0.001), start + 0.001, e.t - 0.001, e.t, e.t + 0.001);
  }
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

const batchRuns = (report: PipelineRunReport, part: string) =>
  report.result.events.flatMap((e) =>
    e.type === 'batch' && e.part === part && e.ok && e.events > 0 ? [{ start: e.t - e.durationMs, end: e.t }] : [],
  );

const refreshes = (report: PipelineRunReport, part: string) =>
  report.result.events
    .flatMap((e) => (e.type === 'refresh' && e.part === part ? [e] : []))
    .map((e) => ({ start: e.t - e.durationMs, end: e.t, ok: e.ok, shown: e.shown }));

/** An instant just after the board's first refresh from t on that showed new events. */
const shownAfter = (report: PipelineRunReport, t: number) =>
  refreshes(report, 'board').find((x) => x.ok && x.shown > 0 && x.start >= t)!.end + 1;

describe('the lambda-architecture lab: the batch layer, the speed layer, Kappa', () => {
  let batch: PipelineRunReport;
  let both: PipelineRunReport;
  let kappa: PipelineRunReport;
  beforeAll(async () => {
    batch = await stepRun(0);
    both = await stepRun(1);
    kappa = await stepRun(2);
  });

  it('25.1 on the batch layer: the batch job lights only while a run works, the output from its first result on', () => {
    const runs = batchRuns(batch, 'views-per-article');
    expect(runs.length).toBeGreaterThan(3);
    expectLitIff(batch, '25.1', 'batch', (t) => runs.some((b) => b.start <= t && t < b.end));
    const firstResult = Math.min(...runs.map((b) => b.end));
    expectLitIff(batch, '25.1', 'serving', (t) => t >= firstResult && t < batch.simulatedMs);
    // The dashboard shows the newest results from the end of the first refresh that read them until newer ones are written.
    const board = refreshes(batch, 'board').sort((a, b) => a.start - b.start);
    const ends = runs.map((b) => b.end).sort((a, b) => a - b);
    const insight = (t: number) =>
      ends.some((at, k) => {
        const read = board.find((x) => x.ok && x.start >= at);
        return read !== undefined && read.end <= t && t < (ends[k + 1] ?? batch.simulatedMs);
      });
    expectLitIff(batch, '25.1', 'insight', insight);
    expectLitIff(batch, '25.1', 'down', () => false);
    const during = (runs[1]!.start + runs[1]!.end) / 2;
    expect([...litAt('25.1', batch, during)].sort()).toEqual(['batch', 'ingest', 'insight', 'serving', 'storage']);
    // Before the first run: events come in and are stored, nothing else.
    expect([...litAt('25.1', batch, runs[0]!.start - 1)].sort()).toEqual(['ingest', 'storage']);
  });

  it('25.1 and 25.2 with both layers: the stream writes the store in 25.2, the batch results in 25.1', () => {
    expect(lambdaAreas('25.2', both)).toEqual({
      ingest: ['gateway', 'log', 'collector'],
      stream: ['speed-counts'],
      storage: ['serving'],
      display: ['board'],
    });
    expect(lambdaAreas('25.1', both)).toEqual({
      ingest: ['gateway', 'log', 'collector'],
      storage: ['lake'],
      batch: ['batch-counts'],
      serving: ['serving'],
      insight: ['board'],
    });
    const micro = both.result.events
      .flatMap((e) => (e.type === 'batch' && e.part === 'speed-counts' ? [e] : []))
      .map((e) => ({ start: e.t - e.durationMs, end: e.t, good: e.ok && e.events > 0 }))
      .sort((a, b) => a.start - b.start);
    const streaming = (t: number) =>
      micro.some((b, k) => b.good && b.start <= t && t < Math.max(b.end, micro[k + 1]?.start ?? b.end));
    expectLitIff(both, '25.2', 'stream', streaming);
    expectLitIff(both, '25.2', 'storage', streaming);
    const board = refreshes(both, 'board').sort((a, b) => a.end - b.end);
    expectLitIff(both, '25.2', 'display', (t) =>
      board.some((x, k) => x.ok && x.shown > 0 && x.end <= t && t < (board[k + 1]?.start ?? both.simulatedMs)),
    );
    const runs = batchRuns(both, 'batch-counts');
    expectLitIff(both, '25.1', 'batch', (t) => runs.some((b) => b.start <= t && t < b.end));
    const at = litAt('25.2', both, shownAfter(both, 30_000));
    expect([...at].sort()).toEqual(['display', 'ingest', 'storage', 'stream']);
  });

  it('25.1 on Kappa: no batch job, so no batch, output or insight lights; 25.2 lights as the stream works', () => {
    expect(lambdaAreas('25.1', kappa)).toMatchObject({ batch: [], serving: [], insight: [] });
    for (const part of ['batch', 'serving', 'insight']) expectLitIff(kappa, '25.1', part, () => false);
    expect([...litAt('25.2', kappa, shownAfter(kappa, 600_000))].sort()).toEqual([
      'display',
      'ingest',
      'storage',
      'stream',
    ]);
  });

  it('lights only parts the catalogue describes', () => {
    for (const report of [batch, both, kappa])
      for (const figure of ['25.1', '25.2'] as const)
        for (const l of lightsForFigure(figure, toFigureRun(report, [])))
          expect(FIGURES[figure].parts, `${figure} ${l.part}`).toContain(l.part.split(':')[0]);
  });
});
