import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';
import { seriousViolations } from './axe';
import { setEditorText } from './labActions';
import { ledger, seek } from './streamActions';

async function runAndWait(page: Page, click: () => Promise<void>): Promise<void> {
  const before = await page.locator('.stream-run').count();
  await click();
  await page.getByRole('button', { name: '▶ Run' }).waitFor();
  await page.waitForFunction(
    () => !(document.querySelector('.stream-job .btn.primary') as HTMLButtonElement | null)?.disabled,
    undefined,
    { timeout: 60_000 },
  );
  await page.locator('.stream-run').waitFor({ timeout: 60_000 });
  expect(await page.locator('.stream-run').count()).toBeGreaterThanOrEqual(before);
}

describe('the Streaming tab: a KafkaJS program against the simulated Kafka, played back', { timeout: 180_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    await s.page.goto(`${s.baseUrl}#/sandbox/stream`);
    await s.page.getByRole('tab', { name: 'Streaming' }).waitFor();
  });
  afterAll(async () => s.close());

  it('runs the example: the tapes fill, the ledger counts every payment stored once', async () => {
    const { page } = s;
    await runAndWait(page, () => page.getByRole('button', { name: '▶ Run' }).click());
    await expect.poll(() => page.locator('.stream-tape').count()).toBe(3);
    await seek(page, 0);
    expect(await ledger(page, 'stored')).toBe(0);
    await seek(page, 1);
    await expect.poll(() => ledger(page, 'stored')).toBe(200);
    expect(await ledger(page, 'duplicated')).toBe(0);
    expect(await ledger(page, 'lost')).toBe(0);
    expect(await ledger(page, 'processed twice')).toBe(0);
    await expect.poll(() => page.getByTestId('stream-group').textContent()).toMatch(/consumer 1, consumer 2/);
    await s.screenshot('streaming-run');
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  });

  it('crashes a consumer after processing, before its commit: the payment is processed twice, stored once', async () => {
    const { page } = s;
    await page.getByLabel('Consumer to crash').selectOption('1');
    await page.getByLabel('Message at which the consumer crashes').fill('10');
    await page.getByLabel('Crash point').selectOption('after-processing');
    await runAndWait(page, () => page.getByRole('button', { name: 'Crash and rerun' }).click());
    await expect
      .poll(() => page.getByTestId('injected-faults').textContent())
      .toMatch(/consumer 1 crashes at its message 10/);
    await seek(page, 1);
    await expect.poll(() => ledger(page, 'processed twice')).toBe(1);
    expect(await ledger(page, 'stored')).toBe(200);
    expect(await ledger(page, 'duplicated')).toBe(0);
    await expect.poll(() => page.getByTestId('stream-events').textContent()).toMatch(/consumer 2 joined|rebalance/);
    await expect.poll(() => page.getByTestId('stream-group').textContent()).toMatch(/Group members: consumer 2 ·/);

    // A record's path: click the first cell of the first tape.
    await page.locator('.stream-tape .tape-cell').first().click();
    await expect.poll(() => page.getByTestId('record-path').textContent()).toMatch(/appended to payments-\d at offset/);
    // The tapes are one tab stop; the arrow keys move between records and partitions, Enter opens a path.
    expect(await page.locator('.stream-tapes [tabindex="0"]').count()).toBe(1);
    const at = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return `${el?.dataset.row ?? '-'}:${el?.dataset.col ?? '-'}`;
      });
    expect(await at()).toBe('0:0');
    await page.keyboard.press('ArrowRight');
    expect(await at()).toBe('0:1');
    await page.keyboard.press('ArrowDown');
    expect(await at()).toBe('1:1');
    await page.keyboard.press('End');
    expect(await at()).toMatch(/^1:([2-9]|\d\d)$/);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('record-path').locator('h4').textContent())
      .toMatch(/payments-\d offset \d+/);
    expect(await page.locator('.stream-tapes [tabindex="0"]').count()).toBe(1);
    await s.screenshot('streaming-crash');
  });

  it('kills a broker halfway: the strip shows it down, its partitions elect new leaders', async () => {
    const { page } = s;
    await seek(page, 0.5);
    await page.getByLabel('Broker to kill').selectOption('n1');
    await runAndWait(page, () => page.getByRole('button', { name: 'Kill broker now' }).click());
    await expect.poll(() => page.getByTestId('injected-faults').textContent()).toMatch(/broker n1 dies at/);
    await seek(page, 1);
    await expect.poll(() => page.getByTestId('stream-brokers').textContent()).toMatch(/n1 down/);
    expect(await page.getByTestId('stream-brokers').textContent()).toMatch(/n2 leads \d+ partitions?/);
    expect(await page.locator('.stream-tape .tape-label').allTextContents()).not.toContainEqual(
      expect.stringMatching(/leader n1 /),
    );
    // The cluster map agrees: n1 is drawn down and leads nothing, its replicas out of sync; every
    // partition still has one leader, on a live broker.
    const map = page.getByTestId('stream-broker-map');
    expect(await map.locator('[data-broker="n1"]').getAttribute('class')).toMatch(/\bdown\b/);
    expect(await map.locator('[data-broker="n1"] .bm-chip.leader').count()).toBe(0);
    expect(await map.locator('[data-broker="n1"] .bm-chip:not(.out-of-sync)').count()).toBe(0);
    const tapes = await page.locator('.stream-tape').count();
    expect(await map.locator('.bm-broker:not(.down) .bm-chip.leader').count()).toBe(tapes);
    expect(await page.getByTestId('stream-isr').textContent()).toMatch(/\d+ partitions? under-replicated/);
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.locator('.stream-run').scrollIntoViewIfNeeded();
    await s.screenshot('streaming-1024');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Run without faults' }).click();
    await page.locator('[data-testid="injected-faults"]').waitFor({ state: 'detached', timeout: 60_000 });
  });

  it("cuts the producer's network: the map draws its batches lost on the way, then sent again", async () => {
    const { page } = s;
    await seek(page, 0);
    await runAndWait(page, () => page.getByRole('button', { name: 'Cut producer network 5 s' }).click());
    await expect.poll(() => page.getByTestId('injected-faults').textContent()).toMatch(/producer 1's network is cut/);
    const map = page.getByTestId('stream-broker-map');
    /** The first instant (as a fraction of the playback) at which the map shows `selector`, scanning forward. */
    await seek(page, 0);
    const scrub = page.getByLabel('Simulated time');
    const duration = Number(await scrub.getAttribute('max'));
    const scanFor = async (selector: string, from: number): Promise<number> => {
      for (let f = from; f <= 1; f += 0.004) {
        await scrub.fill(String(Math.round(duration * f)));
        if ((await map.locator(selector).count()) > 0) return f;
      }
      throw new Error(`the map never shows ${selector}`);
    };
    const lostAt = await scanFor('.bm-send.lost', 0);
    expect(await map.locator('.bm-send.lost title').first().textContent()).toMatch(
      /^producer 1: \d+ records? in \d+ batch(es)? lost, its network is cut$/,
    );
    expect(await map.locator('svg').getAttribute('aria-label')).toMatch(/lost, its network is cut/);
    // KafkaJS waits for its request timeout (30 s), then sends the batch again, this time through.
    await scanFor('.bm-send:not(.lost) .bm-send-label:text-matches("retry")', lostAt + 0.004);
    await runAndWait(page, () => page.getByRole('button', { name: 'Run without faults' }).click());
    await page.locator('[data-testid="injected-faults"]').waitFor({ state: 'detached', timeout: 60_000 });
  });

  it('keeps its choices and last run across tabs, and says when leaving stopped a run', async () => {
    const { page } = s;
    await page.getByLabel('Consumers in the group').selectOption('3');
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByRole('tab', { name: 'Streaming' }).click();
    expect(await page.getByLabel('Consumers in the group').inputValue()).toBe('3');
    await page.locator('.stream-run').waitFor();
    // The largest run, so that it is still going when the tab is left, however fast the machine.
    const payments = page.getByLabel('Card payments to produce');
    const before = await payments.inputValue();
    await payments.selectOption('5000');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.waitForFunction(
      () => !(document.querySelector('.stream-job .stop-button') as HTMLButtonElement | null)?.disabled,
    );
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByRole('tab', { name: 'Streaming' }).click();
    await page.getByTestId('stream-interrupted').waitFor();
    expect(await page.getByRole('button', { name: '▶ Run' }).isEnabled()).toBe(true);
    await payments.selectOption(before);
    await page.getByLabel('Consumers in the group').selectOption('2');
  });

  it('names the line of a program that throws, and keeps no stray console errors or requests', async () => {
    const { page } = s;
    await setEditorText(
      page,
      "import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ clientId: 'x', brokers: ['n1:9092'] });\nexport async function produce() {\n  const p = kafka.producer();\n  await p.connect();\n  await p.send({ topic: 'payments', acks: 0, messages: [{ value: 'a' }], idempotent: true });\n  null.boom;\n}\n",
      '.sandbox-editor',
    );
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.getByTestId('run-error').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-error').textContent()).toMatch(/card-payments\.js:7: TypeError/);
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
