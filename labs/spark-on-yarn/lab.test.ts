/**
 * What the spark-on-yarn texts say, checked against the runs and the data (every lab's solutions
 * and starters are judged by labs/allLabs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import lab, { QUEUES_BUDGET_MS, SIZES_BUDGET_MS } from './lab';
import { createFunctionRunner } from '../../engine/sandbox';
import type { JobRunReport, RunEventOf } from '../../engine/api';
import { runStep } from '../runStep';
import { seconds } from '../checkKit';
import { READINGS, READINGS_BLOCK_SIZE, SUBMIT_AT_MS, readingsText } from './cluster';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const withConf = (source: string, conf: string) =>
  source.replace(/export const conf = \{[\s\S]*?\};/, `export const conf = ${conf};`);

async function run(stepIndex: number, source: string) {
  const out = await runStep({ lab, stepIndex, source, runner: createFunctionRunner() });
  if (!out.report) throw new Error(`step ${stepIndex + 1} did not run: ${JSON.stringify(out.error)}`);
  return { out, report: out.report as JobRunReport, took: seconds(out.report.simulatedMs - SUBMIT_AT_MS) };
}
const checkOf = (out: Awaited<ReturnType<typeof run>>['out'], id: string) => out.checks.find((c) => c.id === id)!;
const ofType = <T extends RunEventOf<'executorAdded'>['type'] | 'containerAllocated'>(r: JobRunReport, type: T) =>
  r.trace.filter((e) => e.type === type) as RunEventOf<T>[];
const instructions = (i: number) => flat(lab.steps[i]!.instructions);

describe('the spark-on-yarn lab', () => {
  it('states its data as generated: readings, bytes, blocks', () => {
    const bytes = new TextEncoder().encode(readingsText()).length;
    expect(readingsText().trimEnd().split('\n')).toHaveLength(READINGS);
    expect(flat(lab.intro)).toContain(
      `200,000 readings, each standing for 1,000 real ones: ${(bytes / 1e6).toFixed(1)} MB in ${Math.ceil(bytes / READINGS_BLOCK_SIZE)} blocks of 64 KB`,
    );
  });

  it('step 1: the standalone starter oversubscribes every machine, 12 of 8 cores, and is as fast as its text says; YARN alone waits for the ETL', async () => {
    const starter = await run(0, lab.steps[0]!.starter);
    const etl = ofType(starter.report, 'containerAllocated');
    const perNode = new Map<string, number>();
    for (const c of etl) perNode.set(c.node, (perNode.get(c.node) ?? 0) + 1);
    // "YARN grants 24 of them, 1 core and 4 GB each, four on every machine"
    expect(etl.map((c) => [c.vcores, c.memoryMb])).toEqual(Array.from({ length: 24 }, () => [1, 4096]));
    expect([...perNode.values()]).toEqual([4, 4, 4, 4, 4, 4]);
    expect(checkOf(starter.out, 'not-oversubscribed').reason).toContain(
      "12 of its 8 cores (YARN 4, Spark's standalone Master 8)",
    );
    expect(instructions(0)).toContain(`Your job finishes in ${starter.took} after its submission`);
    const solved = await run(0, lab.steps[0]!.solution);
    expect(instructions(0)).toContain(`it takes ${solved.took}`);
    // Carving the machines up by hand between two managers is not one resource manager.
    const carved = await run(
      0,
      withConf(lab.steps[0]!.starter, "{ 'spark.master': 'spark://master:7077', 'spark.cores.max': 24 }"),
    );
    expect(checkOf(carved.out, 'not-oversubscribed').pass).toBe(true);
    expect(checkOf(carved.out, 'one-resource-manager').pass).toBe(false);
  });

  it("step 2: the starter's whole-machine executors wait 10 minutes; Spark's defaults take as long as the text says; sized executors fit at once", async () => {
    const starter = await run(1, lab.steps[1]!.starter);
    expect(starter.report.simulatedMs - SUBMIT_AT_MS).toBeGreaterThan(SIZES_BUDGET_MS);
    const defaults = await run(1, withConf(lab.steps[1]!.starter, "{ 'spark.executor.memory': '2g' }"));
    expect(instructions(1)).toContain(`Spark's 2 executors of 1 core: correct, and ${defaults.took}`);
    expect(defaults.out.passed).toBe(false);
    const solved = await run(1, lab.steps[1]!.solution);
    // "an executor of 4 cores and 8g is a container of 4 vcores and 9 GB"
    expect(ofType(solved.report, 'executorAdded').map((e) => [e.cores, e.memoryMb])).toEqual(
      Array.from({ length: 6 }, () => [4, 9216]),
    );
  });

  it('step 3: in the etl queue the job waits for the whole ETL; in analytics, with too few executors, it misses the budget', async () => {
    const starter = await run(2, lab.steps[2]!.starter);
    expect(instructions(2)).toContain(`once the ETL has no more to ask for: ${starter.took}`);
    const fewer = await run(
      2,
      withConf(
        lab.steps[2]!.starter,
        "{ 'spark.yarn.queue': 'analytics', 'spark.executor.instances': 3, 'spark.executor.cores': 2, 'spark.executor.memory': '4g' }",
      ),
    );
    expect(fewer.report.simulatedMs - SUBMIT_AT_MS).toBeGreaterThan(QUEUES_BUDGET_MS);
    const submitted = ofType(
      fewer.report,
      'applicationSubmitted' as never,
    ) as unknown as RunEventOf<'applicationSubmitted'>[];
    expect(submitted.map((e) => e.queue)).toEqual(['etl', 'analytics']);
  });
});
