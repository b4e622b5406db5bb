// Runs that keep working (issue 9, sections 1 and 2): a short time limit set in Settings, an idle
// longer than it, then another run; a runaway loop reported with its line; Stop and Esc; the
// progress bar of tasks done of total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { findLab } from '../labs/labRegistry';
import { seriousViolations } from './axe';
import { openApp, type Session } from './harness';
import { setEditorText, setTimeLimit } from './labActions';

const LAB = 'mapreduce-iot-averages';
const IOT_EXAMPLE = readFileSync('labs/examples/jobs/iot-daily-average.js', 'utf8');
/** The IoT example's first line, as the sandbox editor shows it (without spaces). */
const IOT_FIRST_LINE = IOT_EXAMPLE.split('\n')[0]!.replace(/\s+/g, '');
const step = findLab(LAB)!.steps[0]!;

async function openStep(page: Page) {
  await page.getByRole('button', { name: 'ClusterLab home' }).click();
  await page.locator(`[data-lab="${LAB}"] button`).click();
  await page.getByRole('heading', { name: `1. ${step.title}` }).waitFor();
}

async function runAndWait(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page
    .locator('[aria-label="Running"]')
    .waitFor({ state: 'attached', timeout: 10_000 })
    .catch(() => {});
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0 &&
      !document.querySelector('[aria-label="Running"]'),
    undefined,
    { timeout: 90_000 },
  );
}

const checkStates = (page: Page) =>
  page.$$eval('[data-testid="checks"] li', (items) => items.map((li) => li.getAttribute('data-state')));
const runPanelText = async (page: Page) => (await page.locator('.panel.run-panel').textContent()) ?? '';

/** The daily solution with a loop that never ends in map, at line 6 of the file. */
const RUNAWAY = step.solution.replace(
  '  map(offset, line, ctx) {\n',
  '  map(offset, line, ctx) {\n    let spins = 0;\n    while (line.length > 0) {\n      spins++;\n    }\n',
);
const RUNAWAY_LINE = RUNAWAY.split('\n').findIndex((l) => l.includes('while (line.length > 0)')) + 1;

/** The daily solution with a function that calls itself for ever, called from map. */
const RECURSION = step.solution
  .replace('export default {', 'const deeper = (n) =>\n  deeper(n + 1) + 1;\nexport default {')
  .replace('  map(offset, line, ctx) {\n', '  map(offset, line, ctx) {\n    deeper(0);\n');
const RECURSION_LINE = RECURSION.split('\n').findIndex((l) => l.includes('deeper(n + 1)')) + 1;

/** The daily solution, slowed down: about a quarter of a second of work in every map task. */
const SLOW = step.solution.replace(
  '  map(offset, line, ctx) {\n',
  '  map(offset, line, ctx) {\n    if (offset % 40000 < 40) { const end = Date.now() + 250; while (Date.now() < end) {} }\n',
);

