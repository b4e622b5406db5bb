// The learner's console output in the app (issue 10 §2): a job's lines in the Console panel,
// an endless console.log stopped at the Settings' time limit with the capped log and a clear
// message, then the next run works; a sandbox worker that fails with an error event ends the run
// at once with a message (not at the time limit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findLab } from '../labs/labRegistry';
import { seriousViolations } from './axe';
import { openApp, type Session } from './harness';
import { checkStates, setEditorText, setTimeLimit, waitForRunEnd } from './labActions';

const LAB = 'mapreduce-iot-averages';
const step = findLab(LAB)!.steps[0]!;

/** The daily solution with a console.log loop that never ends at the start of map. */
const ENDLESS_LOG = step.solution.replace(
  '  map(offset, line, ctx) {\n',
  "  map(offset, line, ctx) {\n    for (let i = 0; ; i++) console.log('tick', i);\n",
);

const THREE_LINES = `console.log('loaded once');
export default async (sc) => {
  console.log('driver says', 2);
  console.log({ third: [3] });
  return await sc.parallelize([1, 2, 3], 2).collect();
};
`;

/**
 * A job whose code throws in a microtask of its own (the sandbox has no timers): nothing of ours
 * catches it, so the sandbox worker reports an error event.
 */
const THROWS_LATER = `queueMicrotask(() => {
  throw new Error('boom from a microtask');
});
export default async (sc) => {
  const end = Date.now() + 20000;
  while (Date.now() < end) {}
  return await sc.parallelize([1], 1).collect();
};
`;

const consoleText = async (page: Page) => (await page.getByTestId('run-console').textContent()) ?? '';

async function openJobs(page: Page) {
  await page.getByRole('button', { name: 'Sandbox', exact: true }).click();
  await page.getByRole('tab', { name: 'Jobs' }).click();
  await page.locator('.sandbox-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
}

describe('the console of a run', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1024, height: 700 }, colorScheme: 'light' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows what a job printed, top-level output once, in the sandbox', async () => {
    const { page } = s;
    await openJobs(page);
    await page.getByLabel('Example job').selectOption('iot-spark');
    await setEditorText(page, THREE_LINES, '.sandbox-editor');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    expect(await page.getByTestId('run-error').count()).toBe(0);
    const text = page.getByTestId('run-console-text');
    expect(await text.textContent()).toBe('loaded once\ndriver says 2\n{"third":[3]}');
    expect(await consoleText(page)).toMatch(/Console3 lines/);
    // Keyboard: the output box takes focus (to scroll it), and Copy copies it.
    await text.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Console output');
    await page.getByTestId('run-console').getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('loaded once\ndriver says 2\n{"third":[3]}');
    await s.screenshot('console-sandbox-light-1024');
    expect(await seriousViolations(page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });

  it('a sandbox worker that fails with an error event ends the run at once, with a message', async () => {
    const { page } = s;
    await setTimeLimit(page, 60);
    await openJobs(page);
    // The sandbox keeps the example picked before (the Spark one): this run is the MapReduce example's file.
    await page.getByLabel('Example job').selectOption('iot');
    await setEditorText(page, THROWS_LATER, '.sandbox-editor');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    expect(await page.getByTestId('run-error').textContent()).toMatch(
      /^iot-daily-average\.js:2: Your code failed outside your job's functions: Error: boom from a microtask\..*ran out of memory/,
    );
    // The crash ended the run, not the 60 s time limit (the driver alone would spin for 20 s).
    expect(await page.getByTestId('run-error').textContent()).not.toMatch(/time limit/);
    // The next job runs.
    await setEditorText(page, THREE_LINES, '.sandbox-editor');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(await page.getByTestId('run-console-text').textContent()).toContain('driver says 2');
    expect(s.consoleErrors).toEqual([]);
  });

  it('an endless console.log is stopped at the time limit with the log capped, then the next run works', async () => {
    const { page } = s;
    await setTimeLimit(page, 3);
    await page.getByRole('button', { name: 'ClusterLab home' }).click();
    await page.locator(`[data-lab="${LAB}"] button`).click();
    await page.getByRole('heading', { name: `1. ${step.title}` }).waitFor();
    await setEditorText(page, ENDLESS_LOG);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page, 60_000);
    const error = (await page.getByTestId('run-error').textContent()) ?? '';
    expect(error).toMatch(/time limit for your code is 3 s/);
    const log = (await page.getByTestId('run-console-text').textContent()) ?? '';
    const lines = log.split('\n');
    expect(lines[0]).toBe('tick 0');
    expect(lines.length).toBeLessThanOrEqual(2_001);
    expect(lines.at(-1)).toMatch(/^… [\d,]+ more lines? of console output not shown/);
    await s.screenshot('console-endless-log-light-1024');
    expect(await seriousViolations(page)).toEqual([]);

    // The fixed job runs and passes; it prints nothing, and the console says so.
    await setTimeLimit(page, 30);
    await setEditorText(page, step.solution);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    expect(await checkStates(page)).toEqual(step.checks.map((c) => `${c.id}:pass`));
    expect(await consoleText(page)).toContain('Your code printed nothing.');
    expect(s.consoleErrors).toEqual([]);
  });
});
