/**
 * Sorting and paging of a DataTable's rows, pure: the table view only draws what this returns.
 * Numbers sort as numbers, strings in natural order ("task 2" before "task 10"), and empty cells
 * (null) last in either direction; ties keep the rows' given order, so a re-sort is stable.
 */
export type CellValue = number | string | null;

export interface SortState {
  column: string;
  descending: boolean;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareCells(a: CellValue, b: CellValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** `rows` sorted by `key` (stable; nulls last whichever the direction). */
export function sortRows<R>(rows: readonly R[], key: (row: R) => CellValue, descending: boolean): R[] {
  const keyed = rows.map((row, i) => ({ row, i, k: key(row) }));
  keyed.sort((x, y) => {
    if (x.k === null || y.k === null) return x.k === y.k ? x.i - y.i : x.k === null ? 1 : -1;
    const c = compareCells(x.k, y.k);
    return (descending ? -c : c) || x.i - y.i;
  });
  return keyed.map((x) => x.row);
}

export interface Page {
  /** 0-based page shown (clamped to the pages there are). */
  index: number;
  count: number;
  /** Rows [from, to) of the sorted rows. */
  from: number;
  to: number;
}

export function pageOf(total: number, pageSize: number, wanted: number): Page {
  const count = Math.max(1, Math.ceil(total / pageSize));
  const index = Math.min(Math.max(0, Math.floor(wanted)), count - 1);
  return { index, count, from: index * pageSize, to: Math.min(total, (index + 1) * pageSize) };
}
