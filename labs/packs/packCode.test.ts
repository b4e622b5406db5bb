// A pack whose own code is broken is refused when it opens, naming the file, line and column (or
// lab.json's field), never accepted to blame the learner later; a generator that returns more
// than a step may read is the pack's fault, naming data.js, not the learner's job file.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { labTestRunner } from '../__tests__/labTestRunner';
import { runStep } from '../runStep';
import { loadPack } from './loadPack';
import { PackError } from './packError';
import { exportedNames } from './packCode';
import { compileJobSource } from '../../engine/sandbox/compile';

function readFolder(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    const path = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(full).isDirectory()) for (const [p, t] of readFolder(full, path)) files.set(p, t);
    else files.set(path, readFileSync(full, 'utf8'));
  }
  return files;
}

const SAMPLE = readFolder(join(import.meta.dirname, 'sample-pack'));
const LAB_JSON = 'word-lengths/lab.json';
const edited = (path: string, edit: (text: string) => string) => new Map(SAMPLE).set(path, edit(SAMPLE.get(path)!));

function refused(files: Map<string, string>): string {
  try {
    loadPack(files, 'b4');
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  return 'loaded';
}

describe("a pack's broken code is refused when the pack opens", () => {
  const cases: [string, Map<string, string>, string][] = [
    [
      'a solution with a syntax error',
      edited('word-lengths/steps/1-count-lengths/solution.js', () => 'export default {{{'),
      'b4/word-lengths/steps/1-count-lengths/solution.js:1:18: SyntaxError: Unexpected token',
    ],
    [
      'a starter with a syntax error',
      edited('word-lengths/steps/2-average-by-letter/starter.js', (t) => t.replace('.collect();', '.collect(;')),
      'b4/word-lengths/steps/2-average-by-letter/starter.js:8:14: SyntaxError: Unexpected token',
    ],
    [
      'data.js with a syntax error',
      edited('word-lengths/data.js', () => 'export function sentences( {{{'),
      'b4/word-lengths/data.js:1:',
    ],
    [
      'checks.js that is not JavaScript',
      edited('word-lengths/checks.js', () => 'this is not js {{{'),
      'b4/word-lengths/checks.js:1:',
    ],
    [
      'a generator data.js does not export',
      edited(LAB_JSON, (t) => t.replace('"generate": "sentences"', '"generate": "noSuchGenerator"')),
      'b4/word-lengths/lab.json:12:7: datasets[0].generate: names noSuchGenerator(), which data.js does not export (it exports sentences)',
    ],
    [
      'a script check checks.js does not export',
      edited(LAB_JSON, (t) => t.replace('"function": "everyWordCounted"', '"function": "noSuchFn"')),
      'b4/word-lengths/lab.json:44:11: steps[0].checks[1].function: names noSuchFn(), which checks.js does not export (it exports everyWordCounted)',
    ],
    [
      'a script check named in a data.js function, not exported by checks.js',
      edited('word-lengths/checks.js', (t) =>
        t.replace('export function everyWordCounted', 'function everyWordCounted'),
      ),
      'steps[0].checks[1].function: names everyWordCounted(), which checks.js does not export (it exports nothing)',
    ],
  ];
  it.each(cases)('%s', (_, files, message) => {
    const why = refused(files);
    expect(why).toContain(message);
    expect(why).toMatch(/^b4\//);
  });

  it('the sample pack still opens', () => {
    expect(refused(SAMPLE)).toBe('loaded');
  });

  it('reads the names a module exports from its compiled text, without running it', () => {
    const src = `export function a(){}\nexport const b = () => 1;\nfunction d(){}\nexport { d as e };\nexport async function f(){}\nexport class G {}\nexport let [h, { i }] = [1, {}];\nexport default function(){}\nconst x = {}; x.exports = 1; exports; // exports.fake = 1\nfunction later() { exports.never = 1; }`;
    expect(exportedNames(compileJobSource(src, 'm.js').code)).toEqual(['G', 'a', 'b', 'e', 'f', 'h', 'i']);
  });
});

describe("a generator that returns more than a step may read is the pack's fault", () => {
  it('names data.js and its limit, not the learner’s file', async () => {
    const lab = loadPack(
      edited('word-lengths/data.js', () => 'export function sentences({seed}) { return "x ".repeat(30000000); }'),
      'p13',
    ).labs[0]!;
    const source = lab.steps[0]!.solution;
    const out = await runStep({ lab, stepIndex: 0, source, runner: labTestRunner(), fileName: 'count-lengths.js' });
    expect(out.error).toMatchObject({ kind: 'pack', line: null });
    expect(out.error!.message).toMatch(
      /^p13\/word-lengths\/data\.js: the lab pack's data generator failed, so your job could not run: its sentences\(\{ seed \}\) — it returned 57\.2 MB of text; a generated dataset may hold at most 32\.0 MB$/,
    );
    expect(out.error!.message).not.toContain('count-lengths.js');
  }, 60_000);

  it('a line longer than a map task may read whole is refused too', async () => {
    const lab = loadPack(
      edited(
        'word-lengths/data.js',
        () => 'export function sentences() { return "a\\n" + "x ".repeat(600000) + "\\nb\\n"; }',
      ),
      'p',
    ).labs[0]!;
    const out = await runStep({ lab, stepIndex: 0, source: lab.steps[0]!.solution, runner: labTestRunner() });
    expect(out.error!.message).toContain(
      "its line 2 holds 1,200,000 characters; a generated dataset's lines may hold at most 1,048,576",
    );
  }, 60_000);
});
