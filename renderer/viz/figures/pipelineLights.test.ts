/**
 * Figures 24.1, 15.2 and 15.3 light while the pipeline's parts work, on real runs of the
 * platform-blueprint lab's starters and solutions: each light is compared with a plain reading of
 * the run's events at many instants, and with what the lab's story says happens.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../../engine/cluster';
import { createFunctionRunner } from '../../../engine/sandbox';
import { findLab } from '../../../labs/labRegistry';
import type { CookbookFigureId, PipelineRunReport } from '../../../labs/labTypes';
import { runStep } from '../../../labs/runStep';
import { FIGURES } from './figureCatalog';
import { litParts } from './figureLights';
import { toFigureRun } from './figureRun';
import { lightsForFigure } from './lightsForFigure';
import { flumeFilesAt, minus, pipelineLights, union } from './pipelineLights';

async function stepRun(stepIndex: number, source: 'starter' | 'solution', pipelineFaults: FaultSpec[] = []) {
  const lab = findLab('platform-blueprint')!;
  const out = await runStep({
    lab,
    stepIndex,
    source: lab.steps[stepIndex]![source],
    runner: createFunctionRunner(),
    pipelineFaults,
  });
  return out.report as PipelineRunReport;
}

const litAt = (figure: CookbookFigureId, report: PipelineRunReport, t: number) =>
  litParts(lightsForFigure(figure, toFigureRun(report, [])), t);

/** Every 100 ms of the run, and a hair before and after each of its events. */
function instants(report: PipelineRunReport): number[] {
  const out: number[] = [];
  for (let t = 0; t < report.simulatedMs; t += 100) out.push(t);
  for (const e of report.result.events) out.push(Math.max(0, e.t - 0.001), e.t, e.t + 0.001);
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

describe('spans', () => {
  it('unites touching spans and cuts one set out of another', () => {
    expect(
      union([
        { start: 5, end: 7 },
        { start: 0, end: 2 },
        { start: 2, end: 3 },
        { start: 4, end: 4 },
      ]),
    ).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 7 },
    ]);
    expect(
      minus(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 3 },
          { start: 8, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 8 },
    ]);
  });
});

describe('step 1: the API writes straight into the database, and n2 goes down from 20 s to 40 s', () => {
  let starter: PipelineRunReport;
  let solution: PipelineRunReport;
  beforeAll(async () => {
    starter = await stepRun(0, 'starter');
    solution = await stepRun(0, 'solution');
  });

  it('the starter: ingest stops while the database behind the API is down, and the store is shown down', () => {
    const ingest = (t: number) => litAt('24.1', starter, t).has('ingest');
    expect([10_000, 30_000, 50_000].map(ingest)).toEqual([true, false, true]);
    expectLitIff(starter, '24.1', 'down:store', (t) => 20_000 <= t && t < 40_000);
    expectLitIff(starter, '24.1', 'down:ingest', () => false);
    expectLitIff(starter, '24.1', 'buffer', () => false);
    expectLitIff(starter, '24.1', 'stream', () => false);
    expect(litAt('24.1', starter, 10_000).has('store')).toBe(true);
    expect(litAt('24.1', starter, 30_000).has('store')).toBe(false);
  });

  it('the solution: the API keeps taking events into the buffer while the database is down', () => {
    const at30 = litAt('24.1', solution, 30_000);
    expect(at30.has('ingest') && at30.has('buffer') && at30.has('down:store')).toBe(true);
    expect(at30.has('store')).toBe(false);
    expect(litAt('24.1', solution, 10_000).has('stream')).toBe(true);
    expectLitIff(solution, '24.1', 'batch', () => false);
  });

  it("lights Spark from the start of each micro-batch that processed events and wrote them to the next one's start", () => {
    const batches = solution.result.events
      .flatMap((e) => (e.type === 'batch' && e.part === 'stream' ? [e] : []))
      .map((e) => ({ start: e.t - e.durationMs, end: e.t, good: e.ok && e.events > 0 }))
      .sort((a, b) => a.start - b.start);
    expect(batches.filter((b) => b.good).length).toBeGreaterThan(30);
    const truth = (t: number) =>
      batches.some((b, k) => b.good && b.start <= t && t < Math.max(b.end, batches[k + 1]?.start ?? b.end));
    expectLitIff(solution, '24.1', 'stream', truth);
    expectLitIff(solution, '15.2', 'spark', truth);
  });

  it('lights the display from the end of a refresh that showed new events until the next refresh starts', () => {
    const refreshes = solution.result.events
      .flatMap((e) => (e.type === 'refresh' ? [e] : []))
      .map((e) => ({ start: e.t - e.durationMs, end: e.t, good: e.ok && e.shown > 0 }))
      .sort((a, b) => a.end - b.end);
    const truth = (t: number) =>
      refreshes.some((r, k) => r.good && r.end <= t && t < (refreshes[k + 1]?.start ?? solution.simulatedMs));
    expectLitIff(solution, '24.1', 'display', truth);
    expect(truth(7_000)).toBe(true);
  });

  it("goes dark with the dashboard's machine: news shown before it died is not news while it is down", async () => {
    const killed = await stepRun(0, 'solution', [{ atMs: 10_000, kind: 'killNode', node: 'n3' }]);
    const refreshes = killed.result.events
      .flatMap((e) => (e.type === 'refresh' && e.part === 'dashboard' ? [e] : []))
      .map((e) => ({ start: e.t - e.durationMs, end: e.t, good: e.ok && e.shown > 0 }))
      .sort((a, b) => a.end - b.end);
    const truth = (t: number) =>
      t < 10_000 &&
      refreshes.some((r, k) => r.good && r.end <= t && t < (refreshes[k + 1]?.start ?? killed.simulatedMs));
    expectLitIff(killed, '24.1', 'display', truth);
    expect(truth(7_000)).toBe(true);
    expect(litAt('24.1', killed, 30_000).has('display')).toBe(false);
    expect(litAt('24.1', killed, 30_000).has('down:display')).toBe(true);
  });
});

