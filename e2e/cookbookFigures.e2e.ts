/**
 * The cookbook's figures beside a lab step's run: each of the three labs shows the figure its
 * step cites, with the cookbook's caption; before a run nothing is lit; paused in the MapReduce
 * lab's shuffle the figures light the shuffle (and not in the map phase); in the platform lab
 * Figures 24.1, 15.2 and 15.3 follow the pipeline's run as the run view plays it; the panel collapses
 * from the keyboard and stays collapsed after a reload; in the lambda-architecture lab Figures 25.1
 * and 25.2 light the batch run, the serving store and the dashboard as the run plays. axe on each
 * page; screenshots at 1280x720, 1440x900 and 1024x700, dark and light.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { JobRunReport } from '../engine/api';
import type { PipelineRunReport } from '../labs/labTypes';
import { createFunctionRunner } from '../engine/sandbox';
import { LABS } from '../labs/labRegistry';
import { runStep } from '../labs/runStep';
import { seriousViolations } from './axe';
import { openApp, type Session } from './harness';
import { runShownSolution } from './labActions';

const lab = (id: string) => LABS.find((l) => l.id === id)!;

async function openStep(s: Session, labId: string, stepIndex: number) {
  const step = lab(labId).steps[stepIndex]!;
  const heading = s.page.getByRole('heading', { name: `${stepIndex + 1}. ${step.title}` });
  await s.page.goto(`${s.baseUrl}#/lab/${labId}/${stepIndex + 1}`);
  // Once, under a loaded machine, the app's start-up routing ran after the hash was set: go there again.
  if (
    !(await heading.waitFor({ timeout: 30_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    await s.page.goto(`${s.baseUrl}#/lab/${labId}/${stepIndex + 1}`);
    await s.page.reload();
    await heading.waitFor({ timeout: 60_000 });
  }
}

async function runSolution(s: Session, labId: string, stepIndex: number) {
  await runShownSolution(s.page, lab(labId), stepIndex, 'input.scrubber');
}

/** Scrubs to t and returns the figure's lit parts once the panel has followed. */
async function litAt(page: Page, t: number): Promise<string[]> {
  await page.getByLabel('Simulated time').fill(String(t));
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
  return lit(page);
}

async function lit(page: Page): Promise<string[]> {
  const value = await page.locator('.cookbook-figure').getAttribute('data-lit');
  return (value ?? '').split(' ').filter(Boolean);
}

/** Labels of the figure's boxes wider than their box (in the page's real font), and texts outside the drawing. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const svg = document.querySelector<SVGSVGElement>('.cookbook-figure svg');
    if (!svg) return ['no figure'];
    const width = svg.viewBox.baseVal.width;
    for (const g of svg.querySelectorAll('g.fig-box')) {
      const rect = g.querySelector('rect')!;
      for (const text of g.querySelectorAll('text'))
        if (text.getComputedTextLength() > rect.width.baseVal.value - 1) out.push(text.textContent ?? '');
    }
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBBox();
      if (box.x < -0.5 || box.x + box.width > width + 0.5) out.push(`outside: ${text.textContent}`);
    }
    return out;
  });
}

async function caption(page: Page) {
  return ((await page.locator('.cookbook-figure figcaption').textContent()) ?? '').replace(/\s+/g, ' ');
}

/**
 * axe's serious findings; in the dark theme those inside Monaco (its dark theme's token colours,
 * not this page's) are left to the editor's own tests, as labPage.e2e.ts does.
 */
async function noSeriousAxe(page: Page) {
  const dark = (await page.evaluate(() => document.documentElement.getAttribute('data-theme'))) === 'dark';
  const found = (await seriousViolations(page))
    .map((v) => ({
      ...v,
      nodes: dark ? v.nodes.filter((n) => !/\.mtk\d|\.view-line|line-number|monaco/.test(n)) : v.nodes,
    }))
    .filter((v) => v.nodes.length > 0);
  expect(found).toEqual([]);
}

