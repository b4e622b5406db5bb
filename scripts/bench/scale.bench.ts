/**
 * Scale: how the cost of a YARN run grows with tasks and with nodes. The workload is the YARN
 * benchmark's (10 applications in two Capacity-scheduler queues, half the asks naming a node,
 * each container running a simulated 2-20 s), at 1k, 10k, 100k and 1M tasks on 1,000 nodes and at
 * 100k tasks on 10, 100, 1,000 and 10,000 nodes. Each row runs in its own process, so its heap is
 * its own, and runs first cold (its first run in a fresh process, V8 compiling as it goes: what a
 * learner's first run pays), then warm: runs of up to 10k tasks until V8 has settled the
 * scheduling code, which takes 10-20 runs (a 1k-task run falls from about 190 ms to 10 ms): until
 * 8 runs in a row have not beaten the fastest by 3%, 15 to 60 runs, their count printed. Printed per row, in warm CPU time (best of 11 up to 10k tasks, of 3 up to 100k, of 2 at 1M: a run of 1,000 tasks takes 6 ms in one stretch of runs and 15 ms in the next, as V8 moves its code between states): building the cluster, an
 * EMPTY run (the same nodes for the same simulated time with no task: the heartbeats alone),
 * asking for the containers, running them; then per task the fixed cost ((build + empty run) /
 * tasks), the marginal cost ((ask + run - empty run) / tasks: what the tasks add) and the whole
 * run's; the cold run's CPU per task; wall time per task, kernel events per task (heartbeats among them), heap per task once
 * every task is asked for (read in a run of its own: the timed runs force no collection, since one
 * forced just before a run slows it 3-5x at 1k tasks), the most containers live at once, and the
 * garbage collection inside the run part (one more run, from the gc performance entries). The 1M-task row runs once more under a 500 MB heap limit, reading its
 * live heap (after a collection) ten times. Targets: the cost per task stays within 2x from the
 * smallest row to the largest, judged on the MARGINAL cost (fixed costs shrink per task as tasks
 * grow: that is not a cost growing with size); 1M tasks fit in 500 MB of heap. The summary says,
 * part by part, whether its per-task cost rises (superlinear), stays flat or falls from the
 * smallest row to the largest, and, row to row, what each ADDED task costs (the marginal cost's
 * difference over the added tasks): per-run constants that the marginal figure still holds, like
 * the JIT optimizing the scheduling code again for each new simulation, cancel out there, so a
 * rise from step to step is what superlinear means. Trace sink: 'none'.
 *
 * The by-nodes rows end with the machine's floor: the same containers in a bare model with nothing
 * of the engine (bareContainers.ts), and whether the 2x target is within what this machine gives.
 *
 * 10,000 nodes is past the learners' limit of 1,000 (the UI draws every node): this benchmark
 * alone lifts LIMITS.maxNodes and maxRacks in its own process to measure the engine there.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LIMITS, createRng } from '../../engine/core';
import { presetWithNodes } from '../../engine/cluster';
import { untilSettled } from './untilSettled';
import { askForContainers, yarnBenchSimulation } from './yarnWorkload';
import { floorByNodes } from './bareContainers';

interface Row {
  tasks: number;
  nodes: number;
  /** Wall time of the three parts, ms. */
  clusterMs: number;
  setupMs: number;
  runMs: number;
  /** CPU time (user + system) of each part, ms: what the engine costs, whatever else the machine runs. */
  clusterCpuMs: number;
  askCpuMs: number;
  runCpuMs: number;
  /** CPU time of the same nodes run for the same simulated time with no task: the heartbeats alone. */
  emptyCpuMs: number;
  cpuMs: number;
  /** CPU time of the same row run first in a fresh process, before any warm-up (NaN under the heap limit). */
  coldCpuMs: number;
  /** Warm-up runs (of up to 10,000 tasks) before the timed ones (NaN under the heap limit). */
  warmRuns: number;
  events: number;
  emptyEvents: number;
  heartbeats: number;
  heapPerTask: number;
  peakHeapMb: number;
  simulatedS: number;
  /** The most containers running at once: what the run keeps live together (it grows with the nodes). */
  peakLive: number;
  /** Garbage collection pauses during the run part, ms of wall time (one more run, from the gc performance entries). */
  runGcMs: number;
  /** When the run part started and ended (performance.now()), to find its collections. */
  runFrom: number;
  runTo: number;
}

