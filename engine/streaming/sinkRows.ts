/**
 * What one micro-batch hands its sink: the record rows by column (keys, values and source
 * records in processing order: a batch can hold a million records, and a row object for each was
 * a third of a run's allocations) and the window rows. A sink applies record rows and window rows
 * to separate tables, so keeping the two apart changes nothing in what it ends up holding.
 */
import type { LogRecord, OutputRow, WindowRow } from './types';

export class SinkRows {
  readonly keys: string[] = [];
  readonly values: unknown[] = [];
  readonly sources: LogRecord[] = [];
  readonly windows: WindowRow[] = [];

  /** The rows from their one-object-per-row form (record and window rows, in any mix). */
  static of(rows: readonly OutputRow[]): SinkRows {
    const out = new SinkRows();
    for (const row of rows) {
      if (row.kind === 'record') out.addRecord(row.key, row.value, row.source);
      else out.windows.push(row);
    }
    return out;
  }

  addRecord(key: string, value: unknown, source: LogRecord): void {
    this.keys.push(key);
    this.values.push(value);
    this.sources.push(source);
  }

  /** Record rows plus window rows. */
  get size(): number {
    return this.keys.length + this.windows.length;
  }
}
