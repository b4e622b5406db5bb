/**
 * Which tables the SQL console offers and how each is read: the built-in sample datasets (always
 * there, generated in the page from their fixed seeds) and the files the last sandbox run wrote
 * to HDFS, plus a Spark job's collected result. The naming rule (NAMING_RULE) is shown in the console.
 */
import { BUILTIN_DATASETS } from '../../../engine/datasets';
import type { JobRunReport, OutputFile } from '../../../engine/api';
import { keyText } from '../../../engine/exec';
import { i18n } from '../../i18n/i18n';

/** How a file's text becomes rows. */
export type TableFormat =
  /**
   * Comma-separated; `columns` names a headerless file's columns, null lets DuckDB find the header.
   * `types` (for the built-in datasets, whose layout is known) spares DuckDB's sniffing pass.
   */
  | { kind: 'csv'; columns: string[] | null; types?: string[] }
  /** Space-separated columns with these names. */
  | { kind: 'spaced'; columns: string[]; types?: string[] }
  /**
   * One row per line, split at TABs into these columns, the last one keeping any further TABs
   * (TextOutputFormat: key TAB value); each column's type is inferred from its values.
   */
  | { kind: 'tabbed'; columns: string[]; types?: string[] };

export interface TableSource {
  name: string;
  /** Where the rows come from, for the learner: an HDFS path, a directory's part files, the collected result. */
  origin: string;
  group: 'dataset' | 'output';
  format: TableFormat;
  text(): string;
}

/** The built-in datasets' layouts (engine/datasets/sampleData.ts): none of them has a header line. */
const DATASET_FORMATS: Record<string, TableFormat> = {
  '/data/sensors.csv': {
    kind: 'csv',
    columns: ['timestamp', 'sensor', 'value'],
    types: ['TIMESTAMP', 'VARCHAR', 'DOUBLE'],
  },
  '/data/corpus.txt': { kind: 'tabbed', columns: ['line'], types: ['VARCHAR'] },
  '/data/pages.txt': { kind: 'tabbed', columns: ['url', 'html'], types: ['VARCHAR', 'VARCHAR'] },
  '/data/graph.txt': { kind: 'spaced', columns: ['src', 'dst'], types: ['VARCHAR', 'VARCHAR'] },
};

/** The console's tables: the datasets, then the run's output directories and files, then `result`. */
export function tableSources(
  report: Pick<JobRunReport, 'kind' | 'result' | 'outputs'> | null,
  reserved: ReadonlySet<string> = new Set(),
): TableSource[] {
  const names = new TableNames(reserved);
  const out: TableSource[] = BUILTIN_DATASETS.map((d) => ({
    name: names.take(d.path, true),
    origin: d.path,
    group: 'dataset',
    format: DATASET_FORMATS[d.path] ?? formatOf(d.path, ''),
    text: () => d.generate(),
  }));
  if (!report) return out;
  for (const o of outputSources(report.outputs ?? [])) out.push({ ...o, name: names.take(o.path, o.isFile) });
  if (report.kind === 'spark' && report.result !== undefined) {
    const collected = collectedText(report.result);
    out.push({
      name: names.take('/result', false),
      origin: i18n.t('sql:origin.collected'),
      group: 'output',
      ...collected,
    });
  }
  return out;
}

type PathSource = Omit<TableSource, 'name'> & { path: string; isFile: boolean };

/** A directory with part files is one table; any other file (not _SUCCESS or a hidden file) is its own. */
function outputSources(files: readonly OutputFile[]): PathSource[] {
  const dirs = new Map<string, OutputFile[]>();
  const out: PathSource[] = [];
  for (const f of [...files].sort((a, b) => byPath(a.path, b.path))) {
    const slash = f.path.lastIndexOf('/');
    const dir = f.path.slice(0, slash) || '/';
    const base = f.path.slice(slash + 1);
    if (base.startsWith('_') || base.startsWith('.')) continue;
    if (base.startsWith('part-')) {
      dirs.set(dir, [...(dirs.get(dir) ?? []), f]);
      continue;
    }
    out.push({
      path: f.path,
      isFile: true,
      origin: f.binary ? i18n.t('sql:origin.binary', { path: f.path, binary: f.binary }) : f.path,
      group: 'output',
      format: formatOf(f.path, f.text),
      text: () => f.text,
    });
  }
  for (const [dir, parts] of dirs) {
    const joined = () => parts.map((p) => (p.text === '' || p.text.endsWith('\n') ? p.text : `${p.text}\n`)).join('');
    const n = parts.length;
    // A SequenceFile is binary: its text is its records (OutputFile.binary says what it is).
    const binary = parts[0]!.binary?.replace(/, \d+ record.*$/, '');
    const origin =
      binary === undefined
        ? i18n.t('sql:origin.parts', { dir, count: n })
        : i18n.t('sql:origin.partsBinary', { dir, count: n, binary });
    const sample = parts.find((p) => p.text !== '')?.text ?? '';
    const tuples = isTupleLine(firstLine(sample)) ? tupleLines(joined()) : null;
    if (tuples) {
      // Spark's saveAsTextFile writes each element's toString: a pair is Scala's tuple, (key,value).
      out.push({ path: dir, isFile: false, origin, group: 'output', ...collectedText(tuples) });
    } else if (isJsonLines(sample)) {
      // An object element is written as its JSON.
      out.push({ path: dir, isFile: false, origin, group: 'output', ...collectedText(jsonLines(joined())) });
    } else {
      out.push({
        path: dir,
        isFile: false,
        origin,
        group: 'output',
        format: { kind: 'tabbed', columns: ['key', 'value'] },
        text: joined,
      });
    }
  }
  return out.sort((a, b) => byPath(a.path, b.path));
}

