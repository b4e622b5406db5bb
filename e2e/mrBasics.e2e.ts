/**
 * The mapreduce-basics pictures agree with its text, in the real UI: step 2's starter cuts the
 * pages into 36 splits, and at every sampled instant at most five maps (and the ApplicationMaster)
 * run on the six cores, the cluster map's busy cores equal to the timeline's running bars; step 3's
 * three reduce bars start together on three machines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLab } from '../labs/labRegistry';
import { openApp, type Session } from './harness';
import { waitForRunEnd } from './labActions';
import { allBarDetails, at, showTimeline, toEnd } from './playbackReading';

const lab = findLab('mapreduce-basics')!;

describe('mapreduce-basics pictures that agree with the lab text', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp({ viewport: { width: 1440, height: 900 } });
    await s.page.getByRole('heading', { name: 'Labs' }).waitFor({ timeout: 90_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  async function runStarter(stepIndex: number) {
    const { page } = s;
    await page.goto(`${s.baseUrl}#/lab/${lab.id}/${stepIndex + 1}`);
    await page
      .getByRole('heading', { name: `${stepIndex + 1}. ${lab.steps[stepIndex]!.title}` })
      .waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: '▶ Run' }).click();
    await waitForRunEnd(page);
    await page
      .getByRole('button', { name: /Pause/ })
      .click({ timeout: 2_000 })
      .catch(() => {});
  }

  it("step 2's starter: 36 maps, never more than five at once on six cores, in waves", async () => {
    const { page } = s;
    await runStarter(1);
    const duration = Number(await page.getByLabel('Simulated time').getAttribute('max'));
    const samples = [];
    for (let i = 0; i <= 60; i++) samples.push(await at(page, (duration * i) / 60));
    for (const x of samples) {
      expect(x.busy, `at ${x.t} ms`).toBe(x.bars);
      // Five maps and the ApplicationMaster's container: six cores, never more.
      expect(x.bars, `at ${x.t} ms`).toBeLessThanOrEqual(6);
    }
    expect(Math.max(...samples.map((x) => x.bars))).toBe(6);
    await at(page, duration * 0.25);
    await showTimeline(page);
    await s.screenshot('mr-basics-step2-waves');
    expect(await toEnd(page)).toEqual({ t: duration, busy: 0, bars: 0 });
    const details = await allBarDetails(page);
    expect(details.filter((d) => /task_\d+_m_\d+ attempt 0/.test(d))).toHaveLength(36);
  });

  it("step 3's starter: three reduce bars start together on three machines", async () => {
    const { page } = s;
    await runStarter(2);
    await toEnd(page);
    const details = await allBarDetails(page);
    const reduces = details.filter((d) => /task_\d+_r_\d+ attempt 0/.test(d));
    expect(reduces).toHaveLength(3);
    expect(new Set(reduces.map((d) => / on (n\d+)[ ,]/.exec(d)?.[1])).size).toBe(3);
    await showTimeline(page);
    await s.screenshot('mr-basics-step3-reducers');
  });
});
