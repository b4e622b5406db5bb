/**
 * A producer: puts records into a topic, choosing the partition from the key, batching what
 * accumulated per partition into one request (one request in flight per partition keeps the
 * order). With acks=0 it fires and forgets; with acks=1 or 'all' it waits for the leader's
 * answer, and retries after an error or a timeout. A retry after a lost answer appends the same
 * records twice, unless the producer is idempotent: then the leader recognises the sequence
 * numbers and acknowledges without appending.
 */
import type { Kernel, ScheduledHandle, TraceSink } from '../core';
import type { BrokerCluster, ProduceResult } from './brokerCluster';
import type { Ledger } from './ledger';
import { KeylessPartitioner, partitionForKey } from './partitioner';
import type { Acks, LogRecord } from './types';
import type { WireModel } from './wireModel';

export interface ProducerOptions {
  id: string;
  topic: string;
  acks: Acks;
  /** Attempts after the first before a batch is given up. */
  retries: number;
  idempotent: boolean;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  maxBatchRecords: number;
  /** One-way network latency between producer and broker (ms). */
  networkLatencyMs: number;
}

/** Network outages per producer: a request or answer sent while the link is down is lost. */
export class ProducerNetwork {
  private readonly outages: { producer: string; from: number; to: number }[] = [];

  dropBetween(producer: string, from: number, to: number): void {
    this.outages.push({ producer, from, to });
  }

  isDown(producer: string, t: number): boolean {
    for (const o of this.outages) if (o.producer === producer && t >= o.from && t < o.to) return true;
    return false;
  }
}

interface InFlight {
  readonly records: LogRecord[];
  attempts: number;
  requestId: number;
  timeout: ScheduledHandle | null;
}

export interface ProducerStats {
  sent: number;
  acknowledged: number;
  retries: number;
  timeouts: number;
  gaveUp: number;
}

/** Keys whose partition a producer remembers. */
const KEY_MEMO_SIZE = 4096;

/**
 * The records queued for one partition, by column. The log record objects are made when a batch
 * leaves (sendNext), so each batch's records sit together in memory, in offset order: consumers
 * read a partition's records one after the other instead of hopping between partitions.
 */
class PartitionQueue {
  readonly ids: number[] = [];
  readonly keys: (string | null)[] = [];
  readonly values: unknown[] = [];
  readonly eventTimes: number[] = [];
  /** Index of the first record not yet taken into a batch. */
  head = 0;
  /** Index after the last record queued (the arrays keep their storage between batches). */
  end = 0;

  get length(): number {
    return this.end - this.head;
  }

  push(id: number, key: string | null, value: unknown, eventTime: number): void {
    const i = this.end++;
    this.ids[i] = id;
    this.keys[i] = key;
    this.values[i] = value;
    this.eventTimes[i] = eventTime;
  }

  /** Takes `n` records into a batch; once drained, the queue refills from the start of its arrays. */
  take(n: number): void {
    this.head += n;
    if (this.head < this.end) return;
    this.head = 0;
    this.end = 0;
  }
}

export class Producer {
  private readonly queues: PartitionQueue[] = [];
  private readonly inFlight: (InFlight | null)[] = [];
  private readonly nextSeq: number[] = [];
  private readonly keyless: KeylessPartitioner;
  private requestIds = 0;
  /** Partitions of keys seen lately (a stream's keys repeat: cars, sensors, cards), so each is hashed once. */
  private readonly keyPartitions = new Map<string, number>();
  readonly stats: ProducerStats = { sent: 0, acknowledged: 0, retries: 0, timeouts: 0, gaveUp: 0 };

  constructor(
    readonly options: ProducerOptions,
    private readonly partitions: number,
    private readonly kernel: Kernel,
    private readonly cluster: BrokerCluster,
    private readonly network: ProducerNetwork,
    private readonly ledger: Ledger,
    private readonly trace: TraceSink,
    /** Bytes on the wire (optional): a request then also takes its time through the NICs. */
    private readonly wire?: WireModel,
  ) {
    for (let p = 0; p < partitions; p++) {
      this.queues.push(new PartitionQueue());
      this.inFlight.push(null);
      this.nextSeq.push(0);
    }
    this.keyless = new KeylessPartitioner(partitions);
  }

  /** Queues one record; returns its ledger id. Call `flush` to send what is queued. */
  send(key: string | null, value: unknown, eventTime: number): number {
    const id = this.ledger.nextId();
    const partition = key === null ? this.keyless.nextPartition() : this.partitionOf(key);
    this.queues[partition]!.push(id, key, value, eventTime);
    this.stats.sent++;
    return id;
  }

  private partitionOf(key: string): number {
    let p = this.keyPartitions.get(key);
    if (p === undefined) {
      // Bounded: a stream of ever-new keys starts the memo afresh instead of growing it.
      if (this.keyPartitions.size >= KEY_MEMO_SIZE) this.keyPartitions.clear();
      p = partitionForKey(key, this.partitions);
      this.keyPartitions.set(key, p);
    }
    return p;
  }

