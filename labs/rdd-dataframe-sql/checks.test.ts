/**
 * What the shuffle check says when a job shuffled nothing: a job that grouped in the driver is told
 * so; a query that groups nothing at all (step 3's starter) is told it has no grouping yet.
 */
import { afterAll, describe, expect, it } from 'vitest';
import lab from './lab';
import { runStep } from '../runStep';
import { labTestRunner } from '../__tests__/labTestRunner';
import { DRIVER_GROUPING_JOB } from './driverGroupingJob';

const runner = labTestRunner();
afterAll(() => runner.close());

async function verdict(stepIndex: number, source: string, checkId: string) {
  const out = await runStep({ lab, stepIndex, source, runner });
  const check = out.checks.find((c) => c.id === checkId);
  if (!check) throw new Error(`no check ${checkId}: ${JSON.stringify(out.error)}`);
  return check;
}

describe('the shuffle check of a job that shuffled nothing', () => {
  it("step 3's starter (a SELECT without GROUP BY) is told it groups nothing, not that the driver grouped", async () => {
    const check = await verdict(2, lab.steps[2]!.starter, 'same-plan');
    expect(check.pass).toBe(false);
    expect(check.reason).not.toContain('driver');
    expect(check.reason).toContain('groups nothing');
    expect(check.reason).toContain('GROUP BY');
  });

  it('a job that collects every reading and groups them in the driver is told so', async () => {
    const driver = DRIVER_GROUPING_JOB;
    const check = await verdict(0, driver, 'small-shuffle');
    expect(check.pass).toBe(false);
    expect(check.reason).toContain('the grouping happened in the driver');
  });
});

describe('the shuffle check of a job that grouped in the driver and shuffled its answer', () => {
  it('collecting the readings, grouping in the driver and a token reduceByKey of the stats fails', async () => {
    const token = `export default async (sc) => {
  const lines = await sc.textFile('/data/sensors.csv').collect();
  const acc = new Map();
  for (const l of lines) { const [, s, v] = l.split(','); const x = Number(v); const a = acc.get(s) ?? [0, 0, -Infinity]; acc.set(s, [a[0] + 1, a[1] + x, Math.max(a[2], x)]); }
  const stats = [...acc].map(([s, [n, sum, hi]]) => [s, [n, sum / n, hi]]);
  return sc.parallelize(stats, 3).reduceByKey((a) => a).sortByKey().collect();
};`;
    const check = await verdict(0, token, 'small-shuffle');
    expect(check.pass).toBe(false);
    expect(check.reason).toContain('the grouping happened in the driver');
  });
});
