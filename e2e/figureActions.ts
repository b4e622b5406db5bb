/**
 * What the cookbook figures' e2e cases do on a lab page: open a step, run its solution, scrub the
 * run and read the figure (its lit parts, caption, labels wider than their boxes), check axe, and
 * the instants of the runs they scrub to, from the same deterministic engine runs.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { JobRunReport } from '../engine/api';
import type { PipelineRunReport } from '../labs/labTypes';
import { createFunctionRunner } from '../engine/sandbox';
import { LABS } from '../labs/labRegistry';
import { runStep } from '../labs/runStep';
import { seriousViolations } from './axe';
import type { Session } from './harness';
import { runShownSolution } from './labActions';

export const lab = (id: string) => LABS.find((l) => l.id === id)!;

export async function openStep(s: Session, labId: string, stepIndex: number) {
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

export async function runSolution(s: Session, labId: string, stepIndex: number) {
  await runShownSolution(s.page, lab(labId), stepIndex, 'input.scrubber');
}

/** Scrubs to t and returns the figure's lit parts once the panel has followed. */
export async function litAt(page: Page, t: number): Promise<string[]> {
  await page.getByLabel('Simulated time').fill(String(t));
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
  return lit(page);
}

export async function lit(page: Page): Promise<string[]> {
  const value = await page.locator('.cookbook-figure').getAttribute('data-lit');
  return (value ?? '').split(' ').filter(Boolean);
}

/** Labels of the figure's boxes wider than their box (in the page's real font), and texts outside the drawing. */
export async function overflowing(page: Page): Promise<string[]> {
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
    // A label of its own (an arrow's, a legend's) lying on a box: German 'anfragen' ran into the
    // Spark driver's box in Figure 20.6. Screen boxes, so groups' transforms count.
    const boxes = [...svg.querySelectorAll('g.fig-box')].map((g) => ({
      rect: g.querySelector('rect')!.getBoundingClientRect(),
      name: g.querySelector('text')?.textContent ?? '',
    }));
    for (const text of svg.querySelectorAll('text')) {
      if (text.closest('g.fig-box') || !text.textContent?.trim()) continue;
      const t = text.getBoundingClientRect();
      for (const b of boxes) {
        const w = Math.min(t.right, b.rect.right) - Math.max(t.left, b.rect.left);
        const h = Math.min(t.bottom, b.rect.bottom) - Math.max(t.top, b.rect.top);
        if (w > 1 && h > 1) out.push(`on the box '${b.name}': ${text.textContent}`);
      }
    }
    return out;
  });
}

export async function caption(page: Page) {
  return ((await page.locator('.cookbook-figure figcaption').textContent()) ?? '').replace(/\s+/g, ' ');
}

/**
 * axe's serious findings; in the dark theme those inside Monaco (its dark theme's token colours,
 * not this page's) are left to the editor's own tests, as labPage.e2e.ts does.
 */
export async function noSeriousAxe(page: Page) {
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
export async function mapReduceInstants() {
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
export async function lambdaInstants() {
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
