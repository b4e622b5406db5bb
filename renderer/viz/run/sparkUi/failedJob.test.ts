// A Spark job whose task fails every attempt (FAILED at the end, its stage failed, its last attempt
// FAILED, as Spark's UI shows it), and a run with a node killed, in the Spark UI.
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

  it('knows the nodes killed during the run (the Executors page explains why their executors stay Active)', async () => {
    const step = lab.steps[3]!;
    const out = await runStep({
      lab,
      stepIndex: 3,
      source: step.solution,
      runner: createFunctionRunner(),
      faults: [{ atMs: 1500, kind: 'killNode', node: 'n2' }],
    });
    const model = sparkUiModel(out.report as JobRunReport);
    expect(model.nodeDeaths).toEqual([{ node: 'n2', t: 1500 }]);
  }, 60_000);
});
