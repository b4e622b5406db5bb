/**
 * Faults injected into a pipeline step from its run, in Chromium at 1024×700: the platform
 * blueprint's starter is run, the dashboard's machine is killed at an instant of the playback with
 * the fault bar (keyboard only), and the run computed again shows it: the fault listed apart from
 * the step's own outage, the dashboard down in the table and on the diagram, fewer events
 * displayed. "Run without faults" brings the first run's figures back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { waitForRunEnd } from './labActions';

const LAB = 'platform-blueprint';

/** A part's row of the run's table: what it took in and how long it was down. */
async function partRow(page: Page, id: string) {
  const row = page.locator(`[data-testid="pipeline-parts"] tr[data-part="${id}"]`);
  const cells = await row.locator('td').allTextContents();
  return { down: cells.at(-1) ?? '', tookIn: cells[2] ?? '' };
}

async function displayed(page: Page): Promise<number> {
  const summary = (await page.getByTestId('pipeline-summary').textContent()) ?? '';
  return Number((/^The whole run: ([\d,]+) of/.exec(summary)?.[1] ?? 'NaN').replace(/,/g, ''));
}

async function pause(page: Page) {
  await page
    .getByRole('button', { name: /Pause/ })
    .click({ timeout: 2_000 })
    .catch(() => {});
}

describe('a pipeline step: faults injected from the run', { timeout: 240_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ colorScheme: 'light', viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => s?.close());

  it("kills the dashboard's machine at the instant shown, runs again, and runs without it", async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/${LAB}/1`);
    await page.getByTestId('pipeline-diagram').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    await page.getByTestId('pipeline-summary').waitFor();
    const before = { dashboard: await partRow(page, 'dashboard'), displayed: await displayed(page) };
    expect(before.dashboard.down).toBe('–');
    // The step's own outage is said apart, and nothing is injected yet.
    expect(await page.getByTestId('step-faults').textContent()).toContain('machine n2 (reports) dies at 20.00 s');
    expect(await page.getByTestId('injected-faults').count()).toBe(0);

    // At 10 s of the playback, with the keyboard: the part, the fault, how long, then the button.
    await pause(page);
    await page.getByLabel('Simulated time').fill('10000');
    const bar = page.getByRole('group', { name: 'Inject a fault and run again' });
    const part = bar.getByLabel('Part the fault strikes');
    // The clients have no machine and cannot be stopped: they are not offered.
    expect(await part.locator('option').allTextContents()).toEqual([
      'ingest (on n1)',
      'reports (on n2)',
      'dashboard (on n3)',
    ]);
    // One rack in this cluster: cutting it off would change nothing, so it is not offered.
    expect(await bar.getByLabel('Fault to inject').locator('option').allTextContents()).toEqual([
      'kill its machine',
      'slow its machine down',
      'stop the part',
    ]);
    await part.focus();
    await part.selectOption('dashboard');
    await bar.getByLabel('Fault to inject').selectOption('kill');
    await bar.getByLabel('How long the fault lasts').selectOption('end');
    const inject = bar.getByRole('button', { name: 'Inject now and run again' });
    await inject.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('injected-faults').waitFor({ timeout: 60_000 });
    await waitForRunEnd(page);
    await pause(page);

    const injected = (await page.getByTestId('injected-faults').textContent()) ?? '';
    expect(injected).toContain('Faults in this run: machine n3 (dashboard) dies at 10.00 s.');
    expect(injected).not.toContain('n2');
    expect(await page.getByTestId('step-faults').textContent()).toContain('machine n2 (reports) dies at 20.00 s');
    const after = { dashboard: await partRow(page, 'dashboard'), displayed: await displayed(page) };
    // Down from 10 s to the run's end (2 min): 110.00 s, as the lab's checks print a time.
    expect(after.dashboard.down).toBe('110.00 s');
    expect(after.displayed).toBeLessThan(before.displayed);
    // The playback resumed at the fault; past it, the dashboard's box says it is down.
    await page.getByLabel('Simulated time').fill('30000');
    await expect.poll(() => page.getByTestId('status-dashboard').textContent()).toBe('down since 10.00 s');
    await page.getByTestId('injected-faults').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await s.screenshot('pipeline-fault-injected-light');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await s.screenshot('pipeline-fault-injected-dark');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Run without faults' }).click();
    await page.getByTestId('injected-faults').waitFor({ state: 'detached', timeout: 60_000 });
    await waitForRunEnd(page);
    expect(await partRow(page, 'dashboard')).toEqual(before.dashboard);
    expect(await displayed(page)).toBe(before.displayed);
    expect(await page.getByTestId('step-faults').count()).toBe(1);
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
