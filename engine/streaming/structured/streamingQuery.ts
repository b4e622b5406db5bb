/**
 * A running Structured Streaming query (Spark's MicroBatchExecution) on the simulated clock. Each
 * trigger plans a batch from the Kafka source's latest offsets; a batch runs with the watermark
 * the last one left (the largest event time seen minus the delay), drops rows whose windows have
 * all ended by the watermark of the batch before (late, as Spark 3.4+ does), updates the
 * aggregation state, writes out what the output mode says
 * (append: windows the watermark closed; update: groups changed; complete: every group), then
 * commits its offsets. When the watermark has moved and closed windows are waiting, a batch runs
 * without new data (spark.sql.streaming.noDataMicroBatches.enabled, on by default).
 */
import { AggregationState } from './aggregationState';
import {
  KafkaSource,
  type MicroBatchReport,
  type OffsetRange,
  type SourceRecord,
  type WindowCell,
} from './kafkaSource';
import { MicroBatchFrame, batchTable } from './microBatchFrame';
import { queryProgress } from './queryProgress';
import type { QueryRow } from '../kafkajs/kafkaCalls';
import { MICRO_BATCH_LIMITS } from '../structuredCallCheck';
import type { StreamPlan } from './streamingDataFrame';

export interface QuerySettings {
  name: string;
  outputMode: 'append' | 'update' | 'complete';
  /** ms between batch starts; 0: the next batch as soon as data is there. */
  triggerMs: number;
  console: { numRows: number; truncate: boolean } | null;
  foreachBatch: ((batchDF: MicroBatchFrame, batchId: number) => unknown) | null;
  /** The watermark closes the aggregation's windows. */
  watermarked: boolean;
}

/** Spark's spark.sql.streaming.pollingDelay: how long an idle query waits before looking again. */
const POLLING_DELAY_MS = 10;
const { events: MAX_EVENTS, cells: MAX_CELLS, keyChars: MAX_KEY } = MICRO_BATCH_LIMITS;
/**
 * What all of a query's batch notes carry at most, for the pictures: a long run of many small
 * batches would otherwise repeat its state in every note. Past it, notes carry counts only.
 */
const RUN_EVENTS = 20_000;
const RUN_CELLS = 40_000;
/** How many progress reports recentProgress keeps (spark.sql.streaming.numRecentProgressUpdates). */
const RECENT = 100;

/** Someone waiting for a query to stop: settled once, then forgotten. */
interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** How a query's waiters are reached outside the class (spark.streams.awaitAnyTermination), never by a program. */
const waiting = new WeakMap<StreamingQuery, (w: Waiter) => () => void>();

/** Waits for `query` to stop; returns what stops the waiting (the waiter is forgotten). */
export function whenTerminated(query: StreamingQuery, w: Waiter): () => void {
  return waiting.get(query)!(w);
}

/** The longest awaitTermination(timeoutMs) waits (ms): longer is the same as for ever, in a run of at most an hour. */
const LONGEST_WAIT = 1e12;

export class StreamingQuery {
  readonly #plan: StreamPlan;
  readonly #settings: QuerySettings;
  readonly #source: KafkaSource;
  readonly #state: AggregationState | null;
  #active = true;
  #error: Error | null = null;
  #batchId = 0;
  /** The watermark the last batch ran with (the next batch judges late rows by it, as Spark 3.4+ does). */
  #watermark: number | null = null;
  #maxEventTime: number | null = null;
  #progress: Record<string, unknown>[] = [];
  /** Rows and groups the batch notes have carried so far (RUN_EVENTS, RUN_CELLS). */
  readonly #noted = { events: 0, cells: 0 };
  readonly #waiters = new Set<Waiter>();

