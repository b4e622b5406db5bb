import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { checkStates, setEditorText } from './labActions';
import { ledger, runStreamStep, seek } from './streamActions';
import lab from '../labs/streaming-delivery/lab';

const run = (page: Page) => runStreamStep(page);

describe(
  'the streaming-delivery lab in Chromium: crashes from the page, the ledger, the store topic',
  { timeout: 240_000 },
  () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp();
    });
    afterAll(async () => s?.close());

    it('step 1: the starter stores a replayed position twice; a crash from the page reruns it and the checks judge it', async () => {
      const { page } = s;
      await page.goto(`${s.baseUrl}#/lab/${lab.id}/1`);
      await page.getByRole('heading', { name: `1. ${lab.steps[0]!.title}` }).waitFor();
      await run(page);
      expect(await checkStates(page)).toEqual([
        'every-position-stored:pass',
        'each-position-once:fail',
        'unseen-faults:pass',
      ]);
      await seek(page, 1);
      await expect.poll(() => ledger(page, 'duplicated')).toBe(1);
      expect(await ledger(page, 'processed twice')).toBe(1);
      // The step's crash is in "What happened"; a tape cell tells its record's path when clicked.
      await expect.poll(() => page.getByTestId('stream-events').textContent()).toMatch(/consumer 1 crashed/);
      await page.locator('.tape-cell').first().click();
      await expect.poll(() => page.getByTestId('record-path').textContent()).toMatch(/appended to gps-\d at offset/);
      // Crash the other consumer too, from the page: nobody is left to store what it had, and the check says so.
      await page.getByLabel('Consumer to crash').selectOption('2');
      await page.getByLabel('Message at which the consumer crashes').fill('50');
      await runStreamStep(page, () => page.getByRole('button', { name: 'Crash and rerun' }).click());
      await expect
        .poll(() => page.getByTestId('injected-faults').textContent())
        .toMatch(/consumer 2 crashes at its message 50/);
      expect(await checkStates(page)).toContain('every-position-stored:fail');
      await seek(page, 1);
      expect((await ledger(page, 'pending')) + (await ledger(page, 'lost'))).toBeGreaterThan(0);
      // Without the fault again, as the step runs it.
      await runStreamStep(page, () => page.getByRole('button', { name: 'Run without faults' }).click());
      expect(await page.getByTestId('injected-faults').count()).toBe(0);
      expect(await checkStates(page)).toContain('every-position-stored:pass');
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    });

    it('step 3: the solution bills every payment once; the crashed transaction shows aborted on a tape of billed', async () => {
      const { page } = s;
      await page.goto(`${s.baseUrl}#/lab/${lab.id}/3`);
      await page.getByRole('heading', { name: `3. ${lab.steps[2]!.title}` }).waitFor();
      await setEditorText(page, lab.steps[2]!.solution);
      await run(page);
      expect(await checkStates(page)).toEqual(lab.steps[2]!.checks.map((c) => `${c.id}:pass`));
      await seek(page, 1);
      await expect.poll(() => ledger(page, 'stored')).toBe(200);
      expect(await ledger(page, 'duplicated')).toBe(0);
      expect(await ledger(page, 'appended twice')).toBe(0);
      // The store is the topic billed: its tapes are the store's rows, and one bill was aborted.
      expect(await page.locator('[data-partition^="billed-"]').count()).toBe(3);
      await expect.poll(() => page.locator('[data-partition^="billed-"] .tape-cell.aborted').count()).toBe(1);
      await expect.poll(() => page.locator('.stream-run h4').first().textContent()).toMatch(/Store: 200 rows/);
      await page.locator('[data-partition^="billed-"] .tape-cell.aborted').click();
      await expect.poll(() => page.getByTestId('record-path').textContent()).toMatch(/transaction was aborted/);
      // Before the coordinator's abort, the same bill is in an open transaction.
      await seek(page, 0.6);
      await expect.poll(() => page.locator('[data-partition^="billed-"] .tape-cell.open').count()).toBeGreaterThan(0);
      await s.screenshot('lab-streaming-delivery-step3-aborted');
      await page.getByRole('button', { name: /Switch to light theme/ }).click();
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    });

    it('step 4: the starter drops tunnel positions as late behind the watermark; the solution counts them all', async () => {
      const { page } = s;
      await page.goto(`${s.baseUrl}#/lab/${lab.id}/4`);
      await page.getByRole('heading', { name: `4. ${lab.steps[3]!.title}` }).waitFor();
      await run(page);
      expect(await checkStates(page)).toEqual([
        'none-late:fail',
        'every-window-stored:fail',
        'delay-covered:fail',
        'state-bounded:pass',
      ]);
      const batches = page.getByTestId('stream-micro-batches');
      // At the start of playback nothing has run: no batch, no window written, no watermark yet.
      await seek(page, 0);
      await expect.poll(() => batches.getByTestId('mb-batch').count()).toBe(0);
      expect(await batches.locator('[data-testid="mb-window"][data-state="written"]').count()).toBe(0);
      // At the end: the late positions are drawn red, the ledger counts them, and no window written
      // lies past the watermark (a window is written once the watermark passes its end).
      await seek(page, 1);
      await expect.poll(() => ledger(page, 'late')).toBe(6);
      expect(await batches.getByTestId('mb-late').count()).toBe(6);
      expect(await batches.getByTestId('mb-batch').count()).toBeGreaterThan(10);
      const past = await page.evaluate(() => {
        const line = document.querySelector('[data-testid="mb-watermark"] line')!.getBoundingClientRect();
        return [...document.querySelectorAll('[data-testid="mb-window"][data-state="written"] rect')].filter(
          (r) => r.getBoundingClientRect().right > line.left + 1,
        ).length;
      });
      expect(past).toBe(0);
      await batches.getByTestId('mb-late').first().click();
      await expect.poll(() => page.getByTestId('record-path').textContent()).toMatch(/dropped as late by query1/);
      await s.screenshot('lab-streaming-delivery-step4-late');
      // A Spark query reads here, no KafkaJS consumer: the page offers no consumer to crash, and says why.
      expect(await page.getByRole('button', { name: 'Crash and rerun' }).count()).toBe(0);
      await expect.poll(() => page.locator('.stream-no-consumer').textContent()).toMatch(/none to crash/);
      expect(await page.getByTestId('stream-group').textContent()).toMatch(/No KafkaJS consumer group in this run/);
      await setEditorText(page, lab.steps[3]!.solution);
      await run(page);
      expect(await checkStates(page)).toEqual(lab.steps[3]!.checks.map((c) => `${c.id}:pass`));
      await seek(page, 1);
      await expect.poll(() => ledger(page, 'counted in windows')).toBe(192);
      expect(await ledger(page, 'late')).toBe(0);
      expect(await batches.getByTestId('mb-late').count()).toBe(0);
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    });

    it('fits a 1024×700 window: the tapes keep their cells, nothing overflows sideways', async () => {
      const { page } = s;
      await page.setViewportSize({ width: 1024, height: 700 });
      await page.locator('.stream-tape').first().scrollIntoViewIfNeeded();
      const fit = await page.evaluate(() => {
        const panel = document.querySelector('.run-panel')!;
        const cell = document.querySelector('.tape-cell')!.getBoundingClientRect();
        return { overflow: panel.scrollWidth - panel.clientWidth, cell: Math.round(cell.width) };
      });
      expect(fit.overflow).toBeLessThanOrEqual(0);
      expect(fit.cell).toBe(20);
      await s.screenshot('lab-streaming-delivery-1024');
    });

    it('made no request outside 127.0.0.1 and logged no console error', () => {
      expect(s.outsideRequests).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    });
  },
);
