/**
 * What the data-locality texts say, checked against the runs and the data (every lab's solutions
 * and starters are judged by labs/allLabs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import lab, { HOT, ODD, SCORING_DEADLINE_MS } from './lab';
import { createFunctionRunner } from '../../engine/sandbox';
import type { JobRunReport } from '../../engine/api';
import { runStep } from '../runStep';
import { seconds } from '../checkKit';
import { inputLocality, plainHotCounts, plainOddCounts } from './checks';
import { READINGS, READINGS_BLOCK_SIZE, readingsText } from './cluster';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const withConf = (source: string, conf: string) =>
  source.replace(/export const conf = \{[\s\S]*?\};/, `export const conf = ${conf};`);

async function run(stepIndex: number, source: string) {
  const out = await runStep({ lab, stepIndex, source, runner: createFunctionRunner() });
  if (!out.report) throw new Error(`step ${stepIndex + 1} did not run: ${JSON.stringify(out)}`);
  return { out, report: out.report as JobRunReport };
}
const executorNodes = (r: JobRunReport) =>
  r.trace
    .flatMap((e) => (e.type === 'executorAdded' ? [e.node] : []))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
const readers = (r: JobRunReport) => r.attempts.filter((a) => a.status === 'succeeded' && a.io.inputBytes > 0);

describe('the data-locality lab', () => {
  it('states its data as generated: readings, bytes, blocks', () => {
    const bytes = new TextEncoder().encode(readingsText()).length;
    expect(readingsText().trimEnd().split('\n')).toHaveLength(READINGS);
    expect(Math.ceil(bytes / READINGS_BLOCK_SIZE)).toBe(26);
    expect(flat(lab.intro)).toContain('100,000 readings, 3.2 MB in blocks of 128 KB, so 26 blocks');
    expect((bytes / 1024 / 1024).toFixed(1)).toBe('3.2');
    // Step 2 asks for readings of 30.0 or more: some sensors have none, and its text does not say otherwise.
    expect(plainHotCounts(HOT).length).toBeGreaterThan(2);
    expect(plainOddCounts(ODD).length).toBe(9);
  });

  it('step 1: the starter runs on the Spark servers and reads every block over the network; the solution as its text says', async () => {
    const starter = await run(0, lab.steps[0]!.starter);
    expect(executorNodes(starter.report)).toEqual(['n7', 'n8', 'n9']);
    expect(inputLocality(starter.report)).toMatchObject({ local: 0, byLevel: { ANY: 26 } });
    const solved = await run(0, lab.steps[0]!.solution);
    expect(solved.out.passed).toBe(true);
    expect(executorNodes(solved.report)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    const onSpark = await run(
      0,
      withConf(lab.steps[0]!.solution, "{ 'spark.yarn.executor.nodeLabelExpression': 'compute' }"),
    );
    const text = flat(lab.steps[0]!.instructions);
    expect(text).toContain(
      `the same job took ${seconds(onSpark.report.simulatedMs)} on the Spark servers and ${seconds(solved.report.simulatedMs)} on the Hadoop servers`,
    );
    expect(onSpark.report.simulatedMs).toBeGreaterThan(solved.report.simulatedMs);
    // "A few tasks may still run RACK_LOCAL or ANY".
    const loc = inputLocality(solved.report);
    expect(loc.local).toBeLessThan(26);
    expect(loc.local).toBeGreaterThanOrEqual(0.9 * 26);
  });

  it('step 2: the finished job at the default wait runs 22 tasks beside their blocks at once, the other four late and further away', async () => {
    const starter = await run(1, lab.steps[1]!.starter);
    expect(starter.out.checks.filter((c) => !c.pass).map((c) => c.id)).toContain('blocks-read-locally');
    const { report } = await run(1, withConf(lab.steps[1]!.solution, "{ 'spark.locality.wait': '3s' }"));
    expect(executorNodes(report)).toHaveLength(9);
    const tasks = readers(report);
    const first = Math.min(...tasks.map((a) => a.start));
    const local = tasks.filter((a) => a.locality === 'NODE_LOCAL');
    expect(local).toHaveLength(22);
    expect(local.every((a) => a.start === first)).toBe(true);
    const late = tasks.filter((a) => a.locality !== 'NODE_LOCAL');
    expect(late.map((a) => a.locality).sort()).toEqual(['ANY', 'ANY', 'ANY', 'RACK_LOCAL']);
    expect(late.every((a) => a.start >= first + 3000)).toBe(true);
    // "on another Hadoop server of a replica's rack, or anywhere, a Spark server among them"
    const hadoop = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
    expect(late.filter((a) => a.locality === 'RACK_LOCAL').every((a) => hadoop.includes(a.node))).toBe(true);
    expect(late.some((a) => ['n7', 'n8', 'n9'].includes(a.node))).toBe(true);
    expect(Math.max(...late.map((a) => a.start)) - first).toBeGreaterThanOrEqual(6000);
    expect(Math.max(...late.map((a) => a.start)) - first).toBeLessThan(7000);
    // "reads, parses and filters a 128 MB block in about eight seconds"
    const durations = local.map((a) => a.end - a.start).sort((a, b) => a - b);
    const median = durations[Math.floor(durations.length / 2)]!;
    expect(median).toBeGreaterThan(7500);
    expect(median).toBeLessThan(8500);
    const text = flat(lab.steps[1]!.instructions);
    const noWait = await run(1, withConf(lab.steps[1]!.solution, "{ 'spark.locality.wait': '0' }"));
    expect(text).toContain(
      `(${seconds(report.simulatedMs)} against ${seconds(noWait.report.simulatedMs)} with \`'0'\`)`,
    );
    const solved = await run(1, lab.steps[1]!.solution);
    expect(solved.out.passed).toBe(true);
    expect(solved.report.simulatedMs).toBeLessThan(report.simulatedMs);
    expect(noWait.out.checks.filter((c) => !c.pass).map((c) => c.id)).toEqual(['blocks-read-locally', 'network-bytes']);
  });

  it('steps 1 and 2: reading the cached file again and again does not pad the share of blocks read locally', async () => {
    const padded = withConf(
      lab.steps[0]!.solution.replace(
        "sc\n    .textFile('/data/readings.csv')",
        "{ const lines = sc.textFile('/data/readings.csv').cache(); for (let i = 0; i < 10; i++) await lines.count(); return lines",
      ).replace('.collect();', '.collect(); }'),
      "{ 'spark.yarn.executor.nodeLabelExpression': 'compute' }",
    );
    expect(padded).toContain('.cache()');
    const { out } = await run(0, padded);
    expect(out.checks.filter((c) => !c.pass).map((c) => c.id)).toEqual(['blocks-read-locally', 'network-bytes']);
  });

  it('step 3: the Hadoop servers miss the deadline with most blocks local; the Spark servers meet it reading all over the network', async () => {
    const onHadoop = await run(2, withConf(lab.steps[2]!.solution, '{}'));
    const solved = await run(2, lab.steps[2]!.solution);
    expect(solved.out.passed).toBe(true);
    expect(onHadoop.out.checks.find((c) => c.id === 'within-deadline')!.pass).toBe(false);
    expect(onHadoop.report.simulatedMs).toBeGreaterThan(SCORING_DEADLINE_MS);
    expect(solved.report.simulatedMs).toBeLessThanOrEqual(SCORING_DEADLINE_MS);
    const loc = inputLocality(onHadoop.report);
    const text = flat(lab.steps[2]!.instructions);
    expect(text).toContain(
      `the finished job reads ${loc.local} of the 26 blocks on a machine holding them and still takes ${seconds(onHadoop.report.simulatedMs)}`,
    );
    expect(inputLocality(solved.report)).toMatchObject({ local: 0 });
    expect(executorNodes(solved.report)).toEqual(['n7', 'n8', 'n9']);
  });
});
