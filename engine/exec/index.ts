/** engine/exec: task scheduling shared by MapReduce and Spark (locality, attempts, speculation). */
export * from './taskTypes';
export { NodeSlotPool, type Slot, type SlotPool } from './slotPool';
export { TaskScheduler, type TaskSchedulerLike, type TaskSetSpec } from './taskScheduler';
export { MemoryDfs, closestReplica, type DfsView, type DfsBlock } from './dfsView';
