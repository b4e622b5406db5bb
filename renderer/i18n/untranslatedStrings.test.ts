/**
 * Fails when a user-visible string in the renderer's .tsx files bypasses t() (see
 * __tests__/findUntranslated.ts for what counts as visible). The only English allowed through is
 * listed, with the reason, in ALLOWED.
 */
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { findUntranslated } from './__tests__/findUntranslated';

// Every .tsx file of the renderer as text (Vite's glob: the renderer's tests use no Node).
const SOURCES = import.meta.glob<string>(['../**/*.tsx', '!../**/__tests__/**', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * Texts that are the same in every language, so they are shown as they are.
 */
const ALLOWED = new Set([
  // The product's name.
  'ClusterLab',
  // Technical names kept in every language (Spark's, Hadoop's and Kafka's own terms, file formats, keys).
  'HDFS',
  'YARN',
  'SQL',
  'JSON',
  'DuckDB',
  // SQL's own word for a missing value, as DuckDB prints it.
  'NULL',
  'Ctrl/Cmd+Enter',
  // Units, the same in German and English.
  's',
  'ms',
  'MB',
  'GB',
]);

/**
 * NOT YET CONVERTED: folders whose strings still bypass t(). The scan skips them; each one listed
 * must still have an untranslated string (else the test asks to remove it from this list).
 */
const NOT_YET_CONVERTED: string[] = [];

const folderOf = (file: string) => NOT_YET_CONVERTED.find((folder) => file.startsWith(`${folder}/`)) ?? null;

const scanned = Object.entries(SOURCES).map(([path, source]) => {
  const file = path.replace(/^\.\.\//, '');
  return { file, found: findUntranslated(file, source, ALLOWED) };
});

describe('every user-visible string in the renderer goes through t()', () => {
  it('finds no English outside t() in the converted folders', () => {
    const found = scanned.filter((s) => folderOf(s.file) === null).flatMap((s) => s.found);
    expect(found.map((f) => `renderer/${f.file}:${f.line}: "${f.text}"`)).toEqual([]);
  });

  it('lists as not yet converted only folders that still have untranslated strings', () => {
    const stillEnglish = new Set(scanned.filter((s) => s.found.length > 0).map((s) => folderOf(s.file)));
    expect(NOT_YET_CONVERTED.filter((folder) => !stillEnglish.has(folder))).toEqual([]);
  });

  it('scans every .tsx file of the app (the scan does not silently miss a folder)', () => {
    expect(scanned.some((s) => s.file === 'app/App.tsx')).toBe(true);
    expect(scanned.length).toBeGreaterThan(100);
  });
});

describe('the scan bites', () => {
  const scan = (source: string) => findUntranslated('Fixture.tsx', source, ALLOWED).map((f) => f.text);

  it('reports JSX text, visible attributes and shown literals, with their line', () => {
    const fixture = [
      'export const A = ({ on, n }: { on: boolean; n: number }) => (',
      '  <div title="Raw title" aria-label={on ? "Open it" : "Closed"}>',
      '    Raw text here',
      "    {on && 'Shown when on'}",
      '    {`${n} rows`}',
      '    <input placeholder="Type here" />',
      '    <ErrorBoundary what="the map" part="map-part" />',
      '  </div>',
      ');',
    ].join('\n');
    expect(findUntranslated('Fixture.tsx', fixture, ALLOWED)).toEqual([
      { file: 'Fixture.tsx', line: 2, text: 'Raw title' },
      { file: 'Fixture.tsx', line: 2, text: 'Open it' },
      { file: 'Fixture.tsx', line: 2, text: 'Closed' },
      { file: 'Fixture.tsx', line: 3, text: 'Raw text here' },
      { file: 'Fixture.tsx', line: 4, text: 'Shown when on' },
      { file: 'Fixture.tsx', line: 5, text: 'rows' },
      { file: 'Fixture.tsx', line: 6, text: 'Type here' },
      { file: 'Fixture.tsx', line: 7, text: 'the map' },
    ]);
  });

  it('lets through t(), keys, class names, comparisons, symbols and the allowed names', () => {
    const fixture = [
      'export const B = ({ t, tab }: { t: (k: string) => string; tab: string }) => (',
      '  <div className="panel wide" title={t(\'app:title\')} data-testid="x-y">',
      "    {t('header.labs')} {tab === 'sql' ? t('a') : t('b')} · 42 % → ClusterLab",
      "    <span aria-label={t('k')}>HDFS</span>",
      '  </div>',
      ');',
    ].join('\n');
    expect(scan(fixture)).toEqual([]);
  });
});
