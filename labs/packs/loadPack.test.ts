// A teacher's lab pack opens without a build: the sample pack's solutions pass every check (the
// script check runs in the sandbox, the data is generated there from the run's seed), its starters
// fail one, another seed gives other data that the solution still passes, and a malformed pack is
// refused with the file, line and field.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { labTestRunner } from '../__tests__/labTestRunner';
import { judgeLab } from '../judgeLab';
import { runStep } from '../runStep';
import { LABS } from '../labRegistry';
import { loadPack } from './loadPack';
import { PackError } from './packError';
import { buildPackArchive, parsePackArchive, type PackFiles } from './packFiles';
import { withGeneratedData } from './packRun';

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

function refused(files: PackFiles): string {
  try {
    loadPack(files, 'my-pack', ['hdfs-blocks']);
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  return 'loaded';
}

/** The sample pack with one file's text replaced (or removed, with null). */
function edited(path: string, edit: ((text: string) => string) | null): Map<string, string> {
  const files = new Map(SAMPLE);
  if (edit === null) files.delete(path);
  else files.set(path, edit(files.get(path)!));
  return files;
}

const LAB_JSON = 'word-lengths/lab.json';

describe('the sample pack', () => {
  const pack = loadPack(
    SAMPLE,
    'sample-pack',
    LABS.map((l) => l.id),
  );

  it('loads as a lab of its own, grouped under the pack', () => {
    expect(pack.manifest).toMatchObject({ id: 'sample-pack', name: 'Sample pack: word statistics' });
    const lab = pack.labs[0]!;
    expect(lab.id).toBe('word-lengths');
    expect(lab.pack).toMatchObject({ id: 'sample-pack', name: 'Sample pack: word statistics' });
    expect(lab.steps.map((s) => [s.kind, s.checks.map((c) => c.id)])).toEqual([
      ['mapreduce', ['same-counts', 'every-word-counted']],
      ['spark', ['same-averages', 'one-shuffle']],
    ]);
  });

  it('judges every step for real: solutions pass, starters fail', async () => {
    expect(await judgeLab(pack.labs[0]!, labTestRunner())).toEqual([]);
  }, 60_000);

  it("generates each seed's own data, which the solution passes and another's answer fails", async () => {
    const lab = pack.labs[0]!;
    const runner = labTestRunner();
    const a = await withGeneratedData(lab, runner, 7);
    const b = await withGeneratedData(lab, runner, 8);
    expect(a.datasets[0]!.text()).not.toBe(b.datasets[0]!.text());
    expect(a.datasets[0]!.text()).toBe((await withGeneratedData(lab, runner, 7)).datasets[0]!.text());
    const seven = await runStep({ lab, stepIndex: 0, source: lab.steps[0]!.solution, runner, seed: 7 });
    const eight = await runStep({ lab, stepIndex: 0, source: lab.steps[0]!.solution, runner, seed: 8 });
    expect(seven.passed && eight.passed).toBe(true);
    const result = (o: typeof seven) => (o.report && 'result' in o.report ? o.report.result : null);
    expect(result(seven)).not.toEqual(result(eight));
    // A learner who hard-codes the counts of seed 7 fails under seed 8.
    const copied = `export default { kind: 'mapreduce', input: '/data/sentences.txt', output: '/out/x',
      map(o, line, ctx) { if (o === 0) for (const [k, v] of ${JSON.stringify(result(seven))}) ctx.write(k, v); },
      reduce(k, vs, ctx) { let s = 0; for (const v of vs) s += v; ctx.write(k, s); } };`;
    const copiedRun = await runStep({ lab, stepIndex: 0, source: copied, runner, seed: 8 });
    expect(copiedRun.checks.map((c) => c.pass)).toEqual([false, false]);
    expect(copiedRun.checks[1]!.reason).toMatch(/^Your counts add up to \d+ words, but the text has \d+/);
  }, 60_000);

  it('round-trips through a .clusterlab archive, byte for byte', () => {
    const archive = buildPackArchive(SAMPLE);
    const back = parsePackArchive(archive, 'sample.clusterlab');
    expect(new Map(back)).toEqual(SAMPLE);
    expect(buildPackArchive(back)).toBe(archive);
  });
});

describe('a script check the pack got wrong', () => {
  it('fails its check with the reason, never the run or the host', async () => {
    const runner = labTestRunner();
    const cases: [string, RegExp][] = [
      ['export function everyWordCounted(run) { throw new Error("oops"); }', /could not judge your run: .*oops/],
      ['export function everyWordCounted(run) { return "yes"; }', /must return \{ pass: true or false, reason/],
    ];
    for (const [code, reason] of cases) {
      const lab = loadPack(
        edited('word-lengths/checks.js', () => code),
        'p',
      ).labs[0]!;
      const out = await runStep({ lab, stepIndex: 0, source: lab.steps[0]!.solution, runner });
      expect(out.error).toBeNull();
      expect(out.checks[0]!.pass).toBe(true);
      expect(out.checks[1]!.pass).toBe(false);
      expect(out.checks[1]!.reason).toMatch(reason);
    }
  }, 60_000);

  it("a data generator that throws fails the run, naming data.js's line", async () => {
    const lab = loadPack(
      edited('word-lengths/data.js', () => 'export function sentences() {\n  throw new Error("no data");\n}'),
      'p',
    ).labs[0]!;
    const out = await runStep({ lab, stepIndex: 0, source: lab.steps[0]!.solution, runner: labTestRunner() });
    expect(out.error?.message).toMatch(/no data/);
    expect(out.error).toMatchObject({ kind: 'pack', line: null });
    expect(out.error?.message).toMatch(
      /^p\/word-lengths\/data\.js: the lab pack's data generator failed, .*sentences\(\{ seed \}\) — p\/word-lengths\/data\.js:2: Error: no data$/,
    );
  });
});

describe('a malformed pack', () => {
  const cases: [string, Map<string, string>, string][] = [
    ['no pack.json', edited('pack.json', null), 'my-pack/pack.json: is missing'],
    ['pack.json not JSON', edited('pack.json', (t) => t.slice(0, 40)), 'my-pack/pack.json:3:'],
    [
      'a newer pack version',
      edited('pack.json', (t) => t.replace('"version": 1', '"version": 2')),
      'my-pack/pack.json:3:3: version: is 2: this pack was made for a newer ClusterLab',
    ],
    [
      'a lab listed but missing',
      edited('pack.json', (t) => t.replace('["word-lengths"]', '["word-lengths", "gone"]')),
      'my-pack/gone/lab.json: is missing',
    ],
    [
      "a lab taking a built-in lab's id",
      edited('pack.json', (t) => t.replace('["word-lengths"]', '["hdfs-blocks"]')),
      "my-pack/pack.json: labs[0]: 'hdfs-blocks' is already the id of another lab",
    ],
    [
      'an unknown check type',
      edited(LAB_JSON, (t) => t.replace('"type": "fasterThanSolution"', '"type": "fastEnough"')),
      'my-pack/word-lengths/lab.json:76:11: steps[1].checks[1].type: must be one of sameResultAsSolution',
    ],
    [
      'a step kind packs do not have',
      edited(LAB_JSON, (t) => t.replace('"kind": "spark"', '"kind": "stream"')),
      'steps[1].kind: must be "mapreduce" or "spark"',
    ],
    [
      'a missing solution file',
      edited('word-lengths/steps/2-average-by-letter/solution.js', null),
      'my-pack/word-lengths/steps/2-average-by-letter/solution.js: is missing',
    ],
    [
      "two checks of a step with one id (found by the labs' own validation, still with its line)",
      edited(LAB_JSON, (t) => t.replace('"id": "every-word-counted"', '"id": "same-counts"')),
      "my-pack/word-lengths/lab.json:41:11: steps[0].checks[1].id: 'same-counts' is used by an earlier check",
    ],
    [
      'a dataset nobody defined',
      edited(LAB_JSON, (t) => {
        const at = t.lastIndexOf('"dataset": "sentences"');
        return `${t.slice(0, at)}"dataset": "words"${t.slice(at + '"dataset": "sentences"'.length)}`;
      }),
      'steps[1].run.files[0].dataset: must name one of the lab',
    ],
    [
      'a script check without checks.js',
      edited('word-lengths/checks.js', null),
      'my-pack/word-lengths/checks.js: is missing: lab.json has script checks',
    ],
    [
      'a path escaping the pack',
      new Map([...SAMPLE, ['../evil.js', 'x']]),
      "my-pack: files['../evil.js']: a path is made of names",
    ],
    [
      'a starter equal to its solution',
      edited('word-lengths/steps/1-count-lengths/starter.js', () =>
        SAMPLE.get('word-lengths/steps/1-count-lengths/solution.js')!,
      ),
      'steps[0].starter: must differ from the solution',
    ],
  ];
  it.each(cases)('%s: refused with the file and field', (_, files, message) => {
    expect(refused(files)).toContain(message);
  });

  it('an archive that is something else says what it is', () => {
    const no = (text: string) => {
      try {
        parsePackArchive(text, 'x.clusterlab');
        return 'parsed';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(no('not json')).toBe('x.clusterlab:1:1: is not a ClusterLab file: it is not JSON');
    expect(no('{\n  "format": "clusterlab-pack",\n  "files": {,\n}')).toBe(
      'x.clusterlab:3:13: is not a ClusterLab file: it is not JSON',
    );
    expect(no('{"format":"clusterlab-progress","version":1}')).toMatch(/is a student's hand-in/);
    expect(no('{"format":"clusterlab-pack","version":3,"files":{}}')).toMatch(/newer ClusterLab \(pack version 3\)/);
    expect(no('{"format":"clusterlab-pack","version":1,"files":{"a":1}}')).toBe(
      "x.clusterlab: files['a']: must be a text",
    );
  });
});
