/** The resource-manager check's pass agrees with its count: one executor is not "all 1 executor". */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../runStep';

describe('spark-on-yarn step 1 reasons', () => {
  it('say "the one executor" when YARN granted one', async () => {
    const one = lab.steps[0]!.solution.replace(
      "'spark.master': 'yarn',",
      "'spark.master': 'yarn',\n  'spark.executor.instances': '1',",
    );
    expect(one).not.toBe(lab.steps[0]!.solution);
    const out = await runStep({ lab, stepIndex: 0, source: one, runner: createFunctionRunner() });
    const c = out.checks.find((x) => x.id === 'one-resource-manager')!;
    expect(c.reason).toBe('the one executor ran in a container YARN granted: one resource manager');
  }, 60_000);
});
