/**
 * The micro-batch stream processor (Spark Streaming style): a set of consumers in one group,
 * each waking every batch interval on the simulated clock to fetch what its partitions have,
 * run the processing function (and the window stage), write to the sink and commit offsets.
 * The delivery method decides when offsets are committed (Cookbook 12.2-12.4):
 * - at-most-once:  before processing, so a crash skips the batch;
 * - at-least-once: after writing, so a crash repeats the batch;
 * - exactly-once:  with the output, in the transactional sink (consumers resume from the
 *                  offsets stored there), or after writing to the idempotent key-value store.
 * Crash faults stop a consumer at a chosen point of a batch; its partitions move to the others
 * after the session timeout, and a restarted consumer joins again as a new member.
 */
import { isTracing, type Kernel, type TraceSink } from '../core';
import type { Assignment } from './assignors';
import type { AppendSink } from './appendSink';
import type { BrokerCluster } from './brokerCluster';
import type { ConsumerGroup } from './consumerGroup';
import type { KeyValueStore } from './keyValueStore';
import type { Ledger } from './ledger';
import type { TransactionalSink } from './transactionalSink';
import { SinkRows } from './sinkRows';
import type { CrashPoint, DeliveryMethod, LogRecord, OffsetMap, ProcessedValue } from './types';
import { WindowStage, type WindowSpec } from './windowStage';

export type StreamSink = AppendSink | KeyValueStore | TransactionalSink;

/**
 * The processing function: a record in, one output or null (drop it) out. The output object may
 * be reused by the next call (no object per record): copy its fields out before calling again.
 */
export type ProcessFn = (record: LogRecord) => ProcessedValue | null;

export interface ProcessorOptions {
  topic: string;
  partitions: number;
  consumers: number;
  batchIntervalMs: number;
  maxRecordsPerPartition: number;
  /** Simulated processing cost per record (ms): a batch that takes longer than the interval delays the next. */
  costPerRecordMs: number;
  delivery: DeliveryMethod;
  window: WindowSpec | null;
}

/** Crash consumer `consumer` (1-based) at `point` of its `batch`-th non-empty batch, or the first one at or after `atMs`. */
export interface ConsumerCrash {
  consumer: number;
  point: CrashPoint;
  atMs?: number;
  batch?: number;
  /** Start it again (as a new member) this long after the crash. */
  restartAfterMs?: number;
}

export interface ProcessorStats {
  batches: number;
  emptyBatches: number;
  recordsFetched: number;
  maxBatchRecords: number;
  commitsRefused: number;
  crashes: number;
  restarts: number;
  /** Records skipped because retention deleted them before they were read. */
  skippedByRetention: number;
  maxTotalLag: number;
}

interface Consumer {
  readonly index: number;
  memberId: string;
  alive: boolean;
  incarnation: number;
  generation: number;
  owned: number[];
  readonly positions: Map<number, number>;
  window: WindowStage | null;
  nonEmptyBatches: number;
}

export class MicroBatchProcessor {
  private readonly consumers: Consumer[] = [];
  private readonly byMember = new Map<string, Consumer>();
  private readonly crashes: (ConsumerCrash & { fired: boolean })[] = [];
  private readonly tracing: boolean;
  readonly stats: ProcessorStats = {
    batches: 0,
    emptyBatches: 0,
    recordsFetched: 0,
    maxBatchRecords: 0,
    commitsRefused: 0,
    crashes: 0,
    restarts: 0,
    skippedByRetention: 0,
    maxTotalLag: 0,
  };

  constructor(
    readonly options: ProcessorOptions,
    private readonly process: ProcessFn,
    private readonly sink: StreamSink,
    private readonly group: ConsumerGroup,
    private readonly cluster: BrokerCluster,
    private readonly kernel: Kernel,
    private readonly ledger: Ledger,
    private readonly trace: TraceSink,
  ) {
    this.tracing = isTracing(trace);
    group.onRebalance((gen, assignment) => this.onRebalance(gen, assignment));
  }

