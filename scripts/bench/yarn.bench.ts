/**
 * YARN at scale: a 1,000-node cluster (presetWithNodes(1000): 50 racks of 20) running 100,000
 * synthetic tasks through the ResourceManager. 10 applications in two Capacity-scheduler
 * queues each ask for 10,000 containers (half with a preferred node, as map tasks over HDFS
 * blocks would), launch them, run them for a simulated 2-20 s and complete them.
 * Prints wall time of the first run (target < 15 s), heap per task (heap delta after global.gc()
 * with every task requested, / tasks; target < 1 KB) and kernel events/s. Trace sink: 'none'.
 *
 * The run phase's target is "<= 3x the bare kernel for the same events", judged on CPU time, warm
 * (the best run once V8 has settled, `untilSettled`; the cold best of a new process's first 3 runs is
 * printed beside it), against the REPLAY baseline: every event the YARN run scheduled (its time, its
 * priority, the event that scheduled it) is recorded once and replayed in a fresh Kernel with one
 * trivial handler that schedules the same children (yarnReplay.ts). That is the kernel alone
 * doing the YARN run's events at the YARN run's queue depth (about 9,000 pending: every node's
 * heartbeat and every running container's end). The older "same-count" baseline, the kernel
 * running the same NUMBER of events with 1,000 pending and delays of 1-97 ms, is printed too;
 * it is cheaper per event (a shallower queue) and is not what the target names.
 */
import { Kernel, createRng } from '../../engine/core';
import type { Simulation } from '../../engine/api/createSimulation';
import { askForContainers, yarnBenchSimulation } from './yarnWorkload';
import { untilSettled } from './untilSettled';
import { record, replay } from './yarnReplay';

const NODES = 1000;
const APPS = 10;
const TASKS_PER_APP = 10_000;
const TASKS = APPS * TASKS_PER_APP;

const gc = (globalThis as { gc?: () => void }).gc;
function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

interface Run {
  sim: Simulation;
  completed: number;
  finishedApps: number;
}
function build(): Run {
  const run: Run = { sim: yarnBenchSimulation(NODES), completed: 0, finishedApps: 0 };
  askForContainers(
    run.sim,
    createRng('yarn-bench'),
    { apps: APPS, perApp: TASKS_PER_APP, nodes: NODES },
    () => run.completed++,
    () => run.finishedApps++,
  );
  return run;
}

// The schedule of the run, for the replay baseline (recorded first, so the timed runs that follow
// see the kernel as it always is).
let recorded: Run | undefined;
const schedule = record(
  () => (recorded = build()),
  () => recorded!.sim.run(),
);

// The first run: wall time from building the cluster to the last event, and heap per task.
const before = heapUsed();
const t0 = performance.now();
const first = build();
const setupMs = performance.now() - t0;
const withTasks = heapUsed();
const t1 = performance.now();
const cpu1 = process.cpuUsage();
first.sim.run();
const runCpus = [cpuMs(process.cpuUsage(cpu1))];
const runMs = performance.now() - t1;
const wallMs = performance.now() - t0;
const { sim, completed, finishedApps } = first;
const events = sim.kernel.eventCount;
const stats = sim.yarn.stats;
const perTask = (withTasks - before) / TASKS;
const retained = (heapUsed() - before) / TASKS;
// Two more runs of the run phase, each on a fresh simulation: the best of three is the figure.
for (let i = 0; i < 2; i++) {
  const again = build();
  gc?.();
  const c = process.cpuUsage();
  again.sim.run();
  runCpus.push(cpuMs(process.cpuUsage(c)));
  if (again.sim.kernel.eventCount !== events || again.completed !== TASKS) throw new Error('runs differ');
}
const runCpu = Math.min(...runCpus);

// Baseline 1, same count: the bare kernel processing the same number of events (1,000 pending, delays 1-97 ms).
function sameCount(): { ms: number; cpu: number } {
  const k = new Kernel();
  let left = events;
  const tick = (): void => {
    if (--left > 0) k.schedule(1 + (left % 97), tick);
  };
  for (let i = 0; i < 1000; i++) k.schedule(i % 97, tick);
  const c0 = process.cpuUsage();
  const tb = performance.now();
  k.run();
  return { ms: performance.now() - tb, cpu: cpuMs(process.cpuUsage(c0)) };
}
const bare = [sameCount(), sameCount(), sameCount()];
const baseMs = Math.min(...bare.map((b) => b.ms));
const baseCpu = Math.min(...bare.map((b) => b.cpu));
// Baseline 2, replay: the bare kernel for the same events (the target's baseline).
const replays = [0, 1, 2].map(() => {
  gc?.();
  return replay(schedule);
});
const replayCpu = Math.min(...replays.map((r) => r.cpuMs));
if (replays[0]!.events !== events) throw new Error(`the replay ran ${replays[0]!.events} events, the run ${events}`);

