/**
 * Fails when the renderer's plain .ts files (the drawing code in viz/, the features' helpers) hold
 * English prose that reaches a learner without i18next (see __tests__/findUntranslatedTs.ts for
 * what counts). untranslatedStrings.test.ts does the same for .tsx files.
 */
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { findUntranslatedTs, type UntranslatedTs } from './__tests__/findUntranslatedTs';

// Every non-test .ts file of viz/ and features/ as text (Vite's glob: the renderer's tests use no Node).
const SOURCES = import.meta.glob<string>(
  ['../viz/**/*.ts', '../features/**/*.ts', '!../**/__tests__/**', '!../**/*.test.ts', '!../**/*.d.ts'],
  { query: '?raw', import: 'default', eager: true },
);

/**
 * English a learner does see, on purpose, or literals the rules cannot tell from prose: each with
 * its file, its text as written in the source (holes included), and why it stays.
 */
const ALLOWED: readonly { file: string; text: string; reason: string }[] = [
  {
    file: 'features/sql/sqlError.ts',
    text: 'LINE ${m[1]}:',
    reason: "DuckDB's own error layout (the line the caret points into), rebuilt around DuckDB's message",
  },
  {
    file: 'viz/run/hadoopUi/nameNodeAt.ts',
    text: 'In Service',
    reason:
      "Hadoop's name for a DataNode's admin state, shown as the NameNode's web UI prints it (and compared as a value)",
  },
  {
    file: 'viz/views/mlAt.ts',
    text: '${fixed(v)} kW',
    reason: 'a number in the page’s format and the SI unit kilowatt, written the same in every language',
  },
  {
    file: 'viz/views/mlChartLayout.ts',
    text: '${numberFormat({ maximumFractionDigits: 3 }).format(v)} kW',
    reason: 'an axis tick: a number in the page’s format and the SI unit kilowatt, the same in every language',
  },
];

/**
 * NOT YET CONVERTED: folders (or files) whose strings still bypass i18next. The scan skips them; each
 * one listed must still have an untranslated string (else the test asks to remove it from this list).
 */
const NOT_YET_CONVERTED: string[] = [];

const folderOf = (file: string) =>
  NOT_YET_CONVERTED.find((entry) => file === entry || file.startsWith(`${entry}/`)) ?? null;
const allowed = (f: UntranslatedTs) => ALLOWED.some((a) => a.file === f.file && a.text === f.text);

const scanned = Object.entries(SOURCES).map(([path, source]) => {
  const file = path.replace(/^\.\.\//, '');
  return { file, found: findUntranslatedTs(file, source) };
});

describe("every user-visible string in the renderer's .ts files goes through i18next", () => {
  it('finds no English prose outside i18next in the converted folders', () => {
    const found = scanned.filter((s) => folderOf(s.file) === null).flatMap((s) => s.found.filter((f) => !allowed(f)));
    expect(found.map((f) => `renderer/${f.file}:${f.line}: "${f.text}"`)).toEqual([]);
  });

  it('allows only texts that are still there (a stale entry would hide a new string of the same words)', () => {
    const all = scanned.flatMap((s) => s.found);
    const stale = ALLOWED.filter((a) => !all.some((f) => f.file === a.file && f.text === a.text));
    expect(stale).toEqual([]);
  });

  it('lists as not yet converted only folders that still have untranslated strings', () => {
    const stillEnglish = new Set(scanned.filter((s) => s.found.length > 0).map((s) => folderOf(s.file)));
    expect(NOT_YET_CONVERTED.filter((folder) => !stillEnglish.has(folder))).toEqual([]);
  });

  it('scans every .ts file of viz/ and features/ (the scan does not silently miss a folder)', () => {
    expect(scanned.some((s) => s.file === 'viz/run/runCounters.ts')).toBe(true);
    expect(scanned.some((s) => s.file === 'features/sql/sqlError.ts')).toBe(true);
    expect(scanned.some((s) => s.file.endsWith('.test.ts') || s.file.includes('__tests__'))).toBe(false);
    expect(scanned.length).toBeGreaterThan(100);
  });
});

describe('the .ts scan bites', () => {
  const scan = (source: string) => findUntranslatedTs('fixture.ts', source).map((f) => `${f.line}: ${f.text}`);

  it('reports prose in tables, returns, template literals and arguments, with their line', () => {
    const fixture = [
      "const LABELS = { stages: 'Stages run', bytes: 'Shuffle bytes read' };",
      'export function say(n: number, node: string): string {',
      '  if (n === 0) return `No micro-batch has ended yet.`;',
      '  label(`${n} tasks running on ${node}`);',
      "  return n > 1 ? 'Watermark moved' : `${n} rows`;",
      '}',
      "svg.append('text').text('Input read remotely');",
      "el.setAttribute('aria-label', 'Close the panel');",
    ].join('\n');
    expect(scan(fixture)).toEqual([
      '1: Stages run',
      '1: Shuffle bytes read',
      '3: No micro-batch has ended yet.',
      '4: ${n} tasks running on ${node}',
      '5: Watermark moved',
      '5: ${n} rows',
      '7: Input read remotely',
      '8: Close the panel',
    ]);
  });

  it('lets through i18next calls, keys, imports, developer messages, DOM names, code and comparisons', () => {
    const fixture = [
      "import { fixed } from '../../i18n/numberFormat';",
      "import type { A } from 'some module';",
      "const label = i18n.t('run:counters.stagesRun', { defaultValue: 'Stages run' });",
      "const other = t('compare:figure.time.label') + tr('now', { what: 'two words' });",
      "const key = 'run:counter.SHUFFLE_BYTES';",
      "if (kind === 'task started') throw new Error('the report has no such stage');",
      "console.warn('worker failed to start');",
      "svg.attr('class', 'run-view wide panel').attr('transform', `translate(${x}, ${y})`);",
      "svg.select('g.lane text').style('font', '12px sans-serif').attr('d', 'M 0 0 L 10 10');",
      "el.className = 'panel wide';",
      "attrOf(squares, 'class', (n) => (n.alive ? 'square' : 'square dead'));",
      "const q = `SELECT count(*) FROM ${table} WHERE x IN ('a b')`;",
      'const f = `coalesce(bool_and(${c} IS NULL), true)`;',
      "type Kind = 'read input' | 'write output';",
      "switch (k) { case 'shuffle fetch': break; }",
      "const url = 'https://spark.apache.org/docs/latest';",
      "const css = { font: '11px system ui', className: 'a b' };",
      'const px = `${w}px`;',
      'const time = `${m} min ${s} s`;',
    ].join('\n');
    expect(scan(fixture)).toEqual([]);
  });

  it('decides what looks like prose: two words of letters with a space, starting with a letter', () => {
    const fixture = [
      "const a = 'Stages';",
      "const b = '12 rows';",
      "const c = '→ ×';",
      "const d = 'DataNode n1';",
      "const e = 'rgba(0, 0, 0, 0.5)';",
    ].join('\n');
    expect(scan(fixture)).toEqual(['4: DataNode n1']);
  });
});
