/**
 * The state of a streaming aggregation (Spark's StateStore behind StateStoreSaveExec): one running
 * aggregate per group — the event-time window, if the query groups by one, and the other
 * grouping values. With a watermark on the window's time column, a row whose windows have all
 * ended at or before the watermark is dropped as late, and windows that end at or before it are
 * written out (append) and forgotten (append, update); complete mode keeps every group for ever.
 */
import type { AggFn } from '../../spark/sql/column';
import { windowStarts } from '../../spark/sql/windowColumn';

export interface AggregateSpec {
  fn: AggFn;
  /** The aggregated value of a row, or null for count(*). */
  value: ((row: unknown[]) => unknown) | null;
}

export interface WindowSpecOfQuery {
  time: (row: unknown[]) => unknown;
  sizeMs: number;
  slideMs: number;
}

export interface Group {
  /** The window's start (ms), or null when the query has no window. */
  start: number | null;
  keys: unknown[];
  acc: { count: number; sum: number; min: unknown; max: unknown; seen: number }[];
  /** Changed in the current batch (update mode writes only these). */
  updated: boolean;
}

export type RowFate = 'aggregated' | 'late' | 'no-time';

export class AggregationState {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly keyFns: readonly ((row: unknown[]) => unknown)[],
    private readonly aggs: readonly AggregateSpec[],
    readonly window: WindowSpecOfQuery | null,
  ) {}

  get size(): number {
    return this.groups.size;
  }

  /** Adds a row; `watermark` (ms, or null) drops it when all its windows have ended by then. */
  add(row: unknown[], watermark: number | null): { fate: RowFate; eventTime: number | null } {
    const keys = this.keyFns.map((f) => f(row));
    if (!this.window) {
      this.update(null, keys, row);
      return { fate: 'aggregated', eventTime: null };
    }
    const t = this.window.time(row);
    if (typeof t !== 'number' || !Number.isFinite(t)) return { fate: 'no-time', eventTime: null };
    const { sizeMs, slideMs } = this.window;
    const open = windowStarts(t, sizeMs, slideMs).filter((s) => watermark === null || s + sizeMs > watermark);
    if (open.length === 0) return { fate: 'late', eventTime: t };
    for (const start of open) this.update(start, keys, row);
    return { fate: 'aggregated', eventTime: t };
  }

  private update(start: number | null, keys: unknown[], row: unknown[]): void {
    const id = JSON.stringify([start, keys]);
    let g = this.groups.get(id);
    if (!g) {
      g = {
        start,
        keys,
        acc: this.aggs.map(() => ({ count: 0, sum: 0, min: null, max: null, seen: 0 })),
        updated: false,
      };
      this.groups.set(id, g);
    }
    g.updated = true;
    this.aggs.forEach((a, i) => {
      const acc = g.acc[i]!;
      if (a.value === null) {
        acc.count++;
        return;
      }
      const v = a.value(row);
      if (v === null || v === undefined) return;
      acc.count++;
      if (typeof v === 'number') acc.sum += v;
      if (acc.min === null || compare(v, acc.min) < 0) acc.min = v;
      if (acc.max === null || compare(v, acc.max) > 0) acc.max = v;
    });
  }

  /** Each aggregate's value of a group, in the order of the aggregates. */
  values(g: Group): unknown[] {
    return this.aggs.map((a, i) => {
      const acc = g.acc[i]!;
      switch (a.fn) {
        case 'count':
          return acc.count;
        case 'sum':
          return acc.count === 0 ? null : acc.sum;
        case 'avg':
          return acc.count === 0 ? null : acc.sum / acc.count;
        case 'min':
          return acc.min;
        case 'max':
          return acc.max;
      }
    });
  }

  /** Every group, by window start then keys. */
  all(): Group[] {
    return [...this.groups.values()].sort(
      // By code unit, not the machine's locale: the same program gives the same order everywhere.
      (a, b) => (a.start ?? 0) - (b.start ?? 0) || byCodeUnit(JSON.stringify(a.keys), JSON.stringify(b.keys)),
    );
  }

  /** Windows that have ended at or before the watermark (append mode writes them out). */
  ended(watermark: number | null): Group[] {
    if (watermark === null || !this.window) return [];
    const size = this.window.sizeMs;
    return this.all().filter((g) => g.start !== null && g.start + size <= watermark);
  }

  /** Forgets the windows ended by the watermark; clears the batch's updated marks. */
  evict(watermark: number | null): void {
    if (watermark !== null && this.window) {
      const size = this.window.sizeMs;
      for (const [id, g] of this.groups) if (g.start !== null && g.start + size <= watermark) this.groups.delete(id);
    }
    for (const g of this.groups.values()) g.updated = false;
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
