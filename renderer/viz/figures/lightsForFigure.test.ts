/**
 * The figures light exactly while the trace says so, on real engine runs of the labs' solutions:
 * at every event time, just before and just after it, and between events, each part's light is
 * compared with a plain computation from the trace or the attempt records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { JobRunReport, RunEvent } from '../../../engine/api';
import type { AttemptRecord } from '../../../engine/exec';
import { createFunctionRunner } from '../../../engine/sandbox';
import { findLab } from '../../../labs/labRegistry';
import type { HdfsRunReport } from '../../../labs/labTypes';
import { runStep } from '../../../labs/runStep';
import { blockMapAt } from './blockMapAt';
import { litParts } from './figureLights';
import { toFigureRun, type FigureRun } from './figureRun';
import { lightsForFigure } from './lightsForFigure';

async function solutionRun(labId: string, stepIndex: number) {
  const lab = findLab(labId)!;
  const out = await runStep({ lab, stepIndex, source: lab.steps[stepIndex]!.solution, runner: createFunctionRunner() });
  return out.report as JobRunReport | HdfsRunReport;
}

/** Every event time, a hair before and after it, and the midpoints between events. */
function instants(trace: readonly RunEvent[], end: number): number[] {
  const times = [...new Set([0, ...trace.map((e) => e.t), end])].sort((a, b) => a - b);
  const out: number[] = [];
  times.forEach((t, i) => {
    out.push(Math.max(0, t - 0.001), t, t + 0.001);
    if (i + 1 < times.length) out.push((t + times[i + 1]!) / 2);
  });
  return out;
}

/** Expects `part` of `figure` lit at t exactly when `truth(t)`. */
function expectLitIff(
  run: FigureRun,
  figure: Parameters<typeof lightsForFigure>[0],
  part: string,
  truth: (t: number) => boolean,
) {
  const lights = lightsForFigure(figure, run);
  const wrong = instants(run.trace, run.simulatedMs).filter((t) => litParts(lights, t).has(part) !== truth(t));
  expect(wrong.slice(0, 5), `${figure} ${part} lit wrongly at these instants`).toEqual([]);
  return lights;
}

const phaseWindow = (a: AttemptRecord, before: (keyof AttemptRecord['cost'])[], phase: keyof AttemptRecord['cost']) => {
  // Added one phase after the other, as the attempt's clock runs (the same rounding as the timeline).
  const start = before.reduce((s, p) => Math.min(a.end, s + a.cost[p]), a.start);
  return { start, end: Math.min(a.end, start + a.cost[phase]) };
};
const inside = (w: { start: number; end: number }, t: number) => w.start <= t && t < w.end;

describe('the MapReduce figures on the IoT lab step 1 (nine maps, three reducers)', () => {
  let report: JobRunReport;
  let run: FigureRun;
  beforeAll(async () => {
    report = (await solutionRun('mapreduce-iot-averages', 0)) as JobRunReport;
    run = toFigureRun(report, []);
  });

  it('lights the shuffle iff some reducer is fetching map output (shuffleStarted to its last shuffleFetched)', () => {
    const spans = new Map<string, { start: number; end: number }>();
    for (const e of report.trace) {
      if (e.type === 'shuffleStarted') spans.set(e.task, { start: e.t, end: e.t });
      if (e.type === 'shuffleFetched') spans.get(e.task)!.end = e.t;
    }
    expect(spans.size).toBe(3);
    const fetching = (t: number) => [...spans.values()].some((s) => inside(s, t));
    for (const figure of ['20.1', '20.2', '20.3'] as const) expectLitIff(run, figure, 'shuffle', fetching);
  });

  it('lights each mapper while its attempt works, and the splits while a map reads from HDFS', () => {
    const maps = report.attempts.filter((a) => a.taskSet.endsWith('/map'));
    expect(maps).toHaveLength(9);
    for (const m of maps)
      expectLitIff(run, '20.2', `mapper:${m.index}`, (t) => m.start + m.cost.startup <= t && t < m.end);
    expectLitIff(run, '20.3', 'splits', (t) => maps.some((m) => inside(phaseWindow(m, ['startup'], 'read'), t)));
    expectLitIff(run, '20.3', 'spill', (t) =>
      maps.some((m) => inside(phaseWindow(m, ['startup', 'read', 'compute'], 'spill'), t)),
    );
  });

  it('lights reduce() while a reducer reduces and the output while it writes its part file', () => {
    const reduces = report.attempts.filter((a) => a.taskSet.endsWith('/reduce'));
    const order = ['startup', 'shuffle', 'spill'] as const;
    expectLitIff(run, '20.3', 'reduce', (t) => reduces.some((r) => inside(phaseWindow(r, [...order], 'compute'), t)));
    expectLitIff(run, '20.3', 'output', (t) =>
      reduces.some((r) => inside(phaseWindow(r, [...order, 'compute'], 'write'), t)),
    );
  });

  it('never lights the combiner of a job without one, nor anything before the run', () => {
    expect(run.combineInputRecords).toBe(0);
    expectLitIff(run, '20.3', 'combine', () => false);
    for (const figure of ['20.1', '20.2', '20.3'] as const)
      expect(litParts(lightsForFigure(figure, run), null).size).toBe(0);
  });
});

