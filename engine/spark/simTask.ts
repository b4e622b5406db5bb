/** A task as Spark's task scheduler places it: where its data is and what an attempt costs where. */
import type { ClusterNode } from '../cluster';
import type { CostBreakdown, Locality } from '../exec/taskTypes';

/** A unit of work the scheduler places: it knows where its data is and what it costs where. */
export interface SimTask {
  /** Stable id, e.g. `m-000003` (MapReduce) or `s2.t5` (Spark). */
  id: string;
  index: number;
  /** Nodes holding the task's input (HDFS replicas, map outputs, ...): NODE_LOCAL there. */
  preferredNodes: readonly string[];
  /** Executors holding the task's input in memory (cached partitions): PROCESS_LOCAL there. */
  preferredExecutors?: readonly string[];
  /** The attempt's cost on `node` at `locality` (read from the nearest copy, compute, ...). */
  cost(node: ClusterNode, locality: Locality, executor: string): CostBreakdown;
}
