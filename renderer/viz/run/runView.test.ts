import { describe, it, expect } from 'vitest';
import { runJob, type JobRunReport } from '../../../engine/api';
import { createInProcessRunner } from '../../../engine/sandbox';
import { preset } from '../../../engine/cluster';
import { ZERO_IO, type AttemptRecord } from '../../../engine/exec';
import { phaseSegments, toRunView } from './runView';
import { stageProgressAt } from './runStages';
import { flowMatrixAt } from './runFlows';
import { countRunning } from './timelineLayout';
import { counterLabel } from './runCounters';
import { ClusterTimeline } from '../clusterTimeline';

const runner = createInProcessRunner({
  evaluate(code) {
    // The browser worker's way: a Function with only module and exports in scope.
    const body = new Function('module', 'exports', code);
    return () => {
      const module = { exports: {} as Record<string, unknown> };
      body(module, module.exports);
      return module.exports;
    };
  },
  lineOffset: 2,
  decodeUtf8: (b) => new TextDecoder().decode(b),
});

// A small generated dataset: 4,000 readings over 10 days, 3 sensors.
const lines: string[] = [];
for (let i = 0; i < 4000; i++)
  lines.push(`2024-01-${String(1 + (i % 10)).padStart(2, '0')}T00:00:00,s${i % 3},${(i * 7) % 50}`);
const csv = new TextEncoder().encode(lines.join('\n') + '\n');
const MR_JOB = `exports.default = { kind: 'mapreduce', input: '/in/r.csv', output: '/out/avg', numReduceTasks: 3,
  map(o, line, ctx) { const p = line.split(','); ctx.write(p[0].slice(0, 10), Number(p[2])); },
  reduce(k, vs, ctx) { let s = 0, n = 0; for (const v of vs) { s += v; n++; } ctx.write(k, s / n); } };`;
const nodes = [
  { id: 'n1', rack: 'r1' },
  { id: 'n2', rack: 'r1' },
  { id: 'n3', rack: 'r1' },
];

async function mrReport(faults: { atMs: number; kind: 'killNode'; node: string }[] = []): Promise<JobRunReport> {
  return runJob({
    source: { fileName: 'avg.js', code: MR_JOB },
    runner,
    cluster: preset('classroom'),
    seed: 3,
    blockSize: 16 * 1024,
    files: [{ path: '/in/r.csv', bytes: csv }],
    faults,
    snapshots: false,
  });
}

