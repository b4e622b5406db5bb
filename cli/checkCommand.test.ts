import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { checkCommand } from './checkCommand';
import { findLab, LABS } from '../labs/labRegistry';
import { dailyAveragesSql } from '../labs/__tests__/dailyAveragesSql';
import { slowNetflixPipeline } from '../labs/__tests__/slowPipeline';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cl-check-'));

/** Writes a step's solution or starter to a temp file and runs `check` on it. */
async function check(labId: string, step: number, which: 'solution' | 'starter', extra: string[] = []) {
  const s = findLab(labId)!.steps[step - 1]!;
  const file = `${labId}-${step}-${which}.${s.kind === 'hdfs' || s.kind === 'server' ? 'json' : 'js'}`;
  writeFileSync(join(dir, file), s[which]);
  const f = fakeIo(dir);
  const code = await checkCommand([labId, file, '--step', String(step), ...extra], f.io);
  return { code, out: f.out.join(''), err: f.err.join('') };
}

describe('clusterlab check', () => {
  it('hdfs-blocks: the solution passes (exit 0), the starter fails with a reason (exit 1)', async () => {
    const ok = await check('hdfs-blocks', 3, 'solution');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/PASS {2}replica counts are restored\n {8}all 4 blocks are back to 3 live replicas/);
    expect(ok.out).toMatch(/5 of 5 checks passed/);
    const bad = await check('hdfs-blocks', 1, 'starter');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(
      /FAIL {2}\/data\/big\.bin is stored as 4 blocks.*\n {8}expected 4 blocks \(128 MB \+ 128 MB \+ 128 MB \+ 128 MB\), got 8/,
    );
    expect(bad.out).toMatch(/Hint: /);
  });

  it('scale-up-vs-out: every step runs without a sandbox; the solutions pass, a starter names the bound', async () => {
    const lab = findLab('scale-up-vs-out')!;
    for (let step = 1; step <= lab.steps.length; step++) {
      const ok = await check(lab.id, step, 'solution');
      expect(ok.code, `step ${step}: ${ok.out}`).toBe(0);
    }
    const bad = await check(lab.id, 2, 'starter');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(
      /FAIL {2}The night finishes within the deadline\n {8}130 min, more than 60 min\. The ETL 130 min: disk 130 min \(the bound\)/,
    );
    expect(bad.out).toMatch(/simulated time 7800\.766 s\./);
  });

  it("data-locality: a job file's conf export crosses the child process's realm; every step's solution passes", async () => {
    for (const step of [1, 2, 3]) {
      const ok = await check('data-locality', step, 'solution');
      expect(ok.out).not.toMatch(/plain object/);
      expect(ok.code).toBe(0);
    }
    const bad = await check('data-locality', 1, 'starter');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAIL {2}at least 90% of the blocks read where they lie/);
  });

  it('mapreduce-iot-averages: solution exit 0, starter exit 1', async () => {
    const ok = await check('mapreduce-iot-averages', 1, 'solution');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/PASS {2}exact day averages/);
    const bad = await check('mapreduce-iot-averages', 1, 'starter');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAIL {2}3 reducers\n {8}expected 3 reduce tasks, got 1: set numReduceTasks: 3/);
  });

  it('judges a step solved with spark.sql (DuckDB in the sandbox workers)', async () => {
    writeFileSync(join(dir, 'daily-sql.js'), dailyAveragesSql);
    const f = fakeIo(dir);
    const code = await checkCommand(['spark-in-memory', 'daily-sql.js', '--step', '1'], f.io);
    expect(f.err.join('')).toBe('');
    expect(code).toBe(0);
    expect(f.out.join('')).toMatch(/PASS {2}exact daily averages/);
  });

  it('spark-in-memory: solution exit 0, starter exit 1, and --json', async () => {
    const ok = await check('spark-in-memory', 4, 'solution', ['--json']);
    expect(ok.code).toBe(0);
    const verdict = JSON.parse(ok.out) as { passed: boolean; checks: { id: string; pass: boolean }[] };
    expect(verdict.passed).toBe(true);
    expect(verdict.checks.map((c) => c.id)).toEqual(['ranks-correct', 'cache-hits', 'cache-pays', 'lineage-recovers']);
    const bad = await check('spark-in-memory', 4, 'starter');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAIL {2}cached partitions are reused/);
  });

  it('exits 1 when the learner code throws, naming file and line', async () => {
    writeFileSync(
      join(dir, 'boom.js'),
      "export default {\n  kind: 'mapreduce', input: '/data/sensors.csv', output: '/o',\n  map(o, line, ctx) {\n    null.boom();\n  },\n};\n",
    );
    const f = fakeIo(dir);
    expect(await checkCommand(['mapreduce-iot-averages', 'boom.js'], f.io)).toBe(1);
    expect(f.out.join('')).toMatch(/The run failed: boom\.js:4: TypeError/);
  });

  it("prints a failed run's error once, not once per check", async () => {
    writeFileSync(join(dir, 'typo.js'), "export default {\n  kind: 'mapreduce'\n  input: '/data/sensors.csv',\n};\n");
    const f = fakeIo(dir);
    expect(await checkCommand(['mapreduce-iot-averages', 'typo.js'], f.io)).toBe(1);
    const all = f.out.join('') + f.err.join('');
    expect(all.match(/SyntaxError/g)).toHaveLength(1);
    expect(all).toMatch(/typo\.js:3:\d+: SyntaxError/);
    // Hints are about the logic: none for a file that did not compile.
    expect(all).not.toMatch(/Hint: /);
    expect(all).toMatch(
      /Checks not judged \(the job did not compile\):\n {4}- exact day averages\n {4}- one mapper per split/,
    );
    expect(all).toMatch(/0 of 4 checks passed: none could be judged\./);
    expect(all).not.toMatch(/PASS|FAIL/);
    const json = fakeIo(dir);
    expect(await checkCommand(['mapreduce-iot-averages', 'typo.js', '--json'], json.io)).toBe(1);
    const verdict = JSON.parse(json.out.join('')) as {
      checks: { reason: string }[];
      error: { line: number; column: number };
    };
    expect(verdict.checks.every((c) => c.reason === 'not judged: the job did not compile')).toBe(true);
    expect(verdict.error).toMatchObject({ line: 3, column: expect.any(Number) });
    expect(json.err.join('').match(/SyntaxError/g)).toHaveLength(1);
  });

  it('exits 2 naming an unknown lab, a step out of range and a missing file', async () => {
    writeFileSync(join(dir, 'x.json'), '{}');
    const a = fakeIo(dir);
    expect(await main(['check', 'hdfs-blox', 'x.json'], a.io)).toBe(2);
    expect(a.err.join('')).toContain(`unknown lab 'hdfs-blox' (labs: ${LABS.map((l) => l.id).join(', ')})`);
    const b = fakeIo(dir);
    expect(await main(['check', 'hdfs-blocks', 'x.json', '--step', '9'], b.io)).toBe(2);
    expect(b.err.join('')).toMatch(/--step 9: lab 'hdfs-blocks' has steps 1 to 4/);
    const c = fakeIo(dir);
    expect(await main(['check', 'hdfs-blocks', 'nope.json'], c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/file not found: nope\.json/);
    const d = fakeIo(dir);
    expect(await main(['check', 'hdfs-blocks'], d.io)).toBe(2);
    // The wrong kind of file for the step: said before it is read as the other (a parser's complaint).
    writeFileSync(join(dir, 'job.js'), 'export default {};');
    const e = fakeIo(dir);
    expect(await main(['check', 'hdfs-blocks', 'job.js'], e.io)).toBe(2);
    expect(e.err.join('')).toBe(
      'clusterlab check: job.js: step 1 of hdfs-blocks takes a JSON file of settings (like settings.json), and this is a job file (.js)\n',
    );
    const f = fakeIo(dir);
    expect(await main(['check', 'mapreduce-basics', 'x.json'], f.io)).toBe(2);
    expect(f.err.join('')).toBe(
      'clusterlab check: x.json: step 1 of mapreduce-basics takes a job file (.js or .ts), and this is a JSON file\n',
    );
  });
});

