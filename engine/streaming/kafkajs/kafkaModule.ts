/**
 * What `import ... from 'kafkajs'` gives a learner's program in a streaming run: KafkaJS 2's
 * exports that mean something here (the `Kafka` class bound to the run's simulated cluster, the
 * log levels, the compression types, the partitioners, the error classes), frozen.
 */
import { kafkaClass } from './kafka';
import { PARTITIONERS } from './partitioners';
import type { KafkaTransport } from './kafkaCalls';
import {
  KafkaJSAggregateError,
  KafkaJSCreateTopicError,
  KafkaJSError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from './kafkaErrors';

/** KafkaJS's `logLevel` (its LEVELS). */
const LOG_LEVELS = Object.freeze({ NOTHING: 0, ERROR: 1, WARN: 2, INFO: 4, DEBUG: 5 });
/** KafkaJS's `CompressionTypes`: accepted by `send({ compression })`; the simulation does not compress. */
const COMPRESSION_TYPES = Object.freeze({ None: 0, GZIP: 1, Snappy: 2, LZ4: 3, ZSTD: 4 });

export function kafkajsModule(transport: KafkaTransport, brokerAddresses: readonly string[]): Readonly<object> {
  return Object.freeze({
    Kafka: kafkaClass(transport, brokerAddresses),
    logLevel: LOG_LEVELS,
    CompressionTypes: COMPRESSION_TYPES,
    Partitioners: PARTITIONERS,
    KafkaJSError,
    KafkaJSNonRetriableError,
    KafkaJSProtocolError,
    KafkaJSNumberOfRetriesExceeded,
    KafkaJSCreateTopicError,
    KafkaJSAggregateError,
  });
}
