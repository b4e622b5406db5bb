import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeCommand } from './gradeCommand';
import { main } from './main';
import { writeClass } from './__tests__/classFolder';
import { findLab } from '../labs/labRegistry';
import { buildHandIn, handInText } from '../labs/handIn/buildHandIn';
import { studentSeed, variantSolution } from '../labs/variant';
import { slowNetflixPipeline } from '../labs/__tests__/slowPipeline';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

/** Splits CSV text into rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const root = mkdtempSync(join(tmpdir(), 'cl-grade-'));
const folder = join(root, 'class');
const expected = writeClass(folder);

describe('clusterlab grade', () => {
  it('grades a class of 30: good, wrong, endless and hostile submissions; the table is exact and the same twice', async () => {
    expect(expected.size).toBe(30);
    const runs = [];
    for (const out of ['first', 'second']) {
      const f = fakeIo(root);
      const t0 = performance.now();
      const code = await gradeCommand([folder, '--out', out, '--timeout', '3'], f.io);
      runs.push({ code, out: f.out.join(''), err: f.err.join(''), seconds: (performance.now() - t0) / 1000 });
    }
    const [first, second] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(first.code, first.err).toBe(0);
    const csv = readFileSync(join(root, 'first.csv'), 'utf8');
    // The same folder gives the same bytes (timings are only in the terminal).
    expect(readFileSync(join(root, 'second.csv'), 'utf8')).toBe(csv);
    expect(readFileSync(join(root, 'second.json'), 'utf8')).toBe(readFileSync(join(root, 'first.json'), 'utf8'));

    // The pass/fail grid of every submission.
    const rows = parseCsv(csv);
    expect(rows[0]!.join(',')).toBe(
      'student,source,lab,step,step_id,status,checks_passed,checks_total,failing_checks,reason,simulated_s,figures,variant_seed,same_code_as',
    );
    const grid = new Map<string, string[]>();
    for (const r of rows.slice(1)) grid.set(r[1]!, [...(grid.get(r[1]!) ?? []), r[5]!]);
    expect(Object.fromEntries(grid)).toEqual(Object.fromEntries(expected));

    // Whole rows of the hostile and broken ones, exactly: one row each, saying what is wrong and where;
    // a formula in a name is defused; __proto__ is no lab id, and a row says so; files of the wrong name are listed.
    const lines = csv
      .split('\r\n')
      .filter((l) => l.startsWith(',') || l.startsWith("'=cmd") || l.startsWith('Vic Names,Vic Names,,'));
    expect(lines).toEqual([
      ',binary.clusterlab,,,,error,0,0,,"binary.clusterlab: not a hand-in: the file is binary (it holds NUL bytes), not JSON text",,,,',
      ',control.clusterlab,,,,error,0,0,,control.clusterlab:5:5: student.name: contains the control character U+001B at character 4,,,,',
      ',deep.json,,,,error,0,0,,deep.json:1:17: not a hand-in: the JSON nests more than 16 levels deep,,,,',
      ',future.clusterlab,,,,error,0,0,,future.clusterlab:1:33: version: made by a newer ClusterLab (format version 2): update ClusterLab to open it,,,,',
      ',huge.clusterlab,,,,error,0,0,,"huge.clusterlab: the file has 9437184 bytes, more than the limit of 8388608 bytes (8 MB)",,,,',
      ',package.json,,,,error,0,0,,"package.json: not a ClusterLab hand-in: the file has no ""format"": ""clusterlab-progress"" (it was made by another program)",,,,',
      ',truncated.clusterlab,,,,error,0,0,,"truncated.clusterlab:8:12: not valid JSON (Unterminated string): the file ends too early, perhaps it was cut off while copying",,,,',
      "'=cmd|' /C calc'!A0,formula.clusterlab,scale-up-vs-out,1,hockey-stick,missing,0,0,,not handed in,,,,",
      "'=cmd|' /C calc'!A0,formula.clusterlab,scale-up-vs-out,2,scale-up,missing,0,0,,not handed in,,,,",
      "'=cmd|' /C calc'!A0,formula.clusterlab,scale-up-vs-out,3,scale-out,missing,0,0,,not handed in,,,,",
      "'=cmd|' /C calc'!A0,formula.clusterlab,scale-up-vs-out,4,not-big-data,missing,0,0,,not handed in,,,,",
      "'=cmd|' /C calc'!A0,formula.clusterlab,mapreduce-chaining,1,two-jobs,pass,3,3,,,7.19,jobs=2; tasks=8; failed_attempts=0; shuffle_bytes=14152; remote_read_bytes=1130,3089479375,Olga Ten",
      "'=cmd|' /C calc'!A0,formula.clusterlab,mapreduce-chaining,2,intermediate-on-hdfs,missing,0,0,,not handed in,,,,",
      "'=cmd|' /C calc'!A0,formula.clusterlab,mapreduce-chaining,3,start-up-cost,missing,0,0,,not handed in,,,,",
      "'=cmd|' /C calc'!A0,formula.clusterlab,__proto__,,,error,0,0,,\"unreadable in the file: formula.clusterlab:11:13: labs.__proto__: is not a lab id: ids are lower-case letters, digits and dashes: the lab is left out\",,,,",
      'Vic Names,Vic Names,,,,not-gradable,0,0,,"files not used: mapreduce-chaining.step9.js: lab \'mapreduce-chaining\' has steps 1 to 3; two-jobs.js: not a job file name of the form <lab-id>.step<N>.<js|ts|json>, e.g. mapreduce-basics.step1.js",,,,',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // An endless loop is stopped by its own budget and named; the next step still ran.
    const rui = csv.split('\r\n').filter((l) => l.includes('rui.clusterlab'));
    expect(rui[4]).toBe(
      'Rui Loop,rui.clusterlab,mapreduce-chaining,1,two-jobs,error,0,3,,Your loop at mapreduce-chaining.step1.js line 13 ran until the time limit (the time limit for your code is 3 s) — does its condition ever become false?,,,1211553311,Sam Loop; Tea Loop',
    );
    expect(rui[0]).toMatch(/,scale-up-vs-out,1,hockey-stick,pass,/);
    // The file's own "passed": true is never trusted.
    expect(csv.split('\r\n').find((l) => l.includes('mia.clusterlab,mapreduce-chaining,1'))).toMatch(
      /,fail,0,3,"exact-top-10: the last job wrote 300 lines/,
    );
    // A good row carries the simulated figures and the student's seed.
    expect(csv.split('\r\n').find((l) => l.startsWith('Ana Lima,ana.clusterlab,mapreduce-chaining,1'))).toMatch(
      /^Ana Lima,ana\.clusterlab,mapreduce-chaining,1,two-jobs,pass,3,3,,,\d+\.\d+,jobs=2; tasks=\d+; failed_attempts=0; shuffle_bytes=\d+; remote_read_bytes=\d+,967564802,Chiara Rossi; Noah Copy$/,
    );

    expect(first.out).toMatch(/^Graded 30 submission\(s\) of 2 lab\(s\) \(scale-up-vs-out, mapreduce-chaining\): /);
    expect(first.out).toMatch(/submissions per minute/);
    // 33 steps ran: 18 good (12 chaining, 6 scale), 6 wrong, 6 of the endless ones' (3 loops, 3 good), formula's and Uma's 3;
    // 7 files unreadable (formula.clusterlab is read: only its __proto__ lab is left out); Vic's unused files.
    expect(first.out).toContain(
      ': 33 step run(s): 24 passed, 4 failed, 5 error(s); 128 not handed in, 1 not gradable, 7 unreadable submission(s).\n',
    );
    expect(first.err).toMatch(
      /^\[\d+\/30\] huge\.clusterlab: not graded: huge\.clusterlab: the file has 9437184 bytes/m,
    );
    expect(first.err.match(/^\[\d+\/30\] /gm)).toHaveLength(30);
    console.log(`grading throughput: ${first.out.split('\n')[1]} (and ${second.seconds.toFixed(1)} s the second time)`);
  }, 400_000);

  it("a memory bomb ends its own step's run with the limit named; the next submission is graded", async () => {
    const bombs = join(root, 'bombs');
    mkdirSync(bombs);
    const bomb =
      "export default { kind: 'mapreduce', input: '/data/graph.txt', output: '/out/m', map(o, line, ctx) { const a = []; for (;;) a.push(new Array(1e5).fill(1)); }, reduce(k, v, ctx) {} };\n";
    const chain = findLab('mapreduce-chaining')!.steps[0]!;
    const handIn = (name: string, code: string) =>
      handInText(
        buildHandIn(
          { version: 1, labs: { 'mapreduce-chaining': { step: 0, steps: { 'two-jobs': { code } } } } },
          name,
          '0',
          new Date(0),
        ),
      );
    writeFileSync(join(bombs, 'a-bomb.clusterlab'), handIn('Mem Bomb', bomb));
    writeFileSync(
      join(bombs, 'b-good.clusterlab'),
      handIn('Good After', variantSolution(chain, studentSeed('Good After'))),
    );
    const before = process.env.CLUSTERLAB_WORKER_MEMORY_MB;
    process.env.CLUSTERLAB_WORKER_MEMORY_MB = '128';
    const f = fakeIo(root);
    try {
      expect(await gradeCommand([bombs, '--out', 'bombs', '--timeout', '20'], f.io)).toBe(0);
    } finally {
      if (before === undefined) delete process.env.CLUSTERLAB_WORKER_MEMORY_MB;
      else process.env.CLUSTERLAB_WORKER_MEMORY_MB = before;
    }
    const rows = parseCsv(readFileSync(join(root, 'bombs.csv'), 'utf8')).filter((r) => r[4] === 'two-jobs');
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      ['Good After', 'pass'],
      ['Mem Bomb', 'error'],
    ]);
    expect(rows[1]![9]).toMatch(/memory limit of 128 MB|holds more than [\d,]+ MB/);
  }, 120_000);

  it('bad usage and an unreadable folder exit 2 with one line', async () => {
    const f = fakeIo(root);
    expect(await main(['grade'], f.io)).toBe(2);
    expect(f.err.join('')).toMatch(/^clusterlab grade: expected one FOLDER, got 0 argument\(s\)/);
    const g = fakeIo(root);
    expect(await main(['grade', 'no-such-folder'], g.io)).toBe(2);
    expect(g.err.join('')).toBe(`clusterlab grade: folder not found: ${join(root, 'no-such-folder')}\n`);
    const o = fakeIo(root);
    expect(await main(['grade', 'empty-not-yet', '--out', 'no/such/dir/grades'], o.io)).toBe(2);
    expect(o.err.join('')).toBe(
      `clusterlab grade: --out no/such/dir/grades: the folder ${join(root, 'no/such/dir')} does not exist\n`,
    );
    // The same student twice (names compared in their normal form): both graded, the teacher told.
    mkdirSync(join(root, 'twice'));
    const scale = findLab('scale-up-vs-out')!.steps[0]!;
    for (const [file, name] of [
      ['a.clusterlab', 'Ana Lima'],
      ['b.clusterlab', ' ana  LIMA'],
    ] as const)
      writeFileSync(
        join(root, 'twice', file),
        handInText(
          buildHandIn(
            {
              version: 1,
              labs: { 'scale-up-vs-out': { step: 0, steps: { 'hockey-stick': { code: scale.solution } } } },
            },
            name,
            '0',
            new Date(0),
          ),
        ),
      );
    const t = fakeIo(root);
    expect(await main(['grade', 'twice', '--out', 'twice-grades'], t.io)).toBe(0);
    expect(t.err.join('')).toMatch(
      /^clusterlab grade: a\.clusterlab, b\.clusterlab are the same student's: each is graded\n/,
    );
    expect(t.out.join('')).toMatch(/ 2 step run\(s\): 2 passed, /);
    // An empty folder is graded (nothing to do), and --json prints the summary for programs.
    mkdirSync(join(root, 'empty'));
    const e = fakeIo(root);
    expect(await main(['grade', 'empty', '--out', 'empty-grades', '--json'], e.io)).toBe(0);
    expect(JSON.parse(e.out.join(''))).toMatchObject({ submissions: 0, steps: 0, passed: 0, failed: 0, errors: 0 });
    expect(readFileSync(join(root, 'empty-grades.csv'), 'utf8')).toBe(
      'student,source,lab,step,step_id,status,checks_passed,checks_total,failing_checks,reason,simulated_s,figures,variant_seed,same_code_as\r\n',
    );
  });

  it(
    'a hand-in whose pipeline step would simulate for 10 s ends at --timeout, its row saying so; the rest is graded',
    { timeout: 120_000 },
    async () => {
      const lab = findLab('netflix-trending')!;
      const step = lab.steps[2]!;
      const progress = {
        version: 1 as const,
        labs: {
          [lab.id]: {
            step: 2,
            steps: { [lab.steps[0]!.id]: { code: lab.steps[0]!.solution }, [step.id]: { code: slowNetflixPipeline() } },
          },
        },
      };
      const dir = join(root, 'slow-pipeline');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'slow.clusterlab'),
        handInText(buildHandIn(progress, 'Re Send', '0.1.0', new Date('2026-12-06T10:00:00Z'))),
      );
      const f = fakeIo(root);
      const started = performance.now();
      expect(await gradeCommand([dir, '--out', 'slow-pipeline', '--timeout', '2'], f.io)).toBe(0);
      expect(performance.now() - started).toBeLessThan(60_000);
      const rows = parseCsv(readFileSync(join(root, 'slow-pipeline.csv'), 'utf8'));
      const row = (n: number) => rows.find((r) => r[2] === lab.id && r[3] === String(n))!;
      expect(row(3)[5]).toBe('error');
      expect(row(3)[9]).toMatch(/time budget \(2 s of wall time\)/);
      expect(row(1)[5]).toBe('pass');
    },
  );
});
