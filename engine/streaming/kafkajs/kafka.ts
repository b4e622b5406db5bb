/**
 * KafkaJS's entry point, as learners import it (`import { Kafka } from 'kafkajs'`):
 * `new Kafka({ clientId, brokers })`, then `kafka.producer()`, `kafka.consumer({ groupId })` and
 * `kafka.admin()`. The brokers are the simulated cluster's; each client talks to them through
 * the transport the run gives.
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';
import type { KafkaTransport } from './kafkaCalls';
import { KafkaProducer, type ProducerConfig } from './kafkaProducer';
import { KafkaConsumer } from './kafkaConsumer';
import type { ConsumerConfig } from './consumerPayloads';
import { KafkaAdmin } from './kafkaAdmin';

export interface KafkaConfig {
  clientId?: string;
  brokers: string[];
  [option: string]: unknown;
}

/** Makes the `Kafka` class of one run, bound to its transport (the simulated cluster). */
export function kafkaClass(transport: KafkaTransport, brokerAddresses: readonly string[]) {
  return class Kafka {
    readonly #clientId: string;

    constructor(config: KafkaConfig) {
      if (typeof config !== 'object' || config === null)
        throw new KafkaJSNonRetriableError(
          'new Kafka(config): config must be an object, such as { clientId, brokers }',
        );
      const { brokers, clientId } = config;
      if (!Array.isArray(brokers) || brokers.length === 0 || !brokers.every((b) => typeof b === 'string'))
        throw new KafkaJSNonRetriableError(
          `new Kafka({ brokers }): brokers must be a list of addresses, such as [${brokerAddresses.map((b) => `'${b}'`).join(', ')}]`,
        );
      const unknown = brokers.find((b) => !brokerAddresses.includes(b));
      if (unknown !== undefined)
        throw new KafkaJSNonRetriableError(
          `new Kafka({ brokers }): there is no broker at ${unknown}; this cluster's brokers are ${brokerAddresses.join(', ')}`,
        );
      this.#clientId = typeof clientId === 'string' && clientId !== '' ? clientId : 'kafkajs';
    }

    producer(config: ProducerConfig = {}): KafkaProducer {
      return new KafkaProducer(transport, this.#clientId, config);
    }

    consumer(config: ConsumerConfig): KafkaConsumer {
      return new KafkaConsumer(transport, this.#clientId, config);
    }

    admin(): KafkaAdmin {
      return new KafkaAdmin(transport, this.#clientId);
    }
  };
}