describe('clusterlab check: each run of a step has its own time budget', () => {
  it(
    'a step with extra runs passes when each run fits the budget but all together do not',
    { timeout: 120_000 },
    async () => {
      // Step 3 runs the learner's job three times (its own run and two 10x runs); in each run the
      // reduce task of the first day spends 3 s of wall time: each run fits the 8 s budget with
      // room to spare on a loaded machine, the three together do not.
      const s = findLab('mapreduce-iot-averages')!.steps[2]!;
      const head = '  reduce(day, pairs, ctx) {\n';
      expect(s.solution).toContain(head);
      const wait = "    if (day === '2016-05-01') { const until = Date.now() + 3000; while (Date.now() < until) {} }\n";
      const slow = s.solution.replace(head, head + wait);
      writeFileSync(join(dir, 'slow-3.js'), slow);
      const f = fakeIo(dir);
      const started = Date.now();
      const code = await checkCommand(['mapreduce-iot-averages', 'slow-3.js', '--step', '3', '--timeout', '8'], f.io);
      expect(Date.now() - started).toBeGreaterThan(8_000);
      expect(f.err.join('')).toBe('');
      expect(code).toBe(0);
    },
  );

  it(
    "a pipeline step's run ends at --timeout: netflix step 3 with 200,000 plays over 18 simulated hours and a 100 ms refresh ran 10 s",
    { timeout: 120_000 },
    async () => {
      writeFileSync(join(dir, 'slow.json'), slowNetflixPipeline());
      const f = fakeIo(dir);
      const started = Date.now();
      const code = await checkCommand(['netflix-trending', 'slow.json', '--step', '3', '--timeout', '2'], f.io);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(code).not.toBe(0);
      expect(f.out.join('') + f.err.join('')).toMatch(/time budget \(2 s of wall time\)/);
    },
  );
});
