import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sparkInMemoryLab from '../labs/spark-in-memory/lab';
import { openApp, type Session } from './harness';
import { runSolutionFromHome } from './labActions';

async function runStep(page: Page, index: number) {
  const states = await runSolutionFromHome(page, sparkInMemoryLab, index);
  expect(states).toEqual(sparkInMemoryLab.steps[index]!.checks.map((c) => `${c.id}:pass`));
}

async function seek(page: Page, ms: number | 'end') {
  await page
    .getByRole('button', { name: /Pause/ })
    .click({ timeout: 1_000 })
    .catch(() => {});
  const scrubber = page.getByLabel('Simulated time');
  const max = Number(await scrubber.getAttribute('max'));
  await scrubber.fill(String(ms === 'end' ? max : ms));
  // The scrubber moves in steps of a thousandth of the run: play the last bit to the very end.
  if (ms === 'end' && Number(await scrubber.inputValue()) < max) {
    await page.getByRole('button', { name: '▶ Play' }).click();
    await page.getByRole('button', { name: '▶ Play' }).waitFor({ timeout: 20_000 });
  }
}

interface StageRow {
  stage: string;
  state: string;
  ops: string;
  cached: number;
}

/** Every job's stages as the DAG view shows them (picked one by one in the job list). */
async function stagesPerJob(page: Page): Promise<Map<string, StageRow[]>> {
  const select = page.getByLabel('Spark job shown in the DAG');
  const jobs = await select
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
  const out = new Map<string, StageRow[]>();
  for (const job of jobs) {
    await select.selectOption(job);
    out.set(
      job,
      await page.$$eval('.dag-stage', (gs) =>
        gs.map((g) => ({
          stage: g.getAttribute('data-stage') ?? '',
          state: g.getAttribute('data-state') ?? '',
          ops: g.getAttribute('data-ops') ?? '',
          cached: g.querySelectorAll('circle.op-dot.cached').length,
        })),
      ),
    );
  }
  await select.selectOption('');
  return out;
}

/**
 * The DAG drawing lies inside its panel and nothing scrolls sideways, once the panel has laid
 * itself out again (it follows its width through a ResizeObserver, a frame or two after a change).
 */
