/**
 * The job's output as table rows: MapReduce [key, value] pairs, Spark arrays of tuples, objects
 * or plain values, and a single value. Only the first `limit` rows are built; `total` counts all.
 */
import { numberFormat } from '../../i18n/numberFormat';
import { i18n } from '../../i18n/i18n';
import { maxOf } from '../maxOf';

/** The names the table gives a pair's columns and a plain value's, in the page's language (an object's keys stay its own). */
const KEY = () => i18n.t('run:output.key');
const VALUE = () => i18n.t('run:output.valueColumn');
export interface OutputRows {
  columns: string[];
  rows: unknown[][];
  total: number;
  /** Columns past MAX_COLUMNS, not built (a row of a million values must not freeze the page). */
  hiddenColumns: number;
}

/** The most columns the table shows. */
export const MAX_COLUMNS = 50;

export function outputRows(result: unknown, limit = 200): OutputRows {
  if (!Array.isArray(result))
    return {
      columns: [VALUE()],
      rows: result === undefined ? [] : [[result]],
      total: result === undefined ? 0 : 1,
      hiddenColumns: 0,
    };
  const head = result.slice(0, limit);
  const isPlainObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (head.length > 0 && head.every(isPlainObject)) {
    const keys = new Set<string>();
    for (const r of head) for (const k in r) if (Object.hasOwn(r, k)) keys.add(k);
    const columns = [...keys].slice(0, MAX_COLUMNS);
    return {
      columns,
      rows: head.map((r) => columns.map((c) => r[c])),
      total: result.length,
      hiddenColumns: keys.size - columns.length,
    };
  }
  if (head.length > 0 && head.every(Array.isArray)) {
    const fullWidth = maxOf(head, (r) => r.length);
    const width = Math.min(fullWidth, MAX_COLUMNS);
    const columns = width === 2 ? [KEY(), VALUE()] : Array.from({ length: width }, (_, i) => `_${i + 1}`);
    return {
      columns,
      rows: head.map((r) => Array.from({ length: width }, (_, i) => r[i])),
      total: result.length,
      hiddenColumns: fullWidth - width,
    };
  }
  return { columns: [VALUE()], rows: head.map((v) => [v]), total: result.length, hiddenColumns: 0 };
}

/** A cell's text: numbers with thousands separators and at most 4 decimals, structures as JSON. */
export function formatCell(v: unknown): string {
  if (typeof v === 'number') return numberFormat(Number.isInteger(v) ? {} : { maximumFractionDigits: 4 }).format(v);
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return String(v);
  try {
    const s = JSON.stringify(v);
    return s.length > 200 ? `${s.slice(0, 199)}…` : s;
  } catch {
    return String(v);
  }
}
