import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { checkStates, setEditorText } from './labActions';
import { ledger, runStreamStep, seek } from './streamActions';
import lab from '../labs/kafka-topics/lab';

const run = (page: Page) => runStreamStep(page);

describe(
  'the kafka-topics lab in Chromium: groups, partitions and the coordinator, as the run plays',
  { timeout: 240_000 },
  () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp();
    });
    afterAll(async () => s?.close());

    it('step 2: three groups each read every partition; the tapes and the ledger say so', async () => {
      const { page } = s;
      await page.goto(`${s.baseUrl}#/lab/${lab.id}/2`);
      await page.getByRole('heading', { name: `2. ${lab.steps[1]!.title}` }).waitFor();
      await run(page);
      expect(await checkStates(page)).toEqual([
        'one-owner-per-partition:fail',
        'processed-once:fail',
        'every-reading-stored:pass',
      ]);
      await seek(page, 1);
      await expect
        .poll(() => page.getByTestId('stream-group').textContent())
        .toMatch(/^3 groups, each reading every partition/);
      await expect
        .poll(() => page.locator('[data-partition="readings-0"] .tape-label').textContent())
        .toMatch(/consumers 1, 2, 3 \(one per group\)/);
      expect(await ledger(page, 'processed twice')).toBe(300);
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    });

    it('step 4: the crashed consumer keeps its partitions until its session times out, then the group rebalances', async () => {
      const { page } = s;
      await page.goto(`${s.baseUrl}#/lab/${lab.id}/4`);
      await page.getByRole('heading', { name: `4. ${lab.steps[3]!.title}` }).waitFor();
      await run(page);
      expect(await checkStates(page)).toContain('lag-drained:fail');
      await seek(page, 1);
      const events = (await page.getByTestId('stream-events').textContent()) ?? '';
      expect(events).toMatch(/consumer 2 crashed at its message 20/);
      expect(events).toMatch(/consumer 2's session timed out: the coordinator removed it/);
      expect(events).toMatch(/rebalance: generation 2/);
      await s.screenshot('lab-kafka-topics-step4-rebalance');
    });

    it('step 5: retention deletes the readings a crashed consumer left unread; a minute of retention loses none', async () => {
      const { page } = s;
      const step = lab.steps[4]!;
      await page.goto(`${s.baseUrl}#/lab/${lab.id}/5`);
      await page.getByRole('heading', { name: `5. ${step.title}` }).waitFor();
      await run(page);
      expect(await checkStates(page)).toEqual([
        'none-deleted-unread:fail',
        'every-reading-stored:fail',
        'forgets-within-a-minute:pass',
      ]);
      // Before the first retention check nothing is deleted; after it the crashed consumer's readings are.
      await seek(page, 0);
      expect(await page.locator('.stream-tape .tape-cell.expired, .stream-tape .tape-cell.deleted').count()).toBe(0);
      await seek(page, 0.5);
      await expect.poll(() => page.locator('.stream-tape .tape-cell.expired').count()).toBeGreaterThan(0);
      expect(await page.locator('.stream-legend').textContent()).toMatch(/deleted, never read \(lost\)/);
      await page.locator('.stream-tape .tape-cell.expired').first().click();
      await expect
        .poll(() => page.getByTestId('record-path').textContent())
        .toMatch(/deleted by retention, and no consumer ever read it: lost/);
      await seek(page, 1);
      await expect.poll(() => ledger(page, 'lost')).toBe(221);
      expect(await page.getByTestId('stream-events').textContent()).toMatch(
        /retention deleted \d+ records older than retention\.ms from readings/,
      );
      await s.screenshot('lab-kafka-topics-step5-retention');

      await setEditorText(page, step.solution);
      await run(page);
      expect(await checkStates(page)).toEqual(step.checks.map((c) => `${c.id}:pass`));
      await seek(page, 1);
      await expect.poll(() => ledger(page, 'lost')).toBe(0);
      // At the end every reading was read, then forgotten: grey hatching only.
      expect(await page.locator('.stream-tape .tape-cell.expired').count()).toBe(0);
      expect(await page.locator('.stream-tape .tape-cell.deleted').count()).toBeGreaterThan(0);
      expect(await page.locator('.stream-tape .tape-cell.committed, .stream-tape .tape-cell.waiting').count()).toBe(0);
    });

    it('made no request outside 127.0.0.1 and logged no console error', () => {
      expect(s.outsideRequests).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    });
  },
);