  /** Plans a consumer crash. */
  crashAt(crash: ConsumerCrash): void {
    this.crashes.push({ ...crash, fired: false });
  }

  /** Starts every consumer: they join the group and begin their batch loops. */
  start(): void {
    for (let i = 1; i <= this.options.consumers; i++) {
      const c: Consumer = {
        index: i,
        memberId: `consumer-${i}`,
        alive: true,
        incarnation: 0,
        generation: -1,
        owned: [],
        positions: new Map(),
        window: this.newWindow(),
        nonEmptyBatches: 0,
      };
      this.consumers.push(c);
      this.byMember.set(c.memberId, c);
    }
    for (const c of this.consumers) this.group.join(c.memberId);
    for (const c of this.consumers) this.scheduleBatch(c, this.options.batchIntervalMs);
  }

  /** Where consumers would resume each partition (used for lag and the ledger's pending records). */
  resumeOffset(partition: number): number {
    const start = this.cluster.partition(this.options.topic, partition).log.logStartOffset;
    let offset: number | undefined;
    if (this.options.delivery === 'exactly-once' && this.sink.kind === 'transactional')
      offset = this.sink.storedOffset(partition);
    offset ??= this.group.committedOffset(partition);
    return Math.max(offset ?? start, start);
  }

  private newWindow(): WindowStage | null {
    return this.options.window ? new WindowStage(this.options.window) : null;
  }

  private onRebalance(generation: number, assignment: Assignment): void {
    for (const [member, owned] of assignment) {
      const c = this.byMember.get(member);
      if (!c || !c.alive || c.memberId !== member) continue;
      c.generation = generation;
      c.owned = owned;
      c.positions.clear();
      for (const p of owned) c.positions.set(p, this.resumeOffset(p));
    }
  }

  private scheduleBatch(c: Consumer, delay: number): void {
    const incarnation = c.incarnation;
    this.kernel.post(
      delay,
      () => {
        if (c.alive && c.incarnation === incarnation) this.runBatch(c);
      },
      5,
    );
  }

  private runBatch(c: Consumer): void {
    const { topic, maxRecordsPerPartition, delivery, batchIntervalMs, costPerRecordMs } = this.options;
    this.stats.batches++;
    this.sampleLag();
    // One array per partition: no copy of the fetched records into a combined batch.
    const fetched: LogRecord[][] = [];
    let count = 0;
    const next: OffsetMap = new Map();
    for (const p of c.owned) {
      const pos = c.positions.get(p) ?? 0;
      const start = this.cluster.partition(topic, p).log.logStartOffset;
      if (pos < start) this.stats.skippedByRetention += start - pos;
      const got = this.cluster.fetch(topic, p, Math.max(pos, start), maxRecordsPerPartition);
      if (got.length === 0) {
        if (pos < start) next.set(p, start);
        continue;
      }
      fetched.push(got);
      count += got.length;
      next.set(p, got[got.length - 1]!.offset + 1);
    }
    for (const [p, o] of next) c.positions.set(p, o);
    if (count === 0) {
      this.stats.emptyBatches++;
      if (next.size > 0) this.commitToGroup(c, next);
      this.scheduleBatch(c, batchIntervalMs);
      return;
    }
    c.nonEmptyBatches++;
    this.stats.recordsFetched += count;
    if (count > this.stats.maxBatchRecords) this.stats.maxBatchRecords = count;
    const crash = this.dueCrash(c);

    if (delivery === 'at-most-once') this.commitToGroup(c, next);
    if (crash?.point === 'before-processing') return this.die(c, crash);

    const rows = this.processRecords(c, fetched, count);
    if (crash?.point === 'after-processing') return this.die(c, crash);

    const sink = this.sink;
    if (sink.kind === 'transactional') {
      const txn = sink.begin();
      sink.write(txn, rows);
      if (crash?.point === 'before-commit') {
        sink.abort(txn);
        return this.die(c, crash);
      }
      sink.commit(txn, next);
    } else {
      if (sink.kind === 'append') sink.write(rows);
      else sink.upsert(rows);
      if (crash?.point === 'before-commit') return this.die(c, crash);
    }
    if (delivery !== 'at-most-once') this.commitToGroup(c, next);
    if (this.tracing)
      this.trace.record({
        t: this.kernel.now,
        type: 'batchCommitted',
        consumer: c.memberId,
        records: count,
        rows: rows.size,
      });
    this.scheduleBatch(c, Math.max(batchIntervalMs, count * costPerRecordMs));
  }

