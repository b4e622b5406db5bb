import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import { currentTask, runAsTask } from './taskContext';

describe('the task context', () => {
  it('gives each task a new token and restores the driver’s, even after a throw', () => {
    expect(currentTask()).toBe(0);
    const seen: number[] = [];
    runAsTask(() => {
      seen.push(currentTask());
      runAsTask(() => seen.push(currentTask()));
      seen.push(currentTask());
    });
    expect(() =>
      runAsTask(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(currentTask()).toBe(0);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[1]).not.toBe(seen[0]);
    expect(seen[2]).toBe(seen[0]);
  });

  it('refuses an RDD action inside a transformation, as Spark does (SPARK-5063), naming the line', async () => {
    const runner = createFunctionRunner();
    try {
      const run = runJob({
        source: {
          fileName: 'job.js',
          code: 'exports.default = async (sc) => {\n  const other = sc.parallelize([1, 2], 1);\n  return sc.parallelize([1, 2, 3], 2).map((x) => other.count()).collect();\n};',
        },
        runner,
        cluster: 'classroom',
        seed: 1,
      });
      await expect(run).rejects.toThrow(/job\.js:3.*can only be invoked by the driver.*SPARK-5063/s);
    } finally {
      await runner.close();
    }
  });
});