describe('toRunView on a real MapReduce run', () => {
  it('has one lane per node, one bar per attempt with phases that add up to its duration', async () => {
    const report = await mrReport();
    const view = toRunView(report, nodes);
    expect(view.lanes.map((l) => l.id)).toEqual(['n1', 'n2', 'n3']);
    // One bar per attempt, and one for the ApplicationMaster's container (held for the whole job).
    expect(view.bars.filter((b) => b.role === 'task')).toHaveLength(report.attempts.length);
    const masters = view.bars.filter((b) => b.role === 'am');
    expect(masters).toHaveLength(1);
    expect(masters[0]!.phases.map((p) => p.phase)).toEqual(['startup', 'am']);
    expect(masters[0]!.end).toBeCloseTo(report.simulatedMs, 6);
    expect(view.totals.attempts).toBe(report.attempts.length);
    // A reducer's phases in time order: fetch, merge, reduce, write.
    const reducer = view.bars.find((b) => b.taskSet.endsWith('/reduce'))!;
    expect(reducer.phases.map((p) => p.phase)).toEqual(['startup', 'shuffle', 'spill', 'compute', 'write']);
    for (const b of view.bars) {
      const sum = b.phases.reduce((s, p) => s + (p.end - p.start), 0);
      expect(sum).toBeCloseTo(b.end - b.start, 6);
      expect(b.slot).toBeLessThan(view.lanes[b.lane]!.slots);
    }
    // Bars in one lane row never overlap.
    for (const lane of view.lanes)
      for (let s = 0; s < lane.slots; s++) {
        const row = view.bars.filter((b) => b.lane === lane.index && b.slot === s).sort((a, b) => a.start - b.start);
        for (let i = 1; i < row.length; i++) expect(row[i]!.start).toBeGreaterThanOrEqual(row[i - 1]!.end - 1e-9);
      }
    expect(view.stages.map((s) => s.id)).toEqual(['job_00001/map', 'job_00001/reduce']);
    expect(view.edges).toEqual([{ from: 'job_00001/map', to: 'job_00001/reduce', kind: 'wide', label: 'shuffle' }]);
    const reduce = view.stages[1]!;
    expect(reduce.tasks).toBe(3);
    expect(stageProgressAt(reduce, view.bars, 0).state).toBe('waiting');
    expect(stageProgressAt(reduce, view.bars, view.durationMs)).toMatchObject({
      state: 'done',
      done: 3,
      running: 0,
      total: 3,
    });
    const counters = new Map(view.counters.map((c) => [c.name, c]));
    expect(counters.get('MAP_INPUT_RECORDS')).toMatchObject({ label: 'Map input records', value: 4000 });
    expect(counters.get('REDUCE_OUTPUT_RECORDS')?.value).toBe(10);
  });

  it("at every instant the cluster map's busy cores equal the timeline's running bars", async () => {
    // (With a node killed they differ on purpose: the map shows the dead node empty at once, the
    // timeline its attempts hanging until YARN declares their containers lost.)
    const info = nodes.map((n) => ({ ...n, cores: 4, memoryMb: 8192 }));
    {
      const report = await mrReport();
      const view = toRunView(report, nodes);
      const map = new ClusterTimeline(info, report.trace);
      const times = [...new Set(report.trace.map((e) => e.t))].sort((a, b) => a - b);
      for (const t of [...times, ...times.map((x) => x + 0.5)]) {
        const busy = map.at(t).nodes.reduce((sum, n) => sum + n.usedCores, 0);
        expect({ t, busy }).toEqual({ t, busy: countRunning(view, t) });
      }
      expect(countRunning(view, report.simulatedMs)).toBe(0);
    }
  });

  it('flows add up to the measured shuffle bytes, split local/remote as the engine counted', async () => {
    const report = await mrReport();
    const view = toRunView(report, nodes);
    const end = flowMatrixAt(view.flows, view.nodes, view.durationMs);
    expect(end.local).toBeCloseTo(report.metrics.shuffleBytesLocal, 3);
    expect(end.rack + end.offRack).toBeCloseTo(report.metrics.shuffleBytesRemote, 3);
    expect(end.offRack).toBe(0); // one rack
    expect(flowMatrixAt(view.flows, view.nodes, 0).max).toBe(0);
  });

  it('marks a dead node, the killed attempt and its retry', async () => {
    const report = await mrReport([{ atMs: 1500, kind: 'killNode', node: 'n1' }]);
    const view = toRunView(report, nodes);
    const kinds = view.markers.map((m) => m.kind);
    expect(kinds).toContain('nodeDied');
    expect(kinds).toContain('taskKilled');
    expect(kinds).toContain('retryStarted');
    const killed = view.bars.find((b) => b.status === 'killed')!;
    expect(killed.node).toBe('n1');
    expect(killed.reason).toMatch(/n1/);
    expect(view.bars.some((b) => b.task === killed.task && b.retry && b.status === 'succeeded')).toBe(true);
    expect(view.totals.killed).toBeGreaterThan(0);
  });
});

describe('toRunView on a real Spark run', () => {
  it('has executor lanes and stages ending in the result stage', async () => {
    const code = `exports.default = async (sc) => sc.textFile('/in/r.csv').map((l) => [l.slice(0, 10), 1]).reduceByKey((a, b) => a + b).collect();`;
    const report = await runJob({
      source: { fileName: 'wc.js', code },
      runner,
      cluster: preset('classroom'),
      seed: 3,
      blockSize: 16 * 1024,
      files: [{ path: '/in/r.csv', bytes: csv }],
      snapshots: false,
    });
    const view = toRunView(report, nodes);
    expect(view.kind).toBe('spark');
    expect(view.lanes.every((l) => l.id.startsWith('exec-'))).toBe(true);
    expect(view.stages.length).toBeGreaterThanOrEqual(2);
    // The engine records each job's action: the result stage is labelled with it.
    const result = view.stages.find((s) => /→ collect/.test(s.label))!;
    expect(result).toBeDefined();
    expect(view.edges.some((e) => e.to === result.id && e.kind === 'wide')).toBe(true);
    for (const s of view.stages) expect(stageProgressAt(s, view.bars, view.durationMs).state).toBe('done');
  });
});

