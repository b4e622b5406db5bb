import { describe, expect, it } from 'vitest';
import { runStep } from '../../../labs/runStep';
import { createFunctionRunner } from '../../../engine/sandbox';
import iotAveragesLab from '../../../labs/mapreduce-iot-averages/lab';
import hdfsBlocksLab from '../../../labs/hdfs-blocks/lab';
import type { JobRunReport } from '../../../engine/api';
import type { HdfsRunReport } from '../../../labs/labTypes';
import { changeText, retriesOf, runDifference, tasksOf } from './runDifference';

const runner = createFunctionRunner();
const scaleOut = iotAveragesLab.steps.findIndex((s) => s.id.includes('scale'));
const withCombiner = iotAveragesLab.steps[scaleOut]!.solution;
// The same job without its combiner: every reading crosses the shuffle.
const withoutCombiner = withCombiner.replace(/\n {2}combine\([\s\S]*?\n {2}},/, '');

async function jobRun(source: string): Promise<JobRunReport> {
  const out = await runStep({ lab: iotAveragesLab, stepIndex: scaleOut, source, runner });
  return out.report as JobRunReport;
}

describe('runDifference: two runs of one step, by the engine figures', () => {
  it('with and without a combiner: the shuffle shrinks, the figures are each run’s own metrics', async () => {
    expect(withoutCombiner).not.toContain('combine(');
    const a = await jobRun(withoutCombiner);
    const b = await jobRun(withCombiner);
    const rows = runDifference({ report: a, nodes: 3 }, { report: b, nodes: 3 });
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row('time')).toMatchObject({ a: a.simulatedMs, b: b.simulatedMs });
    expect(row('shuffled')).toMatchObject({ a: a.metrics.shuffleBytes, b: b.metrics.shuffleBytes, better: 'b' });
    expect(row('shuffled').b!).toBeLessThan(row('shuffled').a!);
    expect(row('shuffled').change).toMatch(/× less$/);
    expect(row('tasks')).toMatchObject({ a: a.metrics.tasks, b: b.metrics.tasks, change: 'same', better: null });
    expect(row('retries')).toMatchObject({ a: 0, b: 0, change: 'same' });
    // HDFS figures do not apply to job runs.
    expect(rows.some((r) => r.id === 'bytesReplicated')).toBe(false);
  }, 60_000);

  it('counts retries after a killed node, and compares HDFS runs by their re-replication', async () => {
    const plain = await jobRun(withCombiner);
    const faulty = (
      await runStep({
        lab: iotAveragesLab,
        stepIndex: scaleOut,
        source: withCombiner,
        runner,
        faults: [{ atMs: Math.round(plain.simulatedMs / 2), kind: 'killNode', node: 'n2' }],
      })
    ).report as JobRunReport;
    expect(retriesOf(faulty)).toBe(faulty.attempts.filter((x) => x.attempt > 0 && !x.speculative).length);
    expect(retriesOf(faulty)).toBeGreaterThan(0);
    // A map re-run after its node died is still one task: the job has as many tasks as without the fault.
    const rows = runDifference({ report: plain, nodes: 9 }, { report: faulty, nodes: 9 });
    expect(tasksOf(faulty)).toBe(tasksOf(plain));
    expect(rows.find((r) => r.id === 'tasks')).toMatchObject({ change: 'same' });
    expect(rows.find((r) => r.id === 'attempts')!.b).toBeGreaterThan(rows.find((r) => r.id === 'attempts')!.a!);
    const hdfsStep = hdfsBlocksLab.steps.findIndex((s) => s.kind === 'hdfs' && /kill/i.test(s.id));
    const h = (
      await runStep({
        lab: hdfsBlocksLab,
        stepIndex: hdfsStep,
        source: hdfsBlocksLab.steps[hdfsStep]!.solution,
        runner,
      })
    ).report as HdfsRunReport;
    const same = runDifference({ report: h, nodes: 6 }, { report: h, nodes: 6 });
    expect(same.map((r) => r.id)).toContain('bytesReplicated');
    expect(same.every((r) => r.change === 'same')).toBe(true);
    expect(same.some((r) => r.id === 'shuffled')).toBe(false);
    // A run where no DataNode died has no time to recover ("–"), not a recovery of 0 s.
    const calm = (await runStep({ lab: hdfsBlocksLab, stepIndex: 0, source: hdfsBlocksLab.steps[0]!.solution, runner }))
      .report as HdfsRunReport;
    const recovery = runDifference({ report: calm, nodes: 6 }, { report: h, nodes: 6 }).find(
      (r) => r.id === 'recovery',
    )!;
    expect(recovery).toMatchObject({ a: null, change: '–', better: null });
    expect(recovery.b).toBeGreaterThan(0);
  }, 60_000);

  it('says the change in words a learner reads', () => {
    expect(changeText('ms', 10_000, 4_000)).toBe('2.5× faster');
    expect(changeText('ms', 4_000, 10_000)).toBe('2.5× slower');
    expect(changeText('bytes', 1000, 3000)).toBe('3.0× more');
    expect(changeText('bytes', 1000, 1050)).toBe('1.05× more');
    expect(changeText('bytes', 0, 2048)).toBe('+2.0 KB');
    expect(changeText('count', 5, 3)).toBe('−2');
    expect(changeText('count', 3, 3)).toBe('same');
    // Shown alike, so no verdict: 1,000 and 999 ms both read "1.0 s".
    expect(changeText('ms', 1000, 999)).toBe('about the same');
    expect(changeText('bytes', 2048, 2047)).toBe('about the same');
  });
});
