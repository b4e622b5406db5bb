// Step 3's replica check names the brokers a partition is on, not "n1, n2, n3 or another 3".
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../runStep';
import lab from './lab';

const runner = createFunctionRunner({ macrotask: (fn) => setImmediate(fn) });

describe('kafka-topics step 3 reasons', () => {
  it('say each partition is on 3 brokers and name one', async () => {
    const out = await runStep({ lab, stepIndex: 2, source: lab.steps[2]!.solution, runner });
    const c = out.checks.find((x) => x.id === 'three-replicas')!;
    expect(c.pass).toBe(true);
    expect(c.reason).toMatch(/^\d+ partitions, each on 3 brokers \(readings-0 on n\d, n\d, n\d\)$/);
  });
});
