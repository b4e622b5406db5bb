import { describe, expect, it } from 'vitest';
import { runJob } from '../api/runJob';
import { compileJobSource } from '../sandbox/compile';
import { createFunctionRunner } from '../sandbox/inProcessRunner';

describe('named accumulators in the run’s figures (as Spark’s UI lists them)', () => {
  it('reports each named accumulator’s final value; unnamed ones are not listed', async () => {
    const runner = createFunctionRunner();
    try {
      const source = compileJobSource(
        `export default async (sc) => {
  const blank = sc.longAccumulator('blank lines');
  const total = sc.doubleAccumulator('total');
  const seen = sc.collectionAccumulator('seen');
  const hidden = sc.longAccumulator();
  await sc.parallelize(['a', '', 'b', ''], 2).foreach((l) => {
    if (l === '') blank.add(1);
    total.add(0.5);
    seen.add(l);
    hidden.add(1);
  });
  return blank.value;
};`,
        'job.js',
      );
      const report = await runJob({ source, runner, cluster: 'classroom', seed: 1, snapshots: false });
      expect(report.result).toBe(2);
      expect(report.metrics.kind === 'spark' && report.metrics.accumulators).toEqual([
        { name: 'blank lines', value: '2' },
        { name: 'total', value: '2.0' },
        { name: 'seen', value: '[a, , b, ]' },
      ]);
    } finally {
      await runner.close();
    }
  });
});
