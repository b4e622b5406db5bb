/** The tables a spark.sql task gives DuckDB, and the comparison of the tasks' answers with the whole query's. */
import type { SqlTable, SqlType } from '../../sandbox/contract/sqlEngine';
import type { DfState } from './dataFrame';
import type { ScanUse } from './sqlPlanShape';

export interface View {
  name: string;
  d: DfState;
}

/** A view's rows as the table a task gives DuckDB: only the columns the query reads. */
export function tableOf(view: View, use: ScanUse, rows: unknown[]): SqlTable {
  const idx = use.columns.map((c) => view.d.schema.findIndex((f) => f.name === c));
  return {
    name: view.name,
    columns: idx.map((i) => ({ name: view.d.schema[i]!.name, type: view.d.schema[i]!.type as SqlType })),
    rows: (rows as unknown[][]).map((r) => idx.map((i) => r[i] ?? null)),
  };
}

export function mergeTables(parts: SqlTable[][]): SqlTable[] {
  const out = new Map<string, SqlTable>();
  for (const tables of parts)
    for (const t of tables) {
      const had = out.get(t.name);
      if (!had) out.set(t.name, { ...t, rows: t.rows.slice() });
      else for (const r of t.rows) had.rows.push(r);
    }
  return [...out.values()];
}

/**
 * A row's identity for comparing answers (NaN and -0 as themselves); `roughly`: doubles to 12
 * digits (sums added in another order differ in their last bits).
 */
const rowKey = (row: unknown[], roughly: boolean) =>
  row
    .map((v) =>
      typeof v === 'number'
        ? Object.is(v, -0)
          ? '-0'
          : roughly && !Number.isInteger(v)
            ? v.toPrecision(12)
            : String(v)
        : JSON.stringify(v),
    )
    .join('\u0001');

/** Whether the tasks' answers together are the whole query's answer, row for row (in any order). */
export function sameRows(parts: unknown[][][], whole: unknown[][], roughly = false): boolean {
  const counts = new Map<string, number>();
  let n = 0;
  for (const rows of parts)
    for (const r of rows) {
      const k = rowKey(r, roughly);
      counts.set(k, (counts.get(k) ?? 0) + 1);
      n++;
    }
  if (n !== whole.length) return false;
  for (const r of whole) {
    const k = rowKey(r, roughly);
    const c = counts.get(k) ?? 0;
    if (c === 0) return false;
    counts.set(k, c - 1);
  }
  return true;
}
