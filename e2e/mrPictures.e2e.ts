/**
 * The MapReduce pictures agree with each other and with the lab text, in the real UI: at sampled
 * instants of IoT step 1's run the cluster map's busy cores equal the timeline's running bars
 * (both read from what the pictures drew: `data-busy-cores`, `data-running-bars`), nothing runs at
 * the end, and the nine maps ran on nine machines. Screenshots of the timeline with its phases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABS } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { runShownSolution } from './labActions';
import { allBarDetails, at, showTimeline, toEnd } from './playbackReading';

async function runSolution(s: Session, labId: string, stepIndex: number) {
  const lab = LABS.find((l) => l.id === labId)!;
  const step = lab.steps[stepIndex]!;
  await s.page.goto(`${s.baseUrl}#/lab/${labId}/${stepIndex + 1}`);
  await s.page.getByRole('heading', { name: `${stepIndex + 1}. ${step.title}` }).waitFor({ timeout: 90_000 });
  await runShownSolution(s.page, lab, stepIndex);
}

describe('MapReduce pictures that agree with the lab text', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1440, height: 900 } });
    await s.page.getByRole('heading', { name: 'Labs' }).waitFor({ timeout: 90_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('IoT step 1: busy cores on the map = running bars on the timeline, nine maps on nine machines, nothing running at the end', async () => {
    const { page } = s;
    await runSolution(s, 'mapreduce-iot-averages', 0);
    const duration = Number(await page.getByLabel('Simulated time').getAttribute('max'));
    expect(duration).toBeGreaterThan(1000);
    const samples: { t: number; busy: number; bars: number }[] = [];
    for (let i = 0; i <= 40; i++) samples.push(await at(page, (duration * i) / 40));
    for (const x of samples) expect(x, `at ${x.t} ms`).toEqual({ t: x.t, busy: x.bars, bars: x.bars });
    // The samples saw the run busy: the nine maps (and their ApplicationMaster) at once.
    const busiest = samples.reduce((a, b) => (b.bars > a.bars ? b : a));
    expect(busiest.bars).toBeGreaterThanOrEqual(10);
    await at(page, busiest.t);
    await showTimeline(page);
    await s.screenshot('mr-iot-step1-timeline-maps');
    await at(page, duration * 0.75);
    await showTimeline(page);
    await s.screenshot('mr-iot-step1-timeline-reduce');

    // At the end everything is finished, in every view (the scrubber's End key, as a learner would).
    const end = await toEnd(page);
    expect(end).toEqual({ t: duration, busy: 0, bars: 0 });
    expect(await page.getByTestId('run-timeline').getAttribute('aria-label')).toMatch(/: 0 tasks running\. /);
    await showTimeline(page);
    await s.screenshot('mr-iot-step1-timeline-end');

    // The nine maps ran on nine machines, each next to its split.
    const details = await allBarDetails(page);
    const maps = details.filter((d) => /task_\d+_m_\d+ attempt 0/.test(d));
    expect(maps).toHaveLength(9);
    const nodes = new Set(maps.map((d) => / on (n\d+)[ ,]/.exec(d)?.[1]));
    expect(nodes.size, maps.join('\n')).toBe(9);
    expect(maps.every((d) => d.includes('NODE_LOCAL'))).toBe(true);
    // Every phase the text names is in a map's and a reducer's details.
    expect(maps[0]).toMatch(/container start-up .*HDFS read .*map .*sort & spill/);
    const reduce = details.find((d) => /task_\d+_r_\d+ attempt 0/.test(d))!;
    expect(reduce).toMatch(/container start-up .*shuffle fetch .*merge .*reduce .*HDFS write/);
    expect(details.some((d) => d.startsWith('ApplicationMaster of job_00001'))).toBe(true);

    await page.getByRole('tab', { name: 'DAG' }).click();
    const dag = (await page.locator('.run-panel').last().textContent()) ?? '';
    expect(dag).not.toMatch(/[1-9]\d* running/);
    await page.getByRole('tab', { name: 'Timeline' }).click();
  });

  it('spark-in-memory step 2: every round of the MapReduce PageRank on the timeline', async () => {
    const { page } = s;
    await runSolution(s, 'spark-in-memory', 1);
    const duration = Number(await page.getByLabel('Simulated time').getAttribute('max'));
    const end = await toEnd(page);
    expect(end).toEqual({ t: duration, busy: 0, bars: 0 });
    for (let i = 1; i < 8; i++) {
      const x = await at(page, (duration * i) / 8);
      expect(x, `at ${x.t} ms`).toEqual({ t: x.t, busy: x.bars, bars: x.bars });
    }
    await toEnd(page);
    await showTimeline(page);
    await s.screenshot('mr-pagerank-timeline');
  });
});
