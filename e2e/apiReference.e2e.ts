import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { openApp, type Session } from './harness';

describe('the job API reference page (docs/job-api.md in the app)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1024, height: 700 } });
    await s.page.getByRole('heading', { name: 'Labs' }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens from the header, filters, and finds a member with its own address', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Job API' }).click();
    await page.getByRole('heading', { name: 'Job API reference' }).waitFor();
    expect(page.url()).toMatch(/#\/api$/);
    const status = page.locator('#api-filter-count');
    const all = Number(/of (\d+) members/.exec((await status.textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(20);
    await s.screenshot('api-reference-1024-dark');

    await page.getByRole('searchbox', { name: 'Filter' }).fill('saveAsTextFile');
    const member = page.locator('[id="api-RDD.saveAsTextFile"]');
    await member.waitFor();
    expect(await status.textContent()).toMatch(new RegExp(`^\\d+ of ${all} members$`));
    expect(Number(/^(\d+)/.exec((await status.textContent()) ?? '')?.[1])).toBeLessThan(all);
    expect(await member.textContent()).toContain('saveAsTextFile(path: string): Promise<void>');
    expect(await page.locator('[id="api-RDD.map"]').count()).toBe(0);
    await s.screenshot('api-reference-filtered-1024-dark');

    // Each member has an anchor: its address opens the page at that member.
    await member.getByRole('link', { name: 'Link to RDD.saveAsTextFile' }).click();
    await page.waitForFunction(() => location.hash === '#/api/RDD.saveAsTextFile');
    await page.goto(`${s.baseUrl}#/api/RDD.map`);
    await page.reload();
    const map = page.locator('[id="api-RDD.map"]');
    await map.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'api-RDD.map');
    const box = await map.boundingBox();
    expect(box && box.y >= 0 && box.y < 700).toBe(true);
  });

  it('shows each member with its counterpart: the DataFrame and MapReduce sections', async () => {
    const { page } = s;
    for (const [id, counterpart, shot] of [
      ['DataFrame.groupBy', 'Dataset.groupBy', 'api-reference-dataframe-1024-dark'],
      ['GroupedData.agg', 'RelationalGroupedDataset.agg', 'api-reference-groupeddata-1024-dark'],
      ['MapReduceJob.map', 'Mapper.map', 'api-reference-mapreduce-1024-dark'],
      ['MapReduceContext.write', 'TaskInputOutputContext.write', 'api-reference-mapreduce-context-1024-dark'],
    ] as const) {
      await page.goto(`${s.baseUrl}#/api/${id}`);
      await page.reload();
      const member = page.locator(`[id="api-${id}"]`);
      await member.waitFor();
      await page.waitForFunction((want) => document.activeElement?.id === want, `api-${id}`);
      const text = (await member.textContent()) ?? '';
      expect(text).toContain('Counterpart:');
      expect(text).toContain(counterpart);
      expect(text).not.toContain('@counterpart');
      await s.screenshot(shot);
    }
  });

  it('is reached from a lab’s editor by the keyboard, and reads in the light theme', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/mapreduce-iot-averages/1`);
    const link = page.getByRole('link', { name: 'Job API reference' });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Job API reference' }).waitFor();
    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    await page.getByRole('searchbox', { name: 'Filter' }).fill('reduceByKey');
    await page.locator('[id="api-RDD.reduceByKey"]').waitFor();
    await s.screenshot('api-reference-filtered-1024-light');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    expect(s.outsideRequests).toEqual([]);
  });
});
