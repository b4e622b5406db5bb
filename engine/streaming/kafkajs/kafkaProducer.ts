/**
 * KafkaJS's producer (src/producer): `connect`, `send`, `sendBatch`, `disconnect`, `isIdempotent`,
 * with KafkaJS's options, defaults, checks and error messages. Sending goes to the simulated
 * brokers through the transport; the answer is KafkaJS's RecordMetadata, one per partition written.
 */
import { KafkaJSError, KafkaJSNonRetriableError, KafkaJSProtocolError } from './kafkaErrors';
import { KAFKA_LIMITS, idProblem, topicNameProblem } from '../kafkaLimits';
import type { KafkaTransport, OutgoingMessage, SentMetadata, TransactionRef } from './kafkaCalls';
import { isBytes, textOf } from './kafkaBuffer';
import { KafkaTransaction } from './kafkaTransaction';
import { checkPartitioner } from './partitioners';

export interface ProducerConfig {
  /** Kafka's idempotent producer: retries never write a message twice. KafkaJS's default: false (Java 3.x: true). */
  idempotent?: boolean;
  transactionalId?: string;
  maxInFlightRequests?: number | null;
  transactionTimeout?: number;
  allowAutoTopicCreation?: boolean;
  /** KafkaJS 2's Partitioners.DefaultPartitioner only (Kafka's Java client's murmur2). */
  createPartitioner?: unknown;
}

export interface Message {
  key?: string | Uint8Array | null;
  value: string | Uint8Array | null;
  partition?: number;
  headers?: Record<string, string | Uint8Array | (string | Uint8Array)[]>;
  timestamp?: string;
}

export interface ProducerRecord {
  topic: string;
  messages: Message[];
  /** -1 (all in-sync replicas, the default), 1 (the leader) or 0 (no answer). */
  acks?: number;
  timeout?: number;
  compression?: number;
}

export interface ProducerBatch {
  topicMessages: { topic: string; messages: Message[] }[];
  acks?: number;
  timeout?: number;
  compression?: number;
}

/** KafkaJS's RecordMetadata: offsets and times as strings (int64). */
export interface RecordMetadata {
  topicName: string;
  partition: number;
  errorCode: number;
  baseOffset: string;
  logAppendTime: string;
  logStartOffset: string;
}

type Status = 'disconnected' | 'connected' | 'disconnecting';

export class KafkaProducer {
  readonly #transport: KafkaTransport;
  readonly #client: number;
  readonly #idempotent: boolean;
  readonly #transactionalId: string | null;
  readonly #transactionTimeout: number;
  #status: Status = 'disconnected';
  /** The epoch InitProducerId gave (on the first transaction()), and the transactions begun at it. */
  #epoch: number | null = null;
  #transactions = 0;
  /** KafkaJS's transaction state machine: READY, TRANSACTING, then COMMITTING or ABORTING. */
  #txnState: 'READY' | 'TRANSACTING' | 'COMMITTING' | 'ABORTING' = 'READY';

