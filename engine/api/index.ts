/**
 * engine/api: the engine's front door. createSimulation(...) wires the core layers on one clock;
 * runJob(...) runs a learner's job in such a simulation for the app, the CLI and the labs; the
 * report, trace events, snapshots and metrics it hands back are plain data.
 */
export { createSimulation, clusterSpecOf, type Simulation, type SimulationOptions } from './createSimulation';
export { runJob, SimulationStuckError, JobFailedError } from './runJob';
export type {
  RunJobOptions,
  JobRunReport,
  JobMetrics,
  MapReduceJobMetrics,
  SparkJobMetrics,
  JobCounters,
  CounterName,
  MapReduceCounters,
  SparkCounters,
  RunEvent,
  RunEventType,
  RunEventOf,
  OutputFile,
  CounterGroup,
} from './jobTypes';
export { runDemoScenario, type DemoScenarioRun } from './demoScenario';
export { jobOutputFiles } from './jobOutputFiles';
export type { SimulationEvent, SimulationEventType } from './simulationEvents';
export { computeMetrics, type SimulationMetrics } from './simulationMetrics';
export { takeSnapshot, type ClusterSnapshot, type NodeSnapshot } from './simulationSnapshot';
export {
  runKafkaJob,
  jsonFieldIdentity,
  DEFAULT_KAFKA_RUN_MS,
  type KafkaJobOptions,
  type KafkaJobReport,
  type KafkaPartitionReport,
  type PartitionFilm,
  type FilmRecord,
} from './runKafkaJob';
export { produceConsumePrograms } from './produceConsumePrograms';
