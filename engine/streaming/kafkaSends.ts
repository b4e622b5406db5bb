/**
 * What happens to a KafkaJS `send` in the simulated cluster: its messages are partitioned as
 * KafkaJS's DefaultPartitioner does (an explicit partition; else murmur2 of the key; else round
 * robin per topic from a seeded start), each partition's batch travels to its leader, is appended
 * (an idempotent producer's retry of a batch the leader has is acknowledged, not appended again),
 * and is acknowledged as `acks` asks: 0 at once, 1 when the leader has it, -1 when every in-sync
 * replica has it. A failed batch is retried as KafkaJS's retrier does (5 retries, 300 ms doubling,
 * ±20% from the seeded Rng); once the retries are spent the send fails with
 * KafkaJSNumberOfRetriesExceeded. A batch not answered within `timeout` counts as failed: when
 * only the answer was lost, the retry of a producer that is not idempotent appends it twice.
 */
import type { Kernel, Rng, TraceSink } from '../core';
import type { BrokerCluster, ProduceResult } from './brokerCluster';
import type { Ledger } from './ledger';
import { KeylessPartitioner, partitionForKey } from './partitioner';
import type { LogRecord } from './types';
import type { KafkaRequest, OutgoingMessage, SentMetadata } from './kafkajs/kafkaCalls';
import type { KafkaErrorData } from './kafkajs/kafkaErrors';
import type { TransactionCoordinator } from './kafkaTransactions';

/** KafkaJS's retry defaults (src/retry/defaults.js). */
export const KAFKAJS_RETRY = { retries: 5, initialRetryTime: 300, multiplier: 2, factor: 0.2, maxRetryTime: 30000 };

/** Kafka's protocol errors a produce can meet (src/protocol/error.js: type, retriable, message). */
const PROTOCOL_ERRORS: Record<Exclude<ProduceResult['error'], null> | 'timeout', KafkaErrorData> = {
  unknownTopic: {
    name: 'KafkaJSProtocolError',
    type: 'UNKNOWN_TOPIC_OR_PARTITION',
    retriable: true,
    message: 'This server does not host this topic-partition',
  },
  offline: {
    name: 'KafkaJSProtocolError',
    type: 'LEADER_NOT_AVAILABLE',
    retriable: true,
    message: 'There is no leader for this topic-partition as we are in the middle of a leadership election',
  },
  notEnoughReplicas: {
    name: 'KafkaJSProtocolError',
    type: 'NOT_ENOUGH_REPLICAS',
    retriable: true,
    message: 'Messages are rejected since there are fewer in-sync replicas than required',
  },
  timeout: { name: 'KafkaJSProtocolError', type: 'REQUEST_TIMED_OUT', retriable: true, message: 'Request timed out' },
};

export interface SendContext {
  kernel: Kernel;
  brokers: BrokerCluster;
  ledger: Ledger;
  trace: TraceSink;
  rng: Rng;
  /** One-way network latency between a client and a broker (ms). */
  latencyMs: number;
  /** Whether the network drops what `producer` sends or receives now (a fault). */
  networkDown(producer: string): boolean;
  /** The topic's partition count, creating it first if the cluster creates topics on first use; null if it does not exist. */
  partitionsOf(topic: string): number | null;
  /** Headers of each record, by ledger id (the log's records carry no headers). */
  headers: Map<number, Record<string, string[]>>;
  /** What each record (by ledger id) was sent as, for the ledger's reading of the sink. */
  produced: Map<number, { key: string | null; value: string | null }>;
  transactions: TransactionCoordinator;
  /**
   * The lab's store when it is a topic (what a read_committed reader of it sees): its records are
   * outputs, not records the ledger follows, and get ids of their own below zero.
   */
  storeTopic: string | null;
  nextOutputId(): number;
}

type Send = Extract<KafkaRequest, { op: 'send' }>;

/** Per producer client: its keyless partitioners and idempotent sequence numbers. */
export class ProducerSends {
  private readonly keyless = new Map<string, KeylessPartitioner>();
  private readonly seqs = new Map<string, number>();

  constructor(
    private readonly ctx: SendContext,
    /** The producer's name in the log and the trace (its clientId and number). */
    readonly producer: string,
    /** Its client number, which the trace's sends carry. */
    readonly client: number,
  ) {}

