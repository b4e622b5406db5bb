/**
 * A lab step solved with spark.sql is judged like any other: the labs' test runner has DuckDB
 * (labs/__tests__/labTestRunner.ts), as the app's sandbox and `clusterlab check` do.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runStep } from './runStep';
import sparkInMemoryLab from './spark-in-memory/lab';
import { labTestRunner } from './__tests__/labTestRunner';
import { dailyAveragesSql as dailySql } from './__tests__/dailyAveragesSql';

const runner = labTestRunner();
afterAll(() => runner.close());

describe('a lab step in SQL', () => {
  it("spark-in-memory's daily averages with spark.sql pass every check", async () => {
    const verdict = await runStep({ lab: sparkInMemoryLab, stepIndex: 0, source: dailySql, runner });
    expect(verdict.error).toBeNull();
    expect(verdict.checks.map((c) => [c.id, c.pass])).toEqual([
      ['exact-averages', true],
      ['faster-than-mapreduce', true],
    ]);
    expect(verdict.passed).toBe(true);
  });

  it('a wrong SQL answer fails the answer check, with the reason', async () => {
    const wrong = dailySql.replace('avg(t)', 'max(t)');
    const verdict = await runStep({ lab: sparkInMemoryLab, stepIndex: 0, source: wrong, runner });
    expect(verdict.checks.find((c) => c.id === 'exact-averages')?.pass).toBe(false);
  });
});
