import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session } from './harness';

describe('the app shell (web build in Chromium)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the header, the lab list and a live simulated run', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'ClusterLab home' }).waitFor();
    await expect(page.locator('[data-lab="hdfs-blocks"]').count()).resolves.toBe(1);
    await page.getByTestId('cluster-map').waitFor();
    // The run plays: the simulated clock moves and engine events appear in the log.
    const clock = page.getByTestId('sim-clock');
    const first = await clock.textContent();
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="sim-clock"]')?.textContent !== before,
      first,
    );
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="cluster-map"] g.node').length >= 3);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="event-log"] li').length > 0);
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('64');
    await page.waitForFunction(
      () => /dead/.test(document.querySelector('[data-testid="cluster-map"]')?.textContent ?? ''),
      undefined,
      { timeout: 30_000 },
    );
    await s.screenshot('shell-home-dark');
    expect(await page.locator('[data-testid="event-log"]').textContent()).toMatch(/died|dead/i);
    // The demo's shortened timeouts are named beside Hadoop's defaults.
    expect(await page.locator('.live-timeouts').textContent()).toMatch(
      /DataNode dead after 1 min \(Hadoop’s default: 10 min 30 s\).*NodeManager lost after 20 s \(default: 10 min\)/,
    );
  });

  it('switches between light and dark themes', async () => {
    const { page } = s;
    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await s.screenshot('shell-home-light');
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });

  it('loads Monaco lazily and offline, and runs a job in the sandbox', async () => {
    const { page } = s;
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(before.some((n) => /editor\.worker|ts\.worker/.test(n))).toBe(false);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sandbox' }).click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.locator('.monaco-editor').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() =>
      document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('mapreduce'),
    );
    await page.getByRole('button', { name: '▶ Run' }).click();
    await page.getByTestId('run-timeline').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-timeline').getAttribute('aria-label')).toMatch(/task attempts on 9 nodes/);
    await page.getByRole('tab', { name: 'Output' }).click();
    expect(await page.locator('.sandbox-job').textContent()).toMatch(/2016-05-01|2019-|20\d\d-\d\d-\d\d/);
    await s.screenshot('sandbox-job');
  });

  it("gives the editor the job API's types: a wrong kind is squiggled, a right one is not", async () => {
    const { page } = s;
    await page.getByLabel('Example job').selectOption('wc');
    await page.waitForFunction(() =>
      /Word\s+count/.test(document.querySelector('.monaco-editor .view-lines')?.textContent ?? ''),
    );
    const errors = () => page.locator('.monaco-editor .squiggly-error').count();
    // The TypeScript example is checked as TypeScript (its model is a .ts file): no squiggles on
    // its type annotations once the diagnostics have come (they once came as JavaScript errors).
    await page.waitForTimeout(4000);
    expect(await errors()).toBe(0);
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    // Valid only if MapReduceJob is known: without the job API's types this line is an error too.
    await page.keyboard.insertText(
      "\nconst okKind: MapReduceJob['kind'] = 'mapreduce';\nconst badKind: MapReduceJob['kind'] = 'spark';",
    );
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await s.screenshot('editor-squiggle');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
    await page.waitForFunction(
      () => document.querySelectorAll('.monaco-editor .squiggly-error').length === 0,
      undefined,
      { timeout: 30_000 },
    );
    expect(await errors()).toBe(0);
  });

  it('checks a JavaScript job as JavaScript in the same TypeScript worker as a TypeScript job', async () => {
    const { page } = s;
    // The page has shown the JavaScript example and then the TypeScript one (the tests above).
    await page.getByLabel('Example job').selectOption('iot');
    await page.waitForFunction(() =>
      /ts\.slice\(0,\s*10\)/.test(document.querySelector('.monaco-editor .view-lines')?.textContent ?? ''),
    );
    const errors = () => page.locator('.monaco-editor .squiggly-error').count();
    await page.waitForTimeout(2000);
    expect(await errors()).toBe(0);
    // Valid JavaScript that TypeScript's checker would refuse (a number variable given a string)
    // is not underlined; a syntax error is. In a .ts file both would be.
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText("\nlet best = 0;\nbest = 'w';\nconst broken = ;");
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    expect(await errors()).toBe(1);
    // The broken line goes (the valid ones stay: still nothing underlined).
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .squiggly-error').length === 0);
    // One worker holds the TypeScript compiler (7 MB of script to compile) for both languages.
    const tsWorkers = page.workers().filter((w) => /ts\.worker/.test(w.url()));
    expect(tsWorkers.length).toBe(1);
  });

  it('keeps the picked example, cluster and block size with the code across a reload', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sandbox' }).click();
    await page.getByRole('tab', { name: 'Jobs' }).click();
    await page.getByLabel('Example job').selectOption('wc');
    await page.getByLabel('Cluster', { exact: true }).selectOption('100');
    await page.getByLabel('Block size', { exact: true }).selectOption(String(4 * 1024));
    await page.reload();
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() =>
      /Word\s+count/.test(document.querySelector('.monaco-editor .view-lines')?.textContent ?? ''),
    );
    expect(await page.getByLabel('Example job').inputValue()).toBe('wc');
    expect(await page.getByLabel('Cluster', { exact: true }).inputValue()).toBe('100');
    expect(await page.getByLabel('Block size', { exact: true }).inputValue()).toBe(String(4 * 1024));
    // Picking an example still brings its own settings.
    await page.getByLabel('Example job').selectOption('iot');
    expect(await page.getByLabel('Cluster', { exact: true }).inputValue()).toBe('cookbook-9');
    expect(await page.getByLabel('Block size', { exact: true }).inputValue()).toBe(String(256 * 1024));
  });

  it('runs SQL on DuckDB-wasm, offline', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: 'SQL' }).click();
    await page.getByRole('button', { name: 'Run query' }).waitFor();
    await page.waitForFunction(
      () => !(document.querySelector('button.btn.primary') as HTMLButtonElement | null)?.disabled,
      undefined,
      { timeout: 60_000 },
    );
    await page.getByLabel('SQL (DuckDB)').fill('SELECT 6 * 7 AS answer, 1 + 1 AS two');
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.getByRole('table', { name: 'Query result' }).waitFor();
    expect(await page.getByRole('table', { name: 'Query result' }).textContent()).toContain('42');
    await s.screenshot('shell-sql');
  });

  it('made no request outside 127.0.0.1 and logged no console error', () => {
    expect(s.outsideRequests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});
