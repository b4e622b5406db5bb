/**
 * engine/exec: what MapReduce and Spark really share: the job context, task types and events
 * (locality levels, attempts, cost breakdowns), HDFS inputs, line splits, key order and record
 * text, snapshots. Spark's task scheduler and executors live in engine/spark/.
 */
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
export { InputPathError, resolveInputFiles, readCost, preferredNodes, type ReadCost } from './hdfsInputs';
export {
  planLineSplits,
  planInputSplits,
  fileInputCuts,
  computeSplitSize,
  recordRanges,
  SPLIT_SLOP,
  sparkSplitSize,
  type FileSplit,
  type SplitCut,
  type SplitSizeSettings,
} from './lineSplits';
export { forEachRecord, decodeKeepingBom, utf8Length } from './lineRecordReader';
export { hadoopHashCode, hadoopPartition, writableOf, textHash, type WritableType } from './hadoopHash';
export { approxBytes, compareKeys, defaultPartition, keyId, keyText } from './keyOrder';
export { formatRecord, parseRecords } from './recordText';
export type { JobMetrics } from './jobMetrics';
export { SnapshotRecorder, snapshotAt, type SnapshotOptions } from './snapshotRecorder';
