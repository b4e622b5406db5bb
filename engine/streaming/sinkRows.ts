/**
 * What one micro-batch hands its sink: the record rows by column (keys, values and source
 * records in processing order: a batch can hold a million records, and a row object for each was
 * a third of a run's allocations) and the window rows. A sink applies record rows and window rows
 * to separate tables, so keeping the two apart changes nothing in what it ends up holding.
 */
import type { LogRecord, OutputRow, WindowRow } from './types';

export class SinkRows {
  readonly keys: string[];
  readonly values: unknown[];
  readonly sources: LogRecord[];
  readonly windows: WindowRow[] = [];
  private count = 0;

  /** `capacity`: the most record rows expected (a batch's record count), so the columns never grow. */
  constructor(capacity = 0) {
    this.keys = new Array<string>(capacity);
    this.values = new Array<unknown>(capacity);
    this.sources = new Array<LogRecord>(capacity);
  }

  /** The rows from their one-object-per-row form (record and window rows, in any mix). */
  static of(rows: readonly OutputRow[]): SinkRows {
    const out = new SinkRows();
    for (const row of rows) {
      if (row.kind === 'record') out.addRecord(row.key, row.value, row.source);
      else out.windows.push(row);
    }
    return out.done();
  }

  addRecord(key: string, value: unknown, source: LogRecord): void {
    const i = this.count++;
    this.keys[i] = key;
    this.values[i] = value;
    this.sources[i] = source;
  }

  /** Cuts the columns to the rows added (fewer than the capacity when the function dropped some). */
  done(): this {
    this.keys.length = this.count;
    this.values.length = this.count;
    this.sources.length = this.count;
    return this;
  }

  /** Record rows plus window rows. */
  get size(): number {
    return this.count + this.windows.length;
  }
}
