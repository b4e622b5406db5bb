/**
 * The append-only sink: every row written is kept, so a batch written twice shows up twice
 * (a file or a log downstream). Window rows add their contributions to the window's aggregate,
 * so a replayed batch counts its records twice there as well.
 */
import type { Ledger } from './ledger';
import type { SinkRows } from './sinkRows';
import { addToAggregate, emptyAggregate, type AggregateState } from './windowStage';

/** One line of a sink's final content, for reports and tests. */
export interface SinkEntry {
  key: string;
  /** The record's output value, or the window aggregate's state. */
  value: unknown;
  window?: { start: number; end: number };
}

/** The window aggregates of a sink, keyed `start|key`, in first-write order. */
export class WindowTable {
  readonly entries = new Map<string, { key: string; window: { start: number; end: number }; state: AggregateState }>();

  get(key: string, span: { start: number; end: number }): AggregateState {
    const id = `${span.start}|${key}`;
    let e = this.entries.get(id);
    if (!e) {
      e = { key, window: { start: span.start, end: span.end }, state: emptyAggregate() };
      this.entries.set(id, e);
    }
    return e.state;
  }
}

export class AppendSink {
  readonly kind = 'append' as const;
  /**
   * The record rows in write order: the batches themselves, kept as written (no copy of their
   * columns: a sink holds millions of rows). A batch must not change once written.
   */
  private readonly batches: SinkRows[] = [];
  private rowCount = 0;
  readonly windows = new WindowTable();
  writes = 0;

  constructor(private readonly ledger: Ledger) {}

  write(rows: SinkRows): void {
    this.writes++;
    const ledger = this.ledger;
    const { sources } = rows;
    for (let i = 0; i < sources.length; i++) ledger.stored(sources[i]!.id);
    if (sources.length > 0) {
      this.batches.push(rows);
      this.rowCount += sources.length;
    }
    for (const row of rows.windows) {
      const state = this.windows.get(row.key, row.window);
      for (const part of row.parts) {
        addToAggregate(state, part.value);
        if (part.counted) ledger.stored(part.source.id);
      }
    }
  }

  /** The record rows' keys, in write order. */
  get keys(): string[] {
    return this.batches.flatMap((b) => b.keys);
  }

  /** The record rows' values, in write order. */
  get values(): unknown[] {
    return this.batches.flatMap((b) => b.values);
  }

  /** The ledger ids of the record rows' sources, in write order (a replayed record shows twice). */
  get ids(): number[] {
    return this.batches.flatMap((b) => b.sources.map((r) => r.id));
  }

  /** Rows plus window aggregates held. */
  get entryCount(): number {
    return this.rowCount + this.windows.entries.size;
  }

  /** The final content (at most `limit` entries): record rows in write order, then window aggregates. */
  entries(limit = Number.POSITIVE_INFINITY): SinkEntry[] {
    const out: SinkEntry[] = [];
    for (const b of this.batches) {
      for (let i = 0; i < b.keys.length && out.length < limit; i++) out.push({ key: b.keys[i]!, value: b.values[i] });
      if (out.length >= limit) break;
    }
    for (const e of this.windows.entries.values()) {
      if (out.length >= limit) break;
      out.push({ key: e.key, window: e.window, value: { ...e.state } });
    }
    return out;
  }
}