const APPS = 10;
const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/**
 * One run of the row. `heap`: 'none' times it without forcing any collection (a collection forced
 * just before a run slows it: a 1,000-task run takes 40-70 ms instead of 10-15 ms, which no
 * learner's run pays); 'once' reads the live heap (after a collection) before and after asking for
 * the tasks; 'sample' also reads it at ten points of the run, which slows the run.
 */
function measureOnce(tasks: number, nodes: number, heap: 'none' | 'once' | 'sample' = 'none'): Row {
  const limits = LIMITS as { maxNodes: number; maxRacks: number };
  limits.maxNodes = Math.max(limits.maxNodes, nodes);
  limits.maxRacks = Math.max(limits.maxRacks, Math.ceil(nodes / 20));
  const before = heap === 'none' ? 0 : heapUsed();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sim = yarnBenchSimulation(presetWithNodes(nodes));
  const clusterMs = performance.now() - t0;
  const clusterCpuMs = cpuSince(cpu0);
  const rng = createRng('scale-bench');
  let completed = 0;
  let peak = 0;
  const live = { now: 0, peak: 0 };
  const cpuA = process.cpuUsage();
  const tA = performance.now();
  askForContainers(
    sim,
    rng,
    { apps: APPS, perApp: tasks / APPS, nodes },
    () => {
      if (++completed % Math.ceil(tasks / 10) === 0 && heap === 'sample') peak = Math.max(peak, heapUsed());
    },
    undefined,
    live,
  );
  const setupMs = performance.now() - tA;
  const askCpuMs = cpuSince(cpuA);
  const asked = heap === 'none' ? 0 : heapUsed();
  const heapPerTask = heap === 'none' ? Number.NaN : (asked - before) / tasks;
  peak = Math.max(peak, asked);
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  sim.run();
  const runMs = performance.now() - t1;
  const runCpuMs = cpuSince(cpu1);
  if (completed !== tasks) throw new Error(`only ${completed} of ${tasks} tasks completed`);
  // The fixed part of the run: the same cluster, no task, for the same simulated time.
  const empty = yarnBenchSimulation(presetWithNodes(nodes));
  const cpu2 = process.cpuUsage();
  empty.run({ until: sim.kernel.now });
  const emptyCpuMs = cpuSince(cpu2);
  // Heartbeats: every NodeManager beats once per interval of the simulated run.
  const heartbeats = Math.round((sim.kernel.now / sim.yarn.config.nodeHeartbeatIntervalMs) * nodes);
  return {
    tasks,
    nodes,
    clusterMs,
    setupMs,
    runMs,
    clusterCpuMs,
    askCpuMs,
    runCpuMs,
    emptyCpuMs,
    cpuMs: clusterCpuMs + askCpuMs + runCpuMs,
    coldCpuMs: Number.NaN,
    warmRuns: Number.NaN,
    events: sim.kernel.eventCount,
    emptyEvents: empty.kernel.eventCount,
    heartbeats,
    heapPerTask,
    peakHeapMb: peak / 2 ** 20,
    simulatedS: sim.kernel.now / 1000,
    peakLive: live.peak,
    runGcMs: Number.NaN,
    runFrom: t1,
    runTo: t1 + runMs,
  };
}

