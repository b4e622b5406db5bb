/**
 * The YARN and scale benchmarks' workload: a simulation with two Capacity-scheduler queues, and
 * `apps` applications that each ask for `perApp` containers (every other ask naming a random
 * node, as map tasks over HDFS blocks would), launch each one they get and complete it after a
 * simulated 2-20 s, with one kernel.postWith event each (since 2026-12-07; a closure each before,
 * which on 10,000 nodes cost a third of what a task costs, so the scale benchmark's by-nodes rows
 * before and after that day measure different ApplicationMasters). Trace sink: 'none'.
 */
import type { Rng } from '../../engine/core';
import type { ClusterSpec } from '../../engine/cluster';
import { createSimulation, type Simulation } from '../../engine/api/createSimulation';
import type { Application, Container } from '../../engine/yarn';

export function yarnBenchSimulation(cluster: number | ClusterSpec): Simulation {
  return createSimulation({
    seed: 2024,
    cluster,
    trace: 'none',
    yarn: {
      scheduler: 'capacity',
      queues: [
        { name: 'etl', capacity: 60, maxCapacity: 100 },
        { name: 'adhoc', capacity: 40, maxCapacity: 80 },
      ],
    },
  });
}

/** Submits the applications and asks for every container; `onCompleted` hears each container end, `onFinished` each application. */
export function askForContainers(
  sim: Simulation,
  rng: Rng,
  shape: { apps: number; perApp: number; nodes: number },
  onCompleted: () => void,
  onFinished: () => void = () => {},
  /** Counts the containers running now and the most at once (what the run keeps in memory together). */
  live: { now: number; peak: number } = { now: 0, peak: 0 },
): void {
  const apps: Application[] = [];
  const remaining: number[] = [];
  for (let a = 0; a < shape.apps; a++) {
    const index = a;
    // A container's end: one handler for all of the application's containers (kernel.postWith),
    // not a closure each (on 10,000 nodes a closure each was a third of a task's cost; the engine's
    // own MapReduce and Spark ApplicationMasters still make one per task attempt's end).
    const end = (c: Container): void => {
      live.now--;
      app.complete(c);
      onCompleted();
      if (--remaining[index]! === 0) {
        app.finish('succeeded');
        onFinished();
      }
    };
    const app: Application = sim.yarn.submitApplication({
      name: `job-${a}`,
      queue: a % 2 === 0 ? 'etl' : 'adhoc',
      callbacks: {
        onAllocated: (c: Container) => app.launch(c),
        onLaunched: (c: Container) => {
          if (++live.now > live.peak) live.peak = live.now;
          sim.kernel.postWith(2000 + rng.int(18_000), end, c);
        },
      },
    });
    apps.push(app);
    remaining.push(shape.perApp);
  }
  for (let t = 0; t < shape.perApp; t++) {
    for (const app of apps) {
      app.request(
        t % 2 === 0
          ? { vcores: 1, memoryMb: 2048, nodes: [`n${1 + rng.int(shape.nodes)}`], tag: t }
          : { vcores: 1, memoryMb: 2048, tag: t },
      );
    }
  }
}
