import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from './runJob';
import { BUDGET_CHECK_EVERY } from '../exec/jobContext';
import { JobTimeoutError } from '../sandbox/contract/jobCodeError';
import type { TaskRunner } from '../sandbox/contract/taskRunner';

/** An in-process runner whose budget "runs out" at its `limit`-th check (a fake clock of checks). */
function budgetedRunner(limit: number): TaskRunner & { checks: number } {
  const inner = createFunctionRunner();
  const runner = {
    checks: 0,
    load: inner.load.bind(inner),
    runMapTasks: inner.runMapTasks.bind(inner),
    runReduceTasks: inner.runReduceTasks.bind(inner),
    runSparkDriver: inner.runSparkDriver.bind(inner),
    endRun: inner.endRun.bind(inner),
    close: inner.close.bind(inner),
    checkBudget() {
      runner.checks++;
      if (runner.checks >= limit) throw new JobTimeoutError(1);
    },
  };
  return runner;
}

// Many partitions: the simulation takes far more kernel steps than one budget check's worth.
const SPARK = `exports.default = async (sc) => sc.parallelize(Array.from({ length: 20000 }, (_, i) => i), 20000).count();`;
// Many small jobs: each drive is short, so the steps must be counted across drives.
const MANY_JOBS = `exports.default = async (sc) => {
  const rdd = sc.parallelize([1, 2, 3, 4], 2);
  let n = 0;
  for (let i = 0; i < 10000; i++) n += await rdd.count();
  return n;
};`;

async function run(code: string, runner: TaskRunner) {
  try {
    return await runJob({ source: { fileName: 'job.js', code }, runner, cluster: 'classroom', seed: 1 });
  } finally {
    await runner.close();
  }
}

describe('the run budget covers the simulation', () => {
  it('a Spark stage of 20,000 tasks checks the budget while it is simulated, and stops when it ran out', async () => {
    const free = budgetedRunner(Number.POSITIVE_INFINITY);
    const report = await run(SPARK, free);
    expect(report.result).toBe(20000);
    // Every BUDGET_CHECK_EVERY kernel steps, plus the checks around the learner's code.
    expect(free.checks).toBeGreaterThan(20000 / BUDGET_CHECK_EVERY);

    const tight = budgetedRunner(3);
    await expect(run(SPARK, tight)).rejects.toBeInstanceOf(JobTimeoutError);
    expect(tight.checks).toBe(3);
  });

  it('counts kernel steps across the drives of many small jobs', async () => {
    const free = budgetedRunner(Number.POSITIVE_INFINITY);
    const report = await run(MANY_JOBS, free);
    expect(report.result).toBe(40000);
    expect(free.checks).toBeGreaterThan(3);
    await expect(run(MANY_JOBS, budgetedRunner(2))).rejects.toBeInstanceOf(JobTimeoutError);
  });

  it('a runner without checkBudget still runs (the hook is optional)', async () => {
    const report = await run(SPARK, createFunctionRunner());
    expect(report.result).toBe(20000);
  });
});