  /** Sends a request for every partition that has queued records and none in flight. */
  flush(): void {
    for (let p = 0; p < this.partitions; p++) {
      if (this.inFlight[p] === null && this.queues[p]!.length > 0) this.sendNext(p);
    }
  }

  /** Records not yet acknowledged (queued or in flight). */
  unacknowledged(): LogRecord[] {
    const out: LogRecord[] = [];
    for (let p = 0; p < this.partitions; p++) {
      const f = this.inFlight[p];
      if (f) for (const r of f.records) out.push(r);
      const q = this.queues[p]!;
      for (let i = q.head; i < q.end; i++) out.push(this.record(q, i, p, -1));
    }
    return out;
  }

  /** Whether any record is queued or in flight (unacknowledged() without building the records). */
  hasUnacknowledged(): boolean {
    for (let p = 0; p < this.partitions; p++) if (this.inFlight[p] || this.queues[p]!.length > 0) return true;
    return false;
  }

  private record(q: PartitionQueue, i: number, partition: number, seq: number): LogRecord {
    return {
      id: q.ids[i]!,
      key: q.keys[i] as string | null,
      value: q.values[i],
      eventTime: q.eventTimes[i]!,
      partition,
      offset: -1,
      appendTime: -1,
      producer: this.options.id,
      seq,
    };
  }

  private sendNext(p: number): void {
    const queue = this.queues[p]!;
    const n = Math.min(queue.length, this.options.maxBatchRecords);
    // Sized up front: a request's array never grows (growing it left garbage on every request).
    const records = new Array<LogRecord>(n);
    const idempotent = this.options.idempotent;
    for (let i = 0; i < n; i++)
      records[i] = this.record(queue, queue.head + i, p, idempotent ? this.nextSeq[p]!++ : -1);
    queue.take(n);
    if (this.options.acks === 0) {
      this.transmit(p, records, () => {});
      this.stats.acknowledged += records.length;
      if (queue.length > 0) this.sendNext(p);
      return;
    }
    this.inFlight[p] = { records, attempts: 0, requestId: 0, timeout: null };
    this.dispatch(p);
  }

  private dispatch(p: number): void {
    const flight = this.inFlight[p]!;
    const requestId = ++this.requestIds;
    flight.requestId = requestId;
    flight.timeout = this.kernel.schedule(this.options.requestTimeoutMs, () => this.onTimeout(p, requestId));
    this.transmit(p, flight.records, (result) => this.onAnswer(p, requestId, result));
  }

  /** Sends records to the leader; `answer` is called back when (and if) the answer gets through. */
  private transmit(p: number, records: LogRecord[], answer: (r: ProduceResult) => void): void {
    const { id, topic, acks, idempotent, networkLatencyMs } = this.options;
    if (this.network.isDown(id, this.kernel.now)) return;
    const leader = this.wire === undefined ? null : this.cluster.leaderOf(topic, p);
    const wireMs = leader === null ? 0 : this.wire!.requestMs(this.kernel.now, id, leader, records.length);
    this.kernel.post(networkLatencyMs + wireMs, () => {
      const result = this.cluster.produce({ topic, partition: p, producerId: id, idempotent, acks, records });
      const reply = (r: ProduceResult): void => {
        if (this.network.isDown(id, this.kernel.now)) return;
        this.kernel.post(networkLatencyMs, () => answer(r));
      };
      if (acks !== 'all' || result.error !== null) reply(result);
      else {
        this.cluster.whenCommitted(topic, p, result.lastOffset, (ok) =>
          reply(ok ? result : { error: 'offline', lastOffset: -1, duplicate: false }),
        );
      }
    });
  }

  private onAnswer(p: number, requestId: number, result: ProduceResult): void {
    const flight = this.inFlight[p];
    if (!flight || flight.requestId !== requestId) return;
    flight.timeout?.cancel();
    if (result.error === null) {
      this.stats.acknowledged += flight.records.length;
      this.inFlight[p] = null;
      if (this.queues[p]!.length > 0) this.sendNext(p);
    } else this.retry(p, result.error);
  }

  private onTimeout(p: number, requestId: number): void {
    const flight = this.inFlight[p];
    if (!flight || flight.requestId !== requestId) return;
    this.stats.timeouts++;
    this.retry(p, 'timeout');
  }

  private retry(p: number, reason: string): void {
    const flight = this.inFlight[p]!;
    flight.requestId = -1;
    flight.attempts++;
    if (flight.attempts > this.options.retries) {
      this.stats.gaveUp += flight.records.length;
      this.trace.record({
        t: this.kernel.now,
        type: 'batchGivenUp',
        producer: this.options.id,
        partition: p,
        records: flight.records.length,
        reason,
      });
      this.inFlight[p] = null;
      if (this.queues[p]!.length > 0) this.sendNext(p);
      return;
    }
    this.stats.retries++;
    this.kernel.post(this.options.retryBackoffMs, () => {
      if (this.inFlight[p] === flight) this.dispatch(p);
    });
  }
}