  /** Traces one attempt at sending a partition's batch: the pictures draw it travelling to the leader. */
  private traced(batch: { topic: string; partition: number; records: LogRecord[] }, attempt: number, lost: boolean) {
    this.ctx.trace.record({
      t: this.ctx.kernel.now,
      type: 'batchSent',
      client: this.client,
      topic: batch.topic,
      partition: batch.partition,
      records: batch.records.length,
      attempt,
      leader: this.ctx.brokers.leaderOf(batch.topic, batch.partition),
      lost,
    });
  }

  /** Sends `req`; `done` gets the RecordMetadata (one per partition written) or the error. */
  send(
    req: Send,
    done: (result: { ok: true; value: SentMetadata[] } | { ok: false; error: KafkaErrorData }) => void,
  ): void {
    if (req.transaction) {
      const fenced = this.ctx.transactions.check(req.transaction);
      if (fenced) {
        this.ctx.kernel.post(this.ctx.latencyMs * 2, () => done({ ok: false, error: fenced }), 5);
        return;
      }
    }
    const batches = new Map<string, { topic: string; partition: number; records: LogRecord[] }>();
    for (const { topic, messages } of req.topicMessages) {
      const partitions = this.ctx.partitionsOf(topic);
      for (const m of messages) {
        const partition = this.partitionOf(topic, partitions, m);
        // A transaction writes only to partitions that exist (its coordinator adds each before the write).
        if (req.transaction && (partitions === null || partition < 0 || partition >= partitions)) {
          this.ctx.kernel.post(
            this.ctx.latencyMs * 2,
            () => done({ ok: false, error: PROTOCOL_ERRORS.unknownTopic }),
            5,
          );
          return;
        }
        const key = `${topic}\u0000${partition}`;
        let batch = batches.get(key);
        if (!batch) batches.set(key, (batch = { topic, partition, records: [] }));
        const txn = req.transaction ? this.ctx.transactions.recordsOf(req.transaction, topic, partition) : undefined;
        batch.records.push(this.record(topic, m, partition, txn));
      }
    }
    if (req.acks === 0) {
      // No answer comes back, so nothing is retried: each batch goes out once, and the send
      // resolves to [] once the requests have left (one-way latency).
      for (const b of batches.values()) this.fireAndForget(req, b);
      this.ctx.kernel.post(this.ctx.latencyMs, () => done({ ok: true, value: [] }), 5);
      return;
    }
    const results: SentMetadata[] = [];
    let waiting = batches.size;
    let failed = false;
    if (waiting === 0) {
      this.ctx.kernel.post(this.ctx.latencyMs * 2, () => done({ ok: true, value: [] }), 5);
      return;
    }
    for (const b of batches.values()) {
      this.transmit(req, b, 0, (r) => {
        if (failed) return;
        if (!r.ok) {
          failed = true;
          done(r);
          return;
        }
        results.push(r.value);
        if (--waiting === 0) {
          results.sort((x, y) =>
            x.topicName < y.topicName ? -1 : x.topicName > y.topicName ? 1 : x.partition - y.partition,
          );
          done({ ok: true, value: results });
        }
      });
    }
  }

  private partitionOf(topic: string, partitions: number | null, m: OutgoingMessage): number {
    if (m.partition !== null) return m.partition;
    const n = partitions ?? 1;
    if (m.key !== null) return partitionForKey(m.key, n);
    let p = this.keyless.get(topic);
    if (!p) this.keyless.set(topic, (p = new KeylessPartitioner(n, this.ctx.rng.int(n))));
    return p.nextPartition();
  }

  private record(topic: string, m: OutgoingMessage, partition: number, txn: string | undefined): LogRecord {
    const output = topic === this.ctx.storeTopic;
    const id = output ? this.ctx.nextOutputId() : this.ctx.ledger.nextId();
    if (!output) this.ctx.produced.set(id, { key: m.key, value: m.value });
    if (Object.keys(m.headers).length > 0) this.ctx.headers.set(id, m.headers);
    return {
      id,
      key: m.key,
      value: m.value,
      eventTime: m.timestamp ?? this.ctx.kernel.now,
      partition,
      offset: -1,
      appendTime: -1,
      producer: this.producer,
      seq: -1,
      ...(txn !== undefined ? { txn } : {}),
    };
  }

  /** acks 0: the batch is sent once; whether it arrives (a live leader, a working network) nobody hears. */
  private fireAndForget(req: Send, batch: { topic: string; partition: number; records: LogRecord[] }): void {
    const lost = this.ctx.networkDown(this.producer);
    this.traced(batch, 0, lost);
    if (lost) return;
    this.ctx.kernel.post(
      this.ctx.latencyMs,
      () =>
        this.ctx.brokers.produce({
          topic: batch.topic,
          partition: batch.partition,
          producerId: this.producer,
          idempotent: req.idempotent,
          acks: 0,
          records: batch.records,
        }),
      5,
    );
  }

