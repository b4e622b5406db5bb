/**
 * The netflix-trending lab's figures in Chromium, light and dark at 1280×800: Figure 28.3 lights
 * the streaming pipeline of the run (Viewing History, Kafka, the analytics, Cassandra; Beacon is
 * not in this run and stays dark); Figure 28.2 shows the trending row of the latest refresh;
 * Figure 28.1 the old pipeline. Chosen from the keyboard, checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session } from './harness';
import { caption, lit, litAt, noSeriousAxe, openStep, overflowing, runSolution } from './figureActions';

for (const theme of ['light', 'dark'] as const) {
  describe(`the netflix-trending figures (${theme})`, { timeout: 240_000 }, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp({ colorScheme: theme, viewport: { width: 1280, height: 800 } });
    });
    afterAll(async () => {
      expect(s.consoleErrors).toEqual([]);
      expect(s.outsideRequests).toEqual([]);
      await s.close();
    });

    it('28.3 lights the streaming pipeline of the run; 28.2 shows the row; 28.1 the old pipeline', async () => {
      const { page } = s;
      await openStep(s, 'netflix-trending', 1);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 28.3: Netflix Streaming Pipeline');
      expect(await lit(page)).toEqual([]);
      await runSolution(s, 'netflix-trending', 1);
      // An hour in, plays stream through every part of the new pipeline; Beacon is not in this run.
      const on = await litAt(page, 3_600_000);
      expect(on).toEqual(expect.arrayContaining(['viewing', 'kafka', 'analytics', 'cassandra']));
      expect(on).not.toContain('beacon');
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-netflix-28.3-1280-${theme}`);

      const row = page.getByRole('button', { name: '28.2', exact: true });
      await row.focus();
      await page.keyboard.press('Enter');
      expect(await caption(page)).toContain('Figure 28.2: Netflix Trending Now Feature');
      await expect(page.getByTestId('figure-panel').textContent()).resolves.toMatch(/title \d+/);
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-netflix-28.2-1280-${theme}`);

      await page.getByRole('button', { name: '28.1', exact: true }).click();
      expect(await caption(page)).toContain('Figure 28.1: Old Netflix Batch Processing Pipeline');
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-netflix-28.1-1280-${theme}`);
    });
  });
}
