/**
 * A task whose node died goes on "running" until the driver notices: the timeline's summary says
 * it only looks running, and the picture draws it so (an empty dotted outline from where its work
 * stopped) instead of leaving the dead executor's lane blank while the summary counts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLab } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { runShownSolution, waitForChecksJudged } from './labActions';
import { at, showTimeline } from './playbackReading';

const LAB = findLab('spark-in-memory')!;

describe('a task on a dead node in the timeline', { timeout: 240_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => s?.close());

  it('is drawn as running on a dead node for as long as the summary says so', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/${LAB.id}/4`);
    await runShownSolution(page, LAB, 3);
    // Kill n2 while its executor runs tasks, as a learner does with the Kill node button.
    await page.getByLabel('Simulated time').fill('2600');
    await page.getByLabel('Node to break').selectOption('n2');
    await page.getByRole('button', { name: 'Kill node' }).click();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="injected-faults"]')?.textContent ?? '').includes('n2') &&
        !document.querySelector('[aria-label="Running"]'),
      undefined,
      { timeout: 90_000 },
    );
    await waitForChecksJudged(page);
    await page
      .getByRole('button', { name: /Pause/ })
      .click({ timeout: 2_000 })
      .catch(() => {});
    await showTimeline(page);
    const canvas = page.getByTestId('run-timeline');
    let seen = 0;
    // Through the stretch between the death and the driver noticing, the outlines match the summary.
    for (const t of [3300, 5750, 11_500, 17_000]) {
      await at(page, t);
      const summary = (await canvas.getAttribute('aria-label')) ?? '';
      const said = /One of them is on a dead node/.test(summary)
        ? 1
        : Number(/(\d+) of them are on a dead node/.exec(summary)?.[1] ?? 0);
      const drawn = Number(await canvas.getAttribute('data-on-dead-bars'));
      expect(drawn, `at ${t} ms: ${summary}`).toBe(said);
      seen += drawn;
    }
    expect(seen, 'some instant shows a task on the dead node').toBeGreaterThan(0);
    await s.screenshot('timeline-task-on-dead-node');
  });
});
