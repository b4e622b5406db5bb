/** engine/exec: what MapReduce and Spark share: the job context, task scheduling (locality, attempts, speculation), executors in YARN, HDFS inputs, snapshots. */
export * from './taskTypes';
export type { JobEvent } from './jobEvents';
export {
  type JobContext,
  SimulationStuckError,
  DEFAULT_MAX_ATTEMPTS,
  driveKernel,
  BudgetTicker,
  BUDGET_CHECK_EVERY,
} from './jobContext';
export { interleave, type Slot, type SlotPool } from './slotPool';
export { ExecutorPool, EXECUTOR_TIMEOUT_MS, type Executor } from './executorPool';
export { TaskScheduler, type TaskSchedulerLike, type TaskSetSpec } from './taskScheduler';
export { InputPathError, resolveInputFiles, readCost, preferredNodes, type ReadCost } from './hdfsInputs';
export { SnapshotRecorder, snapshotAt, type SnapshotOptions } from './snapshotRecorder';