/** The row's heap from one run ('once' or 'sample'), then its best CPU and wall time, part by part, over `repeat` timed runs (the machine is shared). */
function measure(tasks: number, nodes: number, heap: 'once' | 'sample', repeat: number): Row {
  const row = measureOnce(tasks, nodes, heap);
  if (repeat === 0) return row;
  const timed = Array.from({ length: repeat }, () => measureOnce(tasks, nodes));
  for (const k of ['clusterMs', 'setupMs', 'runMs', 'clusterCpuMs', 'askCpuMs', 'runCpuMs', 'emptyCpuMs'] as const)
    row[k] = Math.min(...timed.map((r) => r[k]));
  row.cpuMs = row.clusterCpuMs + row.askCpuMs + row.runCpuMs;
  return row;
}

/**
 * Runs `tasks` x `nodes` until it is warm: until 8 runs in a row have not beaten the fastest so
 * far by 3% (its ask and run CPU), at least 15 runs and at most 60; returns how many it took.
 */
function warmUp(tasks: number, nodes: number): number {
  return untilSettled(
    () => {
      const r = measureOnce(tasks, nodes);
      return r.askCpuMs + r.runCpuMs;
    },
    15,
    60,
  ).runs;
}

/**
 * The garbage collection inside the run part of one more run, ms: the gc performance entries
 * whose start falls in it (they are delivered on the event loop, after the synchronous run).
 */
async function runGcMs(tasks: number, nodes: number): Promise<number> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const r = measureOnce(tasks, nodes);
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return entries.filter((e) => e.startTime >= r.runFrom && e.startTime < r.runTo).reduce((a, e) => a + e.duration, 0);
}

