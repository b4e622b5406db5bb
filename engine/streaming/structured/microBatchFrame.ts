/**
 * One micro-batch's output as `foreachBatch` hands it over (`(batchDF, batchId) => ...`): the rows
 * the batch writes, with the batch DataFrame's actions (collect, count, isEmpty, show). A window
 * is a `{ start, end }` of Dates, a timestamp a Date, as Spark's Rows hold them; the console sink
 * prints the same table.
 */
import { dateAt } from '../../core';
import { timestampText } from '../../spark/sql/casts';
import { showString } from '../../spark/sql/sqlValues';
import type { OutField } from './streamingDataFrame';

/** A window as show() prints Spark's struct: `{2024-03-01 10:00:00, 2024-03-01 10:01:00}`. */
function windowText(v: unknown): string {
  const w = v as { start: number; end: number } | null;
  return w === null ? 'null' : `{${timestampText(w.start)}, ${timestampText(w.end)}}`;
}

/** The rows as Spark's show() table: `numRows` rows, cells cut at 20 characters when `truncate`. */
export function batchTable(
  fields: readonly OutField[],
  rows: readonly unknown[][],
  numRows: number,
  truncate: boolean,
): string {
  return showString(
    fields.map((f) => f.name),
    fields.map((f) => (f.type === 'window' ? 'string' : f.type)),
    rows.map((r) => fields.map((f, i) => (f.type === 'window' ? windowText(r[i]) : r[i]))),
    numRows,
    truncate ? 20 : 0,
  ).replace(/\n$/, '');
}

function rowObject(fields: readonly OutField[], r: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  fields.forEach((f, i) => {
    const v = r[i] ?? null;
    if (v !== null && f.type === 'window') {
      const w = v as { start: number; end: number };
      out[f.name] = Object.freeze({ start: dateAt(w.start), end: dateAt(w.end) });
    } else out[f.name] = f.type === 'timestamp' && typeof v === 'number' ? dateAt(v) : v;
  });
  return out;
}

export class MicroBatchFrame {
  readonly #fields: readonly OutField[];
  readonly #rows: readonly unknown[][];
  readonly #print: (line: string) => void;

  constructor(fields: readonly OutField[], rows: readonly unknown[][], print: (line: string) => void) {
    this.#fields = fields;
    this.#rows = rows;
    this.#print = print;
    Object.freeze(this);
  }

  get columns(): string[] {
    return this.#fields.map((f) => f.name);
  }

  /** False: a batch of a stream is a plain DataFrame. */
  get isStreaming(): boolean {
    return false;
  }

  async collect(): Promise<Record<string, unknown>[]> {
    return this.#rows.map((r) => rowObject(this.#fields, r));
  }

  async count(): Promise<number> {
    return this.#rows.length;
  }

  async isEmpty(): Promise<boolean> {
    return this.#rows.length === 0;
  }

  async show(n: number = 20, truncate: boolean = true): Promise<void> {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`show(n): n must be a whole number of at least 0, got ${String(n)}`);
    this.#print(batchTable(this.#fields, this.#rows, n, truncate !== false));
  }
}
Object.freeze(MicroBatchFrame.prototype);
