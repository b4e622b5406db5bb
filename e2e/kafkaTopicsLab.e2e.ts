import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { checkStates } from './labActions';
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

    it('made no request outside 127.0.0.1 and logged no console error', () => {
      expect(s.outsideRequests).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    });
  },
);