describe('runs that keep working', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a short time limit set in Settings applies to each run: idle past it, run again, checks judged', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Labs' }).waitFor();
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Time limit for your code (seconds)').fill('1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('The time limit must be between 2 and 300 seconds.');
    await dialog.getByLabel('Time limit for your code (seconds)').fill('3');
    await s.screenshot('runs-settings-dialog');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await openStep(page);
    await setEditorText(page, step.solution);
    await runAndWait(page);
    expect(await checkStates(page)).toEqual(step.checks.map(() => 'pass'));
    // Read the instructions for longer than the time limit, then run again.
    await page.waitForTimeout(5_000);
    await runAndWait(page);
    expect(await checkStates(page)).toEqual(step.checks.map(() => 'pass'));
    expect(await runPanelText(page)).not.toMatch(/time budget|not judged/);
    await page.waitForTimeout(4_000);
    await runAndWait(page);
    expect(await checkStates(page)).toEqual(step.checks.map(() => 'pass'));
    expect(s.consoleErrors).toEqual([]);
  });

  it('reports a runaway loop with its line before the time limit', async () => {
    const { page } = s;
    await setTimeLimit(page, 3);
    await openStep(page);
    await setEditorText(page, RUNAWAY);
    const started = Date.now();
    await runAndWait(page);
    const error = page.getByTestId('run-error');
    await expect(error.textContent()).resolves.toMatch(
      new RegExp(
        `^Your loop at daily-average\\.js line ${RUNAWAY_LINE} has been running for [12](\\.\\d)? s \\(the time limit for your code is 3 s\\) — does its condition ever become false\\?`,
      ),
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    await s.screenshot('runs-runaway-loop');
    // Endless recursion names a line of the function that calls itself (V8 reports its start or the call).
    await setEditorText(page, RECURSION);
    await runAndWait(page);
    await expect(page.getByTestId('run-error').textContent()).resolves.toMatch(
      new RegExp(
        `^daily-average\\.js:(${RECURSION_LINE - 1}|${RECURSION_LINE}): RangeError: Maximum call stack size exceeded: a function keeps calling itself`,
      ),
    );
    // The next run of a fixed job works.
    await setEditorText(page, step.solution);
    await runAndWait(page);
    expect(await checkStates(page)).toEqual(step.checks.map(() => 'pass'));
  });

  it('shows tasks done of total while a run computes', async () => {
    const { page } = s;
    await setTimeLimit(page, 60);
    await openStep(page);
    await setEditorText(page, SLOW);
    await page.getByRole('button', { name: '▶ Run' }).click();
    const bar = page.getByRole('progressbar', { name: 'Run progress' });
    await page.waitForFunction(
      () =>
        /Computing map tasks: [1-8] of 9/.test(
          document.querySelector('[data-testid="run-progress"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    expect(await bar.getAttribute('aria-valuemax')).toBe('9');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(1);
    await s.screenshot('runs-progress');
    // The run status and progress bar; Monaco's own token colours are not ours to judge here.
    const outsideEditor = (await seriousViolations(page))
      .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !/mtk\d|line-number/.test(n)) }))
      .filter((v) => v.nodes.length > 0);
    expect(outsideEditor).toEqual([]);
    await page.waitForFunction(() => !document.querySelector('[aria-label="Running"]'), undefined, { timeout: 60_000 });
    expect(await checkStates(page)).toEqual(step.checks.map(() => 'pass'));
  });

  it('Stop and Esc stop a runaway run at once; the editor keeps the code; the next run works', async () => {
    const { page } = s;
    await setTimeLimit(page, 120);
    await openStep(page);
    await setEditorText(page, RUNAWAY);
    const stop = page.getByRole('button', { name: '■ Stop' });
    expect(await stop.isDisabled()).toBe(true);

    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.getByTestId('run-progress').waitFor();
    await page.waitForTimeout(1_000);
    let t = Date.now();
    await stop.click();
    await page.getByText('Run stopped.').waitFor({ timeout: 3_000 });
    expect(Date.now() - t).toBeLessThan(3_000);
    expect(await page.locator('[aria-label="Running"]').count()).toBe(0);
    await s.screenshot('runs-stopped');
    // The code is all still there, as a learner who copies it out finds: select all, copy.
    await page.locator('.lab-editor .monaco-editor').first().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(RUNAWAY);
    await page.keyboard.press('ArrowRight');

    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.getByTestId('run-progress').waitFor();
    await page.waitForTimeout(1_000);
    t = Date.now();
    await page.locator('.lab-editor .monaco-editor').first().click();
    await page.keyboard.press('Escape');
    await page.getByText('Run stopped.').waitFor({ timeout: 3_000 });
    expect(Date.now() - t).toBeLessThan(3_000);

    // Running new code while the runaway still runs (Ctrl/Cmd+Enter in the editor): the new code wins at once.
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.getByTestId('run-progress').waitFor();
    await setEditorText(page, step.solution);
    t = Date.now();
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForFunction(
      () =>
        !document.querySelector('[aria-label="Running"]') &&
        document.querySelectorAll('[data-testid="checks"] [data-state="pass"]').length > 0,
      undefined,
      { timeout: 30_000 },
    );
    expect(Date.now() - t).toBeLessThan(30_000);
    expect(await checkStates(page)).toEqual(step.checks.map(() => 'pass'));
    expect(await page.getByText('Run stopped.').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
  });

  it('the sandbox shows progress, stops a runaway job, and runs the next one', async () => {
    const { page } = s;
    await setTimeLimit(page, 120);
    await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByLabel('Example job').selectOption('iot');
    await page.waitForFunction(
      (first) =>
        (document.querySelector('.sandbox-editor .view-lines')?.textContent ?? '').replace(/\s+/g, '').includes(first),
      IOT_FIRST_LINE,
      { timeout: 60_000 },
    );
    const runaway = IOT_EXAMPLE.replace(
      '  map(offset, line, ctx) {\n',
      '  map(offset, line, ctx) {\n    while (line.length > 0) {}\n',
    );
    expect(runaway).not.toBe(IOT_EXAMPLE);
    await setEditorText(page, runaway, '.sandbox-editor');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.waitForFunction(
      () =>
        /Computing map tasks: 0 of \d+/.test(document.querySelector('[data-testid="run-progress"]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await s.screenshot('runs-sandbox-progress');
    await page.getByRole('button', { name: '■ Stop' }).click();
    await page.getByText('Run stopped.').waitFor({ timeout: 3_000 });
    await setEditorText(page, IOT_EXAMPLE, '.sandbox-editor');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.waitForFunction(
      () => !document.querySelector('[aria-label="Running"]') && !!document.querySelector('.run-area'),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(await page.getByText('Run stopped.').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
  });

  it('shows a big run whole: its trace and attempts cross from the engine in parts', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByLabel('Example job').selectOption('wc-scale');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.waitForFunction(
      () => !document.querySelector('[aria-label="Running"]') && document.querySelector('[data-testid="run-timeline"]'),
      undefined,
      { timeout: 120_000 },
    );
    // About 8,800 attempts and 88,000 trace events: more than one part of each (reportParts.ts).
    const label = (await page.getByTestId('run-timeline').getAttribute('aria-label')) ?? '';
    const attempts = Number(/([\d,]+) task attempts on 100 nodes; 0 failed/.exec(label)?.[1]?.replace(/,/g, '') ?? 0);
    expect(attempts).toBeGreaterThan(8_192);
    // The map draws the first shuffle transfer, an event of the trace's last parts.
    await page.locator('[data-testid="cluster-map"][data-first-flow]').waitFor({ state: 'attached' });
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(s.consoleErrors).toEqual([]);
  });
});
