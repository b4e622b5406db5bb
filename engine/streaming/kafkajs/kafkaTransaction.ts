/**
 * A KafkaJS transaction (src/producer/index.js#transaction): `send` and `sendBatch` (always
 * idempotent, so acks must be -1), `sendOffsets` (consumed offsets that commit with it), `commit`,
 * `abort` and `isActive`. Once ended it refuses everything, as KafkaJS does.
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';
import { parseOffset, parsePartition } from './offsetArgs';
import type { KafkaRequest, TransactionRef } from './kafkaCalls';
import type { ProducerBatch, ProducerRecord, RecordMetadata } from './kafkaProducer';

export class KafkaTransaction {
  #active = true;
  readonly #send: (batch: ProducerBatch) => Promise<RecordMetadata[]>;
  readonly #call: (request: KafkaRequest) => Promise<unknown>;
  readonly #ref: TransactionRef;
  /** Tells the producer's state machine: COMMITTING or ABORTING while EndTxn is in flight, READY after. */
  readonly #state: (state: 'COMMITTING' | 'ABORTING' | 'READY') => void;

  constructor(
    send: (batch: ProducerBatch) => Promise<RecordMetadata[]>,
    call: (request: KafkaRequest) => Promise<unknown>,
    ref: TransactionRef,
    state: (state: 'COMMITTING' | 'ABORTING' | 'READY') => void,
  ) {
    this.#send = send;
    this.#call = call;
    this.#ref = ref;
    this.#state = state;
  }

  isActive(): boolean {
    return this.#active;
  }

  async send(record: ProducerRecord): Promise<RecordMetadata[]> {
    this.#mustBeActive();
    const { topic, messages, ...rest } = record ?? ({} as ProducerRecord);
    return this.#send({ ...rest, topicMessages: [{ topic, messages }] });
  }

  async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    this.#mustBeActive();
    return this.#send(batch);
  }

  /** Offsets a consumer group has processed (each the next to read), committed with the transaction. */
  async sendOffsets(options: {
    consumerGroupId: string;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<void> {
    this.#mustBeActive();
    const { consumerGroupId, topics } = options ?? ({} as typeof options);
    if (typeof consumerGroupId !== 'string' || consumerGroupId === '')
      throw new KafkaJSNonRetriableError('Missing consumerGroupId');
    if (!Array.isArray(topics)) throw new KafkaJSNonRetriableError('Missing offset topics');
    const offsets = topics.flatMap((t) => {
      if (typeof t?.topic !== 'string' || !Array.isArray(t.partitions))
        throw new KafkaJSNonRetriableError('Missing offset topics');
      return t.partitions.map((p) => ({
        topic: t.topic,
        partition: parsePartition(p?.partition),
        offset: parseOffset(p?.offset),
      }));
    });
    await this.#call({ op: 'sendOffsets', transaction: this.#ref, groupId: consumerGroupId, offsets });
  }

  commit(): Promise<void> {
    return this.#end(true);
  }

  abort(): Promise<void> {
    return this.#end(false);
  }

  async #end(commit: boolean): Promise<void> {
    this.#mustBeActive();
    this.#active = false;
    this.#state(commit ? 'COMMITTING' : 'ABORTING');
    try {
      await this.#call({ op: 'endTransaction', transaction: this.#ref, commit });
    } finally {
      this.#state('READY');
    }
  }

  #mustBeActive(): void {
    if (!this.#active) throw new KafkaJSNonRetriableError('Cannot continue to use transaction once ended');
  }
}
