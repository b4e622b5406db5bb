/**
 * Windowed aggregation by event time for the micro-batch processor (Spark Structured Streaming
 * style). Records go into tumbling or sliding windows by their event time; the watermark
 * (largest event time seen minus the allowed delay, moved at the end of each batch) closes
 * windows, and a record whose windows are all closed is dropped as late. Each batch yields one
 * row per (window, key) holding every record's contribution, so a sink can apply them exactly.
 */
import type { LogRecord, ProcessedValue, TimeWindow, WindowPart, WindowRow } from './types';

export type WindowAggregate = 'count' | 'sum' | 'min' | 'max' | 'avg';
export const WINDOW_AGGREGATES: readonly WindowAggregate[] = ['count', 'sum', 'min', 'max', 'avg'];

export interface WindowSpec {
  type: 'tumbling' | 'sliding';
  sizeMs: number;
  /** Sliding windows start every `slideMs`; equals `sizeMs` for tumbling ones. */
  slideMs: number;
  /** How far behind the largest event time seen the watermark trails. */
  watermarkDelayMs: number;
  aggregate: WindowAggregate;
}

/** Running aggregate of a (window, key). */
export interface AggregateState {
  count: number;
  sum: number;
  min: number;
  max: number;
}

export function emptyAggregate(): AggregateState {
  return { count: 0, sum: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
}

export function addToAggregate(state: AggregateState, value: number): void {
  state.count++;
  state.sum += value;
  if (value < state.min) state.min = value;
  if (value > state.max) state.max = value;
}

export function aggregateValue(kind: WindowAggregate, s: AggregateState): number {
  switch (kind) {
    case 'count':
      return s.count;
    case 'sum':
      return s.sum;
    case 'min':
      return s.min;
    case 'max':
      return s.max;
    case 'avg':
      return s.count === 0 ? 0 : s.sum / s.count;
  }
}

/** Thrown when a processed value cannot be aggregated (e.g. a string summed). */
export class WindowValueError extends Error {
  override name = 'WindowValueError';
}

export interface WindowBatchResult {
  rows: WindowRow[];
  /** Records dropped as late in this batch. */
  late: LogRecord[];
}

export class WindowStage {
  private maxEventTime = Number.NEGATIVE_INFINITY;
  /** Ends of windows that received data and are still open, to count closings. */
  private readonly open = new Set<number>();
  watermark = Number.NEGATIVE_INFINITY;
  windowsClosed = 0;

  constructor(readonly spec: WindowSpec) {}

  /** Aggregates one batch's processed records into rows and moves the watermark. */
  aggregateBatch(items: readonly { source: LogRecord; out: ProcessedValue }[]): WindowBatchResult {
    const { sizeMs, slideMs, aggregate } = this.spec;
    const rows = new Map<string, WindowRow>();
    const late: LogRecord[] = [];
    for (const { source, out } of items) {
      const t = source.eventTime;
      const lastStart = Math.floor(t / slideMs) * slideMs;
      if (lastStart + sizeMs <= this.watermark) {
        late.push(source);
        continue;
      }
      let value = 1;
      if (aggregate !== 'count') {
        if (typeof out.value !== 'number' || !Number.isFinite(out.value)) {
          throw new WindowValueError(
            `window aggregate '${aggregate}' needs a finite number as value, got ${String(out.value)}`,
          );
        }
        value = out.value;
      }
      if (t > this.maxEventTime) this.maxEventTime = t;
      for (let start = lastStart; start > t - sizeMs; start -= slideMs) {
        const end = start + sizeMs;
        if (end <= this.watermark) break;
        const id = `${start}|${out.key}`;
        let row = rows.get(id);
        if (!row) {
          const window: TimeWindow = { start, end };
          row = { kind: 'window', key: out.key, window, parts: [] };
          rows.set(id, row);
        }
        const part: WindowPart = { source, value, counted: start === lastStart };
        row.parts.push(part);
        this.open.add(end);
      }
    }
    const next = this.maxEventTime - this.spec.watermarkDelayMs;
    if (next > this.watermark) {
      this.watermark = next;
      for (const end of [...this.open]) {
        if (end <= next) {
          this.open.delete(end);
          this.windowsClosed++;
        }
      }
    }
    return { rows: [...rows.values()], late };
  }
}