/** The IoT step 1 solution's shuffle window and a map-phase instant, from the same deterministic engine run. */
async function mapReduceInstants() {
  const l = lab('mapreduce-iot-averages');
  const out = await runStep({ lab: l, stepIndex: 0, source: l.steps[0]!.solution, runner: createFunctionRunner() });
  const report = out.report as JobRunReport;
  const started = report.trace.filter((e) => e.type === 'shuffleStarted');
  const fetched = report.trace.filter((e) => e.type === 'shuffleFetched');
  const first = started[0]!;
  const end = Math.max(...fetched.filter((e) => e.task === first.task).map((e) => e.t));
  const maps = report.attempts.filter((a) => a.taskSet.endsWith('/map'));
  const mapPhase = Math.max(...maps.map((m) => m.start + m.cost.startup)) + 1;
  return {
    shuffle: (first.t + end) / 2,
    mapPhase,
    lastMapEnd: Math.max(...maps.map((m) => m.end)),
    firstShuffle: first.t,
  };
}

/** The lambda-architecture lab's step 1 and 2 solutions: a batch run's middle, and when the board just showed new events. */
async function lambdaInstants() {
  const l = lab('lambda-architecture');
  const run = async (i: number) =>
    (await runStep({ lab: l, stepIndex: i, source: l.steps[i]!.solution, runner: createFunctionRunner() }))
      .report as PipelineRunReport;
  const [batch, both] = [await run(0), await run(1)];
  const runs = batch.result.events.flatMap((e) =>
    e.type === 'batch' && e.ok && e.events > 0 ? [{ start: e.t - e.durationMs, end: e.t }] : [],
  );
  const shown = both.result.events.find((e) => e.type === 'refresh' && e.ok && e.shown > 0 && e.t >= 150_000)!;
  return {
    batchRun: Math.round((runs[1]!.start + runs[1]!.end) / 2),
    betweenRuns: Math.round(runs[1]!.end + 20_000),
    streamShown: Math.ceil(shown.t + 1),
  };
}

