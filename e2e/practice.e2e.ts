import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLab } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import type { Page } from 'playwright-core';
import { checkStates, setEditorText, waitForRunEnd } from './labActions';

/**
 * The run's output table: the tag counts of the attempt's pages. Two seeds' counts all but never
 * agree, where the checks' words do for about one pair of step 2's seeds in fifty (the same
 * splits, map phases equal to the hundredth).
 */
async function outputText(page: Page): Promise<string> {
  await page.locator('#run-tab-output').click();
  return page.getByTestId('run-output').innerText();
}

/**
 * Practice mode as a learner uses it: the exercises without the story, fresh data on every
 * attempt of every step (a variant's values shown), nothing of the lesson's progress changed; the
 * reference solutions only once the lab is done.
 */
describe('practice mode and the reference', () => {
  let s: Session;
  const lab = findLab('mapreduce-basics')!;
  const step = lab.steps[0]!;
  /** The job's output after the first attempt's run: that attempt's tag counts. */
  let firstOutput = '';
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the goal and this attempt’s values, not the lesson’s text', async () => {
    const { page } = s;
    await page.locator('[data-lab="mapreduce-basics"] button').click();
    await page.getByRole('button', { name: '▶ Run' }).waitFor();
    expect(await page.getByRole('button', { name: 'Reference' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Practice' }).click();
    await page.getByTestId('practice-goal').waitFor();
    expect(page.url()).toMatch(/#\/lab\/mapreduce-basics\/1\/practice$/);
    expect(await page.getByRole('button', { name: 'Practice' }).getAttribute('aria-pressed')).toBe('true');
    // The lesson's story and instructions are hidden; the checks' titles are the goal.
    const side = await page.locator('.lab-side').innerText();
    expect(side).not.toContain(
      lab.intro
        .split('\n')
        .find((l) => l.trim().length > 40)!
        .slice(0, 40),
    );
    for (const c of step.checks) expect(side).toContain(c.title);
    expect(await page.getByTestId('practice-values').innerText()).toMatch(/bytes\s+[\d,]+\s+blocks\s+\w+/);
    expect(await page.getByTestId('practice-attempt').innerText()).toMatch(/^Attempt 1 · data seed \d+/);
  });

  it('judges the attempt on its own data and leaves the lesson’s progress alone', async () => {
    const { page } = s;
    await setEditorText(page, step.solution);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    expect((await checkStates(page)).every((c) => c.endsWith(':pass'))).toBe(true);
    await page.getByTestId('practice-done').waitFor();
    expect(await page.getByTestId('checks').innerText()).toMatch(/the maps wrote [\d,]+ pairs/);
    firstOutput = await outputText(page);
    const saved = await page.evaluate(() => localStorage.getItem('clusterlab.progress.v1') ?? '');
    expect(saved).not.toMatch(/"count-tags":\{[^}]*"passed":true/);
  });

  it('draws fresh data for a new attempt, keeping the code when asked', async () => {
    const { page } = s;
    const before = await page.getByTestId('practice-attempt').innerText();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('practice-goal').getByRole('button', { name: 'New attempt with fresh data' }).click();
    await page.getByText(/^Attempt 2 · data seed \d+/).waitFor();
    const after = await page.getByTestId('practice-attempt').innerText();
    expect(after.match(/seed (\d+)/)![1]).not.toBe(before.match(/seed (\d+)/)![1]);
    // The checks of the last attempt are gone; the kept code passes on the new data too.
    expect(await page.getByTestId('practice-done').count()).toBe(0);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    expect((await checkStates(page)).every((c) => c.endsWith(':pass'))).toBe(true);
    // Other data, other counts: the run was made on the new attempt's data.
    expect(await outputText(page)).not.toBe(firstOutput);
    // A reload keeps the attempt and its code.
    await page.reload();
    await page.getByText(/^Attempt 2 · data seed \d+/).waitFor();
  });

  it('keeps the reference locked until every step passed, then shows the solutions read only', async () => {
    const { page } = s;
    await page.goto(page.url().replace(/\/practice$/, '/reference'));
    await page.getByTestId('reference-locked').waitFor();
    // Every step passed, as a finished lab's progress says.
    await page.evaluate(
      ([labId, ids]) => {
        const key = 'clusterlab.progress.v1';
        const raw = JSON.parse(localStorage.getItem(key) ?? '{"version":1,"labs":{}}');
        const progress = raw.progress ?? raw;
        progress.labs[labId] = { step: 0, steps: Object.fromEntries(ids.map((id: string) => [id, { passed: true }])) };
        localStorage.setItem(key, JSON.stringify(raw));
      },
      [lab.id, lab.steps.map((x) => x.id)] as const,
    );
    await page.reload();
    await page.getByRole('heading', { name: `1. ${step.title} (reference)` }).waitFor();
    await page.getByRole('button', { name: 'Reference' }).waitFor();
    expect(await page.getByRole('button', { name: 'Reference' }).isDisabled()).toBe(false);
    const code = page.locator('.lab-editor .view-lines');
    await code.waitFor();
    expect((await code.innerText()).replace(/\s+/g, ' ')).toContain('ctx.write(m[1].toLowerCase(), 1)');
    expect(await page.getByRole('button', { name: 'Reset step' }).count()).toBe(0);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    expect((await checkStates(page)).every((c) => c.endsWith(':pass'))).toBe(true);
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });

  it('gives a step without a per-student variant fresh data on a new attempt too', async () => {
    const { page } = s;
    // Step 2 states its lesson's numbers in its text, so it has no variant; practice hides the text.
    const second = lab.steps[1]!;
    await page.goto(page.url().replace(/#.*$/, '#/lab/mapreduce-basics/2/practice'));
    await page.getByRole('heading', { name: `2. ${second.title} (practice)` }).waitFor();
    expect(await page.getByTestId('practice-attempt').innerText()).toMatch(
      /^Attempt 1 · data seed \d+: fresh data on every attempt: this step's input is drawn afresh/,
    );
    const solveAndRead = async () => {
      await setEditorText(page, second.solution);
      await page.getByRole('button', { name: '▶ Run' }).click();
      await waitForRunEnd(page);
      expect((await checkStates(page)).every((c) => c.endsWith(':pass'))).toBe(true);
      return outputText(page);
    };
    const first = await solveAndRead();
    page.once('dialog', (d) => void d.dismiss());
    await page.getByTestId('practice-done').getByRole('button', { name: 'New attempt with fresh data' }).click();
    await page.getByText(/^Attempt 2 · data seed \d+/).waitFor();
    // The same code on the new attempt's pages: other tags, so other counts.
    expect(await solveAndRead()).not.toBe(first);
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
