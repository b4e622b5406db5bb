/**
 * Scale: how the cost of a YARN run grows with tasks and with nodes. The workload is the YARN
 * benchmark's (10 applications in two Capacity-scheduler queues, half the asks naming a node,
 * each container running a simulated 2-20 s), at 1k, 10k, 100k and 1M tasks on 1,000 nodes and at
 * 100k tasks on 10, 100, 1,000 and 10,000 nodes. Each row runs in its own process, so its heap is
 * its own. Printed per row: wall time and its parts (asking for the containers, running them),
 * wall time per task, kernel events per task (heartbeats among them), heap per task once every
 * task is asked for; the 1M-task row runs once more under a 500 MB heap limit, reading its live
 * heap (after a collection) ten times. Targets: the cost per task stays
 * within 2x from the smallest row to the largest; 1M tasks fit in 500 MB of heap. Where a row is
 * off, the summary names the part whose cost per task grew. Trace sink: 'none'.
 *
 * 10,000 nodes is past the learners' limit of 1,000 (the UI draws every node): this benchmark
 * alone lifts LIMITS.maxNodes and maxRacks in its own process to measure the engine there.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LIMITS, createRng } from '../../engine/core';
import { presetWithNodes } from '../../engine/cluster';
import { askForContainers, yarnBenchSimulation } from './yarnWorkload';

interface Row {
  tasks: number;
  nodes: number;
  clusterMs: number;
  /** CPU time of the three parts (user + system): what the engine costs, whatever else the machine runs. */
  cpuMs: number;
  setupMs: number;
  runMs: number;
  events: number;
  heartbeats: number;
  heapPerTask: number;
  peakHeapMb: number;
  simulatedS: number;
}

const APPS = 10;
const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

/** `sampleHeap`: read the live heap (after a collection) at ten points of the run; slows the run. */
function measure(tasks: number, nodes: number, sampleHeap = false): Row {
  const limits = LIMITS as { maxNodes: number; maxRacks: number };
  limits.maxNodes = Math.max(limits.maxNodes, nodes);
  limits.maxRacks = Math.max(limits.maxRacks, Math.ceil(nodes / 20));
  const before = heapUsed();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sim = yarnBenchSimulation(presetWithNodes(nodes));
  const clusterMs = performance.now() - t0;
  const rng = createRng('scale-bench');
  let completed = 0;
  let peak = 0;
  askForContainers(sim, rng, { apps: APPS, perApp: tasks / APPS, nodes }, () => {
    if (++completed % Math.ceil(tasks / 10) === 0 && sampleHeap) peak = Math.max(peak, heapUsed());
  });
  const setupMs = performance.now() - t0 - clusterMs;
  const cpuAsk = process.cpuUsage(cpu0);
  const asked = heapUsed();
  const heapPerTask = (asked - before) / tasks;
  peak = Math.max(peak, asked);
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  sim.run();
  const runMs = performance.now() - t1;
  const cpuRun = process.cpuUsage(cpu1);
  if (completed !== tasks) throw new Error(`only ${completed} of ${tasks} tasks completed`);
  // Heartbeats: every NodeManager beats once per interval of the simulated run.
  const heartbeats = Math.round((sim.kernel.now / sim.yarn.config.nodeHeartbeatIntervalMs) * nodes);
  return {
    tasks,
    nodes,
    clusterMs,
    cpuMs: (cpuAsk.user + cpuAsk.system + cpuRun.user + cpuRun.system) / 1000,
    setupMs,
    runMs,
    events: sim.kernel.eventCount,
    heartbeats,
    heapPerTask,
    peakHeapMb: peak / 2 ** 20,
    simulatedS: sim.kernel.now / 1000,
  };
}