describe('the HDFS figures on the hdfs-blocks lab', () => {
  it('19.2 on step 1: four blocks of 128 MB with three replicas each, lit from their allocation', async () => {
    const report = (await solutionRun('hdfs-blocks', 0)) as HdfsRunReport;
    const run = toFigureRun(report, []);
    const map = blockMapAt(report.trace, report.simulatedMs)!;
    expect(map.path).toBe('/data/big.bin');
    expect(map.bytes).toBe(512 * 2 ** 20);
    expect(map.blocks.map((b) => [b.bytes, b.replicas.length])).toEqual(Array(4).fill([128 * 2 ** 20, 3]));
    const lit = litParts(lightsForFigure('19.2', run), 0);
    expect([...lit].sort()).toEqual(['block:0', 'block:1', 'block:2', 'block:3']);
  });

  it('19.1 and 19.2 on step 3: a DataNode down, the NameNode repairing, blocks copied, as the trace says', async () => {
    const report = (await solutionRun('hdfs-blocks', 2)) as HdfsRunReport;
    const run = toFigureRun(report, []);
    const trace = report.trace;
    const died = trace.find((e) => e.type === 'nodeDied')!;
    const declared = trace.find((e) => e.type === 'dataNodeDeclaredDead')!;
    const copies = trace.filter((e) => e.type === 'replicationStarted');
    const copied = trace.filter((e) => e.type === 'blockReplicated');
    expect(copies.length).toBeGreaterThan(0);
    expectLitIff(run, '19.1', 'down', (t) => t >= died.t);
    const repaired = Math.max(...copied.map((e) => e.t));
    expectLitIff(run, '19.1', 'repair', (t) => declared.t <= t && t < repaired);
    // Every lost replica is drawn back in place once the last copy is made, not at the first.
    expect(copied.length).toBeGreaterThan(1);
    expectLitIff(run, '19.1', 'restored', (t) => t >= repaired);
    const copying = (t: number) =>
      copies.some((c) => c.t <= t && t < copied.find((d) => d.block === c.block && d.to === c.to)!.t);
    expectLitIff(run, '19.1', 'copying', copying);
    expectLitIff(run, '19.2', 'copying', copying);
    // At the end the figure's replicas are the NameNode's, none of them on the dead node.
    const end = blockMapAt(trace, report.simulatedMs)!;
    const finalBlocks = report.final.hdfs.blocks.filter((b) => b.path === end.path);
    for (const b of end.blocks) {
      const live = b.replicas.filter((r) => r.state !== 'down').map((r) => r.node);
      expect(live.sort()).toEqual([...finalBlocks.find((f) => f.id === b.id)!.replicas].sort());
    }
  });
});

describe('the Spark figures on the spark-in-memory lab step 1', () => {
  let report: JobRunReport;
  let run: FigureRun;
  beforeAll(async () => {
    report = (await solutionRun('spark-in-memory', 0)) as JobRunReport;
    run = toFigureRun(report, []);
  });

  it('20.6: the ResourceManager until the executors are launched, then executors running tasks', () => {
    const trace = report.trace;
    const requested = Math.min(...trace.filter((e) => e.type === 'containerRequested').map((e) => e.t));
    const launched = Math.max(...trace.filter((e) => e.type === 'containerLaunched').map((e) => e.t));
    expectLitIff(run, '20.6', 'resourcemanager', (t) => requested <= t && t < launched);
    expectLitIff(run, '20.6', 'executors', (t) => report.attempts.some((a) => a.start <= t && t < a.end));
    const finished = trace.find((e) => e.type === 'applicationFinished')!.t;
    expectLitIff(run, '20.6', 'driver', (t) => t < finished);
  });

  it('20.5: NODE_LOCAL reads of stage 0 (textFile) light the local read; nothing is read remotely', () => {
    const stage0 = report.attempts.filter((a) => a.taskSet === 'stage-0');
    expect(stage0.every((a) => a.locality === 'NODE_LOCAL')).toBe(true);
    expectLitIff(run, '20.5', 'local', (t) => stage0.some((a) => inside(phaseWindow(a, ['startup'], 'read'), t)));
    expectLitIff(run, '20.5', 'remote', () => false);
  });

  it('20.4: Spark and YARN are used, MapReduce is not', () => {
    expectLitIff(run, '20.4', 'mapreduce', () => false);
    expectLitIff(run, '20.4', 'spark', (t) => report.attempts.some((a) => a.start <= t && t < a.end));
    const finished = report.trace.find((e) => e.type === 'applicationFinished')!.t;
    expectLitIff(run, '20.4', 'yarn', (t) => t < finished);
  });
});