  private processRecords(c: Consumer, fetched: LogRecord[][], count: number): SinkRows {
    const ledger = this.ledger;
    const fn = this.process;
    const windowed = c.window !== null;
    const rows = new SinkRows(windowed ? 0 : count);
    const items: { source: LogRecord; out: ProcessedValue }[] = [];
    for (const records of fetched) {
      for (let i = 0; i < records.length; i++) {
        const r = records[i]!;
        ledger.processed(r.id);
        const out = fn(r);
        if (out === null) {
          ledger.filtered(r.id);
          continue;
        }
        if (windowed) items.push({ source: r, out: { key: out.key, value: out.value } });
        else rows.addRecord(out.key, out.value, r);
      }
    }
    if (c.window === null) return rows.done();
    const result = c.window.aggregateBatch(items);
    for (const r of result.late) ledger.late(r.id);
    for (const w of result.rows) rows.windows.push(w);
    return rows.done();
  }

  private commitToGroup(c: Consumer, offsets: OffsetMap): void {
    if (!this.group.commit(c.memberId, c.generation, offsets)) this.stats.commitsRefused++;
  }

  private dueCrash(c: Consumer): ConsumerCrash | undefined {
    for (const crash of this.crashes) {
      if (crash.fired || crash.consumer !== c.index) continue;
      const byBatch = crash.batch !== undefined && c.nonEmptyBatches >= crash.batch;
      const byTime = crash.atMs !== undefined && this.kernel.now >= crash.atMs;
      if (byBatch || byTime) {
        crash.fired = true;
        return crash;
      }
    }
    return undefined;
  }

  private die(c: Consumer, crash: ConsumerCrash): void {
    c.alive = false;
    c.incarnation++;
    this.stats.crashes++;
    this.trace.record({ t: this.kernel.now, type: 'consumerCrashed', consumer: c.memberId, point: crash.point });
    this.group.memberFailed(c.memberId);
    if (crash.restartAfterMs === undefined) return;
    this.kernel.post(crash.restartAfterMs, () => {
      c.alive = true;
      c.memberId = `consumer-${c.index}.${c.incarnation}`;
      c.owned = [];
      c.positions.clear();
      c.window = this.newWindow();
      this.byMember.set(c.memberId, c);
      this.stats.restarts++;
      this.trace.record({ t: this.kernel.now, type: 'consumerRestarted', consumer: c.memberId });
      this.group.join(c.memberId);
      this.scheduleBatch(c, this.options.batchIntervalMs);
    });
  }

  /** Total lag over all partitions right now; keeps the maximum seen. */
  totalLag(): number {
    let lag = 0;
    for (let p = 0; p < this.options.partitions; p++) {
      const log = this.cluster.partition(this.options.topic, p).log;
      lag += Math.max(0, log.highWatermark - this.resumeOffset(p));
    }
    return lag;
  }

  private sampleLag(): void {
    const lag = this.totalLag();
    if (lag > this.stats.maxTotalLag) this.stats.maxTotalLag = lag;
  }

  /** Windows closed by the watermark, over all consumers. */
  windowsClosed(): number {
    return this.consumers.reduce((n, c) => n + (c.window?.windowsClosed ?? 0), 0);
  }

  /** True when every live consumer is caught up with its partitions. */
  caughtUp(): boolean {
    return this.totalLag() === 0;
  }
}