/**
 * Warm: runs (each on a fresh simulation, built outside the timing) until V8 has settled the
 * code (`untilSettled`: at least 10 runs, at most 40). The three runs above are a new process's
 * first: the YARN code is still being compiled and optimised there (about 350 ms, 170 ms, then
 * 130 ms), where the replay's one
 * trivial handler is optimised at once, so their ratio measures V8 warming up more than the
 * scheduler. The warm figures are what a process running many jobs (the app's engine worker,
 * `clusterlab grade`) pays per run; the target is judged on them, and the cold ones are printed beside.
 */
const warmRun = untilSettled(
  () => {
    const again = build();
    const c = process.cpuUsage();
    again.sim.run();
    const cpu = cpuMs(process.cpuUsage(c));
    if (again.sim.kernel.eventCount !== events || again.completed !== TASKS) throw new Error('runs differ');
    return cpu;
  },
  10,
  40,
);
const warmReplay = untilSettled(() => replay(schedule).cpuMs, 10, 40);

console.log(
  `cluster: ${NODES} nodes, ${sim.cluster.racks.length} racks; ${TASKS.toLocaleString('en-US')} tasks in ${APPS} apps (capacity scheduler, 2 queues)`,
);
console.log(
  `completed ${fmt(completed)} tasks, ${finishedApps}/${APPS} apps finished; simulated time ${(sim.kernel.now / 1000).toFixed(1)} s`,
);
console.log(
  `locality: node-local ${fmt(stats.nodeLocal)}, rack-local ${fmt(stats.rackLocal)}, off-switch ${fmt(stats.offSwitch)}`,
);
console.log(
  `wall time (first run): ${(wallMs / 1000).toFixed(2)} s (setup ${setupMs.toFixed(0)} ms, run ${runMs.toFixed(0)} ms) -> target < 15 s: ${wallMs < 15_000 ? 'met' : 'NOT met'}`,
);
console.log(
  `heap per task (all tasks requested, after gc): ${fmt(perTask)} B -> target < 1 KB: ${perTask < 1024 ? 'met' : 'NOT met'}`,
);
console.log(`heap retained after the run: ${fmt(retained)} B/task`);
console.log(
  `events: ${fmt(events)} = ${fmt(events / (runMs / 1000))} events/s (first run, wall); same-count bare kernel: ${fmt(events / (baseMs / 1000))} events/s`,
);
console.log(
  `replay baseline: ${fmt(schedule.ran.length)} events recorded from the run (${fmt(schedule.roots)} scheduled before it${schedule.cancelled > 0 ? `; ${fmt(schedule.cancelled)} cancelled ones replayed as run, so the replay is NOT exact` : ''}), replayed with trivial handlers`,
);
const sameRatio = runCpu / baseCpu;
const coldRatio = runCpu / replayCpu;
const replayRatio = warmRun.best / warmReplay.best;
console.log(
  `CPU time, cold (a new process's first 3 runs, each after a forced collection), best of 3: YARN run ${fmt(runCpu)} ms (runs ${runCpus.map(fmt).join(', ')}); same-count baseline ${fmt(baseCpu)} ms -> ${sameRatio.toFixed(1)}x; replay baseline ${fmt(replayCpu)} ms -> ${coldRatio.toFixed(1)}x`,
);
console.log(
  `CPU time, warm (best once V8 has settled: ${warmRun.runs} and ${warmReplay.runs} runs): YARN run ${fmt(warmRun.best)} ms; replay baseline ${fmt(warmReplay.best)} ms -> ${replayRatio.toFixed(1)}x`,
);
console.log(
  `target "run phase <= 3x the bare kernel for the same events", judged warm on the replay baseline (the same events at the same queue depth), CPU time: ${replayRatio.toFixed(1)}x -> ${replayRatio <= 3 ? 'met' : 'NOT met'} (cold ${coldRatio.toFixed(1)}x; the same-count baseline, a shallower queue, gives ${sameRatio.toFixed(1)}x cold; CPU time, since wall time on a busy machine measures the other programs too)`,
);
if (completed !== TASKS) {
  console.log('!!! not every task completed');
  process.exitCode = 1;
}
