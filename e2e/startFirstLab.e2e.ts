/** On a fresh profile, "Start the first lab" opens the first available lab of the list, as the list shows it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session } from './harness';

describe('start the first lab', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens the lab the list shows first', async () => {
    const { page } = s;
    await page.locator('[data-lab] button.lab-item').first().waitFor();
    const first = await page.locator('li[data-lab]:has(button.lab-item)').first().getAttribute('data-lab');
    expect(first).toBe('scale-up-vs-out');
    await page.getByRole('button', { name: 'Start the first lab' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/lab/'));
    expect(await page.evaluate(() => location.hash)).toBe(`#/lab/${first}/1`);
    expect(s.consoleErrors).toEqual([]);
  });
});
