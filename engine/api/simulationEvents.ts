/** The union of every engine-core trace event: what `Simulation.trace` records (discriminated by `type`). */
import type { ClusterEvent } from '../cluster';
import type { HdfsEvent } from '../hdfs';
import type { YarnEvent } from '../yarn';

export type SimulationEvent = ClusterEvent | HdfsEvent | YarnEvent;
export type SimulationEventType = SimulationEvent['type'];