for (const theme of ['dark', 'light'] as const) {
  describe(`cookbook figures beside the run (${theme})`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp({ colorScheme: theme, viewport: { width: 1280, height: 720 } });
    });
    afterAll(async () => {
      expect(s.consoleErrors).toEqual([]);
      expect(s.outsideRequests).toEqual([]);
      await s.close();
    });

    it('MapReduce: Figure 20.2 unlit before the run, the shuffle lit while reducers fetch, not while maps run', async () => {
      const when = await mapReduceInstants();
      expect(when.mapPhase).toBeLessThan(when.lastMapEnd);
      await openStep(s, 'mapreduce-iot-averages', 0);
      const { page } = s;
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 20.2: MapReduce Example of Time Series Data');
      expect(await lit(page)).toEqual([]);
      await expect(page.getByTestId('figure-now').textContent()).resolves.toContain('Run the step');
      await noSeriousAxe(page);
      await s.screenshot(`figures-mr-before-1280-${theme}`);

      await runSolution(s, 'mapreduce-iot-averages', 0);
      const inMaps = await litAt(page, when.mapPhase);
      expect(inMaps).not.toContain('shuffle');
      expect(inMaps.filter((p) => p.startsWith('mapper:')).length).toBeGreaterThan(0);
      const inShuffle = await litAt(page, when.shuffle);
      expect(inShuffle).toContain('shuffle');
      expect(inShuffle.some((p) => p.startsWith('reducer:'))).toBe(true);
      expect(inShuffle.some((p) => p.startsWith('mapper:'))).toBe(false);
      expect(await overflowing(page)).toEqual([]);
      await expect(page.getByTestId('figure-now').textContent()).resolves.toContain(
        'the shuffle: each day goes to one reducer',
      );
      await noSeriousAxe(page);
      await s.screenshot(`figures-mr-shuffle-1280-${theme}`);

      // The same instant in Figure 20.1 (the step's second figure).
      await page.getByRole('button', { name: '20.1', exact: true }).click();
      expect(await caption(page)).toContain('Figure 20.1: Mapping of input files and reducing of mapped records');
      expect(await lit(page)).toContain('shuffle');
      await s.screenshot(`figures-mr-20.1-1280-${theme}`);
    });

    it('HDFS: Figure 19.2 follows the run (four blocks of three replicas) and 19.1 is a click away', async () => {
      await openStep(s, 'hdfs-blocks', 0);
      const { page } = s;
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 19.2: Distribution of Blocks for a 512MB File');
      expect(await lit(page)).toEqual([]);
      await runSolution(s, 'hdfs-blocks', 0);
      expect((await litAt(page, 1000)).sort()).toEqual(['block:0', 'block:1', 'block:2', 'block:3']);
      expect(await page.locator('.cookbook-figure .fig-chip.live').count()).toBe(12);
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-hdfs-1280-${theme}`);
      await page.getByRole('button', { name: '19.1', exact: true }).click();
      expect(await caption(page)).toContain('Figure 19.1: HDFS Master and Data Nodes');
      expect((await lit(page)).sort()).toEqual(['datanodes', 'namespace']);
    });

    it('Spark: Figure 20.5 with 20.6 beside the Spark run; YARN lights before the executors run tasks', async () => {
      await openStep(s, 'spark-in-memory', 0);
      const { page } = s;
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 20.5: Spark Using Hadoop Data Locality');
      await runSolution(s, 'spark-in-memory', 0);
      await page.getByRole('button', { name: '20.6', exact: true }).click();
      expect(await caption(page)).toContain('Figure 20.6: Spark Resource Management With YARN');
      expect(await litAt(page, 500)).toEqual(['driver', 'resourcemanager']);
      await s.screenshot(`figures-spark-20.6-1280-${theme}`);
      await page.getByRole('button', { name: '20.5', exact: true }).click();
      const reading = await litAt(page, 1950);
      expect(reading).toContain('local');
      await noSeriousAxe(page);
      await s.screenshot(`figures-spark-20.5-1280-${theme}`);
    });
  });
}

for (const theme of ['dark', 'light'] as const) {
  describe(`the platform blueprint's figures beside a pipeline run (${theme})`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp({ colorScheme: theme, viewport: { width: 1280, height: 720 } });
    });
    afterAll(async () => {
      expect(s.consoleErrors).toEqual([]);
      expect(s.outsideRequests).toEqual([]);
      await s.close();
    });

    it('24.1: the buffer takes the events while the database is down; 15.2 and 15.3 follow the run', async () => {
      const { page } = s;
      await openStep(s, 'platform-blueprint', 0);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 24.1: Platfrom Blueprint');
      expect(await lit(page)).toEqual([]);
      await runSolution(s, 'platform-blueprint', 0);
      const outage = await litAt(page, 30_000);
      expect(outage).toEqual(expect.arrayContaining(['ingest', 'buffer', 'down', 'down:store']));
      expect(outage).not.toContain('store');
      await expect(page.getByTestId('figure-now').textContent()).resolves.toContain('a part of the pipeline is down');
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-pipeline-24.1-1280-${theme}`);

      await openStep(s, 'platform-blueprint', 2);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 15.2: Connections between tools');
      await runSolution(s, 'platform-blueprint', 2);
      expect(await litAt(page, 12_000)).toEqual(expect.arrayContaining(['kafka', 'spark', 'hbase', 'display']));
      expect(await overflowing(page)).toEqual([]);
      await s.screenshot(`figures-pipeline-15.2-1280-${theme}`);
      await page.getByRole('button', { name: '15.3', exact: true }).click();
      expect(await caption(page)).toContain('Figure 15.3: Flume Integration');
      expect(await litAt(page, 45_000)).toEqual(expect.arrayContaining(['flume', 'hdfs', 'closed']));
      expect(await page.locator('.cookbook-figure').textContent()).toContain('1 file');
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-pipeline-15.3-1280-${theme}`);
    });
  });
}

