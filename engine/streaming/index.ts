/** engine/streaming: a Kafka-like log, consumer groups, a micro-batch processor, sinks and the delivery ledger. */
export * from './types';
export { partitionForKey, murmur2, toPositive, KeylessPartitioner } from './partitioner';
export { PartitionLog } from './partitionLog';
export {
  BrokerCluster,
  type PartitionState,
  type ProduceRequest,
  type ProduceResult,
  type BrokerClusterOptions,
} from './brokerCluster';
export { brokerHosts, brokerNodeIds } from './brokerHosts';
export { Producer, ProducerNetwork, type ProducerOptions, type ProducerStats } from './producer';
export { NicLink, WireModel } from './wireModel';
export { rangeAssign, roundRobinAssign, assign, type Assignment } from './assignors';
export { ConsumerGroup, type GroupOptions } from './consumerGroup';
export {
  WindowStage,
  WindowValueError,
  WINDOW_AGGREGATES,
  aggregateValue,
  type WindowSpec,
  type WindowAggregate,
  type AggregateState,
} from './windowStage';
export { AppendSink, WindowTable, type SinkEntry } from './appendSink';
export { KeyValueStore } from './keyValueStore';
export { TransactionalSink, type SinkTransaction } from './transactionalSink';
export { Ledger, type LedgerSummary } from './ledger';
export type { MicroBatchReport, WindowCell as StreamWindowCell } from './kafkajs/kafkaCalls';
export {
  MicroBatchProcessor,
  type ProcessFn,
  type ProcessorOptions,
  type ConsumerCrash,
  type StreamSink,
} from './microBatchProcessor';
export {
  validateScenario,
  type ScenarioSpec,
  type ProducerSpec,
  type FaultSpec,
  type GenerateContext,
  type GeneratedRecord,
} from './scenarioSpec';
export { ScenarioFunctionError, frozenCopy, recordView, wrapGenerate, wrapProcess } from './scenarioFunctions';
export {
  runScenario,
  simulateScenario,
  type ScenarioResult,
  type ScenarioRun,
  type PartitionLag,
  type RunScenarioOptions,
} from './runScenario';
export { KafkaHost, type KafkaHostOptions } from './kafkaHost';
export { KafkaGroup, roundRobin, INITIAL_REBALANCE_DELAY_MS } from './kafkaGroups';
export { StepTransport, runSteps, type StepRun } from './kafkaSteps';
export * as kafkajs from './kafkajs';
export { KAFKA_LIMITS, topicNameProblem } from './kafkaLimits';
export { checkKafkaFaults, MAX_KAFKA_FAULTS } from './kafkaFaultCheck';
export { KafkaStepper } from './kafkaSteps';
export type { KafkaFault, KafkaCrashPoint } from './kafkaFaults';
export { lineOf, handlerFailureText, handlerNextText, type KafkaHandlerError } from './handlerFailures';
export type { SinkRow, RecordIdentity } from './kafkaSink';