async function expectDagFits(page: Page) {
  const measure = () =>
    page.evaluate(() => {
      const host = document.querySelector('.run-dag-host')!;
      const svg = host.querySelector('svg')!;
      const h = host.getBoundingClientRect();
      const s = svg.getBoundingClientRect();
      return {
        inside: s.left >= h.left - 0.5 && s.right <= h.right + 0.5,
        hostOverflow: host.scrollWidth - host.clientWidth,
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
  await expect.poll(measure, { timeout: 5_000 }).toEqual({ inside: true, hostOverflow: 0, pageOverflow: 0 });
}

describe('Spark pictures agree with the spark-in-memory lab text', () => {
  // A fresh page per test: one Run each, so no earlier run of the page can touch a later one.
  let s: Session;
  beforeEach(async () => {
    s = await openApp();
  });
  afterEach(async () => {
    await s?.close();
  });

  it('step 4 (cache): one textFile stage runs, later jobs skip it, cached RDDs are marked, the DAG fits', async () => {
    const { page } = s;
    await runStep(page, 3);

    // The first second: the driver and the executor containers starting, drawn and named.
    await seek(page, 500);
    const startup = page.getByTestId('run-startup');
    await startup.waitFor();
    const rows = await startup
      .locator('[data-startup-row]')
      .evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-startup-row')}:${g.getAttribute('data-state')}`));
    expect(rows[0]).toBe('driver:starting');
    expect(rows.filter((r) => /^exec-n\d:(starting|waiting)$/.test(r)).length).toBe(9);
    await expect.poll(() => startup.getByText(/exec-n1 starting on n1/).count()).toBeGreaterThan(0);
    await startup.scrollIntoViewIfNeeded();
    await s.screenshot('spark-startup-1280');

    // Mid-run: the DAG's running tasks are the timeline's running bars.
    const duration = Number(await page.getByLabel('Simulated time').getAttribute('max'));
    for (const at of [0.45, 0.7]) {
      await seek(page, Math.round(duration * at));
      const bars = Number(await page.getByTestId('run-timeline').getAttribute('data-running-bars'));
      // The map counts an executor's cores busy only while tasks run on them.
      expect(Number(await page.getByTestId('cluster-map').getAttribute('data-busy-cores'))).toBe(bars);
      await page.getByRole('tab', { name: 'DAG' }).click();
      const dagRunning = Number(await page.locator('.run-dag').getAttribute('data-running-tasks'));
      const shownRunning = Number(await page.getByTestId('run-dag').getAttribute('data-running-tasks'));
      expect(dagRunning).toBe(bars);
      expect(shownRunning).toBe(bars);
      if (at === 0.45) {
        await page.getByTestId('run-dag').scrollIntoViewIfNeeded();
        await s.screenshot('spark-dag-running-1280');
      }
      await page.getByRole('tab', { name: 'Timeline' }).click();
    }

    await seek(page, 'end');
    await page.getByRole('tab', { name: 'DAG' }).click();
    const perJob = await stagesPerJob(page);
    expect(perJob.size).toBe(11);
    const all = [...perJob.values()].flat();
    // Only one textFile stage actually runs across the 11 jobs; every later job shows it skipped.
    expect(all.filter((x) => x.ops.startsWith('textFile') && x.state === 'done')).toHaveLength(1);
    const [, ...later] = [...perJob.values()];
    for (const stages of later)
      expect(stages.find((x) => x.stage === '0')).toMatchObject({ state: 'skipped', ops: 'textFile,map' });
    expect(all.filter((x) => x.state === 'skipped').length).toBeGreaterThan(10);
    // cache(): the grouped links are drawn with Spark's green dot.
    expect(all.some((x) => x.cached > 0 && x.ops.startsWith('groupByKey'))).toBe(true);
    // No stage is left half-done at the end of the run.
    expect(all.every((x) => x.state === 'done' || x.state === 'skipped')).toBe(true);

    const select = page.getByLabel('Spark job shown in the DAG');
    const lastCount = [...perJob.keys()].at(-2)!;
    await select.selectOption(lastCount);
    await expect.poll(() => page.locator('.dag-stage.skipped').count()).toBeGreaterThan(5);
    await expectDagFits(page);
    await page.getByTestId('run-dag').scrollIntoViewIfNeeded();
    await s.screenshot('spark-dag-cached-1280');
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await expectDagFits(page);
    await page.getByTestId('run-dag').scrollIntoViewIfNeeded();
    await s.screenshot('spark-dag-cached-1024');
    // Collapsed: only the stages this job ran.
    await page.getByLabel(/Hide skipped stages/).check();
    expect(await page.locator('.dag-stage.skipped').count()).toBe(0);
    expect(await page.locator('.dag-stage').count()).toBe(2);
    await expectDagFits(page);
    await s.screenshot('spark-dag-collapsed-1024');
    await page.getByLabel(/Hide skipped stages/).uncheck();
    await select.selectOption(perJob.keys().next().value!);
    await expectDagFits(page);
    await s.screenshot('spark-dag-job0-1024');
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(s.consoleErrors).toEqual([]);
  });

  it('step 4 with n2 killed mid-run: fetch failures drawn apart from code failures, the DAG names the resubmitted stage attempt', async () => {
    const { page } = s;
    await runStep(page, 3);
    // While the iterations shuffle: n2's map outputs are lost and the reduce side cannot fetch them.
    await seek(page, 2450);
    await page.getByLabel('Node to break').selectOption('n2');
    await page.getByRole('button', { name: 'Kill node' }).click();
    await page.getByTestId('injected-faults').waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => !document.querySelector('[aria-label="Running"]'));
    await seek(page, 'end');
    // The timeline's legend has a key of its own for FetchFailed attempts.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect.poll(() => page.locator('.run-key.fetch-failed').count()).toBe(1);
    await page.getByTestId('run-timeline').scrollIntoViewIfNeeded();
    await s.screenshot('spark-timeline-fetch-failed-1280');
    await page.getByRole('tab', { name: 'DAG' }).click();
    const select = page.getByLabel('Spark job shown in the DAG');
    const jobs = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    let failures: string[] = [];
    let failedJob = '';
    for (const job of jobs) {
      await select.selectOption(job);
      // A stage resubmitted for lost outputs ends done like any other: nothing is left half-done.
      const states = await page.$$eval('.dag-stage', (gs) => gs.map((g) => g.getAttribute('data-state')));
      expect(states.every((x) => x === 'done' || x === 'skipped')).toBe(true);
      const found = await page.$$eval('.dag-stage[data-failure]', (gs) =>
        gs.map((g) => g.getAttribute('data-failure')!),
      );
      if (failures.length === 0 && found.length > 0) [failures, failedJob] = [found, job];
    }
    expect(failures).toEqual(['attempt 0 failed: fetch failure, resubmitted']);
    await select.selectOption(failedJob);
    await expect
      .poll(() => page.locator('.dag-stage[data-failure] text.failure').first().textContent())
      .toBe('attempt 0: fetch failure, resubmitted');
    await expectDagFits(page);
    await page.locator('.dag-stage[data-failure]').first().scrollIntoViewIfNeeded();
    await s.screenshot('spark-dag-fetch-failed-1280');
    expect(s.consoleErrors).toEqual([]);
  });

  it('step 3 (no cache): the shuffle files of groupByKey are reused, nothing is cached', async () => {
    const { page } = s;
    await runStep(page, 2);
    await seek(page, 'end');
    await page.getByRole('tab', { name: 'DAG' }).click();
    const perJob = await stagesPerJob(page);
    const all = [...perJob.values()].flat();
    expect(all.filter((x) => x.ops.startsWith('textFile') && x.state === 'done')).toHaveLength(1);
    expect(all.filter((x) => x.ops.startsWith('textFile') && x.state === 'skipped')).toHaveLength(perJob.size - 1);
    expect(all.some((x) => x.cached > 0)).toBe(false);
    await page.getByLabel('Spark job shown in the DAG').selectOption([...perJob.keys()].at(-1)!);
    await expectDagFits(page);
    await page.getByTestId('run-dag').scrollIntoViewIfNeeded();
    await s.screenshot('spark-dag-uncached-1280');
    expect(s.consoleErrors).toEqual([]);
  });

  it('step 2 (MapReduce chain): the DAG of 11 chained jobs is laid out inside its panel', async () => {
    const { page } = s;
    await runStep(page, 1);
    await seek(page, 'end');
    await page.getByRole('tab', { name: 'DAG' }).click();
    expect(await page.locator('.dag-stage').count()).toBe(22);
    expect(await page.locator('.dag-stage[data-state="done"]').count()).toBe(22);
    await expectDagFits(page);
    await page.getByTestId('run-dag').scrollIntoViewIfNeeded();
    await s.screenshot('mapreduce-dag-chain-1280');
    expect(s.consoleErrors).toEqual([]);
  });
});