for (const theme of ['dark', 'light'] as const) {
  describe(`the lambda architecture's figures beside a pipeline run at 1440x900 (${theme})`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp({ colorScheme: theme, viewport: { width: 1440, height: 900 } });
    });
    afterAll(async () => {
      expect(s.consoleErrors).toEqual([]);
      expect(s.outsideRequests).toEqual([]);
      await s.close();
    });

    it('25.1 lights the batch run and its output; 25.2 lights the stream, its store and the display', async () => {
      const when = await lambdaInstants();
      const { page } = s;
      await openStep(s, 'lambda-architecture', 0);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 25.1: Batch Processing Pipeline');
      expect(await lit(page)).toEqual([]);
      await runSolution(s, 'lambda-architecture', 0);
      expect((await litAt(page, when.batchRun)).sort()).toEqual(['batch', 'ingest', 'insight', 'serving', 'storage']);
      await expect(page.getByTestId('figure-now').textContent()).resolves.toContain(
        'batch analytics: a batch run loads the stored events and works on them',
      );
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-lambda-25.1-run-1440-${theme}`);
      expect(await litAt(page, when.betweenRuns)).not.toContain('batch');

      await openStep(s, 'lambda-architecture', 1);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 25.2: Stream Processing Pipeline');
      await runSolution(s, 'lambda-architecture', 1);
      expect(await litAt(page, when.streamShown)).toEqual(
        expect.arrayContaining(['ingest', 'stream', 'storage', 'display']),
      );
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-lambda-25.2-1440-${theme}`);
      const choice = page.getByRole('button', { name: '25.1', exact: true });
      await choice.focus();
      await page.keyboard.press('Enter');
      expect(await caption(page)).toContain('Figure 25.1: Batch Processing Pipeline');
      expect(await lit(page)).toEqual(expect.arrayContaining(['ingest', 'storage', 'serving']));
      await noSeriousAxe(page);
      await s.screenshot(`figures-lambda-25.1-speed-1440-${theme}`);
    });
  });
}

describe("every step's figures", () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ colorScheme: 'light', viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    expect(s.consoleErrors).toEqual([]);
    await s.close();
  });

  it('each step shows the figures its lab names, with their captions, unlit before a run', async () => {
    const { page } = s;
    await page.evaluate(() => localStorage.clear());
    const shown: string[] = [];
    for (const l of [
      'hdfs-blocks',
      'mapreduce-iot-averages',
      'spark-in-memory',
      'platform-blueprint',
      'lambda-architecture',
    ].map(lab)) {
      for (let i = 0; i < l.steps.length; i++) {
        const figures = [...new Set([...(l.steps[i]!.figures ?? []), ...(i === 0 ? (l.figures ?? []) : [])])];
        await openStep(s, l.id, i);
        if (figures.length === 0) {
          expect(await page.getByTestId('figure-panel').count()).toBe(0);
          continue;
        }
        await page.getByTestId('figure-panel').waitFor();
        for (const f of figures) {
          if (figures.length > 1) await page.getByRole('button', { name: f, exact: true }).click();
          expect(await caption(page), `${l.id} step ${i + 1}`).toContain(`Figure ${f}:`);
          expect(await lit(page)).toEqual([]);
          expect(await overflowing(page), `Figure ${f}: labels wider than their box`).toEqual([]);
          if (!shown.includes(f)) {
            shown.push(f);
            await s.screenshot(`figures-unlit-${f}-1280-light`);
          }
        }
      }
    }
    expect(shown.sort()).toEqual([
      '15.2',
      '15.3',
      '19.1',
      '19.2',
      '20.1',
      '20.2',
      '20.3',
      '20.4',
      '20.5',
      '20.6',
      '24.1',
      '25.1',
      '25.2',
    ]);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await openStep(s, 'spark-in-memory', 2);
    await s.screenshot('figures-unlit-20.4-1280-dark');
    await noSeriousAxe(page);
  });
});

