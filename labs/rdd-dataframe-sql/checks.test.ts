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
