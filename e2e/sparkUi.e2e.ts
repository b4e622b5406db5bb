import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import sparkInMemoryLab from '../labs/spark-in-memory/lab';
import { openApp, type Session } from './harness';
import axe from 'axe-core';
import type { AxeViolation } from './axe';
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
  if (ms === 'end' && Number(await scrubber.inputValue()) < max) {
    await page.getByRole('button', { name: '▶ Play' }).click();
    await page.getByRole('button', { name: '▶ Play' }).waitFor({ timeout: 20_000 });
  }
}

/** The body cells of a table, row by row. */
async function cells(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

/** The column index of a header. */
async function column(table: Locator, header: string): Promise<number> {
  const heads = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''));
  const i = heads.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
  expect(i, `column ${header} in ${heads.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return i;
}

/** formatMs's and formatTime's text back in ms ("950 ms", "1.25 s", "70.15 s", "2 min 3 s", "2 min 3.4 s", "1 h 2 min"). */
function ms(text: string): number {
  const long = /^(?:(\d+) h)? ?(?:(\d+) min)? ?(?:([\d.]+) s)?$/.exec(text);
  if (long && /\d (h|min)/.test(text))
    return Number(long[1] ?? 0) * 3_600_000 + Number(long[2] ?? 0) * 60_000 + Number(long[3] ?? 0) * 1000;
  const s = /^([\d.,]+) s$/.exec(text);
  if (s) return Number(s[1]!.replace(/,/g, '')) * 1000;
  const m = /^([\d.,]+) ms$/.exec(text);
  if (m) return Number(m[1]!.replace(/,/g, ''));
  throw new Error(`not a duration: ${text}`);
}

const succeeded = (progress: string) => Number(/^([\d,]+)\//.exec(progress)![1]!.replace(/,/g, ''));

/**
 * axe (as e2e/axe.ts runs it) over the Spark UI tab only: the lab's editor around it is the lab
 * page tests' concern (its dark theme's comment colour fails contrast whenever comments scroll into view).
 */
async function sparkUiViolations(page: Page): Promise<AxeViolation[]> {
  const result = await page.evaluate(`(async () => {
    ${axe.source}
    const r = await axe.run({ include: [['[data-testid="spark-ui"]']] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  })()`);
  return (result as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let shot: (name: string) => Promise<string>;

async function expectNoSeriousViolations(page: Page) {
  await expect.poll(() => sparkUiViolations(page), { timeout: 5_000 }).toEqual([]);
}

describe('Spark UI tab (Jobs, Stages, stage page, Executors)', () => {
  let s: Session;
  beforeEach(async () => {
    s = await openApp();
    // The Spark UI tab at the top of the viewport, then the picture.
    shot = async (name) => {
      await s.page.getByTestId('spark-ui').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      return s.screenshot(name);
    };
  });
  afterEach(async () => {
    await s?.close();
  });

  it('agrees with the jobs, sorts by keyboard, opens a stage page, and follows the playback instant', async () => {
    const { page } = s;
    await runStep(page, 3);
    await seek(page, 'end');

    // The DAG view's job list: what the Jobs page must list.
    await page.getByRole('tab', { name: 'DAG', exact: true }).click();
    const dagJobs = await page
      .getByLabel('Spark job shown in the DAG')
      .locator('option')
      .evaluateAll((os) => os.map((o) => o.textContent?.trim() ?? '').filter((x) => /^Job \d+/.test(x)));
    expect(dagJobs.length).toBe(11);

    await page.getByRole('tab', { name: 'Spark UI', exact: true }).click();
    const jobs = page.getByTestId('spark-jobs-table').locator('table');
    await jobs.waitFor();
    const jobRows = await cells(jobs);
    const id = await column(jobs, 'Job Id');
    const desc = await column(jobs, 'Description');
    const status = await column(jobs, 'Status');
    const tasksCol = await column(jobs, 'Tasks (for all stages): Succeeded/Total');
    // Newest first, as Spark lists them.
    expect(jobRows.map((r) => `Job ${r[id]}: ${r[desc]}`)).toEqual([...dagJobs].reverse());
    expect(jobRows.every((r) => r[status] === 'SUCCEEDED')).toBe(true);
    const tasksAtEnd = jobRows.reduce((n, r) => n + succeeded(r[tasksCol]!), 0);
    // The middle of job 5 (from its Submitted and Duration cells): for the live check below.
    const job5 = jobRows.find((r) => r[id] === '5')!;
    const job5Mid =
      ms(job5[await column(jobs, 'Submitted')]!.replace(/^at /, '')) + ms(job5[await column(jobs, 'Duration')]!) / 2;
    await expectNoSeriousViolations(page);
    await shot('spark-ui-jobs-1280-dark');

    // Stages: reached by keyboard from the Jobs tab, sorted by Duration with Enter.
    await page.getByRole('tab', { name: 'Jobs', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Stages', exact: true }).getAttribute('aria-selected'))
      .toBe('true');
    const completed = page.getByTestId('spark-stages-complete').locator('table');
    await completed.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Stage Id/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Duration/);
    await page.keyboard.press('Enter');
    const durationCol = await column(completed, 'Duration');
    expect(await completed.locator('thead th').nth(durationCol).getAttribute('aria-sort')).toBe('descending');
    const durations = (await cells(completed)).map((r) => ms(r[durationCol]!));
    expect(durations.length).toBeGreaterThan(10);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    await page.keyboard.press('Enter');
    expect(await completed.locator('thead th').nth(durationCol).getAttribute('aria-sort')).toBe('ascending');
    await expectNoSeriousViolations(page);

    // Stage 0 (textFile → map): its page by keyboard; quantiles and the task table with locality levels.
    const link = page.getByRole('button', { name: 'Stage 0: open its tasks', exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    const stagePage = page.getByTestId('spark-stage-page');
    await stagePage.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Details for Stage 0 (Attempt 0)');
    const summary = page.getByTestId('spark-stage-summary').locator('table');
    const heads = await summary.locator('thead th').evaluateAll((ths) => ths.map((th) => th.textContent?.trim()));
    expect(heads).toEqual(['Metric', 'Min', '25th percentile', 'Median', '75th percentile', 'Max']);
    const metrics = (await cells(summary)).map((r) => r[0]);
    expect(metrics).toEqual(['Duration', 'Input Size / Records', 'Shuffle Write Size / Records']);
    const [minD, q1, med, q3, maxD] = (await cells(summary))[0]!.slice(1).map(ms);
    expect(minD! <= q1! && q1! <= med! && med! <= q3! && q3! <= maxD!).toBe(true);
    const tasks = page.getByTestId('spark-stage-tasks').locator('table');
    const taskRows = await cells(tasks);
    const loc = await column(tasks, 'Locality Level');
    expect(taskRows.length).toBeGreaterThan(0);
    for (const r of taskRows) expect(['PROCESS_LOCAL', 'NODE_LOCAL', 'NO_PREF', 'RACK_LOCAL', 'ANY']).toContain(r[loc]);
    // Task durations of the table agree with the quantiles' extremes.
    const durCol = await column(tasks, 'Duration');
    const taskDurations = taskRows.map((r) => ms(r[durCol]!));
    expect(Math.min(...taskDurations)).toBe(minD);
    expect(Math.max(...taskDurations)).toBe(maxD);
    await shot('spark-ui-stage-1280-dark');
    await expectNoSeriousViolations(page);

    // A reduce stage: its tasks have no preferred place.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-stage-key'))).toBe('0.0');
    await page.getByRole('button', { name: 'Stage 1: open its tasks', exact: true }).click();
    const reduceLoc = await column(page.getByTestId('spark-stage-tasks').locator('table'), 'Locality Level');
    const reduceRows = await cells(page.getByTestId('spark-stage-tasks').locator('table'));
    expect(new Set(reduceRows.map((r) => r[reduceLoc]))).toEqual(new Set(['NO_PREF']));
    await page.getByRole('button', { name: '← All stages' }).click();
    await shot('spark-ui-stages-1280-dark');

    // Executors: the driver and nine executors, every task counted once.
    await page.getByRole('tab', { name: 'Executors', exact: true }).click();
    const execs = page.getByTestId('spark-executors-table').locator('table');
    await execs.waitFor();
    const execRows = await cells(execs);
    expect(execRows.length).toBe(10);
    const complete = await column(execs, 'Complete Tasks');
    expect(execRows.reduce((n, r) => n + Number(r[complete]!.replace(/,/g, '')), 0)).toBe(tasksAtEnd);
    await expectNoSeriousViolations(page);
    await shot('spark-ui-executors-1280-dark');

    // Early in the run: fewer completed tasks, a running job, and stage 0's page has fewer rows.
    await seek(page, Math.round(job5Mid));
    await page.getByRole('tab', { name: 'Jobs', exact: true }).click();
    const early = await cells(jobs);
    expect(early.map((r) => `${r[id]} ${r[status]}`)).toEqual([
      '5 RUNNING',
      '4 SUCCEEDED',
      '3 SUCCEEDED',
      '2 SUCCEEDED',
      '1 SUCCEEDED',
      '0 SUCCEEDED',
    ]);
    expect(early.reduce((n, r) => n + succeeded(r[tasksCol]!), 0)).toBeLessThan(tasksAtEnd);
    await page.getByRole('tab', { name: 'Stages', exact: true }).click();
    expect(await page.getByTestId('spark-stages-active').count()).toBe(1);
    await shot('spark-ui-stages-early-1280-dark');

    // Light theme and the small window.
    await seek(page, 'end');
    await page.getByRole('button', { name: 'Stage 0: open its tasks', exact: true }).click();
    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    await expectNoSeriousViolations(page);
    await shot('spark-ui-stage-1280-light');
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await shot('spark-ui-stage-1024-light');
    await page.getByRole('heading', { name: 'Details for Stage 0 (Attempt 0)' }).focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('spark-stages').waitFor();
    await shot('spark-ui-stages-1024-light');
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await shot('spark-ui-stages-1024-dark');
    await page.getByRole('tab', { name: 'Jobs', exact: true }).click();
    await shot('spark-ui-jobs-1024-dark');
    expect(s.consoleErrors).toEqual([]);
  });
});