const attempt = (over: Partial<AttemptRecord>): AttemptRecord => ({
  taskSet: 'stage-1',
  task: 's1.t0',
  index: 0,
  attempt: 0,
  attemptId: 's1.t0.0',
  container: null,
  node: 'n1',
  executor: 'exec-n1',
  locality: 'NODE_LOCAL',
  start: 0,
  end: 100,
  status: 'succeeded',
  speculative: false,
  cost: { startup: 10, read: 20, compute: 70, spill: 0, shuffle: 0, write: 0 },
  io: { ...ZERO_IO },
  ...over,
});

function fixture(attempts: AttemptRecord[], trace: JobRunReport['trace']): JobRunReport {
  return {
    kind: 'spark',
    result: [],
    simulatedMs: 1000,
    attempts,
    trace,
    snapshots: [],
    generatedInputs: [],
    metrics: {
      kind: 'spark',
      accumulators: [],
      jobs: 1,
      tasks: 1,
      attempts: attempts.length,
      killedAttempts: 0,
      failedAttempts: 0,
      bytesReadLocal: 0,
      bytesReadRemote: 0,
      shuffleBytes: 300,
      shuffleBytesLocal: 100,
      shuffleBytesRemote: 200,
      counters: {
        STAGES_RUN: 2,
        STAGES_SKIPPED: 1,
        CACHE_HITS: 0,
        BLOCKS_EVICTED: 0,
        PROCESS_LOCAL_TASKS: 0,
        NODE_LOCAL_TASKS: 2,
        NO_PREF_TASKS: 0,
        RACK_LOCAL_TASKS: 0,
        ANY_TASKS: 0,
      },
    },
  };
}

describe('toRunView on hand-made fixtures', () => {
  it('clips phases of a killed attempt at its end', () => {
    expect(
      phaseSegments({
        start: 0,
        end: 25,
        cost: { startup: 10, read: 20, compute: 70, spill: 0, shuffle: 0, write: 0 },
      }),
    ).toEqual([
      { phase: 'startup', start: 0, end: 10 },
      { phase: 'read', start: 10, end: 25 },
    ]);
  });

  it('uses declared parents, marks skipped stages and takes real fetch events', () => {
    const stage = { job: 'spark-job-0', name: 'map', parents: [] as number[] };
    const report = fixture(
      [
        attempt({}),
        attempt({
          taskSet: 'stage-0',
          task: 's0.t0',
          node: 'n2',
          executor: 'exec-n2',
          start: 100,
          end: 200,
          cost: { startup: 10, read: 0, compute: 40, spill: 0, shuffle: 50, write: 0 },
        }),
      ],
      [
        {
          t: 0,
          type: 'jobSubmitted',
          job: 'spark-job-0',
          engine: 'spark',
          maps: 0,
          reduces: 0,
          action: 'count',
          stages: [2, 1, 0],
        },
        { t: 0, type: 'stageSkipped', ...stage, stage: 2, rdd: 1, tasks: 4 },
        { t: 0, type: 'stageSubmitted', ...stage, stage: 1, rdd: 2, tasks: 1 },
        { t: 100, type: 'stageSubmitted', ...stage, stage: 0, rdd: 3, tasks: 1, parents: [1, 2] },
        {
          t: 150,
          type: 'shuffleFetched',
          job: 'spark-job-0',
          task: 's0.t0',
          attempt: 0,
          from: 'n1',
          to: 'n2',
          bytes: 300,
        },
      ],
    );
    const view = toRunView(report, [
      { id: 'n1', rack: 'a' },
      { id: 'n2', rack: 'b' },
    ]);
    expect(view.edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual([
      'spark-job-0/1->spark-job-0/0',
      'spark-job-0/2->spark-job-0/0',
    ]);
    const skipped = view.stages.find((s) => s.stageId === 2)!;
    expect(skipped.skipped).toBe(true);
    expect(stageProgressAt(skipped, view.bars, 500).state).toBe('skipped');
    expect(view.flowsEstimated).toBe(false);
    expect(view.flows).toEqual([{ t: 150, from: 'n1', to: 'n2', bytes: 300, scope: 'offRack' }]);
    expect(view.stages.find((s) => s.stageId === 0)!.label).toMatch(/count/);
    expect(counterLabel(view.counters.find((c) => c.name === 'STAGES_RUN')!)).toBe('Stages run');
  });

  it('survives an empty report', () => {
    const empty = toRunView({ ...fixture([], []), trace: [] }, []);
    expect(empty.bars).toEqual([]);
    expect(empty.stages).toEqual([]);
  });
});
