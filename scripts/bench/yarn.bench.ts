/**
 * YARN at scale: a 1,000-node cluster (presetWithNodes(1000): 50 racks of 20) running 100,000
 * synthetic tasks through the ResourceManager. 10 applications in two Capacity-scheduler
 * queues each ask for 10,000 containers (half with a preferred node, as map tasks over HDFS
 * blocks would), launch them, run them for a simulated 2-20 s and complete them.
 * Prints wall time (target < 15 s), heap per task (heap delta after global.gc() with every
 * task requested, / tasks; target < 1 KB) and kernel events/s. Trace sink: 'none'.
 * Baseline in the same process: the kernel alone running the same number of events.
 */
import { Kernel, createRng } from '../../engine/core';
import { askForContainers, yarnBenchSimulation } from './yarnWorkload';

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

const before = heapUsed();
const t0 = performance.now();
const sim = yarnBenchSimulation(NODES);
const rng = createRng('yarn-bench');
let completed = 0;
let finishedApps = 0;
askForContainers(
  sim,
  rng,
  { apps: APPS, perApp: TASKS_PER_APP, nodes: NODES },
  () => completed++,
  () => finishedApps++,
);
const setupMs = performance.now() - t0;
const withTasks = heapUsed();
const cpu1 = process.cpuUsage();
const t1 = performance.now();
sim.run();
const runMs = performance.now() - t1;
const runCpu = process.cpuUsage(cpu1);
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
const wallMs = performance.now() - t0;
const events = sim.kernel.eventCount;
const stats = sim.yarn.stats;

// Baseline: the bare kernel processing the same number of events, best of three (wall and CPU time).
function bareKernel(): { ms: number; cpu: number } {
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
const bare = [bareKernel(), bareKernel(), bareKernel()];
const baseMs = Math.min(...bare.map((b) => b.ms));
const baseCpu = Math.min(...bare.map((b) => b.cpu));

const perTask = (withTasks - before) / TASKS;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
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
  `wall time: ${(wallMs / 1000).toFixed(2)} s (setup ${setupMs.toFixed(0)} ms, run ${runMs.toFixed(0)} ms) -> target < 15 s: ${wallMs < 15_000 ? 'met' : 'NOT met'}`,
);
console.log(
  `heap per task (all tasks requested, after gc): ${fmt(perTask)} B -> target < 1 KB: ${perTask < 1024 ? 'met' : 'NOT met'}`,
);
console.log(`heap retained after the run: ${fmt((heapUsed() - before) / TASKS)} B/task`);
console.log(
  `events: ${fmt(events)} = ${fmt(events / (runMs / 1000))} events/s; bare kernel, same count: ${fmt(events / (baseMs / 1000))} events/s (YARN run costs ${(runMs / baseMs).toFixed(1)}x the bare kernel)`,
);
const cpuRatio = cpuMs(runCpu) / baseCpu;
console.log(
  `CPU time: run ${fmt(cpuMs(runCpu))} ms, bare kernel ${fmt(baseCpu)} ms -> ${cpuRatio.toFixed(1)}x (target <= 3x: ${cpuRatio <= 3 ? 'met' : 'NOT met'}; CPU time, since wall time on a busy machine measures the other programs too)`,
);
if (completed !== TASKS) {
  console.log('!!! not every task completed');
  process.exitCode = 1;
}