  constructor(transport: KafkaTransport, clientId: string, config: ProducerConfig = {}) {
    if (typeof config !== 'object' || config === null)
      throw new KafkaJSNonRetriableError('kafka.producer(config): config must be an object');
    checkPartitioner(config.createPartitioner);
    this.#idempotent = config.idempotent === true;
    if (config.transactionalId !== undefined && idProblem('transactionalId', config.transactionalId) !== null)
      throw new KafkaJSNonRetriableError('kafka.producer({ transactionalId }): a non-empty string');
    this.#transactionalId = config.transactionalId ?? null;
    const timeout = config.transactionTimeout ?? 60000;
    if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0)
      throw new KafkaJSNonRetriableError(`Invalid transactionTimeout ${String(timeout)}: milliseconds, above 0`);
    this.#transactionTimeout = timeout;
    this.#transport = transport;
    this.#client = transport.open('producer', clientId);
  }

  isIdempotent(): boolean {
    return this.#idempotent;
  }

  async connect(): Promise<void> {
    await this.#transport.call(this.#client, { op: 'connect' });
    this.#status = 'connected';
  }

  async disconnect(): Promise<void> {
    if (this.#status === 'disconnected') return;
    this.#status = 'disconnecting';
    await this.#transport.call(this.#client, { op: 'disconnect' });
    this.#status = 'disconnected';
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { topic, messages, ...rest } = record ?? ({} as ProducerRecord);
    return this.sendBatch({ ...rest, topicMessages: [{ topic, messages }] });
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.#sendBatch(batch, null);
  }

  /**
   * Begins a transaction (the first call runs InitProducerId, as Java's initTransactions does:
   * a new epoch, which fences any older producer with this transactional id).
   */
  async transaction(): Promise<KafkaTransaction> {
    if (this.#transactionalId === null)
      throw new KafkaJSNonRetriableError('Must provide transactional id for transactional producer');
    if (this.#txnState === 'TRANSACTING')
      throw new KafkaJSNonRetriableError(
        'There is already an ongoing transaction for this producer. Please end the transaction before beginning another.',
      );
    if (this.#txnState !== 'READY')
      throw new KafkaJSNonRetriableError(
        `Transaction state exception: Cannot call "beginTransaction" in state "${this.#txnState}"`,
      );
    if (this.#status !== 'connected') throw new KafkaJSError('The producer is disconnected');
    // TRANSACTING at once: a second transaction() while the first still initialises is refused.
    this.#txnState = 'TRANSACTING';
    try {
      this.#epoch ??= (await this.#transport.call(this.#client, {
        op: 'initTransactions',
        transactionalId: this.#transactionalId,
        transactionTimeout: this.#transactionTimeout,
      })) as number;
    } catch (error) {
      this.#txnState = 'READY';
      throw error;
    }
    const ref: TransactionRef = {
      transactionalId: this.#transactionalId,
      epoch: this.#epoch,
      seq: this.#transactions++,
    };
    return new KafkaTransaction(
      (batch) => this.#sendBatch(batch, ref),
      (request) => this.#transport.call(this.#client, request),
      ref,
      (state) => {
        this.#txnState = state;
      },
    );
  }

  async #sendBatch(batch: ProducerBatch, transaction: TransactionRef | null): Promise<RecordMetadata[]> {
    const { topicMessages, acks = -1, timeout = 30000 } = batch ?? ({} as ProducerBatch);
    if (!Array.isArray(topicMessages)) throw new KafkaJSNonRetriableError('Invalid topicMessages array');
    if (topicMessages.some((t) => !t || !t.topic || typeof t.topic !== 'string'))
      throw new KafkaJSNonRetriableError('Invalid topic');
    for (const t of topicMessages) {
      const bad = topicNameProblem(t.topic);
      if (bad !== null) throw new KafkaJSNonRetriableError(bad);
    }
    // A transaction's sends are always idempotent (KafkaJS hard-codes it).
    if ((this.#idempotent || transaction !== null) && acks !== -1)
      throw new KafkaJSNonRetriableError(
        "Not requiring ack for all messages invalidates the idempotent producer's EoS guarantees",
      );
    if (acks !== -1 && acks !== 0 && acks !== 1)
      throw new KafkaJSNonRetriableError(`Invalid acks ${String(acks)}: acks is -1 (all in-sync replicas), 1 or 0`);
    if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0)
      throw new KafkaJSNonRetriableError(`Invalid timeout ${String(timeout)}: milliseconds, above 0`);
    // Entries for the same topic are merged, as KafkaJS's sendBatch does.
    const byTopic = new Map<string, OutgoingMessage[]>();
    let count = 0;
    for (const { topic, messages } of topicMessages) {
      if (!Array.isArray(messages))
        throw new KafkaJSNonRetriableError(`Invalid messages array [${String(messages)}] for topic "${topic}"`);
      count += messages.length;
      if (count > KAFKA_LIMITS.messagesPerSend)
        throw new KafkaJSNonRetriableError(
          `One send may carry at most ${KAFKA_LIMITS.messagesPerSend} messages in this simulation, got ${count} or more: send them in batches`,
        );
      const list = byTopic.get(topic) ?? [];
      for (const m of messages) list.push(outgoing(topic, m));
      byTopic.set(topic, list);
    }
    if (this.#status === 'disconnecting')
      throw new KafkaJSNonRetriableError(
        "The producer is disconnecting; therefore, it can't safely accept messages anymore",
      );
    if (this.#status === 'disconnected') throw new KafkaJSError('The producer is disconnected');
    const sent = (await this.#transport.call(this.#client, {
      op: 'send',
      idempotent: this.#idempotent || transaction !== null,
      transaction,
      acks,
      timeout,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    })) as SentMetadata[];
    return sent.map((s) => ({
      topicName: s.topicName,
      partition: s.partition,
      errorCode: s.errorCode,
      baseOffset: String(s.baseOffset),
      logAppendTime: String(s.logAppendTime),
      logStartOffset: String(s.logStartOffset),
    }));
  }
}

function bytesOrText(v: unknown): v is string | Uint8Array {
  return typeof v === 'string' || isBytes(v);
}

/** A learner's message as it is sent, or a KafkaJS error saying what is wrong with it. */
function outgoing(topic: string, m: Message): OutgoingMessage {
  if (typeof m !== 'object' || m === null)
    throw new KafkaJSNonRetriableError(
      `Invalid message for topic "${topic}": ${String(m)} (a message is { key, value })`,
    );
  if (m.value === undefined)
    throw new KafkaJSNonRetriableError(`Invalid message without value for topic "${topic}": ${safeJson(m)}`);
  if (m.value !== null && !bytesOrText(m.value))
    throw new KafkaJSNonRetriableError(
      `Invalid message value for topic "${topic}": a string, a Buffer or null, not ${typeof m.value} (JSON.stringify an object first)`,
    );
  if (m.key !== undefined && m.key !== null && !bytesOrText(m.key))
    throw new KafkaJSNonRetriableError(
      `Invalid message key for topic "${topic}": a string, a Buffer or null, not ${typeof m.key}`,
    );
  if (m.partition !== undefined && (!Number.isSafeInteger(m.partition) || m.partition < 0))
    throw new KafkaJSNonRetriableError(`Invalid partition ${String(m.partition)} for topic "${topic}"`);
  const headers: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    const values = Array.isArray(v) ? v : [v];
    if (!values.every(bytesOrText))
      throw new KafkaJSNonRetriableError(`Invalid header "${k}" for topic "${topic}": a string or a Buffer`);
    headers[k] = values.map(textOf);
  }
  if (
    Object.keys(headers).length > KAFKA_LIMITS.headers ||
    Object.keys(headers).some((k) => k.length > KAFKA_LIMITS.name)
  )
    throw new KafkaJSNonRetriableError(
      `Invalid headers for topic "${topic}": at most ${KAFKA_LIMITS.headers} headers, names of at most ${KAFKA_LIMITS.name} characters`,
    );
  const key = m.key === undefined || m.key === null ? null : textOf(m.key);
  const value = m.value === null ? null : textOf(m.value);
  const sizes = [
    key?.length ?? 0,
    value?.length ?? 0,
    ...Object.values(headers)
      .flat()
      .map((h) => h.length),
  ];
  if (
    Object.values(headers).some((h) => h.length > KAFKA_LIMITS.headers) ||
    sizes.some((n) => n > KAFKA_LIMITS.messageChars)
  )
    // What the broker answers (MESSAGE_TOO_LARGE, message.max.bytes is 1 MB by default).
    throw new KafkaJSProtocolError(
      `The request included a message larger than the max message size the server will accept (topic "${topic}": a key, value or header of more than ${KAFKA_LIMITS.messageChars} characters)`,
      'MESSAGE_TOO_LARGE',
      false,
    );
  const timestamp = m.timestamp === undefined ? null : Number(m.timestamp);
  if (timestamp !== null && !Number.isFinite(timestamp))
    throw new KafkaJSNonRetriableError(`Invalid timestamp ${String(m.timestamp)} for topic "${topic}": milliseconds`);
  return {
    key,
    value,
    partition: m.partition ?? null,
    headers,
    timestamp,
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
