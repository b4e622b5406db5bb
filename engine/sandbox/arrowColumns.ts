/**
 * A view's rows as an Arrow table for DuckDB (duckDbEngine.ts): each column built from typed arrays
 * directly (Float64 for numbers, Bool, Utf8 with its offsets), never through Arrow's builders,
 * which compile code from strings, and the sandboxes forbid that. The platform hands over its copy
 * of apache-arrow (the one its DuckDB-wasm checks tables against).
 */
import { encodeUtf8 } from '../core';
import type { SqlType } from './contract/sqlEngine';

/** The parts of apache-arrow used here (the module itself, as the platform imports it). */
export interface ArrowKit {
  makeData(props: Record<string, unknown>): unknown;
  makeVector(data: unknown): unknown;
  Table: new (columns: Record<string, unknown>) => unknown;
  Utf8: new () => unknown;
  Float64: new () => unknown;
  Bool: new () => unknown;
}

function bitmap(values: unknown[], set: (v: unknown) => boolean): Uint8Array {
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (set(v)) bits[i >> 3]! |= 1 << (i & 7);
  });
  return bits;
}

function float64s(values: unknown[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') out[i] = v;
  }
  return out;
}

/**
 * Arrow's Utf8 layout: every string's UTF-8 bytes one after the other, and where each begins.
 * ASCII is copied char by char (most of a dataset); other strings go through encodeUtf8.
 */
function utf8Column(values: unknown[]): { valueOffsets: Int32Array; data: Uint8Array } {
  const valueOffsets = new Int32Array(values.length + 1);
  const encoded: (Uint8Array | null)[] = new Array<Uint8Array | null>(values.length).fill(null);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string') {
      let ascii = true;
      for (let k = 0; k < v.length; k++)
        if (v.charCodeAt(k) > 0x7f) {
          ascii = false;
          break;
        }
      if (ascii) total += v.length;
      else total += (encoded[i] = encodeUtf8(v)).length;
    }
    valueOffsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const at = valueOffsets[i]!;
    const e = encoded[i];
    if (e) data.set(e, at);
    else if (typeof v === 'string') for (let k = 0; k < v.length; k++) data[at + k] = v.charCodeAt(k);
  }
  return { valueOffsets, data };
}

function column(kit: ArrowKit, type: SqlType, values: unknown[]): unknown {
  const length = values.length;
  const valid = bitmap(values, (v) => v !== null);
  const nullCount = values.reduce<number>((n, v) => (v === null ? n + 1 : n), 0);
  if (type === 'boolean')
    return kit.makeVector(
      kit.makeData({
        type: new kit.Bool(),
        length,
        nullCount,
        nullBitmap: valid,
        data: bitmap(values, (v) => v === true),
      }),
    );
  if (type === 'integer' || type === 'long' || type === 'double')
    return kit.makeVector(
      kit.makeData({
        type: new kit.Float64(),
        length,
        nullCount,
        nullBitmap: valid,
        data: float64s(values),
      }),
    );
  const { valueOffsets, data } = utf8Column(values);
  return kit.makeVector(
    kit.makeData({ type: new kit.Utf8(), length, nullCount, nullBitmap: valid, valueOffsets, data }),
  );
}

/** Columns `c0, c1, ...` of the given types and values (null, or a value of the column's type). */
export function arrowTable(kit: ArrowKit, columns: { type: SqlType; values: unknown[] }[]): unknown {
  const vectors: Record<string, unknown> = {};
  columns.forEach((c, i) => {
    vectors[`c${i}`] = column(kit, c.type, c.values);
  });
  return new kit.Table(vectors);
}
