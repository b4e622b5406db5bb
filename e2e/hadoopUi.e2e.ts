/**
 * Hadoop's own pages in the run panels, in the real UI: JobHistory's job page (maps and reduces
 * on their nodes, a reducer's shuffle, merge and reduce times, counters with Map / Reduce /
 * Total), YARN's applications and containers per node, HDFS's files, blocks and replicas, all
 * live at the playback instant and sortable by keyboard; the hdfs-blocks lab with a killed
 * DataNode shows its blocks under-replicated, then copied back. Axe checks and screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABS } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { runShownSolution } from './labActions';

import { seriousViolations } from './axe';

/** A page of the Job history view (its tab list, not the run views' tabs). */
const historyTab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Job history pages' }).getByRole('tab', { name, exact: true });

async function runSolution(s: Session, labId: string, stepIndex: number, wait = '[data-testid="run-timeline"]') {
  const lab = LABS.find((l) => l.id === labId)!;
  const step = lab.steps[stepIndex]!;
  await s.page.goto(`${s.baseUrl}#/lab/${labId}/${stepIndex + 1}`);
  await s.page.getByRole('heading', { name: `${stepIndex + 1}. ${step.title}` }).waitFor({ timeout: 90_000 });
  await runShownSolution(s.page, lab, stepIndex, wait, 120_000);
}

async function seek(page: Page, fraction: number) {
  const duration = Number(await page.getByLabel('Simulated time').getAttribute('max'));
  await page.getByLabel('Simulated time').fill(String(Math.round(duration * fraction)));
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
}

/** The text of every cell of column `col` (0-based) of the DataTable with test id `id`. */
async function column(page: Page, id: string, col: number): Promise<string[]> {
  return page.$$eval(
    `[data-testid="${id}"] tbody tr`,
    (rows, c) => rows.map((r) => r.children[c]?.textContent ?? ''),
    col,
  );
}

async function counter(page: Page, name: string): Promise<string[]> {
  return page.$$eval(
    `[data-testid="run-counters"] tr`,
    (rows, n) => {
      const row = rows.find((r) => r.children[1]?.textContent === n);
      return row ? [...row.children].slice(2).map((c) => c.textContent ?? '') : [];
    },
    name,
  );
}

/** Scrolls the run pane so the element with test id `id` starts at its top, and shoots. */
async function shoot(s: Session, id: string, name: string) {
  await s.page
    .getByTestId(id)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await s.screenshot(name);
}

async function theme(page: Page, which: 'light' | 'dark') {
  const toggle = page.getByRole('button', { name: new RegExp(`Switch to ${which} theme`) });
  if (await toggle.count()) await toggle.click();
}

