/**
 * Values as Spark prints them: Java's Double.toString for doubles (`21.0`, `1.0E7`), `null` for
 * nulls, `true`/`false`, and Spark's `show()` table (Dataset.showString).
 */
import type { DataType } from './column';
import { binaryText, timestampText } from './casts';

/** Java's Double.toString: shortest digits, `.0` on whole numbers, `E` notation outside [1e-3, 1e7). */
export function javaDoubleString(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(v);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(v);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mant, exp] = v.toExponential().split('e') as [string, string];
  return `${mant.includes('.') ? mant : `${mant}.0`}E${exp.startsWith('+') ? exp.slice(1) : exp}`;
}

/** A cell's text as Spark's show() gives it. */
export function cellText(v: unknown, type: DataType): string {
  if (v === null || v === undefined) return 'null';
  if (type === 'timestamp' && typeof v === 'number') return timestampText(v);
  if (type === 'binary' && typeof v === 'string') return binaryText(v);
  if (typeof v === 'number') return type === 'double' ? javaDoubleString(v) : String(v);
  if (Array.isArray(v)) return `[${v.map((x) => cellText(x, 'string')).join(', ')}]`;
  return String(v);
}

/** Width as Spark measures it for show(): characters (full-width ones count 2, not modelled here). */
const width = (s: string) => [...s].length;

/**
 * Spark's Dataset.showString(numRows, truncate): a `+---+` table; with truncate > 0 cells are cut
 * to `truncate` characters (the last three `...`) and right-aligned, without truncation left-aligned;
 * every column at least 3 wide; then `only showing top N rows` when there were more.
 */
export function showString(
  names: string[],
  types: DataType[],
  rows: unknown[][],
  numRows: number,
  truncate: number,
): string {
  const hasMore = rows.length > numRows;
  const cells = [names, ...rows.slice(0, numRows).map((r) => r.map((v, i) => cellText(v, types[i]!)))].map((row) =>
    row.map((s) => {
      if (truncate > 0 && width(s) > truncate)
        return truncate < 4 ? [...s].slice(0, truncate).join('') : `${[...s].slice(0, truncate - 3).join('')}...`;
      return s;
    }),
  );
  const widths = names.map((_, i) => Math.max(3, ...cells.map((r) => width(r[i]!))));
  const sep = `+${widths.map((w) => '-'.repeat(w)).join('+')}+\n`;
  const line = (r: string[]) =>
    `|${r
      .map((s, i) => {
        const pad = ' '.repeat(widths[i]! - width(s));
        return truncate > 0 ? pad + s : s + pad;
      })
      .join('|')}|\n`;
  let out = sep + line(cells[0]!) + sep;
  for (const r of cells.slice(1)) out += line(r);
  out += sep;
  if (hasMore) out += `only showing top ${numRows} ${numRows === 1 ? 'row' : 'rows'}\n`;
  return out;
}
