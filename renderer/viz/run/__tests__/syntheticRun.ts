/**
 * A deterministic synthetic run (default 100 nodes, 10,000 attempts) for the timeline's frame
 * rate benchmark: map then reduce waves on 4 cores per node, a node dying midway (its attempts
 * killed and retried elsewhere), a few failures and speculative copies. Seeded, no Math.random.
 */
import type { JobRunReport } from '../../../../engine/api';
import { ZERO_IO, type AttemptRecord, type CostBreakdown } from '../../../../engine/exec';
import type { RunEvent } from '../../../../engine/api';
import { counterGroups, emptyCounters } from '../../../../engine/mapreduce';
import { toRunView } from '../runView';
import type { RunView } from '../runViewTypes';
import { maxOf } from '../../maxOf';

/** mulberry32: tiny, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  nodes?: number;
  attempts?: number;
  seed?: number;
  coresPerNode?: number;
  nodesPerRack?: number;
}

export function makeSyntheticReport(options: SyntheticOptions = {}): {
  report: JobRunReport;
  nodes: { id: string; rack: string }[];
} {
  const nodeCount = options.nodes ?? 100;
  const total = options.attempts ?? 10_000;
  const cores = options.coresPerNode ?? 4;
  const perRack = options.nodesPerRack ?? 20;
  const rand = rng(options.seed ?? 1);
  const nodes = Array.from({ length: nodeCount }, (_, i) => ({
    id: `n${i + 1}`,
    rack: `r${Math.floor(i / perRack) + 1}`,
  }));
  const free: number[][] = nodes.map(() => new Array<number>(cores).fill(1000));
  const dead = nodeCount > 1 ? nodeCount - 1 : -1;
  const mapCount = Math.round(total * 0.8);
  const attempts: AttemptRecord[] = [];
  const trace: RunEvent[] = [];
  let deathAt = Infinity;
  const place = (
    taskSet: string,
    task: string,
    index: number,
    attempt: number,
    notBefore: number,
    reduce: boolean,
    speculative = false,
  ) => {
    // Earliest free core of a live node.
    let bestNode = 0;
    let bestCore = 0;
    let bestT = Infinity;
    for (let n = 0; n < nodeCount; n++) {
      if (n === dead && notBefore >= deathAt) continue;
      for (let c = 0; c < cores; c++) if (free[n]![c]! < bestT) [bestNode, bestCore, bestT] = [n, c, free[n]![c]!];
    }
    const start = Math.max(bestT, notBefore);
    const cost: CostBreakdown = reduce
      ? {
          startup: 300,
          read: 0,
          compute: 200 + rand() * 900,
          spill: rand() * 100,
          shuffle: 150 + rand() * 600,
          write: 80 + rand() * 200,
        }
      : {
          startup: 300,
          read: 50 + rand() * 400,
          compute: 300 + rand() * 1500,
          spill: 40 + rand() * 200,
          shuffle: 0,
          write: 0,
        };
    const duration = cost.startup + cost.read + cost.compute + cost.spill + cost.shuffle + cost.write;
    const node = nodes[bestNode]!.id;
    const a: AttemptRecord = {
      taskSet,
      task,
      index,
      attempt,
      attemptId: `${task}_${attempt}`,
      container: attempts.length + 1,
      node,
      executor: `container@${node}`,
      locality: rand() < 0.85 ? 'NODE_LOCAL' : rand() < 0.7 ? 'RACK_LOCAL' : 'ANY',
      start,
      end: start + duration,
      status: 'succeeded',
      speculative,
      cost,
      io: { ...ZERO_IO },
    };
    if (!speculative && rand() < 0.004) {
      a.status = 'failed';
      a.end = start + duration * 0.5;
      a.reason = 'Error: synthetic task failure';
    }
    free[bestNode]![bestCore] = a.end;
    attempts.push(a);
    return a;
  };
  const runWave = (taskSet: string, prefix: string, count: number, reduce: boolean, notBefore: number) => {
    const startLen = attempts.length;
    for (let i = 0; i < count && attempts.length < total; i++) {
      let a = place(taskSet, `${prefix}_${String(i).padStart(5, '0')}`, i, 0, notBefore, reduce);
      let n = 1;
      while (a.status === 'failed' && attempts.length < total) a = place(taskSet, a.task, i, n++, a.end, reduce);
      if (attempts.length < total && rand() < 0.003)
        place(taskSet, a.task, i, n, a.start + (a.end - a.start) / 2, reduce, true).status = 'killed';
    }
    return attempts.slice(startLen);
  };
  trace.push({
    t: 1000,
    type: 'jobSubmitted',
    job: 'job_00001',
    engine: 'mapreduce',
    maps: mapCount,
    reduces: total - mapCount,
  });
  trace.push({ t: 1000, type: 'taskSetSubmitted', taskSet: 'job_00001/map', tasks: mapCount });
  const maps = runWave('job_00001/map', 'job_00001_m', mapCount, false, 1000);
  const mapsEnd = maxOf(maps, (a) => a.end);
  // The last node dies halfway through the maps: its running and later attempts are killed and re-run.
  deathAt = 1000 + (mapsEnd - 1000) / 2;
  if (dead >= 0) {
    trace.push({ t: deathAt, type: 'nodeDied', node: nodes[dead]!.id });
    for (const a of maps) {
      if (a.node !== nodes[dead]!.id || a.end <= deathAt || attempts.length >= total) continue;
      if (a.start >= deathAt) continue;
      a.status = 'killed';
      a.end = deathAt;
      a.reason = `node ${a.node} died`;
      place(a.taskSet, a.task, a.index, a.attempt + 1, deathAt, false);
    }
  }
  const reduceStart = maxOf(attempts, (a) => a.end);
  trace.push({ t: reduceStart, type: 'taskSetFinished', taskSet: 'job_00001/map' });
  trace.push({ t: reduceStart, type: 'taskSetSubmitted', taskSet: 'job_00001/reduce', tasks: total - attempts.length });
  runWave('job_00001/reduce', 'job_00001_r', total - attempts.length, true, reduceStart);
  const end = maxOf(attempts, (a) => a.end);
  trace.push(
    { t: end, type: 'taskSetFinished', taskSet: 'job_00001/reduce' },
    { t: end, type: 'jobFinished', job: 'job_00001', ms: end - 1000 },
  );
  trace.sort((a, b) => a.t - b.t);
  const shuffle = (total - mapCount) * 4_000_000;
  const report: JobRunReport = {
    kind: 'mapreduce',
    result: [],
    simulatedMs: end,
    metrics: {
      kind: 'mapreduce',
      jobs: 1,
      tasks: total,
      attempts: attempts.length,
      killedAttempts: attempts.filter((a) => a.status === 'killed').length,
      failedAttempts: attempts.filter((a) => a.status === 'failed').length,
      bytesReadLocal: mapCount * 100e6,
      bytesReadRemote: mapCount * 12e6,
      shuffleBytes: shuffle,
      shuffleBytesLocal: shuffle / nodeCount,
      shuffleBytesRemote: shuffle - shuffle / nodeCount,
      counters: emptyCounters(),
      counterGroups: counterGroups(emptyCounters(), new Map()),
    },
    attempts,
    trace,
    snapshots: [],
    generatedInputs: [],
  };
  return { report, nodes };
}

export function makeSyntheticRunView(options: SyntheticOptions = {}): RunView {
  const { report, nodes } = makeSyntheticReport(options);
  return toRunView(report, nodes);
}