/** Serious axe violations, leaving out Monaco's own token colours in the editor (not these pages'). */
async function noSeriousAxe(page: Page) {
  const v = (await seriousViolations(page))
    .map((x) => ({ ...x, nodes: x.nodes.filter((n) => !/\.mtk\d|\.view-line/.test(n)) }))
    .filter((x) => x.nodes.length > 0);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

describe("Hadoop's pages: JobHistory, YARN and HDFS", () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1280, height: 720 } });
    await s.page.getByRole('heading', { name: 'Labs' }).waitFor({ timeout: 90_000 });
  });
  afterAll(async () => {
    expect(s?.consoleErrors ?? []).toEqual([]);
    await s?.close();
  });

  it('IoT step 1: the job page shows the maps and reduces on their nodes, live at the playback instant', async () => {
    const { page } = s;
    await runSolution(s, 'mapreduce-iot-averages', 0);
    await page.getByRole('tab', { name: 'Job history' }).click();
    await seek(page, 1);
    const info = page.getByTestId('job-overview');
    await expect.poll(() => info.locator('[data-field="State"] dd').textContent()).toBe('SUCCEEDED');
    for (const f of [
      'Submitted',
      'Started',
      'Finished',
      'Elapsed',
      'Average Map Time',
      'Average Shuffle Time',
      'Average Merge Time',
      'Average Reduce Time',
    ])
      expect(await info.locator(`[data-field="${f}"] dd`).textContent(), f).toMatch(/\d/);
    await noSeriousAxe(page);
    await shoot(s, 'job-history', 'hadoop-job-overview-1280-dark');

    // Map tasks: nine, each on its own machine (next to its split), all SUCCEEDED.
    await historyTab(page, 'Map tasks').click();
    expect(await column(page, 'map-tasks', 1)).toEqual(Array(9).fill('SUCCEEDED'));
    const nodes = await column(page, 'map-tasks', 2);
    expect(new Set(nodes).size).toBe(9);
    for (const n of nodes) expect(n).toMatch(/^n\d+$/);
    // Sorting by keyboard: Tab to "Node", Enter sorts by it, again reverses (aria-sort tells).
    const header = page.locator('[data-testid="map-tasks"] th').filter({ hasText: 'Node' });
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const asc = await column(page, 'map-tasks', 2);
    expect(asc).toEqual([...nodes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(await column(page, 'map-tasks', 2)).toEqual([...asc].reverse());
    await noSeriousAxe(page);

    // A reduce attempt: Shuffle Finished, Merge Finished and the elapsed shuffle, merge and reduce times.
    await historyTab(page, 'Reduce tasks').click();
    expect(await column(page, 'reduce-tasks', 1)).toEqual(Array(3).fill('SUCCEEDED'));
    await page.locator('[data-testid="reduce-tasks"] tbody tr').first().getByRole('button').click();
    const attempt = page.locator('[data-testid="reduce-attempts"] tbody tr').first();
    const cells = await attempt.locator('td').allTextContents();
    const heads = await page.locator('[data-testid="reduce-attempts"] th').allTextContents();
    const cell = (h: string) => cells[heads.findIndex((x) => x.startsWith(h))]!;
    expect(cell('State')).toBe('SUCCEEDED');
    expect(cell('Node')).toMatch(/^n\d+$/);
    for (const h of [
      'Shuffle Finish Time',
      'Merge Finish Time',
      'Elapsed Time Shuffle',
      'Elapsed Time Merge',
      'Elapsed Time Reduce',
    ])
      expect(cell(h), h).toMatch(/\d/);
    await shoot(s, 'reduce-attempts', 'hadoop-reduce-attempts-1280-dark');

    // Counters: Hadoop's groups, Map / Reduce / Total.
    await historyTab(page, 'Counters').click();
    const groups = await page.locator('[data-testid="run-counters"] h4').allTextContents();
    expect(groups.slice(0, 6)).toEqual([
      'File System Counters',
      'Job Counters',
      'Map-Reduce Framework',
      'Shuffle Errors',
      'File Input Format Counters',
      'File Output Format Counters',
    ]);
    expect(await page.locator('[data-testid="run-counters"] table').first().locator('th').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Map/),
        expect.stringMatching(/^Reduce/),
        expect.stringMatching(/^Total/),
      ]),
    );
    const [mapIn, reduceIn, totalIn] = await counter(page, 'MAP_INPUT_RECORDS');
    expect(reduceIn).toBe('0');
    expect(mapIn).toBe(totalIn);
    const [launchedMap, , launched] = await counter(page, 'TOTAL_LAUNCHED_MAPS');
    expect([launchedMap, launched]).toEqual(['', '9']);
    await noSeriousAxe(page);
    await shoot(s, 'job-history', 'hadoop-counters-1280-dark');

    // Earlier in the run fewer maps have finished: the counters and the tasks show that instant.
    await seek(page, 0.12);
    const [, , earlyIn] = await counter(page, 'MAP_INPUT_RECORDS');
    expect(Number(earlyIn!.replace(/,/g, ''))).toBeLessThan(Number(totalIn!.replace(/,/g, '')));
    await historyTab(page, 'Map tasks').click();
    const states = await column(page, 'map-tasks', 1);
    expect(states.some((x) => x !== 'SUCCEEDED')).toBe(true);
    await historyTab(page, 'Overview').click();
    expect(await info.locator('[data-field="State"] dd').textContent()).toBe('RUNNING');
    expect(await info.locator('[data-field="Finished"] dd').textContent()).toBe('N/A');

    // The same page at 1024×700 in the light theme, then back.
    await page.setViewportSize({ width: 1024, height: 700 });
    await theme(page, 'light');
    await seek(page, 0.6);
    await historyTab(page, 'Reduce tasks').click();
    await noSeriousAxe(page);
    await shoot(s, 'job-history', 'hadoop-reduce-tasks-1024-light');
    await historyTab(page, 'Overview').click();
    await shoot(s, 'job-history', 'hadoop-job-overview-1024-light');
  });

  it('IoT step 1: YARN lists the application and the containers on each node; HDFS the input file’s blocks and replicas', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: 'YARN' }).click();
    // An instant with map attempts in their containers (after the ApplicationMaster has started).
    let busy = 0.1;
    for (let f = 0.1; f < 0.9; f += 0.05) {
      await seek(page, f);
      busy = f;
      if ((await column(page, 'yarn-containers', 0)).length > 3) break;
    }
    const apps = await column(page, 'yarn-apps', 2);
    expect(apps).toEqual(['MAPREDUCE']);
    expect(await column(page, 'yarn-apps', 6)).toEqual(['RUNNING']);
    // Rack, Node Address, Node Labels, Node State, Containers.
    const perNode = (await column(page, 'yarn-nodes', 4)).map(Number);
    const containers = await column(page, 'yarn-containers', 0);
    expect(perNode.reduce((a, b) => a + b, 0)).toBe(containers.length);
    expect(containers.length).toBeGreaterThan(1);
    const runs = await column(page, 'yarn-containers', 3);
    expect(runs.some((r) => r.startsWith('MRAppMaster'))).toBe(true);
    expect(runs.some((r) => r.startsWith('attempt_'))).toBe(true);
    await noSeriousAxe(page);
    await shoot(s, 'yarn-view', 'hadoop-yarn-1024-light');
    await seek(page, 1);
    expect(await column(page, 'yarn-apps', 6)).toEqual(['FINISHED']);
    expect(await column(page, 'yarn-apps', 7)).toEqual(['SUCCEEDED']);
    expect(await page.getByTestId('yarn-containers').count()).toBe(0);

    await page.getByRole('tab', { name: 'HDFS' }).click();
    await seek(page, 0.05);
    const files = await column(page, 'nn-files', 0);
    expect(files).toContain('/data/sensors.csv');
    expect(files.some((f) => f.startsWith('/out/'))).toBe(false);
    await page.locator('[data-testid="nn-files"]').getByRole('button', { name: '/data/sensors.csv' }).click();
    const blocks = await column(page, 'nn-blocks', 0);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b).toMatch(/^blk_\d{10}$/);
    for (const r of await column(page, 'nn-blocks', 3)) expect(r.split(', ')).toHaveLength(3);
    await seek(page, 1);
    expect((await column(page, 'nn-files', 0)).filter((f) => f.startsWith('/out/daily/part-r-'))).toHaveLength(3);
    await noSeriousAxe(page);
    await shoot(s, 'namenode-view', 'hadoop-hdfs-1024-light');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shoot(s, 'namenode-view', 'hadoop-hdfs-1280-light');
    await theme(page, 'dark');
    await page.getByRole('tab', { name: 'YARN' }).click();
    await seek(page, busy);
    await shoot(s, 'yarn-view', 'hadoop-yarn-1280-dark');
  });

  it('hdfs-blocks step 3: the killed DataNode stays In Service, then its blocks are under-replicated, then copied back', async () => {
    const { page } = s;
    await runSolution(s, 'hdfs-blocks', 2, '[data-testid="namenode-view"]');
    // The NameNode declares n5 dead after 10 min 30 s and the copies take seconds: sample the run's
    // first tenth coarsely (n5 In Service) and its last tenth finely.
    const under: number[] = [];
    const states: string[] = [];
    const fractions = [
      ...Array.from({ length: 10 }, (_, i) => i / 100),
      ...Array.from({ length: 81 }, (_, i) => 0.9 + i / 800),
    ];
    for (const f of fractions) {
      await seek(page, f);
      under.push(Number(await page.getByTestId('nn-under-count').textContent()));
      const row = (await column(page, 'nn-datanodes', 2))[(await column(page, 'nn-datanodes', 0)).indexOf('n5')]!;
      states.push(row);
    }
    const first = under.findIndex((u) => u > 0);
    expect(first, under.join(' ')).toBeGreaterThan(0);
    expect(under.at(-1)).toBe(0);
    // Before the NameNode declared n5 dead, it was In Service (not heard from); then Dead.
    expect(states[first - 1]).toBe('In Service (not heard from)');
    expect(states[0]).toBe('In Service');
    expect(states[first]).toBe('Dead');
    await seek(page, fractions[first]!);
    const rows = await column(page, 'nn-under', 3);
    expect(rows.length).toBe(under[first]);
    for (const r of rows) expect(r).not.toContain('n5');
    await noSeriousAxe(page);
    await shoot(s, 'nn-summary', 'hadoop-hdfs-lab-under-replicated-1280-dark');
    await theme(page, 'light');
    await page.setViewportSize({ width: 1024, height: 700 });
    await shoot(s, 'nn-summary', 'hadoop-hdfs-lab-under-replicated-1024-light');
    await theme(page, 'dark');
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
