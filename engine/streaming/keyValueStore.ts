/**
 * The key-value store with idempotent upserts (the Cassandra-like store of the Netflix case,
 * Cookbook 28.19). A record row overwrites its key; a window row merges into its window's
 * aggregate. The store keeps, for every key, the highest offset it applied from each partition
 * and ignores a write at or below it: a replayed batch changes nothing, which is what makes
 * at-least-once delivery end in the right final state.
 */
import type { Ledger } from './ledger';
import type { SinkRows } from './sinkRows';
import { WindowTable, type SinkEntry } from './appendSink';
import type { AggregateState } from './windowStage';

interface KeyEntry {
  value: unknown;
  /** Highest applied offset per partition (index = partition). */
  applied: number[];
}

function isNew(applied: number[], partition: number, offset: number): boolean {
  const prev = applied[partition];
  if (prev !== undefined && offset <= prev) return false;
  applied[partition] = offset;
  return true;
}

export class KeyValueStore {
  readonly kind = 'key-value' as const;
  readonly values = new Map<string, KeyEntry>();
  readonly windows = new WindowTable();
  private readonly windowApplied = new Map<string, number[]>();
  writes = 0;
  /** Writes ignored because the store already had them. */
  ignoredReplays = 0;

  constructor(private readonly ledger: Ledger) {}

  upsert(rows: SinkRows): void {
    this.writes++;
    const { keys, values, sources } = rows;
    for (let i = 0; i < keys.length; i++) {
      const src = sources[i]!;
      const key = keys[i]!;
      let entry = this.values.get(key);
      if (!entry) {
        entry = { value: values[i], applied: [] };
        this.values.set(key, entry);
      }
      if (!isNew(entry.applied, src.partition, src.offset)) {
        this.ignoredReplays++;
        continue;
      }
      entry.value = values[i];
      this.ledger.stored(src.id);
    }
    for (const row of rows.windows) {
      const id = `${row.window.start}|${row.key}`;
      let applied = this.windowApplied.get(id);
      if (!applied) {
        applied = [];
        this.windowApplied.set(id, applied);
      }
      let state: AggregateState | undefined;
      for (const part of row.parts) {
        if (!isNew(applied, part.source.partition, part.source.offset)) {
          this.ignoredReplays++;
          continue;
        }
        state ??= this.windows.get(row.key, row.window);
        state.count++;
        state.sum += part.value;
        if (part.value < state.min) state.min = part.value;
        if (part.value > state.max) state.max = part.value;
        if (part.counted) this.ledger.stored(part.source.id);
      }
    }
  }

  get(key: string): unknown {
    return this.values.get(key)?.value;
  }

  get entryCount(): number {
    return this.values.size + this.windows.entries.size;
  }

  /** The final content (at most `limit` entries), keys sorted, then window aggregates sorted by window and key. */
  entries(limit = Number.POSITIVE_INFINITY): SinkEntry[] {
    const keys = [...this.values.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out: SinkEntry[] = keys.map((k) => ({ key: k, value: this.values.get(k)!.value }));
    const windows = [...this.windows.entries.values()].sort(
      (a, b) => a.window.start - b.window.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    for (const e of windows) out.push({ key: e.key, window: e.window, value: { ...e.state } });
    return out.length > limit ? out.slice(0, limit) : out;
  }
}
