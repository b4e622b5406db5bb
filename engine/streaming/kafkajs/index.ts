/** ClusterLab's KafkaJS: the library learners' streaming code imports as 'kafkajs'. */
export { kafkaClass, type KafkaConfig } from './kafka';
export { kafkajsModule } from './kafkaModule';
export {
  KafkaProducer,
  type ProducerConfig,
  type ProducerRecord,
  type RecordMetadata,
  type Message,
} from './kafkaProducer';
export { KafkaConsumer } from './kafkaConsumer';
export type {
  ConsumerConfig,
  ConsumerRunConfig,
  EachMessagePayload,
  EachBatchPayload,
  KafkaMessage,
  Batch,
} from './consumerPayloads';
export { KafkaAdmin } from './kafkaAdmin';
export { KafkaBuffer } from './kafkaBuffer';
export {
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSProtocolError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSCreateTopicError,
  KafkaJSAggregateError,
  errorFromData,
  type KafkaErrorData,
} from './kafkaErrors';
export type * from './kafkaCalls';
export { createSink, type ClusterLabSink } from './clusterlabSink';