/** Paths in natural order: iter-2 before iter-10. */
const byPath = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

function formatOf(path: string, text: string): TableFormat {
  if (/\.csv$/i.test(path)) return { kind: 'csv', columns: null };
  const first = firstLine(text);
  return first.includes('\t') ? { kind: 'tabbed', columns: ['key', 'value'] } : { kind: 'tabbed', columns: ['line'] };
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

const isTupleLine = (line: string) => line.length >= 3 && line.startsWith('(') && line.endsWith(')');

/**
 * Lines of Scala tuples, `(data,12)` or `(a,(1,2))`, as [key, value] pairs: the key before the
 * first comma outside nested parentheses, the value after it (a nested tuple stays its text). Null
 * unless every line is a tuple. A key holding a comma reads as two fields, as it does in Spark's
 * own text output.
 */
function tupleLines(text: string): unknown[] | null {
  const rows: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (!isTupleLine(line)) return null;
    const inner = line.slice(1, -1);
    let depth = 0;
    let comma = -1;
    for (let i = 0; i < inner.length && comma < 0; i++) {
      const c = inner[i];
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === ',' && depth === 0) comma = i;
    }
    rows.push(comma < 0 ? [inner, null] : [inner.slice(0, comma), inner.slice(comma + 1)]);
  }
  return rows;
}

function isJsonLines(text: string): boolean {
  const first = firstLine(text);
  if (!/^[[{]/.test(first)) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        return l;
      }
    });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Rows of a collected value as TAB-separated text: pairs as (key, value), objects one column per
 * field, anything else one value per row. Nested values are written as JSON.
 */
export function collectedText(result: unknown): Pick<TableSource, 'format' | 'text'> {
  const rows = Array.isArray(result) ? result : [result];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : keyText(v).replace(/[\t\n]/g, ' '));
  if (rows.length > 0 && rows.every(isRecord)) {
    const columns: string[] = [];
    for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
    const text = () => rows.map((r) => `${columns.map((c) => cell(r[c])).join('\t')}\n`).join('');
    return { format: { kind: 'tabbed', columns }, text };
  }
  const pairs = rows.length > 0 && rows.every((r) => Array.isArray(r) && r.length === 2);
  if (pairs) {
    const text = () => rows.map((r) => `${cell((r as unknown[])[0])}\t${cell((r as unknown[])[1])}\n`).join('');
    return { format: { kind: 'tabbed', columns: ['key', 'value'] }, text };
  }
  return { format: { kind: 'tabbed', columns: ['value'] }, text: () => rows.map((r) => `${cell(r)}\n`).join('') };
}

/** The naming rule: a path's last part, sanitised; a clash or a reserved word takes the parent folder in front. */
export class TableNames {
  private taken = new Set<string>();
  constructor(private readonly reserved: ReadonlySet<string>) {}

  take(path: string, isFile: boolean): string {
    const parts = path.split('/').filter(Boolean);
    const last = parts[parts.length - 1] ?? 'file';
    const base = sanitise(isFile ? last.replace(/\.[^.]*$/, '') || last : last);
    let name = base;
    if (this.taken.has(name) || this.reserved.has(name)) {
      const parent = parts.length > 1 ? sanitise(parts[parts.length - 2]!) : 'hdfs';
      name = `${parent}_${base}`;
    }
    const stem = name;
    for (let i = 2; this.taken.has(name) || this.reserved.has(name); i++) name = `${stem}_${i}`;
    this.taken.add(name);
    return name;
  }
}

function sanitise(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return s === '' || /^\d/.test(s) ? `t_${s}` : s;
}
