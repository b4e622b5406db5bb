/**
 * A Structured Streaming query's micro-batches, read from a streaming run's trace (`microBatch`,
 * `recordAggregated`) once, then at any playback instant (`windowsAt`): the batches that have
 * ended by then, the watermark the query holds, the latest event time it has seen, its windows
 * (open in its state, or written to the sink) and the rows it has read, as dots by event time.
 * Event times are ms since 1970 (UTC), not the run's simulated time. No DOM: the pictures draw it.
 */
import type { KafkaJobReport } from '../../../engine/api';
import type { MicroBatchReport, StreamWindowCell } from '../../../engine/streaming';
import { countUpTo } from './timeSeries';

/** One group of the aggregation: its window [start, end) in event time, its other keys as text, its first aggregate. */
export type WindowCell = StreamWindowCell;

/** A micro-batch, as the strip draws it (times are the run's simulated ms). */
export interface MicroBatch {
  id: number;
  /** When it was planned, and when it ended. */
  startedAt: number;
  t: number;
  rows: number;
  /** Rows the watermark dropped. */
  late: number;
  /** The watermark it ran with, the one its late rows were judged by (the batch before's), and the one after it (event-time ms; null: none yet). */
  watermark: number | null;
  lateWatermark: number | null;
  nextWatermark: number | null;
  /** Windows it wrote to the sink, and the groups held after it. */
  emitted: number;
  stateSize: number;
}

/** A row the query read: where it was in the log, its event time and key, and whether it was late. */
export interface RowDot {
  batchId: number;
  topic: string;
  partition: number;
  offset: number;
  eventTime: number;
  /** The record's key in the log (null: none), and its id (the ledger's). */
  key: string | null;
  record: string | null;
  late: boolean;
}

/** A record the query put into windows (late false) or dropped as late, when it did. */
export interface Aggregation {
  t: number;
  eventTime: number | null;
  late: boolean;
  /** The batch that read it (undefined: none found). */
  batchId: number | undefined;
}

export interface MicroBatchView {
  /** The query drawn (the first of the run), its output mode, and the run's other queries. */
  query: string;
  outputMode: 'append' | 'update' | 'complete';
  otherQueries: string[];
  batches: MicroBatch[];
  /** Per batch (same order): the state after it, the cells it wrote, its rows. */
  states: WindowCell[][];
  writes: WindowCell[][];
  rows: RowDot[][];
  /** Every key that has a window or a row in the run, sorted: one lane each, the same all run long. */
  keys: string[];
  /** The event times the run covers (every window and row), for a stable axis; null: no rows. */
  eventRange: [number, number] | null;
  /** The records aggregated or dropped, by topic, partition and offset. */
  aggregations: Map<string, Aggregation[]>;
  /**
   * When the ledger's counts of every query grow (sorted): a record first counted in windows, and
   * a record dropped as late that no window counted.
   */
  ledgerTimes: { aggregated: number[]; late: number[] };
}

/** A window at an instant: open in the state, or written to the sink (final: it will not change). */
export interface WindowAt extends WindowCell {
  written: boolean;
  final: boolean;
  /** When it was first written (simulated ms), or null. */
  writtenAt: number | null;
}

export interface MicroBatchesAt {
  /** How many batches have ended, and the latest of them (null: none yet). */
  ended: number;
  batch: MicroBatch | null;
  /**
   * The watermark the latest batch ran with (the windows written so far ended at or before it),
   * and the largest event time read so far.
   */
  watermark: number | null;
  maxEventTime: number | null;
  windows: WindowAt[];
  rows: RowDot[];
  written: number;
  open: number;
  late: number;
}

/** A `microBatch` event of the trace: the query's report of the batch, when it ended and by which client. */
type MicroBatchEvent = MicroBatchReport & { t: number; client: number };

interface AggregatedEvent {
  t: number;
  client: number;
  topic: string;
  partition: number;
  offset: number;
  eventTime: number | null;
  late: boolean;
}

export const rowKey = (topic: string, partition: number, offset: number) => `${topic}\u0000${partition}\u0000${offset}`;
const cellKey = (c: WindowCell) => `${c.start}\u0000${c.end}\u0000${c.key}`;