describe('figure 20.5 on the data-locality lab step 1', () => {
  async function stepRun(source: 'starter' | 'solution') {
    const lab = findLab('data-locality')!;
    const out = await runStep({ lab, stepIndex: 0, source: lab.steps[0]![source], runner: createFunctionRunner() });
    const report = out.report as JobRunReport;
    const nodes = (report.snapshots[0]?.nodes ?? []).map((n) => ({ id: n.id, rack: n.rack, roles: n.roles }));
    return { report, run: toFigureRun(report, nodes) };
  }

  it('lights the executors only while some run on a DataNode machine, never for the Spark servers apart', async () => {
    const apart = await stepRun('starter');
    expect(apart.report.trace.some((e) => e.type === 'executorAdded')).toBe(true);
    expectLitIff(apart.run, '20.5', 'executors', () => false);
    expectLitIff(apart.run, '20.5', 'local', () => false);
    const beside = await stepRun('solution');
    const added = beside.report.trace.filter((e) => e.type === 'executorAdded').map((e) => e.t);
    const finished = beside.report.trace.find((e) => e.type === 'applicationFinished')!.t;
    expectLitIff(beside.run, '20.5', 'executors', (t) => Math.min(...added) <= t && t < finished);
  });
});

describe('figures 20.4 and 20.6 on the spark-on-yarn lab step 1 (an ETL on YARN beside the job)', () => {
  async function stepRun(source: 'starter' | 'solution') {
    const lab = findLab('spark-on-yarn')!;
    const code = lab.steps[0]![source];
    const out = await runStep({ lab, stepIndex: 0, source: code, runner: createFunctionRunner() });
    const report = out.report as JobRunReport;
    return { report, run: toFigureRun(report, []) };
  }

  it("the standalone starter: 20.4's standalone manager lights while its executors live; 20.6 lights neither the ETL's containers nor standalone executors", async () => {
    const { report, run } = await stepRun('starter');
    const added = report.trace.filter((e) => e.type === 'executorAdded');
    const from = Math.min(...added.map((e) => e.t));
    const to = Math.max(...report.trace.filter((e) => e.type === 'executorRemoved').map((e) => e.t));
    expectLitIff(run, '20.4', 'standalone', (t) => from <= t && t < to);
    expectLitIff(run, '20.6', 'nodemanagers', () => false);
    expectLitIff(run, '20.6', 'executors', () => false);
    expectLitIff(run, '20.6', 'resourcemanager', () => false);
    const driver = report.trace.find((e) => e.type === 'driverStarted')!.t;
    expectLitIff(run, '20.6', 'driver', (t) => driver <= t && t < report.simulatedMs);
  });

  it("on YARN: 20.6's NodeManagers light for the Spark application's containers only, and the driver until its application ends", async () => {
    const { report, run } = await stepRun('solution');
    const app = report.trace.find((e) => e.type === 'applicationSubmitted' && e.name === 'spark')!;
    const appId = app.type === 'applicationSubmitted' ? app.app : '';
    const launched = report.trace.filter((e) => e.type === 'containerLaunched' && e.app === appId);
    const first = Math.min(...launched.map((e) => e.t));
    const finished = report.trace.find((e) => e.type === 'applicationFinished' && e.app === appId)!.t;
    expectLitIff(run, '20.6', 'nodemanagers', (t) => first <= t && t < finished);
    expectLitIff(run, '20.6', 'driver', (t) => app.t <= t && t < finished);
    expectLitIff(run, '20.4', 'standalone', () => false);
  });
});