  /** Sends one partition's batch, and retries it as KafkaJS does; `answer` is called once. */
  private transmit(
    req: Send,
    batch: { topic: string; partition: number; records: LogRecord[] },
    attempt: number,
    answer: (r: { ok: true; value: SentMetadata } | { ok: false; error: KafkaErrorData }) => void,
  ): void {
    const { kernel, brokers, latencyMs } = this.ctx;
    if ((req.idempotent || req.transaction) && attempt === 0) {
      // Sequence numbers per partition, given once: a retry carries the same ones.
      const key = `${batch.topic}\u0000${batch.partition}`;
      let seq = this.seqs.get(key) ?? 0;
      for (const r of batch.records) r.seq = seq++;
      this.seqs.set(key, seq);
    }
    let settled = false;
    const fail = (why: keyof typeof PROTOCOL_ERRORS): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      const error = PROTOCOL_ERRORS[why];
      if (attempt >= KAFKAJS_RETRY.retries) {
        answer({
          ok: false,
          error: {
            ...error,
            name: 'KafkaJSNumberOfRetriesExceeded',
            retryCount: attempt,
            retryTime: this.backoff(attempt),
          },
        });
        return;
      }
      kernel.post(this.backoff(attempt), () => this.transmit(req, batch, attempt + 1, answer), 5);
    };
    // An error no retry can cure (a fenced producer): the send fails with it at once.
    const failWith = (error: KafkaErrorData): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      answer({ ok: false, error });
    };
    const succeed = (value: SentMetadata): void => {
      if (settled) return;
      settled = true;
      timer.cancel();
      answer({ ok: true, value });
    };
    const timer = kernel.schedule(req.timeout, () => fail('timeout'), 6);
    const lost = this.ctx.networkDown(this.producer);
    this.traced(batch, attempt, lost);
    if (lost) return; // lost on the way: the timeout fails it
    kernel.post(
      latencyMs,
      () => {
        // A transactional batch reaching the leader after its producer was fenced, or its transaction ended, is refused.
        const refused = req.transaction ? this.ctx.transactions.check(req.transaction) : null;
        if (refused) {
          kernel.post(latencyMs, () => failWith(refused), 5);
          return;
        }
        // Each attempt appends copies of the records (a retry of a non-idempotent producer duplicates).
        const records = batch.records.map((r) => ({ ...r, offset: -1, appendTime: -1 }));
        const result = brokers.produce({
          topic: batch.topic,
          partition: batch.partition,
          producerId: this.producer,
          idempotent: req.idempotent || req.transaction !== null,
          acks: req.acks === -1 ? 'all' : req.acks,
          records,
        });
        if (result.error !== null) {
          kernel.post(latencyMs, () => fail(result.error), 5);
          return;
        }
        const ps = brokers.partition(batch.topic, batch.partition);
        const metadata: SentMetadata = {
          topicName: batch.topic,
          partition: batch.partition,
          errorCode: 0,
          baseOffset: result.lastOffset - batch.records.length + 1,
          logAppendTime: -1,
          logStartOffset: ps.log.logStartOffset,
        };
        const reply = (): void => {
          // The answer is lost when the producer's network is down as it comes back.
          if (!this.ctx.networkDown(this.producer)) succeed(metadata);
          else
            this.ctx.trace.record({
              t: kernel.now,
              type: 'answerLost',
              client: this.client,
              topic: batch.topic,
              partition: batch.partition,
              attempt,
            });
        };
        if (req.acks === 1 || result.duplicate) kernel.post(latencyMs, reply, 5);
        else if (req.acks === -1)
          brokers.whenCommitted(batch.topic, batch.partition, result.lastOffset, (ok) => {
            if (ok) kernel.post(latencyMs, reply, 5);
            else kernel.post(latencyMs, () => fail('offline'), 5);
          });
      },
      5,
    );
  }

  /** KafkaJS's wait before retry `attempt + 1`: 300 ms doubling, ±20%, at most 30 s. */
  private backoff(attempt: number): number {
    const base = Math.min(
      KAFKAJS_RETRY.initialRetryTime * KAFKAJS_RETRY.multiplier ** attempt,
      KAFKAJS_RETRY.maxRetryTime,
    );
    const jitter = 1 + KAFKAJS_RETRY.factor * (2 * this.ctx.rng.next() - 1);
    return Math.round(base * jitter);
  }
}
