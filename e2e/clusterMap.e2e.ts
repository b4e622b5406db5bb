import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';

async function runAndWait(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="checks"] [data-state="pending"]').length === 0 &&
      !document.querySelector('[aria-label="Running"]') &&
      document.querySelector('[data-testid="cluster-map"] g'),
    undefined,
    { timeout: 120_000 },
  );
}

/** Pauses playback and moves it to a fraction of the run. */
async function seek(page: Page, fraction: number) {
  await page
    .getByRole('button', { name: /Pause/ })
    .click({ timeout: 2_000 })
    .catch(() => {});
  const duration = Number(await page.getByLabel('Simulated time').getAttribute('max'));
  await page.getByLabel('Simulated time').fill(String(Math.round(duration * fraction)));
}

/** The smallest font size, in screen pixels after the SVG's scaling, of the map's text matching `selector`. */
async function smallestRenderedFont(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="cluster-map"]')!;
    const scale = svg.getScreenCTM()!.a;
    const sizes = [...svg.querySelectorAll<SVGTextElement>(sel)].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
    );
    return sizes.length === 0 ? 0 : Math.min(...sizes);
  }, selector);
}

async function chipNames(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="cluster-map"] g.chip text', (ts) => ts.map((t) => t.textContent ?? ''));
}

describe('the cluster map and its words', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
    // The app has loaded the learner's progress (and routed) before the tests navigate.
    await s.page.getByRole('heading', { name: 'Labs' }).waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('at 9 nodes, node text renders at 12 px or more and block chips name their block', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/mapreduce-iot-averages/1`);
    await page.locator('.lab-editor .monaco-editor').waitFor({ timeout: 120_000 });
    await runAndWait(page);
    await seek(page, 1 / 3);
    for (const [size, theme] of [
      [{ width: 1280, height: 720 }, 'dark'],
      [{ width: 1024, height: 700 }, 'light'],
    ] as const) {
      await page.setViewportSize(size);
      const toggle = page.getByRole('button', { name: new RegExp(`Switch to ${theme} theme`) });
      if (await toggle.count()) await toggle.click();
      await page.waitForFunction(() => {
        const svg = document.querySelector('[data-testid="cluster-map"]')!;
        return Math.abs(Number(svg.getAttribute('viewBox')?.split(' ')[2]) - svg.clientWidth) < 1;
      });
      expect(await page.locator('[data-testid="cluster-map"] g.node').count()).toBe(9);
      expect(await smallestRenderedFont(page, 'g.node text.name')).toBeGreaterThanOrEqual(12);
      expect(await smallestRenderedFont(page, 'g.node text.status')).toBeGreaterThanOrEqual(12);
      expect(await smallestRenderedFont(page, 'g.chip text')).toBeGreaterThanOrEqual(12);
      expect(await smallestRenderedFont(page, 'text.rack-label')).toBeGreaterThanOrEqual(12);
      const chips = await chipNames(page);
      expect(chips.length).toBeGreaterThan(9);
      for (const name of chips) expect(name).toMatch(/^blk_\d{10}$/);
      await page.getByTestId('cluster-map').scrollIntoViewIfNeeded();
      await s.screenshot(`cluster-map-9-nodes-${size.width}-${theme}`);
    }
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('HDFS: the chips, the block table and the event log use the same block names', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/hdfs-blocks/1`);
    await page.locator('.lab-editor .monaco-editor').waitFor({ timeout: 120_000 });
    await runAndWait(page);
    await seek(page, 1);
    const table = await page.$$eval('[data-testid="block-table"] tbody tr td:first-child', (tds) =>
      tds.map((td) => td.textContent ?? ''),
    );
    // The starter stores 512 MB in 64 MB blocks: eight blocks, numbered as Hadoop numbers them.
    expect(table).toEqual(Array.from({ length: 8 }, (_, i) => `blk_${1073741825 + i}`));
    const chips = new Set(await chipNames(page));
    expect([...chips].sort()).toEqual(table);
    const log = (await page.getByTestId('event-log').textContent()) ?? '';
    for (const name of table) expect(log).toContain(`${name} (block #${table.indexOf(name)} of /data/big.bin)`);
    expect(log).not.toMatch(/block \d+ of/);
    await page.getByTestId('cluster-map').scrollIntoViewIfNeeded();
    await s.screenshot('cluster-map-hdfs-block-names');
  });

  it('the kill note in the HDFS lab names HDFS’s 10 min 30 s, not YARN’s 30 s', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/hdfs-blocks/3`);
    await page.locator('.lab-editor .monaco-editor').waitFor({ timeout: 120_000 });
    await runAndWait(page);
    await seek(page, 0.5);
    await page.getByLabel('Node to break').selectOption('n5');
    await page.getByRole('button', { name: 'Kill node' }).click();
    const note = page.getByTestId('injected-faults');
    await note.waitFor({ timeout: 90_000 });
    const text = (await note.textContent()) ?? '';
    expect(text).toMatch(/killed n5 at /);
    expect(text).toContain('10 min 30 s');
    expect(text).not.toMatch(/YARN|NodeManager|after 30 s/);
    await page.waitForFunction(() => !document.querySelector('[aria-label="Running"]'));
    await seek(page, 1);
    await page.waitForFunction(() =>
      /dead/.test(document.querySelector('[data-testid="cluster-map"] g.node[data-node="n5"]')?.textContent ?? ''),
    );
    await note.scrollIntoViewIfNeeded();
    await s.screenshot('cluster-map-hdfs-kill-note');
  });

  it('at 100 nodes racks are summarised, and zooming into a rack shows its nodes and back', async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/sandbox/editor`);
    await page.locator('.monaco-editor').waitFor({ timeout: 120_000 });
    await page.getByLabel('Example job').selectOption('iot');
    await page.getByLabel('Cluster', { exact: true }).selectOption('100');
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.getByTestId('run-timeline').waitFor({ timeout: 120_000 });
    await seek(page, 0.3);
    const map = page.getByTestId('cluster-map');
    expect(await map.getAttribute('data-mode')).toBe('racks');
    const summaries = page.locator('[data-testid="cluster-map"] g.rack-summary');
    expect(await summaries.count()).toBe(5);
    const first = (await summaries.first().textContent()) ?? '';
    expect(first).toMatch(/rack r1/);
    expect(first).toMatch(/20 nodes/);
    expect(first).toMatch(/\d+ alive/);
    expect(first).toMatch(/\d+\/160 cores busy/);
    expect(first).toMatch(/\d+ containers?/);
    expect(first).toMatch(/[\d,]+ block replicas?/);
    expect(await page.locator('[data-testid="cluster-map"] g.node').count()).toBe(0);
    await map.scrollIntoViewIfNeeded();
    await s.screenshot('cluster-map-100-nodes-racks');

    // A redraw writes only what changed: moving to another instant updates the busy squares and
    // counts, never the cards' names, places or titles of racks that did not change.
    await page.evaluate(() => {
      const layer = document.querySelector('[data-testid="cluster-map"] g.layer-racks')!;
      const seen: string[] = [];
      (window as unknown as { mapWrites: string[] }).mapWrites = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = (r.target.nodeType === 1 ? r.target : r.target.parentElement) as Element;
          seen.push(`${r.type}:${el.tagName}.${el.getAttribute('class') ?? ''}:${r.attributeName ?? ''}`);
        }
      }).observe(layer, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    await seek(page, 0.05);
    await page.waitForFunction(() => (window as unknown as { mapWrites: string[] }).mapWrites.length > 0);
    const writes = await page.evaluate(() => (window as unknown as { mapWrites: string[] }).mapWrites);
    expect(writes.filter((w) => /text\.name|:transform$|:data-rack$|text\.open/.test(w))).toEqual([]);
    expect(writes.length).toBeLessThan(400);

    // Click a rack: its 20 nodes appear; Escape zooms out again.
    await page.locator('[data-testid="cluster-map"] g.rack-summary[data-rack="r2"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cluster-map"] g.node').length === 20);
    expect(await map.getAttribute('data-zoom')).toBe('r2');
    const nodes = await page.$$eval('[data-testid="cluster-map"] g.node', (gs) =>
      gs.map((g) => g.getAttribute('data-node')),
    );
    expect(nodes).toEqual(Array.from({ length: 20 }, (_, i) => `n${21 + i}`));
    expect(await smallestRenderedFont(page, 'g.node text.name')).toBeGreaterThanOrEqual(12);
    await s.screenshot('cluster-map-100-nodes-rack-r2');
    await page.getByRole('button', { name: 'Show the nodes of rack r2' }).focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="cluster-map"] g.rack-summary').length === 5,
    );

    // By keyboard alone: the zoom buttons.
    await page.getByRole('button', { name: 'Show the nodes of rack r4' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="cluster-map"]')?.getAttribute('data-zoom') === 'r4',
    );
    expect(await page.locator('[data-testid="cluster-map"] g.node').count()).toBe(20);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('All racks');
    await page.keyboard.press('Space');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="cluster-map"]')?.getAttribute('data-mode') === 'racks',
    );

    // A node killed during the job: its rack's summary counts it dead, and the note names YARN's expiry of this run.
    await page.getByLabel('Node to break').selectOption('n42');
    await page.getByRole('button', { name: 'Kill node' }).click();
    const note = page.getByTestId('injected-faults');
    await note.waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => !document.querySelector('[aria-label="Running"]'));
    expect(await note.textContent()).toMatch(
      /killed n42 at .*NodeManager lost after 30 s without a heartbeat here \(Hadoop's default is 10 min\)/,
    );
    expect(await note.textContent()).not.toContain('10 min 30 s');
    await seek(page, 1);
    const r3 = page.locator('[data-testid="cluster-map"] g.rack-summary[data-rack="r3"]');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="cluster-map"] g.rack-summary[data-rack="r3"]')
        ?.classList.contains('has-dead'),
    );
    expect(await r3.textContent()).toMatch(/19 alive · 1 dead/);
    await note.scrollIntoViewIfNeeded();
    await s.screenshot('cluster-map-100-nodes-node-killed');

    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForFunction(() => {
      const svg = document.querySelector('[data-testid="cluster-map"]')!;
      return Math.abs(Number(svg.getAttribute('viewBox')?.split(' ')[2]) - svg.clientWidth) < 1;
    });
    await map.scrollIntoViewIfNeeded();
    await s.screenshot('cluster-map-100-nodes-racks-1024-light');
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('made no request outside 127.0.0.1 and logged no console error', () => {
    expect(s.outsideRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
