/**
 * The cookbook's figures beside a lab step's run: each of the three labs shows the figure its
 * step cites, with the cookbook's caption; before a run nothing is lit; paused in the MapReduce
 * lab's shuffle the figures light the shuffle (and not in the map phase); in the platform lab
 * Figures 24.1, 15.2 and 15.3 follow the pipeline's run as the run view plays it; the panel collapses
 * from the keyboard and stays collapsed after a reload; in the lambda-architecture lab Figures 25.1
 * and 25.2 light the batch run, the serving store and the dashboard as the run plays. axe on each
 * page; screenshots at 1280x720, 1440x900 and 1024x700, dark and light.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type Session } from './harness';
import {
  caption,
  lab,
  lambdaInstants,
  lit,
  litAt,
  mapReduceInstants,
  noSeriousAxe,
  openStep,
  overflowing,
  runSolution,
} from './figureActions';

for (const theme of ['dark', 'light'] as const) {
  describe(`cookbook figures beside the run (${theme})`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp({ colorScheme: theme, viewport: { width: 1280, height: 720 } });
    });
    afterAll(async () => {
      expect(s.consoleErrors).toEqual([]);
      expect(s.outsideRequests).toEqual([]);
      await s.close();
    });

    it('MapReduce: Figure 20.2 unlit before the run, the shuffle lit while reducers fetch, not while maps run', async () => {
      const when = await mapReduceInstants();
      expect(when.mapPhase).toBeLessThan(when.lastMapEnd);
      await openStep(s, 'mapreduce-iot-averages', 0);
      const { page } = s;
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 20.2: MapReduce Example of Time Series Data');
      expect(await lit(page)).toEqual([]);
      await expect(page.getByTestId('figure-now').textContent()).resolves.toContain('Run the step');
      await noSeriousAxe(page);
      await s.screenshot(`figures-mr-before-1280-${theme}`);

      await runSolution(s, 'mapreduce-iot-averages', 0);
      const inMaps = await litAt(page, when.mapPhase);
      expect(inMaps).not.toContain('shuffle');
      expect(inMaps.filter((p) => p.startsWith('mapper:')).length).toBeGreaterThan(0);
      const inShuffle = await litAt(page, when.shuffle);
      expect(inShuffle).toContain('shuffle');
      expect(inShuffle.some((p) => p.startsWith('reducer:'))).toBe(true);
      expect(inShuffle.some((p) => p.startsWith('mapper:'))).toBe(false);
      expect(await overflowing(page)).toEqual([]);
      await expect(page.getByTestId('figure-now').textContent()).resolves.toContain(
        'the shuffle: each day goes to one reducer',
      );
      await noSeriousAxe(page);
      await s.screenshot(`figures-mr-shuffle-1280-${theme}`);

      // The same instant in Figure 20.1 (the step's second figure).
      await page.getByRole('button', { name: '20.1', exact: true }).click();
      expect(await caption(page)).toContain('Figure 20.1: Mapping of input files and reducing of mapped records');
      expect(await lit(page)).toContain('shuffle');
      await s.screenshot(`figures-mr-20.1-1280-${theme}`);
    });

    it('HDFS: Figure 19.2 follows the run (four blocks of three replicas) and 19.1 is a click away', async () => {
      await openStep(s, 'hdfs-blocks', 0);
      const { page } = s;
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 19.2: Distribution of Blocks for a 512MB File');
      expect(await lit(page)).toEqual([]);
      await runSolution(s, 'hdfs-blocks', 0);
      expect((await litAt(page, 1000)).sort()).toEqual(['block:0', 'block:1', 'block:2', 'block:3']);
      expect(await page.locator('.cookbook-figure .fig-chip.live').count()).toBe(12);
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-hdfs-1280-${theme}`);
      await page.getByRole('button', { name: '19.1', exact: true }).click();
      expect(await caption(page)).toContain('Figure 19.1: HDFS Master and Data Nodes');
      expect((await lit(page)).sort()).toEqual(['datanodes', 'namespace']);
    });

    it('Spark: Figure 20.5 with 20.6 beside the Spark run; YARN lights before the executors run tasks', async () => {
      await openStep(s, 'spark-in-memory', 0);
      const { page } = s;
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 20.5: Spark Using Hadoop Data Locality');
      await runSolution(s, 'spark-in-memory', 0);
      await page.getByRole('button', { name: '20.6', exact: true }).click();
      expect(await caption(page)).toContain('Figure 20.6: Spark Resource Management With YARN');
      expect(await litAt(page, 500)).toEqual(['driver', 'resourcemanager']);
      await s.screenshot(`figures-spark-20.6-1280-${theme}`);
      await page.getByRole('button', { name: '20.5', exact: true }).click();
      const reading = await litAt(page, 1950);
      expect(reading).toContain('local');
      await noSeriousAxe(page);
      await s.screenshot(`figures-spark-20.5-1280-${theme}`);
    });
  });
}

for (const theme of ['dark', 'light'] as const) {
  describe(`the platform blueprint's figures beside a pipeline run (${theme})`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp({ colorScheme: theme, viewport: { width: 1280, height: 720 } });
    });
    afterAll(async () => {
      expect(s.consoleErrors).toEqual([]);
      expect(s.outsideRequests).toEqual([]);
      await s.close();
    });

    it('24.1: the buffer takes the events while the database is down; 15.2 and 15.3 follow the run', async () => {
      const { page } = s;
      await openStep(s, 'platform-blueprint', 0);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 24.1: Platfrom Blueprint');
      expect(await lit(page)).toEqual([]);
      await runSolution(s, 'platform-blueprint', 0);
      const outage = await litAt(page, 30_000);
      expect(outage).toEqual(expect.arrayContaining(['ingest', 'buffer', 'down', 'down:store']));
      expect(outage).not.toContain('store');
      await expect(page.getByTestId('figure-now').textContent()).resolves.toContain('a part of the pipeline is down');
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-pipeline-24.1-1280-${theme}`);

      await openStep(s, 'platform-blueprint', 2);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 15.2: Connections between tools');
      await runSolution(s, 'platform-blueprint', 2);
      expect(await litAt(page, 12_000)).toEqual(expect.arrayContaining(['kafka', 'spark', 'hbase', 'display']));
      expect(await overflowing(page)).toEqual([]);
      await s.screenshot(`figures-pipeline-15.2-1280-${theme}`);
      await page.getByRole('button', { name: '15.3', exact: true }).click();
      expect(await caption(page)).toContain('Figure 15.3: Flume Integration');
      expect(await litAt(page, 45_000)).toEqual(expect.arrayContaining(['flume', 'hdfs', 'closed']));
      expect(await page.locator('.cookbook-figure').textContent()).toContain('1 file');
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-pipeline-15.3-1280-${theme}`);
    });
  });
}

for (const theme of ['dark', 'light'] as const) {
  describe(`the lambda architecture's figures beside a pipeline run at 1440x900 (${theme})`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp({ colorScheme: theme, viewport: { width: 1440, height: 900 } });
    });
    afterAll(async () => {
      expect(s.consoleErrors).toEqual([]);
      expect(s.outsideRequests).toEqual([]);
      await s.close();
    });

    it('25.1 lights the batch run and its output; 25.2 lights the stream, its store and the display', async () => {
      const when = await lambdaInstants();
      const { page } = s;
      await openStep(s, 'lambda-architecture', 0);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 25.1: Batch Processing Pipeline');
      expect(await lit(page)).toEqual([]);
      await runSolution(s, 'lambda-architecture', 0);
      expect((await litAt(page, when.batchRun)).sort()).toEqual(['batch', 'ingest', 'insight', 'serving', 'storage']);
      await expect(page.getByTestId('figure-now').textContent()).resolves.toContain(
        'batch analytics: a batch run loads the stored events and works on them',
      );
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-lambda-25.1-run-1440-${theme}`);
      expect(await litAt(page, when.betweenRuns)).not.toContain('batch');

      await openStep(s, 'lambda-architecture', 1);
      await page.getByTestId('figure-panel').waitFor();
      expect(await caption(page)).toContain('Figure 25.2: Stream Processing Pipeline');
      await runSolution(s, 'lambda-architecture', 1);
      expect(await litAt(page, when.streamShown)).toEqual(
        expect.arrayContaining(['ingest', 'stream', 'storage', 'display']),
      );
      expect(await overflowing(page)).toEqual([]);
      await noSeriousAxe(page);
      await s.screenshot(`figures-lambda-25.2-1440-${theme}`);
      const choice = page.getByRole('button', { name: '25.1', exact: true });
      await choice.focus();
      await page.keyboard.press('Enter');
      expect(await caption(page)).toContain('Figure 25.1: Batch Processing Pipeline');
      expect(await lit(page)).toEqual(expect.arrayContaining(['ingest', 'storage', 'serving']));
      await noSeriousAxe(page);
      await s.screenshot(`figures-lambda-25.1-speed-1440-${theme}`);
    });
  });
}

describe("every step's figures", () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ colorScheme: 'light', viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    expect(s.consoleErrors).toEqual([]);
    await s.close();
  });

  it('each step shows the figures its lab names, with their captions, unlit before a run', async () => {
    const { page } = s;
    await page.evaluate(() => localStorage.clear());
    const shown: string[] = [];
    for (const l of [
      'hdfs-blocks',
      'mapreduce-iot-averages',
      'spark-in-memory',
      'platform-blueprint',
      'lambda-architecture',
      'netflix-trending',
    ].map(lab)) {
      for (let i = 0; i < l.steps.length; i++) {
        const figures = [...new Set([...(l.steps[i]!.figures ?? []), ...(i === 0 ? (l.figures ?? []) : [])])];
        await openStep(s, l.id, i);
        if (figures.length === 0) {
          expect(await page.getByTestId('figure-panel').count()).toBe(0);
          continue;
        }
        await page.getByTestId('figure-panel').waitFor();
        for (const f of figures) {
          if (figures.length > 1) await page.getByRole('button', { name: f, exact: true }).click();
          expect(await caption(page), `${l.id} step ${i + 1}`).toContain(`Figure ${f}:`);
          expect(await lit(page)).toEqual([]);
          expect(await overflowing(page), `Figure ${f}: labels wider than their box`).toEqual([]);
          if (!shown.includes(f)) {
            shown.push(f);
            await s.screenshot(`figures-unlit-${f}-1280-light`);
          }
        }
      }
    }
    expect(shown.sort()).toEqual([
      '15.2',
      '15.3',
      '19.1',
      '19.2',
      '20.1',
      '20.2',
      '20.3',
      '20.4',
      '20.5',
      '20.6',
      '24.1',
      '25.1',
      '25.2',
      '28.1',
      '28.2',
      '28.3',
    ]);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await openStep(s, 'spark-in-memory', 2);
    await s.screenshot('figures-unlit-20.4-1280-dark');
    await noSeriousAxe(page);
  });
});

describe('cookbook figures at 1024x700', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ colorScheme: 'light', viewport: { width: 1024, height: 700 } });
  });
  afterAll(async () => {
    expect(s.consoleErrors).toEqual([]);
    await s.close();
  });

  it('fits beside the editor and the run, collapses from the keyboard and stays collapsed after a reload', async () => {
    const { page } = s;
    const when = await mapReduceInstants();
    await openStep(s, 'mapreduce-iot-averages', 0);
    await runSolution(s, 'mapreduce-iot-averages', 0);
    await litAt(page, when.shuffle);
    const figure = await page.locator('.figure-svg').boundingBox();
    const editor = await page.locator('.lab-editor').boundingBox();
    const runPanel = await page.getByRole('region', { name: 'Checks and the run' }).boundingBox();
    expect(figure && editor && runPanel).toBeTruthy();
    // Beside, not over: the figure ends left of the editor and the run pane.
    expect(figure!.x + figure!.width).toBeLessThanOrEqual(editor!.x);
    expect(figure!.x + figure!.width).toBeLessThanOrEqual(runPanel!.x);
    expect(figure!.y + figure!.height).toBeLessThanOrEqual(700);
    await noSeriousAxe(page);
    await s.screenshot('figures-mr-shuffle-1024-light');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await s.screenshot('figures-mr-shuffle-1024-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));

    const toggle = page.getByRole('button', { name: /Cookbook figures/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.cookbook-figure').count()).toBe(0);
    await page.reload();
    await page.getByTestId('figure-panel').waitFor({ timeout: 90_000 });
    expect(await page.getByRole('button', { name: /Cookbook figures/ }).getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: /Cookbook figures/ }).press('Space');
    await page.locator('.cookbook-figure').waitFor();

    await openStep(s, 'hdfs-blocks', 2);
    await runSolution(s, 'hdfs-blocks', 2);
    await page.getByRole('button', { name: '19.2', exact: true }).click();
    await litAt(page, 692_000);
    expect(await page.locator('.cookbook-figure .fig-chip.copying').count()).toBeGreaterThan(0);
    await s.screenshot('figures-hdfs-repair-1024-light');
    await page.getByRole('button', { name: '19.1', exact: true }).click();
    expect(await lit(page)).toEqual(expect.arrayContaining(['down', 'repair', 'copying']));
    await s.screenshot('figures-hdfs-19.1-repair-1024-light');
  });

  it('Kappa: Figure 25.2 beside the run fits at 1024x700, in both themes', async () => {
    const { page } = s;
    await openStep(s, 'lambda-architecture', 2);
    await page.getByTestId('figure-panel').waitFor();
    expect(await caption(page)).toContain('Figure 25.2: Stream Processing Pipeline');
    await runSolution(s, 'lambda-architecture', 2);
    expect(await litAt(page, 600_500)).toEqual(expect.arrayContaining(['ingest', 'stream', 'storage']));
    const figure = await page.locator('.figure-svg').boundingBox();
    const editor = await page.locator('.lab-editor').boundingBox();
    expect(figure!.x + figure!.width).toBeLessThanOrEqual(editor!.x);
    expect(await overflowing(page)).toEqual([]);
    await noSeriousAxe(page);
    await s.screenshot('figures-lambda-25.2-kappa-1024-light');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await noSeriousAxe(page);
    await s.screenshot('figures-lambda-25.2-kappa-1024-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await openStep(s, 'lambda-architecture', 0);
    await page.getByTestId('figure-panel').waitFor();
    await s.screenshot('figures-lambda-25.1-unlit-1024-light');
  });
});
