/**
 * What the rdd-dataframe-sql texts say, checked against the runs (every lab's solutions and starters
 * are judged by labs/allLabs.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import lab from './lab';
import type { JobRunReport } from '../../engine/api';
import { runStep } from '../runStep';
import { seconds } from '../checkKit';
import { formatBytes } from '../hdfsSettings';
import { labTestRunner } from '../__tests__/labTestRunner';
import { DRIVER_GROUPING_JOB } from './driverGroupingJob';
import { plainSensorStats, shuffleWritten } from './checks';
import { SENSORS_BLOCK_SIZE, sensorsText } from './data';
import groupByKey from './reference/group-by-key.js?raw';

const runner = labTestRunner();
afterAll(() => runner.close());
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function run(stepIndex: number, source: string) {
  const out = await runStep({ lab, stepIndex, source, runner });
  if (!out.report) throw new Error(`step ${stepIndex + 1} did not run: ${JSON.stringify(out.error)}`);
  return { out, report: out.report as JobRunReport };
}

describe('the rdd-dataframe-sql lab', () => {
  it('states its data: the SQL console’s sensors, 3.2 MB in 9 blocks, 9 sensors', () => {
    const bytes = new TextEncoder().encode(sensorsText()).length;
    expect((bytes / 1024 / 1024).toFixed(1)).toBe('3.2');
    expect(Math.ceil(bytes / SENSORS_BLOCK_SIZE)).toBe(9);
    expect(plainSensorStats()).toHaveLength(9);
    expect(flat(lab.intro)).toContain('3.2 MB in 9 blocks');
  });

  it('step 1: the groupByKey version shuffles what the text says; reduceByKey a fraction of it', async () => {
    const grouped = await run(0, groupByKey);
    expect(grouped.out.checks.find((c) => c.id === 'sensor-stats')!.pass).toBe(true);
    const bytes = new TextEncoder().encode(sensorsText()).length;
    const shuffled = shuffleWritten(grouped.report);
    expect(flat(lab.steps[0]!.instructions)).toContain(`Shuffle Write is ${formatBytes(shuffled)}, three quarters`);
    expect(shuffled / bytes).toBeGreaterThan(0.7);
    expect(shuffled / bytes).toBeLessThan(0.8);
    expect(grouped.out.checks.find((c) => c.id === 'small-shuffle')!.pass).toBe(false);
    // Collecting every reading and doing the maths in the driver shuffles nothing, and fails.
    const driver = DRIVER_GROUPING_JOB;
    const onDriver = await run(0, driver);
    expect(onDriver.out.checks.map((c) => [c.id, c.pass])).toEqual([
      ['sensor-stats', true],
      ['small-shuffle', false],
    ]);
  });

  it('step 2: the DataFrame plans a partial aggregation, 200 tasks after each Exchange, and takes the time the text says', async () => {
    const rdd = await run(0, lab.steps[0]!.solution);
    const df = await run(1, lab.steps[1]!.solution);
    expect(df.out.passed).toBe(true);
    const stageTasks = df.report.trace.flatMap((e) => (e.type === 'stageSubmitted' ? [e.tasks] : []));
    expect(stageTasks.filter((n) => n === 200)).toHaveLength(2);
    expect(flat(lab.steps[1]!.instructions)).toContain(
      `the step took ${seconds(df.report.simulatedMs)} against ${seconds(rdd.report.simulatedMs)} for the RDD version`,
    );
  });

  it('step 3: the SQL solution shuffles within 10% of the DataFrame, and a query without aggregates in it fails', async () => {
    const sql = await run(2, lab.steps[2]!.solution);
    expect(sql.out.passed).toBe(true);
    // Aggregating in JavaScript after a plain SELECT gets the answer but not the plan.
    const inJs = lab.steps[2]!.solution.replace(
      /const stats = await spark\.sql\([\s\S]*?\);/,
      "const stats = await spark.sql('SELECT sensor, value FROM readings');",
    ).replace(
      'return rows.map((r) => [r.sensor, [r.readings, r.mean, r.highest]]);',
      `const by = new Map();
  for (const r of rows) { const a = by.get(r.sensor) ?? [0, 0, -Infinity]; by.set(r.sensor, [a[0] + 1, a[1] + r.value, Math.max(a[2], r.value)]); }
  return [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([s, [n, sum, hi]]) => [s, [n, sum / n, hi]]);`,
    );
    // mean is avg's other name, and step 1's sum over count is the mean too: both pass.
    for (const other of ['mean(value) AS mean', 'sum(value) / count(value) AS mean']) {
      const alike = await run(2, lab.steps[2]!.solution.replace('avg(value) AS mean', other));
      expect(alike.out.passed, other).toBe(true);
    }
    // A token aggregate beside RDD code that computes the answer: the result's job has no partial aggregate.
    const token = lab.steps[0]!.solution.replace(
      'export default async (sc) =>\n  sc',
      "export default async (sc, spark) => {\n  const df = await spark.read.csv('/data/sensors.csv', { inferSchema: true });\n  df.createOrReplaceTempView('r');\n  await (await spark.sql('SELECT count(*) AS n FROM r')).collect();\n  return sc",
    ).replace(/\.collect\(\);\s*$/, '.collect();\n};\n');
    const tokenRun = await run(2, token);
    expect(tokenRun.out.checks.find((c) => c.id === 'partial-aggregate')!.pass).toBe(false);
    const cheat = await run(2, inJs);
    expect(cheat.out.checks.map((c) => [c.id, c.pass])).toEqual([
      ['sensor-stats', true],
      ['partial-aggregate', false],
      ['same-plan', false],
    ]);
  });
});