describe('cookbook figures at 1024x700', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ colorScheme: 'light', viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => {
    expect(s.consoleErrors).toEqual([]);
    await s.close();
  });

  it('fits beside the editor and the run, collapses from the keyboard and stays collapsed after a reload', async () => {
    const { page } = s;
    const when = await mapReduceInstants();
    await openStep(s, 'mapreduce-iot-averages', 0);
    await runSolution(s, 'mapreduce-iot-averages', 0);
    await litAt(page, when.shuffle);
    const figure = await page.locator('.figure-svg').boundingBox();
    const editor = await page.locator('.lab-editor').boundingBox();
    const runPanel = await page.getByRole('region', { name: 'Checks and the run' }).boundingBox();
    expect(figure && editor && runPanel).toBeTruthy();
    // Beside, not over: the figure ends left of the editor and the run pane.
    expect(figure!.x + figure!.width).toBeLessThanOrEqual(editor!.x);
    expect(figure!.x + figure!.width).toBeLessThanOrEqual(runPanel!.x);
    expect(figure!.y + figure!.height).toBeLessThanOrEqual(700);
    await noSeriousAxe(page);
    await s.screenshot('figures-mr-shuffle-1024-light');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await s.screenshot('figures-mr-shuffle-1024-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));

    const toggle = page.getByRole('button', { name: /Cookbook figures/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.cookbook-figure').count()).toBe(0);
    await page.reload();
    await page.getByTestId('figure-panel').waitFor({ timeout: 90_000 });
    expect(await page.getByRole('button', { name: /Cookbook figures/ }).getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: /Cookbook figures/ }).press('Space');
    await page.locator('.cookbook-figure').waitFor();

    await openStep(s, 'hdfs-blocks', 2);
    await runSolution(s, 'hdfs-blocks', 2);
    await page.getByRole('button', { name: '19.2', exact: true }).click();
    await litAt(page, 692_000);
    expect(await page.locator('.cookbook-figure .fig-chip.copying').count()).toBeGreaterThan(0);
    await s.screenshot('figures-hdfs-repair-1024-light');
    await page.getByRole('button', { name: '19.1', exact: true }).click();
    expect(await lit(page)).toEqual(expect.arrayContaining(['down', 'repair', 'copying']));
    await s.screenshot('figures-hdfs-19.1-repair-1024-light');
  });

  it('Kappa: Figure 25.2 beside the run fits at 1024x700, in both themes', async () => {
    const { page } = s;
    await openStep(s, 'lambda-architecture', 2);
    await page.getByTestId('figure-panel').waitFor();
    expect(await caption(page)).toContain('Figure 25.2: Stream Processing Pipeline');
    await runSolution(s, 'lambda-architecture', 2);
    expect(await litAt(page, 600_500)).toEqual(expect.arrayContaining(['ingest', 'stream', 'storage']));
    const figure = await page.locator('.figure-svg').boundingBox();
    const editor = await page.locator('.lab-editor').boundingBox();
    expect(figure!.x + figure!.width).toBeLessThanOrEqual(editor!.x);
    expect(await overflowing(page)).toEqual([]);
    await noSeriousAxe(page);
    await s.screenshot('figures-lambda-25.2-kappa-1024-light');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await noSeriousAxe(page);
    await s.screenshot('figures-lambda-25.2-kappa-1024-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await openStep(s, 'lambda-architecture', 0);
    await page.getByTestId('figure-panel').waitFor();
    await s.screenshot('figures-lambda-25.1-unlit-1024-light');
  });
});
