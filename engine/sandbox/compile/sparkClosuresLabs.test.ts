/**
 * Copying closures per task changes nothing for a job that does not rely on a task changing the
 * driver's variables: every lab step's solution gives the same result, counters and checks with
 * the closure rewrite as without it (the job's code compiled as it was before closures existed).
 */
import { describe, expect, it, vi } from 'vitest';
import { labTestRunner } from '../../../labs/__tests__/labTestRunner';
import type { runStep as RunStepFn, StepOutcome } from '../../../labs/runStep';
import type { LABS as Labs } from '../../../labs/labRegistry';
import type * as SparkClosures from './sparkClosures';

type RunStep = typeof RunStepFn;

async function outcomes(runStep: RunStep, labs: typeof Labs): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const lab of labs)
    for (let i = 0; i < lab.steps.length; i++) {
      // The closure rewrite is Spark's: HDFS settings and KafkaJS programs have no closures to ship.
      if (lab.steps[i]!.kind === 'hdfs' || lab.steps[i]!.kind === 'stream') continue;
      // The labs' own test runner: in-process, with DuckDB for the steps solved with spark.sql.
      const runner = labTestRunner();
      try {
        const o: StepOutcome = await runStep({ lab, stepIndex: i, source: lab.steps[i]!.solution, runner });
        const report = o.report as { result?: unknown; counters?: unknown } | null;
        out.push({
          step: `${lab.id}/${i + 1}`,
          result: report?.result,
          counters: report?.counters,
          checks: o.checks.map((c) => [c.id, c.pass]),
          error: o.error?.message ?? null,
        });
      } finally {
        await runner.close();
      }
    }
  return out;
}

describe('the closure rewrite on the labs’ solutions', () => {
  it('gives the same results, counters and checks as the code compiled without it', async () => {
    const { runStep } = await import('../../../labs/runStep');
    const { LABS } = await import('../../../labs/labRegistry');
    const withCopies = await outcomes(runStep, LABS);
    vi.resetModules();
    vi.doMock('./sparkClosures', async (importOriginal) => ({
      ...(await importOriginal<typeof SparkClosures>()),
      wrapSparkClosures: (code: string) => code,
    }));
    const before = await import('../../../labs/runStep');
    const registry = await import('../../../labs/labRegistry');
    const plain = await import('./compileJobSource');
    const probe = 'let n = 0;\nexport default (sc) => sc.parallelize([1]).map((x) => x + n);';
    expect(plain.compileJobSource(probe, 'job.js').code).not.toContain('__sparkClosure');
    const without = await outcomes(before.runStep, registry.LABS);
    vi.doUnmock('./sparkClosures');
    expect(withCopies.length).toBeGreaterThan(3);
    expect(withCopies.filter((o) => (o as { error: unknown }).error === null).length).toBe(withCopies.length);
    expect(withCopies).toEqual(without);
    // Every lab's solutions twice: minutes on a 2-core machine as the course grows.
  }, 600_000);
});
