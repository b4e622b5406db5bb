/**
 * The models in production, in Chromium: ml-in-production's step 2 starter (retraining on every
 * reading, drift ignored) is run and played; mid-run the panel says which model serves and what
 * it was trained on, the registry lists only the models trained by then and the pump table is
 * folded; at the end the served error of the last minute is said, the registry shows all 12
 * models with the keyboard, and every pump is above 3 kW. Axe in light and dark, at 1024×700
 * and 1440×900, with screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { runShownSolution, waitForRunEnd } from './labActions';
import lab from '../labs/ml-in-production/lab';

async function pause(page: Page) {
  await page
    .getByRole('button', { name: /Pause/ })
    .click({ timeout: 2_000 })
    .catch(() => {});
}

async function scrub(page: Page, t: number) {
  await page.getByLabel('Simulated time').fill(String(t));
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
}

/** Scrolls the run's pane (not the page) so that the element's top is at the pane's top. */
async function showInPane(page: Page, id: string) {
  await page.getByTestId(id).evaluate((e) => {
    window.scrollTo(0, 0);
    const pane = e.closest('.run-panel');
    if (pane) pane.scrollTop += e.getBoundingClientRect().top - pane.getBoundingClientRect().top - 8;
  });
}

const text = async (page: Page, id: string) => ((await page.getByTestId(id).textContent()) ?? '').replace(/\s+/g, ' ');

describe('the models in production panel', { timeout: 240_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ colorScheme: 'light', viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => s?.close());

  it("runs step 2's starter: what serves, the registry, the chart, the served error at the end", async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/ml-in-production/2`);
    await page.getByTestId('pipeline-diagram').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    await page.getByTestId('pipeline-ml').waitFor();
    await pause(page);

    // 50 minutes in: model v4, trained on every reading so far; four models in the registry.
    await scrub(page, 3_000_000);
    const now = await text(page, 'ml-now');
    expect(now).toContain('Model v4 serves, since 40 min 20 s: one model for the fleet');
    expect(now).toContain('on the readings sent from 0 s to 39 min 5 s (9,379 fit, the newest fifth held out)');
    expect(now).toContain('Last full minute (49 min to 50 min): 300 predictions were off by 2.48 kW on average.');
    const chart = page.getByTestId('ml-chart').getByRole('img');
    expect(await chart.getAttribute('aria-label')).toContain('12 models deployed, 0 drifts detected');
    expect(await chart.getAttribute('aria-label')).toContain('Now: 2.48 kW in the last full minute.');
    expect(await page.locator('[data-testid="ml-registry"] tbody tr').count()).toBe(4);
    expect(await page.getByTestId('ml-by-pump').getAttribute('open')).toBeNull();

    // At the end: the last minute's error, all twelve models with the keyboard, every pump above 3 kW.
    await scrub(page, 7_260_000);
    expect(await text(page, 'ml-now')).toContain('Model v12 serves');
    expect(await text(page, 'ml-now')).toContain('Last full minute (2 h to 2 h 1 min):');
    expect(await page.locator('[data-testid="ml-registry"] tbody tr').count()).toBe(8);
    const all = page.getByRole('button', { name: 'Show all 12' });
    await all.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-testid="ml-registry"] tbody tr').count()).toBe(12);
    expect(await page.getByTestId('ml-by-pump').getAttribute('open')).toBe('');
    expect(await text(page, 'ml-by-pump')).toContain('8 of 8 pumps above 3 kW');
    expect(await page.locator('[data-testid="ml-by-pump"] tr.views-differs').count()).toBe(8);

    // No part of the panel is wider than its column.
    const overflow = await page
      .getByTestId('pipeline-ml')
      .evaluate((el) =>
        [...el.querySelectorAll('*')].some(
          (c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 1,
        ),
      );
    expect(overflow).toBe(false);

    await scrub(page, 3_000_000);
    await showInPane(page, 'pipeline-ml');
    await s.screenshot('ml-panel-1024-light');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await s.screenshot('ml-panel-1024-dark');
    await showInPane(page, 'ml-registry');
    await s.screenshot('ml-panel-1024-dark-registry');
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1440, height: 900 });
    await showInPane(page, 'ml-registry');
    await s.screenshot('ml-panel-1440-dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
    await s.screenshot('ml-panel-1440-light');
    expect(await seriousViolations(page)).toEqual([]);
    await scrub(page, 7_260_000);
    await showInPane(page, 'ml-now');
    await s.screenshot('ml-panel-1440-light-end');
    await showInPane(page, 'ml-by-pump');
    await s.screenshot('ml-panel-1440-light-pumps');
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });

  it("step 3's starter: a drift every minute, per-pump error; the chart stays readable", async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/ml-in-production/3`);
    await page.getByTestId('pipeline-diagram').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    await page.getByTestId('pipeline-ml').waitFor();
    await pause(page);
    await scrub(page, 7_260_000);
    expect(await text(page, 'ml-now')).toContain('Last drift at 2 h (61 so far)');
    const labels = await page.locator('[data-testid="ml-chart"] .ml-deploy text').count();
    expect(labels).toBeGreaterThan(5);
    expect(labels).toBeLessThan(30);
    expect(await page.locator('[data-testid="ml-chart"] .ml-drift').count()).toBe(61);
    await showInPane(page, 'ml-now');
    await s.screenshot('ml-panel-step3-1440-light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await s.screenshot('ml-panel-step3-1440-dark');
    expect(await seriousViolations(page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });

  it("step 3's solution in a 480 px column: per-pump models behind a disclosure opened with the keyboard", async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(`${s.baseUrl}#/lab/ml-in-production/3`);
    await page.getByTestId('pipeline-diagram').waitFor({ timeout: 60_000 });
    await runShownSolution(page, lab, 2, '[data-testid="pipeline-ml"]');
    await scrub(page, 700_000);
    await page.addStyleTag({ content: '[data-testid="pipeline-ml"] { max-width: 480px; }' });
    const first = page.locator('[data-testid="ml-registry"] tbody tr').first();
    expect(await first.getAttribute('data-version')).toBe('1');
    expect(await first.locator('.ml-power').textContent()).toMatch(
      /^per pump: slope [\d.]+ to [\d.]+, intercept [\d.]+ to [\d.]+ kW each pump$/,
    );
    const each = first.getByRole('button', { name: 'each pump' });
    await each.focus();
    await page.keyboard.press('Enter');
    expect(await each.getAttribute('aria-expanded')).toBe('true');
    const pumps = page.locator('#ml-pumps-v1 li');
    expect(await pumps.count()).toBe(8);
    expect(await pumps.first().textContent()).toMatch(/^pump 0: [\d.]+ × load \+ [\d.]+ kW$/);
    const overflow = await page
      .getByTestId('pipeline-ml')
      .evaluate((el) =>
        [...el.querySelectorAll('*')].some(
          (c) => c.getBoundingClientRect().right > el.getBoundingClientRect().right + 1,
        ),
      );
    expect(overflow).toBe(false);
    await showInPane(page, 'ml-registry');
    // Both themes, whichever this test starts in.
    const toLight = page.getByRole('button', { name: 'Switch to light theme' });
    if ((await toLight.count()) > 0) await toLight.click();
    await s.screenshot('ml-panel-480-light-per-pump');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await s.screenshot('ml-panel-480-dark-per-pump');
    expect(await seriousViolations(page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
