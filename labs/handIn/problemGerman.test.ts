import { describe, expect, it } from 'vitest';
import { buildHandIn, handInText } from './buildHandIn';
import { HAND_IN_LIMITS, knownLabsOf, type HandInProblem } from './handInFile';
import { parseHandIn } from './parseHandIn';
import { describeProblemIn, germanProblem } from './problemGerman';
import { studentNameProblem } from './studentName';
import { LABS } from '../labRegistry';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the file's JSON in every way
type Json = any;

const good = buildHandIn(
  {
    version: 1,
    labs: {
      'mapreduce-basics': {
        step: 1,
        steps: {
          'count-tags': { code: 'job()', passed: true, runs: 2, lastRun: { at: 5, checks: [] } },
        },
      },
    },
  },
  'Ana Lima',
  '0.1.0',
  new Date('2026-11-30T12:00:00Z'),
);
const json = () => JSON.parse(handInText(good)) as Json;
const step = (f: Json) => f.labs['mapreduce-basics'].steps['count-tags'];

/** One file for each problem the parser reports (every message form of parseHandIn, parseLastRun and studentName). */
function corruptFiles(): string[] {
  const files: string[] = [];
  const edit = (change: (f: Json) => void) => {
    const f = json();
    change(f);
    files.push(JSON.stringify(f, null, 2));
  };
  files.push(
    'x'.repeat(HAND_IN_LIMITS.fileBytes + 1),
    'a\u0000b',
    '['.repeat(20),
    '{"format": tru',
    '{"a": 1',
    '[1]',
    '{"a": 1 x}',
    '{"a": 1}',
  );
  edit((f) => (f.format = 'clusterlab-pack'));
  edit((f) => (f.format = 'something-else'));
  edit((f) => delete f.format);
  files.push(JSON.stringify({ version: 1, labs: {} }));
  edit((f) => (f.version = 0));
  edit((f) => (f.version = 7));
  edit((f) => {
    f.extra = 1;
    f.student = 'Ana';
  });
  for (const name of [42, 'a\u0001b', 'a\u202eb', 'a\u200bb', '   ', '---', 'n'.repeat(120), 'n'.repeat(500)])
    edit((f) => (f.student.name = name));
  edit((f) => (f.app = {}));
  edit((f) => (f.exportedAt = 'yesterday'));
  edit((f) => (f.labs = []));
  edit((f) => (f.labs = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`l${i}`, {}]))));
  edit((f) => (f.settings = 3));
  edit((f) => (f.settings = { theme: 'pink', timeLimitSeconds: 1, language: 'German!' }));
  edit((f) => {
    f.labs.BAD = {};
    f.labs[`l${'x'.repeat(70)}`] = {};
    f.labs.a = 3;
    f.labs.b = { step: -1, steps: {} };
    f.labs.c = { step: 0, steps: [] };
    f.labs.d = { step: 0, steps: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`s${i}`, {}])) };
    f.labs.e = { step: 0, steps: {} };
    f.labs['mapreduce-basics'].steps['no-such-step'] = {};
    f.labs['mapreduce-basics'].steps.BAD = {};
    f.labs['mapreduce-basics'].steps.n = 1;
  });
  const stepEdits: ((s: Json) => void)[] = [
    (s) => (s.code = 42),
    (s) => (s.code = 'x'.repeat(HAND_IN_LIMITS.codeChars + 1)),
    (s) => (s.passed = 'yes'),
    (s) => (s.runs = -1),
    (s) => (s.lastRun = 1),
    (s) => (s.lastRun.at = 'now'),
    (s) => (s.lastRun.checks = {}),
    (s) => (s.lastRun.checks = Array.from({ length: 101 }, () => ({ id: 'c', state: 'pass' }))),
    (s) => (s.lastRun.checks = [1]),
    (s) => (s.lastRun.checks = [{ id: '', state: 'pass' }]),
    (s) => (s.lastRun.checks = [{ id: 'c', state: 'good' }]),
    (s) => (s.lastRun.checks = [{ id: 'c', state: 'pass', message: 3 }]),
    (s) => (s.lastRun.notJudged = 3),
    (s) => (s.lastRun.error = { message: 'x', line: 0 }),
  ];
  for (const change of stepEdits) edit((f) => change(step(f)));
  return files;
}

const problems = (): HandInProblem[] =>
  corruptFiles().flatMap((text) => parseHandIn(text, 'ana.clusterlab', knownLabsOf(LABS)).problems);

describe('the problems of a hand-in in German', () => {
  it('every problem the parser reports has a German form, with no English left in it', () => {
    const all = problems();
    expect(all.length).toBeGreaterThan(50);
    const untranslated = all.filter((p) => germanProblem(p.message) === null).map((p) => p.message);
    expect(untranslated).toEqual([]);
    for (const p of all) {
      const de = germanProblem(p.message)!;
      expect(de, p.message).not.toMatch(/\b(must|the step is left out|the lab is left out|ignored|more than|is not)\b/);
    }
  });

  it('keeps the place and the field path, and says the outcome and numbers the German way', () => {
    const f = json();
    step(f).code = 42;
    const text = JSON.stringify(f, null, 2);
    const [problem] = parseHandIn(text, 'ana.clusterlab').problems;
    const line = text.split('\n').findIndex((l) => l.includes('"code": 42')) + 1;
    expect(describeProblemIn(problem!, 'en')).toMatch(
      new RegExp(
        `^ana\\.clusterlab:${line}:\\d+: labs\\.mapreduce-basics\\.steps\\.count-tags\\.code: must be a string: the step is left out$`,
      ),
    );
    expect(describeProblemIn(problem!, 'de')).toMatch(
      new RegExp(
        `^ana\\.clusterlab:${line}:\\d+: labs\\.mapreduce-basics\\.steps\\.count-tags\\.code: muss eine Zeichenkette sein: Der Schritt wird weggelassen$`,
      ),
    );
    expect(germanProblem('the file is larger than the limit of 8388608 bytes (8 MB) for a hand-in')).toBe(
      'die Datei ist größer als die Grenze von 8.388.608 Bytes (8 MB) für eine Abgabe',
    );
    expect(germanProblem('is 9,437,184 bytes, more than the limit of 8,388,608 bytes for a progress file')).toBe(
      'ist 9.437.184 Bytes groß, mehr als die Grenze von 8.388.608 Bytes für eine Fortschrittsdatei',
    );
    expect(germanProblem(studentNameProblem('n'.repeat(120))!)).toBe('hat 120 Zeichen, mehr als die Grenze von 100');
    expect(
      germanProblem("this ClusterLab has no lab 'x' (a teacher's pack?): it is kept, but cannot be run here"),
    ).toBe(
      "dieses ClusterLab hat kein Lab 'x' (aus einem Lab-Paket?): Es wird behalten, kann hier aber nicht ausgeführt werden",
    );
  });

  it('a message of a form it does not know stays English (null), never half translated', () => {
    expect(germanProblem('something new: the step is left out')).toBeNull();
  });
});