if (process.argv[2] === 'row') {
  const [tasksArg, nodesArg, heap, repeat] = process.argv.slice(3);
  const tasks = Number(tasksArg);
  const nodes = Number(nodesArg);
  if (heap === 'heap') {
    measureOnce(2000, 100);
    console.log(JSON.stringify(measure(tasks, nodes, 'sample', 0)));
  } else {
    // The row once in a fresh process (V8 compiling and optimizing as it goes), then warm runs of up
    // to 10,000 tasks until V8 has settled the scheduling code (warmUp): a 1,000-task run falls from
    // about 190 ms to 10 ms, but only after 10-20 runs. The rows measure how the engine scales, the
    // cold figure what a learner's first run in a new process pays.
    const cold = measureOnce(tasks, nodes);
    const warmRuns = warmUp(Math.min(tasks, 10_000), nodes);
    const row = measure(tasks, nodes, 'once', Number(repeat));
    row.coldCpuMs = cold.cpuMs;
    row.warmRuns = warmRuns;
    row.runGcMs = await runGcMs(tasks, nodes);
    console.log(JSON.stringify(row));
  }
} else {
  const self = fileURLToPath(import.meta.url);
  /** One row in its own process; under `heapLimitMb` it samples its live heap, and a row out of heap comes back as Infinity. */
  const runRow = (tasks: number, nodes: number, heapLimitMb = 8192): Row => {
    // The small rows are quick and their per-task figures are differences of small times: best of 11 or 3;
    // the 1M-task row best of 2 (a single run of it swung the by-tasks ratio between 1.4x and 2.4x).
    const repeat = heapLimitMb < 8192 ? 1 : tasks <= 10_000 ? 11 : tasks <= 100_000 ? 3 : 2;
    const args = [`--max-old-space-size=${heapLimitMb}`, self, 'row', String(tasks), String(nodes)];
    args.push(heapLimitMb < 8192 ? 'heap' : '-', String(repeat));
    const r = spawnSync(process.execPath, ['--expose-gc', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
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
  const wallPerTask = (r: Row): number => ((r.clusterMs + r.setupMs + r.runMs) * 1000) / r.tasks;
  // CPU time throughout: on a busy machine wall time measures the other programs too.
  const wholePerTask = (r: Row): number => (r.cpuMs * 1000) / r.tasks;
  /** What does not depend on the tasks: building the cluster, and its heartbeats for the run's simulated time. */
  const fixedMs = (r: Row): number => r.clusterCpuMs + r.emptyCpuMs;
  /** What the tasks add: asking for them, and the run beyond the empty run of the same length. */
  const marginalPerTask = (r: Row): number => ((r.askCpuMs + r.runCpuMs - r.emptyCpuMs) * 1000) / r.tasks;
  const print = (title: string, rows: Row[]): void => {
    console.log(
      `\n${title} (CPU ms, warm, best of 11 up to 10,000 tasks, of 3 up to 100,000 and of 2 at 1,000,000; wall µs/task for reference; cold: the row's first run in a fresh process; warm-up: runs before the timed ones)`,
    );
    console.log(
      '    tasks |  nodes | sim. s | build | empty run |   ask |    run | fixed µs/task | marginal µs/task | whole µs/task | cold µs/task | warm-up | wall µs/task | events/task (heartbeats) | heap B/task | most live | GC pauses',
    );
    for (const r of rows) {
      const cells = [
        num(r.tasks).padStart(9),
        num(r.nodes).padStart(6),
        num(r.simulatedS).padStart(6),
        num(r.clusterCpuMs).padStart(5),
        num(r.emptyCpuMs).padStart(9),
        num(r.askCpuMs).padStart(5),
        num(r.runCpuMs).padStart(6),
        num((fixedMs(r) * 1000) / r.tasks, 2).padStart(13),
        num(marginalPerTask(r), 2).padStart(16),
        num(wholePerTask(r), 2).padStart(13),
        num((r.coldCpuMs * 1000) / r.tasks, 2).padStart(12),
        num(r.warmRuns).padStart(7),
        num(wallPerTask(r), 1).padStart(12),
        `${num(r.events / r.tasks, 1)} (${num(r.heartbeats / r.tasks, 1)})`.padStart(24),
        num(r.heapPerTask).padStart(11),
        num(r.peakLive).padStart(9),
        `${num(r.runGcMs)} ms`.padStart(9),
      ];
      console.log(cells.join(' | '));
    }
  };
  print('By tasks, on 1,000 nodes', byTasks);
  print('By nodes, 100,000 tasks', byNodes);
  const spread = (values: number[]): { lo: number; hi: number; ratio: number } => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return { lo, hi, ratio: hi / lo };
  };
  const verdict = (title: string, rows: Row[], axis: 'tasks' | 'nodes'): void => {
    const marginal = spread(rows.map(marginalPerTask));
    const whole = spread(rows.map(wholePerTask));
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    console.log(
      `${title}: marginal CPU cost per task (what scales with the tasks) from ${num(marginal.lo, 2)} to ${num(marginal.hi, 2)} µs = ${marginal.ratio.toFixed(2)}x (target <= 2x: ${marginal.ratio <= 2 ? 'met' : 'NOT met'}); whole run per task from ${num(whole.lo, 2)} to ${num(whole.hi, 2)} µs = ${whole.ratio.toFixed(2)}x`,
    );
    // Which part grows, row to row: a per-task figure that rises with size is superlinear; one that falls is a fixed cost spread thinner.
    const parts: [string, (r: Row) => number][] = [
      ['fixed (build + heartbeats) per task', (r) => fixedMs(r) / r.tasks],
      ['asking per task', (r) => r.askCpuMs / r.tasks],
      ['running beyond the heartbeats, per task', (r) => (r.runCpuMs - r.emptyCpuMs) / r.tasks],
      ['non-heartbeat kernel events per task', (r) => (r.events - r.emptyEvents) / r.tasks],
      ['heap per task', (r) => r.heapPerTask],
    ];
    const notes = parts.map(([name, f]) => {
      const a = f(first);
      const b = f(last);
      const x = b / Math.max(a, 1e-9);
      const rises = axis === 'tasks' ? 'rises: superlinear in tasks' : 'rises with the nodes';
      const falls = axis === 'tasks' ? 'falls (spread over more tasks)' : 'falls with the nodes';
      const how = x > 1.25 ? rises : x < 0.8 ? falls : 'flat';
      return `${name} x${x.toFixed(2)} ${how}`;
    });
    if (axis === 'nodes') {
      // More nodes run more containers at once: the run's live objects (containers, their requests,
      // their pending events) grow with the nodes, not with the tasks.
      notes.push(
        `containers live at once x${(last.peakLive / Math.max(first.peakLive, 1)).toFixed(0)} (${num(first.peakLive)} -> ${num(last.peakLive)}): what the run keeps live together grows with the nodes`,
      );
      // The same tasks on every row: the pauses compare directly (wall time: a busy machine lengthens them).
      notes.push(
        `garbage collection pauses in the run ${num(first.runGcMs)} ms -> ${num(last.runGcMs)} ms (wall time)`,
      );
      // The fixed costs per node: building one, and one kernel event of the empty run (a heartbeat).
      const perNode = (r: Row): number => r.clusterCpuMs / r.nodes;
      const perBeat = (r: Row): number => r.emptyCpuMs / r.emptyEvents;
      for (const [name, f] of [
        ['building the cluster per node', perNode],
        ['empty run per heartbeat', perBeat],
      ] as const) {
        const x = f(last) / Math.max(f(first), 1e-9);
        notes.push(
          `${name} x${x.toFixed(2)} ${x > 1.25 ? 'rises: superlinear in nodes' : 'flat or falling: linear in nodes'}`,
        );
      }
    }
    console.log(
      `  ${num(first.tasks)} tasks on ${num(first.nodes)} nodes -> ${num(last.tasks)} on ${num(last.nodes)}: ${notes.join('; ')}`,
    );
    if (axis === 'tasks') {
      // Row to row, what the added tasks cost each: a per-run constant the marginal figure still holds
      // (the JIT optimizing the scheduling code again for each new simulation, which the empty run
      // does not exercise) cancels out. Rising from row to row is what superlinear means.
      const steps = rows.slice(1).map((r, k) => {
        const p = rows[k]!;
        const added = r.askCpuMs + r.runCpuMs - r.emptyCpuMs - (p.askCpuMs + p.runCpuMs - p.emptyCpuMs);
        return { label: `${num(p.tasks)}->${num(r.tasks)}`, us: (added * 1000) / (r.tasks - p.tasks) };
      });
      const inc = spread(steps.map((x) => x.us));
      // Each step against the one before: an added task dearer than at the smaller step is superlinear there.
      const dearer = steps.slice(1).flatMap((x, k) => {
        const f = x.us / steps[k]!.us;
        return f > 1.1 ? [`${x.label} costs x${f.toFixed(2)} the step before`] : [];
      });
      console.log(
        `  each added task, row to row (marginal cost difference / added tasks): ${steps.map((x) => `${x.label} ${num(x.us, 2)} µs`).join(', ')} (${inc.ratio.toFixed(2)}x apart) -> ${dearer.length > 0 ? `SUPERLINEAR where an added task costs more than at the step before: ${dearer.join('; ')}` : 'no step dearer than the one before: nothing grows faster than linear in tasks'}`,
      );
    }
  };
  console.log('');
  verdict('By tasks', byTasks, 'tasks');
  verdict('By nodes', byNodes, 'nodes');
  // Each container asks 1 vcore and 2 GB: a node holds as many as it has cores (8 of its 16 GB by memory too).
  for (const line of floorByNodes(byNodes, byNodes.map(marginalPerTask), presetWithNodes(10).node?.cores ?? 8))
    console.log(`  ${line}`);
  // The heap target: the 1M-task row again, under a 500 MB heap limit, reading its live heap ten times.
  const million = runRow(1_000_000, 1000, 500);
  console.log(
    million.peakHeapMb === Number.POSITIVE_INFINITY
      ? '1,000,000 tasks under a 500 MB heap limit: ran out of heap (target <= 500 MB: NOT met)'
      : `1,000,000 tasks under a 500 MB heap limit: completed; largest live heap ${num(million.peakHeapMb)} MB (target <= 500 MB: met)`,
  );
}