  constructor(plan: StreamPlan, settings: QuerySettings) {
    this.#plan = plan;
    this.#settings = settings;
    this.#source = new KafkaSource(plan.session.transport, plan.source, settings.name);
    const agg = plan.agg;
    this.#state = agg ? new AggregationState(agg.keyFns, agg.aggs, agg.window) : null;
    waiting.set(this, (w) => {
      this.#waiters.add(w);
      return () => void this.#waiters.delete(w);
    });
    // Started as it is made (DataStreamWriter.start): the batches run on the simulated clock.
    this.#loop().then(undefined, (error: unknown) => this.#fail(error));
  }

  get name(): string {
    return this.#settings.name;
  }
  get id(): string {
    return `${this.#settings.name}-id`;
  }
  get runId(): string {
    return `${this.#settings.name}-run-1`;
  }
  get isActive(): boolean {
    return this.#active;
  }
  /** The last batch's StreamingQueryProgress (as JSON), or null before the first. */
  get lastProgress(): Record<string, unknown> | null {
    return this.#progress.at(-1) ?? null;
  }
  get recentProgress(): Record<string, unknown>[] {
    return [...this.#progress];
  }
  get status(): { message: string; isDataAvailable: boolean; isTriggerActive: boolean } {
    return {
      message: this.#active ? 'Waiting for data to arrive' : 'Stopped',
      isDataAvailable: false,
      isTriggerActive: false,
    };
  }

  /** The error that stopped the query, or null. */
  exception(): Error | null {
    return this.#error;
  }

  /**
   * Resolves when the query stops; rejects with the error that stopped it. With a timeout (ms of
   * simulated time): true if it stopped by then, false if not.
   */
  awaitTermination(timeoutMs?: number): Promise<boolean | undefined> {
    if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !(timeoutMs >= 0)))
      return Promise.reject(
        new RangeError(`awaitTermination(timeoutMs): a number of milliseconds of at least 0, got ${String(timeoutMs)}`),
      );
    if (this.#error) return Promise.reject(this.#error);
    if (!this.#active) return Promise.resolve(timeoutMs === undefined ? undefined : true);
    return new Promise((resolve, reject) => {
      const w: Waiter = { resolve: () => resolve(timeoutMs === undefined ? undefined : true), reject };
      this.#waiters.add(w);
      if (timeoutMs === undefined) return;
      // The timeout's waiter is forgotten when it fires: a later error is nobody's, and ends the program.
      const forget = () => {
        if (this.#waiters.delete(w)) resolve(false);
      };
      this.#source.sleep(Math.min(timeoutMs, LONGEST_WAIT)).then(forget, forget);
    });
  }

  async stop(): Promise<void> {
    if (!this.#active) return;
    this.#active = false;
    await this.#source.stop();
    for (const w of this.#takeWaiters()) w.resolve();
  }

  #takeWaiters(): Waiter[] {
    const all = [...this.#waiters];
    this.#waiters.clear();
    return all;
  }

  #fail(error: unknown): void {
    this.#active = false;
    const e = error instanceof Error ? error : new Error(String(error));
    this.#error = e;
    const waiters = this.#takeWaiters();
    for (const w of waiters) w.reject(e);
    // Nobody awaits the query: its error ends the program, as an uncaught exception would.
    if (waiters.length === 0) this.#plan.session.transport.fatal?.(e);
  }

  async #loop(): Promise<void> {
    await this.#source.start();
    while (this.#active) {
      const planned = this.#plan.session.transport.now();
      const ranges = await this.#source.plan();
      if (!this.#active) return;
      const hasData = ranges.some((r) => r.end > r.start);
      if (hasData || this.#closesWindows()) await this.#runBatch(planned, ranges);
      if (!this.#active) return;
      await this.#waitForTrigger(planned, hasData);
    }
  }

  /**
   * Spark's noDataMicroBatches (StateStoreSaveExec.shouldRunAnotherBatch): a batch without data
   * runs whenever the watermark has moved since the last batch, in append and update modes, so
   * windows it closed are written and forgotten, and the watermark late rows are judged by moves.
   */
  #closesWindows(): boolean {
    return (
      this.#state !== null &&
      this.#settings.watermarked &&
      this.#settings.outputMode !== 'complete' &&
      this.#nextWatermark() !== this.#watermark
    );
  }

  #nextWatermark(): number | null {
    const wm = this.#plan.watermark;
    if (!wm || this.#maxEventTime === null) return this.#watermark;
    const candidate = this.#maxEventTime - wm.delayMs;
    return this.#watermark === null ? candidate : Math.max(this.#watermark, candidate);
  }

  /**
   * Spark's ProcessingTimeExecutor: the next batch at the next multiple of the interval after this
   * one's trigger (at once when this batch ran past it); without an interval, at once after a
   * batch with data, else after spark.sql.streaming.pollingDelay.
   */
  async #waitForTrigger(planned: number, hadData: boolean): Promise<void> {
    const interval = this.#settings.triggerMs;
    const now = this.#plan.session.transport.now();
    const wait =
      interval > 0
        ? Math.max(0, (Math.floor(planned / interval) + 1) * interval - now)
        : hadData
          ? 0
          : POLLING_DELAY_MS;
    if (wait > 0) await this.#source.sleep(wait);
  }

  async #runBatch(plannedAt: number, ranges: OffsetRange[]): Promise<void> {
    const { session, agg } = this.#plan;
    const watermark = this.#nextWatermark();
    // Spark 3.4+ (statefulOperator.allowMultiple): late rows are judged by the watermark of the
    // batch before; windows close and are forgotten by this batch's.
    const lateWatermark = this.#watermark;
    this.#watermark = watermark;
    const records = await this.#source.read(ranges);
    const events: MicroBatchReport['events'] = [];
    const out: unknown[][] = [];
    const notes = new Map<string, QueryRow[]>();
    const note = (r: SourceRecord, eventTime: number | null, fate: QueryRow['fate']) => {
      const list = notes.get(r.topic) ?? [];
      list.push({ partition: r.partition, offset: r.offset, eventTime, fate });
      notes.set(r.topic, list);
    };
    let late = 0;
    let batchMax: number | null = null;
    for (const r of records) {
      const row = this.#rowOf(r);
      if (row === null || !this.#state) {
        if (row !== null) out.push(row);
        note(r, null, 'processed');
        continue;
      }
      // Complete mode keeps every group, so no row is late in it (Spark drops none there).
      const dropsLate = this.#settings.watermarked && this.#settings.outputMode !== 'complete';
      const { fate, eventTime } = this.#state.add(row, dropsLate ? lateWatermark : null);
      if (eventTime !== null) {
        batchMax = batchMax === null ? eventTime : Math.max(batchMax, eventTime);
        if (events.length < Math.min(MAX_EVENTS, RUN_EVENTS - this.#noted.events))
          events.push({ partition: r.partition, offset: r.offset, eventTime, late: fate === 'late' });
      }
      if (fate === 'late') late++;
      note(r, eventTime, fate === 'no-time' ? 'processed' : fate);
    }
    // The rows cost the lab's processing time, and the ledger counts them, before the batch writes.
    for (const [topic, rows] of notes) await this.#source.took(topic, rows);
    if (batchMax !== null)
      this.#maxEventTime = this.#maxEventTime === null ? batchMax : Math.max(this.#maxEventTime, batchMax);
    // What the batch writes out, by output mode.
    const state = this.#state;
    let emitted: unknown[][] = out;
    let emittedCells: WindowCell[] = [];
    if (state && agg) {
      const mode = this.#settings.outputMode;
      const groups =
        mode === 'complete'
          ? state.all()
          : mode === 'update'
            ? state.all().filter((g) => g.updated)
            : state.ended(watermark);
      emitted = groups.map((g) => {
        const values = state.values(g);
        const keys = [...g.keys];
        if (agg.windowKey >= 0)
          keys.splice(
            agg.windowKey,
            0,
            g.start === null ? null : { start: g.start, end: g.start + agg.window!.sizeMs },
          );
        return [...keys, ...values];
      });
      emittedCells = groups.map((g) => this.#cell(g)).slice(0, MAX_CELLS);
    }
    const stateCells = state
      ? state
          .all()
          .map((g) => this.#cell(g))
          .slice(0, MAX_CELLS)
      : [];
    const fields = agg ? agg.fields : this.#plan.schema;
    const batchId = this.#batchId;
    if (this.#settings.console) {
      const { numRows, truncate } = this.#settings.console;
      session.print(
        `-------------------------------------------\nBatch: ${batchId}\n-------------------------------------------\n${batchTable(fields, emitted, numRows, truncate)}\n`,
      );
    }
    if (this.#settings.foreachBatch)
      await this.#settings.foreachBatch(new MicroBatchFrame(fields, emitted, session.print), batchId);
    // Stopped during the batch (stop() in foreachBatch): Spark commits nothing of it.
    if (!this.#active) return;
    if (state && this.#settings.outputMode !== 'complete') state.evict(this.#settings.watermarked ? watermark : null);
    else if (state) state.evict(null);
    await this.#source.commit(ranges);
    const nextWatermark = this.#nextWatermark();
    this.#source.report({
      query: this.name,
      batchId,
      startedAt: plannedAt,
      ranges,
      rows: records.length,
      late,
      watermark,
      lateWatermark: this.#settings.watermarked && this.#settings.outputMode !== 'complete' ? lateWatermark : null,
      stateSize: state?.size ?? 0,
      nextWatermark,
      outputMode: this.#settings.outputMode,
      ...this.#budgeted(stateCells, emittedCells, events),
    });
    this.#progress.push(
      queryProgress({
        id: this.id,
        runId: this.runId,
        name: this.name,
        batchId: this.#batchId,
        at: plannedAt,
        now: session.transport.now(),
        topics: this.#plan.source.topics,
        ranges,
        rows: records.length,
        late,
        written: emitted.length,
        stateRows: state ? state.size : null,
        watermark,
        sink: this.#settings.console ? 'ConsoleSink' : 'ForeachBatchSink',
      }),
    );
    if (this.#progress.length > RECENT) this.#progress.shift();
    this.#batchId++;
  }

  /** The note's lists, within what the query's notes may carry in all. */
  #budgeted(
    state: WindowCell[],
    emitted: WindowCell[],
    events: MicroBatchReport['events'],
  ): Pick<MicroBatchReport, 'state' | 'emitted' | 'events'> {
    const cells = Math.max(0, RUN_CELLS - this.#noted.cells);
    const out = {
      emitted: emitted.slice(0, cells),
      state: state.slice(0, Math.max(0, cells - emitted.length)),
      events,
    };
    this.#noted.cells += out.emitted.length + out.state.length;
    this.#noted.events += events.length;
    return out;
  }

  #cell(g: { start: number | null; keys: unknown[] }): WindowCell {
    const state = this.#state!;
    const value = state.values(g as never)[0];
    return {
      start: g.start ?? 0,
      end: g.start === null ? 0 : g.start + state.window!.sizeMs,
      key: g.keys
        .map((k) => (k === null ? 'null' : String(k)))
        .join(', ')
        .slice(0, MAX_KEY),
      value: typeof value === 'number' && Number.isFinite(value) ? value : 0,
    };
  }

  /** The Kafka source's row (key, value, topic, partition, offset, timestamp, timestampType) through the row operators. */
  #rowOf(r: SourceRecord): unknown[] | null {
    let row: unknown[] | null = [r.key, r.value, r.topic, r.partition, r.offset, r.timestamp, 0];
    for (const op of this.#plan.rowOps) {
      row = op(row);
      if (row === null) return null;
    }
    return row;
  }
}
