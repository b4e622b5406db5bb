/**
 * The cluster map's transfer lines and its legend agree at every instant, paused: Spark in-memory
 * step 4, where the reviewer saw 16 pairs drawn beside "no data moving" from 2.5 s to 3.3 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLab } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { runShownSolution } from './labActions';

const MAP = '[data-testid="cluster-map"]';
const LAB = findLab('spark-in-memory')!;

describe('the map’s lines and its legend', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1280, height: 1400 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('every line drawn is a transfer the legend names as moving or just ended', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/${LAB.id}/4`);
    await page.locator('.lab-editor .monaco-editor').waitFor({ timeout: 60_000 });
    await runShownSolution(page, LAB, 3);
    await page.locator(`${MAP}[data-flow-pairs]`).waitFor({ state: 'attached' });
    for (const ms of [500, 1000, 1500, 2000, 2500, 2700, 2900, 3100, 3300, 4000]) {
      await page.getByLabel('Simulated time').fill(String(ms));
      await page.waitForFunction(
        (t) => (document.querySelector('[data-testid="sim-clock"]')?.textContent ?? '') !== '' && Number(t) >= 0,
        ms,
      );
      await page.waitForTimeout(150);
      const d = await page.evaluate((sel) => {
        const svg = document.querySelector(sel) as SVGSVGElement;
        return {
          pairs: Number(svg.dataset.flowPairs ?? 0),
          moving: Number(svg.dataset.flowsMoving ?? 0),
          ended: Number(svg.dataset.flowsEnded ?? 0),
          legend: document.querySelector('[data-testid="flow-legend"] .flow-now')?.textContent ?? '',
        };
      }, MAP);
      if (d.pairs > 0) expect(d.moving + d.ended, `${ms} ms: ${JSON.stringify(d)}`).toBeGreaterThan(0);
      if (d.moving + d.ended > 0) expect(d.pairs, `${ms} ms: ${JSON.stringify(d)}`).toBeGreaterThan(0);
      if (d.moving === 0) expect(d.legend, `${ms} ms`).toContain('no data moving');
      if (d.ended > 0)
        expect(d.legend, `${ms} ms`).toContain(`${d.ended} transfer${d.ended === 1 ? '' : 's'} just ended`);
      else expect(d.legend, `${ms} ms`).not.toContain('just ended');
    }
    expect(s.consoleErrors).toEqual([]);
  });
});
