/**
 * A DuckDB answer (an Arrow table) as rows the console can show: only the first `limit` rows are
 * converted, `total` counts them all. Values as the learner wrote them: DECIMAL with its scale
 * (Arrow hands over the unscaled integer), TIMESTAMP and DATE as text, BIGINT as a number when
 * it fits, lists and structs as JSON.
 */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  total: number;
  /** The answer has more than `total` rows (counting stopped there). */
  more?: boolean;
}

/** The parts of an Arrow table used here (apache-arrow's Table has them). */
export interface ArrowTableLike {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(index: number): { type: { typeId: number; scale?: number }; get(row: number): unknown } | null;
}

/** apache-arrow's Type ids. */
const DECIMAL = 7;
const DATE = 8;
const TIMESTAMP = 10;

export function queryResult(table: ArrowTableLike, limit: number): QueryResult {
  const fields = table.schema.fields;
  const shown = Math.min(limit, table.numRows);
  const columns = fields.map((f) => f.name);
  const rows: unknown[][] = Array.from({ length: shown }, () => new Array<unknown>(fields.length));
  // The column's own type: with two columns of one name, Arrow's schema gives both the last one's type.
  fields.forEach((_, j) => {
    const child = table.getChildAt(j);
    if (!child) return;
    for (let i = 0; i < shown; i++) rows[i]![j] = cell(child.get(i), child.type.typeId, child.type.scale ?? 0);
  });
  return { columns, rows, total: table.numRows };
}

function cell(value: unknown, typeId: number, scale: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeId === DECIMAL) return decimalText(String(value), scale);
  if (typeId === TIMESTAMP && typeof value === 'number') return timestampText(value);
  if (typeId === DATE && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'object') {
    const json = (value as { toJSON?: () => unknown }).toJSON?.() ?? value;
    return JSON.stringify(json, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
  return value;
}

/** The unscaled integer's digits with the decimal point put back: ("-12345", 3) → "-12.345". */
export function decimalText(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled;
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** "2016-05-01 01:02:03" (UTC, as DuckDB prints it), milliseconds only when there are some. */
function timestampText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${iso.slice(20, 23) === '000' ? '' : iso.slice(19, 23)}`;
}