/** The run's first query, drawn from its trace; null when the run has none. */
export function buildMicroBatchView(report: KafkaJobReport): MicroBatchView | null {
  const trace = report.trace as unknown as ({ type: string } & Record<string, unknown>)[];
  const all = trace.filter((e) => e.type === 'microBatch') as unknown as MicroBatchEvent[];
  if (all.length === 0) return null;
  const first = all[0]!;
  const mine = all.filter((b) => b.client === first.client && b.query === first.query).sort((a, b) => a.t - b.t);
  const otherQueries = [
    ...new Set(all.filter((b) => b.client !== first.client || b.query !== first.query).map((b) => b.query)),
  ];
  // Each record's key and id in the log, to put a row in its lane and follow it.
  const film = new Map<string, { key: string | null; record: string | null }>();
  for (const f of report.film)
    for (const r of f.records) film.set(rowKey(f.topic, f.partition, r[0]), { record: r[2], key: r[3] });
  const keys = new Set<string>();
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const seen = (a: number, b: number) => {
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  };
  const batchOf = new Map<string, number>();
  const rows = mine.map((b) =>
    b.events.map((e): RowDot => {
      // The batch read each partition's range [start, end): the one holding the offset names its topic.
      const range = b.ranges.find((r) => r.partition === e.partition && r.start <= e.offset && e.offset < r.end);
      const topic = range?.topic ?? b.ranges[0]?.topic ?? '';
      const rec = film.get(rowKey(topic, e.partition, e.offset));
      batchOf.set(rowKey(topic, e.partition, e.offset), b.batchId);
      seen(e.eventTime, e.eventTime);
      return {
        batchId: b.batchId,
        topic,
        partition: e.partition,
        offset: e.offset,
        eventTime: e.eventTime,
        key: rec?.key ?? null,
        record: rec?.record ?? null,
        late: e.late,
      };
    }),
  );
  for (const b of mine)
    for (const c of [...b.state, ...b.emitted]) {
      keys.add(c.key);
      seen(c.start, c.end);
    }
  // Rows go in their record's lane when the windows are keyed by it (else in the windows' only lane).
  const single = keys.size === 1 ? [...keys][0]! : null;
  for (const r of rows.flat()) {
    if (r.key === null || !keys.has(r.key)) r.key = single ?? r.key;
    if (r.key !== null) keys.add(r.key);
  }
  const aggregations = new Map<string, Aggregation[]>();
  // Per record id (the ledger's): when a window first counted it, or when it was first dropped.
  const counted = new Map<string, number>();
  const dropped = new Map<string, number>();
  for (const e of trace)
    if (e.type === 'recordAggregated') {
      const a = e as unknown as AggregatedEvent;
      const k = rowKey(a.topic, a.partition, a.offset);
      const id = film.get(k)?.record;
      const times = a.late ? dropped : counted;
      if (id != null && !times.has(id)) times.set(id, a.t);
      if (a.client !== first.client) continue;
      const list = aggregations.get(k) ?? [];
      list.push({ t: a.t, eventTime: a.eventTime, late: a.late, batchId: batchOf.get(k) });
      aggregations.set(k, list);
    }
  return {
    query: first.query,
    outputMode: first.outputMode,
    otherQueries,
    batches: mine.map((b) => ({
      id: b.batchId,
      startedAt: b.startedAt,
      t: b.t,
      rows: b.rows,
      late: b.late,
      watermark: b.watermark,
      lateWatermark: b.lateWatermark,
      nextWatermark: b.nextWatermark,
      emitted: b.emitted.length,
      stateSize: b.stateSize,
    })),
    states: mine.map((b) => b.state),
    writes: mine.map((b) => b.emitted),
    rows,
    keys: [...keys].sort(),
    eventRange: Number.isFinite(lo) ? [lo, hi] : null,
    aggregations,
    ledgerTimes: {
      aggregated: [...counted.values()].sort((a, b) => a - b),
      late: [...dropped]
        .filter(([id]) => !counted.has(id))
        .map(([, t]) => t)
        .sort((a, b) => a - b),
    },
  };
}

/** How many of the query's batches have ended at or before `t`. */
export function batchesEndedBy(view: MicroBatchView, t: number): number {
  return countUpTo(view.batches, t, (b) => b.t);
}

/** The query after its first `ended` batches (what windowsAt shows once they have ended). */
export function windowsAfter(view: MicroBatchView, ended: number): MicroBatchesAt {
  const n = Math.max(0, Math.min(ended, view.batches.length));
  const batch = n > 0 ? view.batches[n - 1]! : null;
  const windows = new Map<string, WindowAt>();
  let maxEventTime: number | null = null;
  for (let i = 0; i < n; i++) {
    for (const r of view.rows[i]!) maxEventTime = Math.max(maxEventTime ?? r.eventTime, r.eventTime);
    for (const c of view.writes[i]!) {
      const had = windows.get(cellKey(c));
      windows.set(cellKey(c), { ...c, written: true, final: false, writtenAt: had?.writtenAt ?? view.batches[i]!.t });
    }
  }
  const state = n > 0 ? view.states[n - 1]! : [];
  const held = new Set(state.map(cellKey));
  for (const c of state) {
    const had = windows.get(cellKey(c));
    // The state holds the latest count; a window it holds may still change (unless append wrote it, final).
    windows.set(cellKey(c), had ? { ...had, value: c.value } : { ...c, written: false, final: false, writtenAt: null });
  }
  for (const [k, w] of windows)
    if (w.written) w.final = view.outputMode === 'append' || (view.outputMode === 'update' && !held.has(k));
  const list = [...windows.values()].sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = view.rows.slice(0, n).flat();
  const written = list.filter((w) => w.written).length;
  return {
    ended: n,
    batch,
    // The watermark the latest batch ran with: what it wrote and forgot ended at or before it (the
    // next one, from this batch's events, takes effect when the next batch runs).
    watermark: batch?.watermark ?? null,
    maxEventTime,
    windows: list,
    rows,
    written,
    open: list.length - written,
    late: rows.filter((r) => r.late).length,
  };
}

/** The query at playback instant `t`: only the batches that ended at or before it. */
export function windowsAt(view: MicroBatchView, t: number): MicroBatchesAt {
  return windowsAfter(view, batchesEndedBy(view, t));
}

/** An event time as the pictures write it: HH:mm:ss UTC (with milliseconds when it has some). */
export function formatEventTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? iso.slice(11, 19) : iso.slice(11, 23);
}
