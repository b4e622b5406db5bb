// A Spark job whose task fails every attempt: at the run's end the Spark UI shows the job FAILED,
// its stage under Failed Stages and the last attempt FAILED, as Spark's UI does.
import { describe, expect, it } from 'vitest';
import { runStep } from '../../../../labs/runStep';
import { createFunctionRunner } from '../../../../engine/sandbox';
import lab from '../../../../labs/spark-in-memory/lab';
import type { JobRunReport } from '../../../../engine/api';
import { sparkUiModel } from './sparkUiModel';
import { jobRowsAt } from './jobRows';
import { stageRowsAt } from './stageRows';
import { taskStatusAt } from './taskStateAt';

describe('a failed Spark job in the Spark UI', () => {
  it('is FAILED at the end of the run, with its stage failed and its last attempt FAILED', async () => {
    const code = `export default async (sc) => {
  const r = sc.textFile('/data/sensors.csv').map((l) => [l.slice(0, 10), 1]).reduceByKey((a, b) => a + b, 4);
  await r.count();
  await r.map(() => { throw new Error('boom'); }).count();
};`;
    const out = await runStep({ lab, stepIndex: 0, source: code, runner: createFunctionRunner() });
    expect(out.error?.message).toMatch(/boom/);
    const report = out.report as JobRunReport;
    const model = sparkUiModel(report);
    const end = report.simulatedMs;
    const jobs = jobRowsAt(model, end);
    expect(jobs.map((j) => j.status)).toContain('FAILED');
    expect(stageRowsAt(model, end).failed.length).toBeGreaterThan(0);
    const last = [...report.attempts].sort((a, b) => b.end - a.end)[0]!;
    expect(last.end).toBeLessThanOrEqual(end);
    expect(taskStatusAt(last, end)).toBe('FAILED');
  }, 60_000);
});
