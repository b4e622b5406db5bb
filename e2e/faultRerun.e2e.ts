/**
 * A fault injected into the run being watched re-runs that run's code, not what the editor holds
 * by then: the learner edited after running (a different setting, then a syntax error), and the
 * re-runs still judge the code that ran, while the editor and the saved progress keep the edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findLab } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { checkStates, setEditorText, waitForChecksJudged } from './labActions';

const LAB = findLab('mapreduce-iot-averages')!;
const KEY = 'clusterlab.progress.v1';

const savedCode = (page: Page) =>
  page.evaluate(
    ([key, lab]) =>
      (
        JSON.parse(localStorage.getItem(key!) ?? '{}') as {
          labs?: Record<string, { steps: Record<string, { code?: string }> }>;
        }
      ).labs?.[lab!]?.steps['daily-average']?.code ?? '',
    [KEY, LAB.id],
  );

async function injectAt(page: Page, atMs: number, button: 'Kill node' | 'Slow ×4', node: string) {
  await page
    .getByRole('button', { name: /Pause/ })
    .click()
    .catch(() => {});
  await page.getByLabel('Simulated time').fill(String(atMs));
  await page.getByLabel('Node to break').selectOption(node);
  const faultsBefore =
    (await page
      .getByTestId('injected-faults')
      .textContent()
      .catch(() => null)) ?? '';
  await page.getByRole('button', { name: button }).click();
  // The re-run is over once the note lists the new fault and nothing runs.
  await page.waitForFunction(
    (before) =>
      (document.querySelector('[data-testid="injected-faults"]')?.textContent ?? '') !== before &&
      !document.querySelector('[aria-label="Running"]'),
    faultsBefore,
    { timeout: 90_000 },
  );
  await waitForChecksJudged(page);
}

describe('fault injection re-runs the watched run', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('uses the code of the run on screen, whatever the editor holds now, and keeps the edits', async () => {
    const { page } = s;
    const solution = LAB.steps[0]!.solution;
    await page.goto(`${s.baseUrl}#/lab/${LAB.id}/1`);
    await page.getByRole('heading', { name: `1. ${LAB.steps[0]!.title}` }).waitFor();
    await setEditorText(page, solution);
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForChecksJudged(page);
    const passing = await checkStates(page);
    expect(passing.every((c) => c.endsWith(':pass'))).toBe(true);

    // Edited, not run: one reducer would fail "three reducers".
    const oneReducer = solution.replace('numReduceTasks: 3', 'numReduceTasks: 1');
    expect(oneReducer).not.toBe(solution);
    await setEditorText(page, oneReducer);
    await injectAt(page, 2000, 'Kill node', 'n5');
    // The run on screen had three reducers (a lost node may cost it "parallel mappers", not the result).
    expect(await checkStates(page)).toEqual(expect.arrayContaining(['three-reducers:pass', 'exact-averages:pass']));
    expect(await page.getByTestId('injected-faults').textContent()).toMatch(/n5/);
    // The edit is still the step's code, in the editor and in the saved progress.
    await page.waitForFunction(
      ([key, text]) => (localStorage.getItem(key!) ?? '').includes(JSON.stringify(text).slice(1, -1)),
      [KEY, 'numReduceTasks: 1'],
    );
    expect(await savedCode(page)).toBe(oneReducer);

    // A syntax error in the editor: the re-run still runs the watched code and is judged.
    const broken = solution.replace('numReduceTasks: 3', 'numReduceTasks: 3 +');
    expect(broken).not.toBe(solution);
    await setEditorText(page, broken);
    await injectAt(page, 1000, 'Slow ×4', 'n3');
    expect(await checkStates(page)).toEqual(expect.arrayContaining(['three-reducers:pass', 'exact-averages:pass']));
    expect(await page.getByTestId('run-error').count()).toBe(0);
    expect(await savedCode(page)).toBe(broken);
    expect(s.consoleErrors).toEqual([]);
  });
});
