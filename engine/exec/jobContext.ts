/**
 * What a job engine (MapReduce's ApplicationMaster, Spark's driver) gets from the simulation it
 * runs in: the engine core's kernel, cluster, cost model, HDFS and YARN, one trace sink shared
 * with them (so a job's events interleave with HDFS, YARN and fault events), snapshot taking,
 * and `drive`, which runs the kernel until the job says it is done.
 */
import { SimulatedTimeRangeError, ValidationError, type Kernel, type TraceSink } from '../core';
import type { Cluster, CostModel } from '../cluster';
import type { Hdfs } from '../hdfs';
import type { ResourceManager } from '../yarn';
import { EXEC_EVENT_TYPES, type ExecEvent } from './taskTypes';
import { JOB_EVENT_TYPES, type JobEvent } from './jobEvents';

export interface JobContext {
  kernel: Kernel;
  cluster: Cluster;
  cost: CostModel;
  hdfs: Hdfs;
  yarn: ResourceManager;
  trace: TraceSink<ExecEvent | JobEvent>;
  /** True when trace events should be built at all: isTracing(trace, JOB_CONTEXT_EVENT_TYPES). */
  tracing: boolean;
  /** Called on every task start and end: records a cluster snapshot when one is due. */
  noteTaskEvent(): void;
  /** Runs the kernel until `done()` holds; throws SimulationStuckError when it cannot. */
  drive(done: () => boolean): void;
}

/** Every type of event a job engine records through JobContext.trace, for isTracing. */
export const JOB_CONTEXT_EVENT_TYPES: readonly (ExecEvent | JobEvent)['type'][] = [
  ...EXEC_EVENT_TYPES,
  ...JOB_EVENT_TYPES,
];

/** The simulation cannot reach the job's end (no live node can run its tasks, or a runaway). */
export class SimulationStuckError extends Error {
  override name = 'SimulationStuckError';
}

/** mapreduce.map.maxattempts / mapreduce.reduce.maxattempts / spark.task.maxFailures. */
export const DEFAULT_MAX_ATTEMPTS = 4;

/** Kernel steps between two budget checks: rare enough to cost nothing, often enough to stop in time. */
export const BUDGET_CHECK_EVERY = 4096;

/**
 * Counts kernel steps across every `drive` of a run (a run of many small jobs must be checked
 * too) and calls `check` (the run's budget: it throws once that ran out) every `every` steps.
 */
export class BudgetTicker {
  private left: number;
  constructor(
    readonly check: () => void,
    private readonly every = BUDGET_CHECK_EVERY,
  ) {
    this.left = every;
  }

  tick(): void {
    if (--this.left > 0) return;
    this.left = this.every;
    this.check();
  }
}

/**
 * Runs `kernel` until `done()`. YARN keeps the kernel busy with heartbeats while requests are
 * pending, so a job waiting for containers that can never come is caught by a simulated-time cap.
 * `budget` is ticked once per step (it checks the run's wall-clock budget every few thousand).
 */
export function driveKernel(kernel: Kernel, done: () => boolean, maxSimulatedMs: number, budget?: BudgetTicker): void {
  while (!done()) {
    budget?.tick();
    if (kernel.idle || !kernel.step()) {
      throw new SimulationStuckError(
        `the simulation stopped at ${kernel.now} ms before the job finished (no live node can run its tasks?)`,
      );
    }
    if (kernel.now > maxSimulatedMs) {
      throw new SimulationStuckError(
        `the job did not finish within ${maxSimulatedMs / 3_600_000} simulated hours (no live node can run its tasks?)`,
      );
    }
  }
}

/**
 * A run's error as the learner should read it: an event due at no finite time, or past the
 * kernel's range (SimulatedTimeRangeError), is the cluster settings' doing, not the engine's.
 */
export function settingsError(error: unknown): unknown {
  if (!(error instanceof SimulatedTimeRangeError)) return error;
  return new ValidationError(
    'cluster',
    `a step of the simulation would take longer than the simulator can count (about 3 years of simulated time): a speed near 0, or a cost or data scale far too large, in the cluster's settings (${error.message})`,
  );
}
