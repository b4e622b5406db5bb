// A teacher's pack through the CLI: listed with `labs --pack`, judged with `check --pack` in the
// child-process sandbox, tested whole with `pack test` (a broken solution is named), and written
// as one file with `pack build` (never over an existing file without --force).
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from './main';
import { readPackFolder } from './packSource';
import { buildPackArchive } from '../labs/packs/packFiles';

const SAMPLE = resolve('labs/packs/sample-pack');

function fakeIo(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

async function run(argv: string[], cwd?: string) {
  const f = fakeIo(cwd);
  const code = await main(argv, f.io);
  return { code, out: f.out.join(''), err: f.err.join('') };
}

describe('clusterlab and a lab pack', () => {
  it('lists the pack’s labs under its name', async () => {
    const r = await run(['labs', '--pack', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Sample pack: word statistics \(The ClusterLab team\)\n\nID\s+TITLE/);
    expect(r.out).toMatch(/word-lengths\s+Word lengths\s+20\.1, 20\.2\s+2\s+20\n/);
    expect(r.out).toContain(`--pack ${SAMPLE}`);
  });

  it('checks a learner’s file on a pack step, and names what is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-check-'));
    const file = join(dir, 'mine.js');
    writeFileSync(
      file,
      `export default { kind: 'mapreduce', input: '/data/sentences.txt', output: '/out/x',
  map(o, line, ctx) { for (const w of line.split(' ')) if (w) ctx.write(w.length, 1); },
  reduce(k, vs, ctx) { let s = 0; for (const v of vs) s += v; ctx.write(k, s + 1); } };\n`,
    );
    const r = await run(['check', 'word-lengths', file, '--pack', SAMPLE]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'Word lengths, step 1 of 2: Count words by length (Cookbook 20.1, 20.2) [Sample pack: word statistics]',
    );
    expect(r.out).toMatch(
      /FAIL {2}Your counts are the reference solution's\n\s+Your 12 keys against the reference’s 12: 12 key\(s\) have another value, e\.g\. 1: yours \d+, expected \d+\./,
    );
    expect(r.out).toMatch(
      /FAIL {2}Every word of the text is counted once\n\s+Your counts add up to \d+ words, but the text has \d+: some words are counted twice\./,
    );
    const unknown = await run(['check', 'hdfs-blocks', file, '--pack', SAMPLE]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.err).toContain("unknown lab 'hdfs-blocks' in the pack");
  }, 60_000);

  it('tests a pack whole, and names a step whose starter gives the answer away', async () => {
    expect((await run(['pack', 'test', SAMPLE])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'pack-broken-'));
    cpSync(SAMPLE, dir, { recursive: true });
    const step = join(dir, 'word-lengths/steps/1-count-lengths');
    writeFileSync(join(step, 'starter.js'), `// Start here.\n${readFileSync(join(step, 'solution.js'), 'utf8')}`);
    const r = await run(['pack', 'test', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  word-lengths (2 steps)');
    expect(r.out).toContain('word-lengths step 1 (count-lengths) starter passes every check: it gives the answer away');
  }, 90_000);

  it('builds one .clusterlab file, and does not overwrite one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-build-'));
    const r = await run(['pack', 'build', SAMPLE], dir);
    expect(r.code).toBe(0);
    const file = join(dir, 'sample-pack.clusterlab');
    expect(readFileSync(file, 'utf8')).toBe(buildPackArchive(await readPackFolder(SAMPLE)));
    const again = await run(['pack', 'build', SAMPLE], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('exists: use --force');
    expect((await run(['labs', '--pack', file])).out).toContain('word-lengths');
    expect(existsSync(join(dir, 'sample-pack.clusterlab'))).toBe(true);
  }, 90_000);

  it('a pack check that never returns fails its check at the time limit; the learner’s run stands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-loop-'));
    cpSync(SAMPLE, dir, { recursive: true });
    writeFileSync(
      join(dir, 'word-lengths/checks.js'),
      'export function everyWordCounted(run) {\n  while (true) {}\n}\n',
    );
    const solution = join(dir, 'word-lengths/steps/1-count-lengths/solution.js');
    const r = await run(['check', 'word-lengths', solution, '--pack', dir, '--timeout', '3']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/PASS {2}Your counts are the reference solution's/);
    expect(r.out).toMatch(
      /FAIL {2}Every word of the text is counted once\n\s+The lab's check could not judge your run: the loop at pack-loop-\w+\/word-lengths\/checks\.js line 2 has been running for .*the time limit .* is 3 s/,
    );
  }, 60_000);

  it('grades a class on a pack’s lab, each student on their own generated data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-grade-'));
    const solution = readFileSync(join(SAMPLE, 'word-lengths/steps/1-count-lengths/solution.js'), 'utf8');
    const students: [string, string][] = [
      ['Ana Lima', solution],
      ['Ben Okafor', solution.replace('sum += v', 'sum += 2 * v')],
    ];
    for (const [student, code] of students) {
      mkdirSync(join(dir, 'class', student), { recursive: true });
      writeFileSync(join(dir, 'class', student, 'word-lengths.step1.js'), code);
    }
    const r = await run(['grade', 'class', '--pack', SAMPLE, '--out', 'grades'], dir);
    expect(r.code).toBe(0);
    const table = JSON.parse(readFileSync(join(dir, 'grades.json'), 'utf8')) as {
      rows: { student: string; lab: string; step: number; status: string; variantSeed: number | null }[];
    };
    const step1 = table.rows.filter((row) => row.lab === 'word-lengths' && row.step === 1);
    expect(step1.map((row) => [row.student, row.status])).toEqual([
      ['Ana Lima', 'pass'],
      ['Ben Okafor', 'fail'],
    ]);
    expect(step1[0]!.variantSeed).not.toBe(step1[1]!.variantSeed);
    expect(step1.every((row) => typeof row.variantSeed === 'number')).toBe(true);
  }, 90_000);

  it('refuses a malformed pack with the file and field, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-bad-'));
    cpSync(SAMPLE, dir, { recursive: true });
    const labJson = join(dir, 'word-lengths/lab.json');
    writeFileSync(labJson, readFileSync(labJson, 'utf8').replace('"minutes": 20', '"minutes": -3'));
    const r = await run(['labs', '--pack', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--pack: pack-bad-\w+\/word-lengths\/lab\.json:\d+:\d+: minutes: must be a whole number from 1 to 600, got -3/,
    );
    // Given as the pack command's own argument, it names no --pack.
    const own = await run(['pack', 'test', dir]);
    expect(own.code).toBe(2);
    expect(own.err).toMatch(/^clusterlab pack: pack-bad-\w+\/word-lengths\/lab\.json:\d+:\d+: minutes: must be/);
  });
});