if (process.argv[2] === 'row') {
  // Warm the JIT on a small run first, as a learner's second run would be: the rows measure the engine, not V8 starting.
  measure(2000, 100);
  console.log(JSON.stringify(measure(Number(process.argv[3]), Number(process.argv[4]), process.argv[5] === 'heap')));
} else {
  const self = fileURLToPath(import.meta.url);
  const runRow = (tasks: number, nodes: number): Row => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=8192', self, 'row', String(tasks), String(nodes)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    if (r.status !== 0) {
      if (heapLimitMb < 8192) return { ...byTasks[3]!, peakHeapMb: Number.POSITIVE_INFINITY };
      throw new Error(`row ${tasks} tasks x ${nodes} nodes failed: ${r.stderr}`);
    }
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Row;
  };
  const byTasks: Row[] = [];
  for (const t of [1_000, 10_000, 100_000, 1_000_000]) byTasks.push(runRow(t, 1000));
  const byNodes = [10, 100, 1000, 10_000].map((n) => (n === 1000 ? byTasks[2]! : runRow(100_000, n)));
  const num = (n: number, d = 0): string =>
    n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const perTask = (r: Row): number => ((r.clusterMs + r.setupMs + r.runMs) * 1000) / r.tasks;
  // The verdict uses CPU time: on a busy machine wall time measures the other programs too.
  const cpuPerTask = (r: Row): number => (r.cpuMs * 1000) / r.tasks;
  const print = (title: string, rows: Row[]): void => {
    console.log(`\n${title}`);
    console.log(
      '    tasks |  nodes | sim. s | cluster ms |  ask ms |  run ms | µs/task | CPU µs/task | events/task (heartbeats) | heap B/task',
    );
    for (const r of rows) {
      console.log(
        `${num(r.tasks).padStart(9)} | ${num(r.nodes).padStart(6)} | ${num(r.simulatedS).padStart(6)} | ${num(r.clusterMs).padStart(10)} | ${num(r.setupMs).padStart(7)} | ${num(r.runMs).padStart(7)} | ${num(perTask(r), 1).padStart(7)} | ${num((r.cpuMs * 1000) / r.tasks, 1).padStart(11)} | ${`${num(r.events / r.tasks, 1)} (${num(r.heartbeats / r.tasks, 1)})`.padStart(24)} | ${num(r.heapPerTask).padStart(11)}`,
      );
    }
  };
  print('By tasks, on 1,000 nodes:', byTasks);
  print('By nodes, 100,000 tasks:', byNodes);
  const verdict = (title: string, rows: Row[]): void => {
    const costs = rows.map(cpuPerTask);
    const lo = Math.min(...costs);
    const hi = Math.max(...costs);
    const worst = rows[costs.indexOf(hi)]!;
    const best = rows[costs.indexOf(lo)]!;
    let why = '';
    if (hi > 2 * lo) {
      const parts: [string, number, number][] = [
        ['building the cluster (per task)', best.clusterMs / best.tasks, worst.clusterMs / worst.tasks],
        ['asking (requests, per task)', best.setupMs / best.tasks, worst.setupMs / worst.tasks],
        ['heartbeats (per task)', best.heartbeats / best.tasks, worst.heartbeats / worst.tasks],
        [
          'other kernel events (per task)',
          (best.events - best.heartbeats) / best.tasks,
          (worst.events - worst.heartbeats) / worst.tasks,
        ],
        ['running, wall time per event', best.runMs / best.events, worst.runMs / worst.events],
      ];
      const grown = parts.map(([name, a, b]) => [name, b / Math.max(a, 1e-9)] as const).sort((x, y) => y[1] - x[1]);
      why = `; grew most: ${grown
        .slice(0, 2)
        .map(([name, f]) => `${name} x${f.toFixed(1)}`)
        .join(
          ', ',
        )} (${num(worst.tasks)} tasks on ${num(worst.nodes)} nodes vs ${num(best.tasks)} on ${num(best.nodes)})`;
    }
    console.log(
      `${title}: CPU cost per task from ${num(lo, 1)} to ${num(hi, 1)} µs = ${(hi / lo).toFixed(2)}x (target <= 2x: ${hi <= 2 * lo ? 'met' : 'NOT met'})${why}`,
    );
  };
  console.log('');
  verdict('By tasks', byTasks);
  verdict('By nodes', byNodes);
  // The heap target: the 1M-task row again, under a 500 MB heap limit, reading its live heap ten times.
  const million = runRow(1_000_000, 1000, 500);
  console.log(
    million.peakHeapMb === Number.POSITIVE_INFINITY
      ? '1,000,000 tasks under a 500 MB heap limit: ran out of heap (target <= 500 MB: NOT met)'
      : `1,000,000 tasks under a 500 MB heap limit: completed; largest live heap ${num(million.peakHeapMb)} MB (target <= 500 MB: met)`,
  );
}
