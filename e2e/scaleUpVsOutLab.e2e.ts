import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { checkStates, setEditorText, waitForRunEnd } from './labActions';
import lab from '../labs/scale-up-vs-out/lab';

async function runStep(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await waitForRunEnd(page);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0,
  );
}

/** Pauses the playback and moves it to `fraction` of the run with the scrubber's keyboard. */
async function seekEnd(page: Page) {
  await page
    .getByRole('button', { name: /Pause/ })
    .click()
    .catch(() => {});
  const slider = page.getByRole('slider').first();
  await slider.focus();
  await page.keyboard.press('End');
}

async function open(page: Page, s: Session, index: number) {
  await page.goto(`${s.baseUrl}#/lab/${lab.id}/${index + 1}`);
  await page.getByRole('heading', { name: `${index + 1}. ${lab.steps[index]!.title}` }).waitFor();
}

describe('the scale-up-vs-out lab in Chromium: the nights, their bars and the figures', { timeout: 240_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => s?.close());

  it('step 1: the months grow into a hockey stick; a month bar is a keyboard button that moves the playback', async () => {
    const { page } = s;
    await open(page, s, 0);
    await runStep(page);
    expect(await checkStates(page)).toEqual(['base-server-growth:pass', 'reaches-the-miss:fail', 'first-miss:fail']);
    await setEditorText(page, lab.steps[0]!.solution);
    await runStep(page);
    expect(await checkStates(page)).toEqual(lab.steps[0]!.checks.map((c) => `${c.id}:pass`));
    await seekEnd(page);
    const bars = page.locator('.month-bar');
    expect(await bars.count()).toBe(12);
    await expect.poll(() => bars.nth(11).getAttribute('data-state')).toBe('misses');
    expect(await bars.nth(10).getAttribute('aria-label')).toMatch(/^Month 11: 1,024 GB, 32 min, within the deadline$/);
    await expect
      .poll(() => page.getByTestId('server-now').textContent())
      .toMatch(/^Month 12, 2,048 GB: the night took 65 min, past the 60 min deadline\.$/);
    // At the run's very end nothing works any more; 1% of the run earlier, month 12 is past its deadline and the figure says so.
    expect(await page.getByTestId('figure-now').textContent()).toBe('Now: none of these parts is at work.');
    await page.getByRole('slider').first().focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('figure-now').textContent()).toMatch(/this night is past its deadline/);
    // Keyboard: focus the first month's bar and press Enter: the playback goes to month 1, and months not yet reached are not drawn.
    await bars.nth(0).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('server-now').textContent()).toMatch(/^Month 1, 1 GB, /);
    expect(await bars.nth(11).getAttribute('data-state')).toBe('waiting');
    expect(await bars.nth(11).getAttribute('aria-label')).toMatch(/not run yet/);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await s.screenshot('lab-scale-up-vs-out-step1-light');
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  });

  it('step 2: the base server at 4,096 GB: the storage bar is the bound and crosses the deadline; Figure 13.2 lights the disks', async () => {
    const { page } = s;
    await open(page, s, 1);
    await setEditorText(page, lab.steps[1]!.starter);
    await runStep(page);
    expect(await checkStates(page)).toEqual(['at-4096-gb:pass', 'meets-deadline:fail', 'least-cost:fail']);
    const reason = await page.locator('[data-check="meets-deadline"]').textContent();
    expect(reason).toMatch(
      /130 min, more than 60 min\. The ETL 130 min: disk 130 min \(the bound\), memory 4 min, cpu 86 min, network 55 min\. Speed up what bounds it/,
    );
    await page
      .getByRole('button', { name: /Pause/ })
      .click()
      .catch(() => {});
    const bound = page.locator('.night-phase tr.bound');
    expect(await bound.getAttribute('data-resource')).toBe('disk');
    await expect.poll(() => page.getByTestId('figure-now').textContent()).toMatch(/the storage bounds the night/);
    expect(await page.locator('[data-figure="13.2"] [data-part="disk"]').getAttribute('class')).toMatch(/\blit\b/);
    expect(await page.getByTestId('cost-total').textContent()).toBe('$3,978');
  });

  it('step 3: servers on a SAN: the refresh first, on one server with the others detached, then the reports on eight', async () => {
    const { page } = s;
    await open(page, s, 2);
    await setEditorText(page, lab.steps[2]!.solution);
    await runStep(page);
    expect(await checkStates(page)).toEqual(lab.steps[2]!.checks.map((c) => `${c.id}:pass`));
    await page
      .getByRole('button', { name: /Pause/ })
      .click()
      .catch(() => {});
    // Back to the start: the refresh runs.
    await page.getByRole('button', { name: '⟲ Restart' }).click();
    await page
      .getByRole('button', { name: /Pause/ })
      .click()
      .catch(() => {});
    await expect
      .poll(() => page.getByTestId('server-now').textContent())
      .toMatch(/the refresh; every server detached but the one loading the new rows\./);
    const figure = page.locator('[data-figure="13.3"]');
    await expect.poll(() => figure.getAttribute('data-lit')).toBe('detached readwrite san server:0');
    await seekEnd(page);
    await expect
      .poll(() => page.getByTestId('server-now').textContent())
      .toMatch(/the night took 58 min, within the 60 min deadline/);
    expect(await page.getByTestId('cost-total').textContent()).toBe('$365,424');
    await s.screenshot('lab-scale-up-vs-out-step3-san');
  });

  it('refuses hostile settings with the field and its line, before anything runs', async () => {
    const { page } = s;
    await open(page, s, 3);
    await setEditorText(page, '{\n  "dataGB": 1e308,\n  "server": {}\n}');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await expect
      .poll(() => page.getByTestId('run-error').textContent())
      .toMatch(/settings\.json:2:\d+: dataGB: must be a number of GB from 0\.001 to 1,048,576 \(1 PB\), got 1e\+308/);
    await setEditorText(page, lab.steps[3]!.starter);
  });
});