describe('steps 2 and 3: Flume fills the lake; the map reads HDFS or HBase', () => {
  let keep: PipelineRunReport;
  let lakeMap: PipelineRunReport;
  let hbaseMap: PipelineRunReport;
  beforeAll(async () => {
    keep = await stepRun(1, 'solution');
    lakeMap = await stepRun(2, 'starter');
    hbaseMap = await stepRun(2, 'solution');
  });

  it("15.3: the agent's files are readable from the first one it closed, and counted as they close", () => {
    const closes = keep.result.events.flatMap((e) => (e.type === 'fileClosed' ? [e.t] : []));
    expect(closes).toHaveLength(2);
    expectLitIff(keep, '15.3', 'closed', (t) => t >= closes[0]!);
    expect(flumeFilesAt(keep, closes[0]! - 1).files).toBe(0);
    expect(flumeFilesAt(keep, closes[0]!).files).toBe(1);
    expect(flumeFilesAt(keep, keep.simulatedMs)).toEqual({ files: 2, events: 6000 });
    const at10 = litAt('15.3', keep, 10_000);
    expect(at10.has('flume') && at10.has('kafka') && at10.has('hdfs')).toBe(true);
    expectLitIff(keep, '15.3', 'down', () => false);
  });

  it('15.3 at the run’s last instant: a file left open is still HDFS holding events, and the agent with it', async () => {
    const lab = findLab('platform-blueprint')!;
    const source = lab.steps[1]!.solution.replace('"rollInterval": 30', '"rollInterval": 0');
    const out = await runStep({ lab, stepIndex: 1, source, runner: createFunctionRunner() });
    const open = out.report as PipelineRunReport;
    expect(open.result.events.some((e) => e.type === 'fileClosed')).toBe(false);
    const atEnd = litAt('15.3', open, open.simulatedMs);
    expect(atEnd.has('hdfs') && atEnd.has('flume')).toBe(true);
    expect(atEnd.has('kafka')).toBe(false);
  });

  it('15.2: the display is lit only when it reads HBase', () => {
    expectLitIff(lakeMap, '15.2', 'display', () => false);
    expectLitIff(lakeMap, '15.2', 'spark', () => false);
    expectLitIff(lakeMap, '15.2', 'hbase', () => false);
    expect(litAt('15.2', hbaseMap, 12_000).has('display')).toBe(true);
    expect(litAt('15.2', hbaseMap, 10_000).has('hbase')).toBe(true);
    // The map on the lake still shows events on 24.1's display once Flume closed a file.
    expect(litAt('24.1', lakeMap, 10_000).has('display')).toBe(false);
    expect(litAt('24.1', lakeMap, 36_000).has('display')).toBe(true);
  });

  it('lights only parts the catalogue describes, and the other figures nothing', () => {
    for (const report of [keep, lakeMap, hbaseMap])
      for (const figure of ['24.1', '15.2', '15.3'] as const)
        for (const l of pipelineLights(figure, report))
          expect(FIGURES[figure].parts, `${figure} ${l.part}`).toContain(l.part.split(':')[0]);
    expect(lightsForFigure('19.1', toFigureRun(keep, []))).toEqual([]);
    expect(pipelineLights('20.1', keep)).toEqual([]);
  });
});
