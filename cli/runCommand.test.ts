import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCommand } from './runCommand';
import { sensorCsv } from '../engine/datasets';
import { hadoopPartition } from '../engine/exec';

/** Sorted pairs as a job with `n` reducers shows them: part file after part file (HashPartitioner). */
const inPartFileOrder = <T extends [string, unknown]>(pairs: T[], n: number): T[] =>
  Array.from({ length: n }, (_, p) => pairs.filter(([k]) => hadoopPartition(k, n) === p)).flat();

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: process.cwd() }, out, err };
}

function plainDailyAverage(text: string): [string, number][] {
  const acc = new Map<string, [number, number]>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [ts, , v] = line.split(',');
    const day = ts!.slice(0, 10);
    const a = acc.get(day) ?? [0, 0];
    a[0] += Number(v);
    a[1]++;
    acc.set(day, a);
  }
  return [...acc.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([d, [s, n]]) => [d, s / n]);
}

describe('clusterlab run', () => {
  const expected = plainDailyAverage(sensorCsv(100_000));

  it('runs the IoT MapReduce job and matches a plain single-threaded computation', async () => {
    const f = fakeIo();
    const code = await runCommand(
      ['labs/examples/jobs/iot-daily-average.js', '--json', '--block-size', '512k', '--cluster', 'cookbook-9'],
      f.io,
    );
    expect(code).toBe(0);
    const report = JSON.parse(f.out.join(''));
    expect(report.result).toEqual(inPartFileOrder(expected, 3));
    expect(report.metrics.counters.MAP_INPUT_RECORDS).toBe(100_000);
  });

  it('gives the same result with Spark reduceByKey (within float rounding)', async () => {
    const f = fakeIo();
    expect(await runCommand(['labs/examples/jobs/iot-daily-average-spark.js', '--json'], f.io)).toBe(0);
    const result = JSON.parse(f.out.join('')).result as [string, number][];
    expect(result.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    result.forEach(([, v], i) => expect(v).toBeCloseTo(expected[i]![1], 9));
  });

  it('takes Spark settings with --conf and refuses a bad one by name (exit 2)', async () => {
    const job = 'labs/examples/jobs/word-count-spark.js';
    const runs: string[] = [];
    for (const wait of ['3s', '0']) {
      const f = fakeIo();
      expect(
        await runCommand([job, '--json', '--cluster', 'cookbook-9', '--conf', `spark.locality.wait=${wait}`], f.io),
      ).toBe(0);
      runs.push(f.out.join(''));
    }
    expect(JSON.parse(runs[1]!).result).toEqual(JSON.parse(runs[0]!).result);
    const bad = fakeIo();
    expect(await runCommand([job, '--conf', 'spark.locality.wait=soon'], bad.io)).toBe(2);
    expect(bad.err.join('')).toBe(
      'clusterlab run: spark.locality.wait: must be a time like 3s, 500ms or 1min, from 0 to 24h, got "soon"\n',
    );
    const noValue = fakeIo();
    expect(await runCommand([job, '--conf', 'spark.locality.wait'], noValue.io)).toBe(2);
    expect(noValue.err.join('')).toMatch(/--conf: expected KEY=VALUE/);
  });

  it('is byte-identical for the same seed, and a node killed mid-map changes time, not the result', async () => {
    const runs = [] as string[];
    for (const extra of [[], [], ['--fail-node', '2@1500']]) {
      const f = fakeIo();
      expect(
        await runCommand(['labs/examples/jobs/iot-daily-average.js', '--json', '--block-size', '256k', ...extra], f.io),
      ).toBe(0);
      runs.push(f.out.join(''));
    }
    expect(runs[0]).toBe(runs[1]);
    const a = JSON.parse(runs[0]!);
    const b = JSON.parse(runs[2]!);
    expect(b.result).toEqual(a.result);
    expect(b.simulatedMs).not.toBe(a.simulatedMs);
    expect(b.metrics.killedAttempts).toBeGreaterThan(0);
  });

  it('keeps the word count when a node dies during the map phase (engine tests prove the mid-shuffle case)', async () => {
    const base = fakeIo();
    await runCommand(['labs/examples/jobs/word-count.ts', '--json', '--block-size', '256k'], base.io);
    const a = JSON.parse(base.out.join(''));
    const f = fakeIo();
    expect(
      await runCommand(
        ['labs/examples/jobs/word-count.ts', '--json', '--block-size', '256k', '--fail-node', '2@2300'],
        f.io,
      ),
    ).toBe(0);
    const b = JSON.parse(f.out.join(''));
    expect(b.result).toEqual(a.result);
  });

  it('slows a node and cuts a rack off as asked, keeps the result and names both in the report', async () => {
    const args = ['labs/examples/jobs/word-count.ts', '--cluster', 'two-racks', '--block-size', '256k'];
    const base = fakeIo();
    await runCommand([...args, '--json'], base.io);
    const faults = ['--slow-node', '2@0:20', '--partition-rack', '2@1500+4000'];
    const json = fakeIo();
    expect(await runCommand([...args, ...faults, '--json'], json.io)).toBe(0);
    const a = JSON.parse(base.out.join(''));
    const b = JSON.parse(json.out.join(''));
    expect(b.result).toEqual(a.result);
    expect(b.simulatedMs).toBeGreaterThan(a.simulatedMs);
    const text = fakeIo();
    expect(await runCommand([...args, ...faults], text.io)).toBe(0);
    expect(text.out.join('')).toMatch(/node n2 20x slower from 0\.000s\n {2}rack r2 cut off at 1\.500s\n/);
  });

  it('names the file and line of an error in the learner code (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    const job = join(dir, 'bad.js');
    writeFileSync(
      job,
      "export default {\n  kind: 'mapreduce', input: '/data/sensors.csv', output: '/o',\n  map(o, line, ctx) {\n    null.boom();\n  },\n};\n",
    );
    const f = fakeIo();
    expect(await runCommand([job], { ...f.io, cwd: dir })).toBe(1);
    expect(f.err.join('')).toMatch(/bad\.js:4: TypeError/);
    expect(f.err.join('')).toMatch(/failed 4 attempts/);
    // The failed attempts are on the timeline before the error.
    expect(f.out.join('').match(/ FAILED /g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('--json: a failed job prints its failure, task, attempts and counters (exit 1); result is always there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    writeFileSync(
      join(dir, 'bad.js'),
      "export default {\n  kind: 'mapreduce', input: '/data/sensors.csv', output: '/o',\n  map(o, line, ctx) {\n    null.boom();\n  },\n};\n",
    );
    const f = fakeIo();
    expect(await runCommand(['bad.js', '--json'], { ...f.io, cwd: dir })).toBe(1);
    expect(f.err.join('')).toMatch(/job failed: .*bad\.js:4: TypeError/);
    const j = JSON.parse(f.out.join(''));
    expect(j.result).toBeNull();
    expect(j.simulatedMs).toBeGreaterThan(0);
    expect(j.metrics).toMatchObject({ kind: 'mapreduce', failedAttempts: 4 });
    expect(j.metrics.counterGroups.length).toBeGreaterThan(0);
    expect(j.failure.message).toMatch(/bad\.js:4: TypeError.*\((\S+) failed 4 attempts/);
    expect(j.failure.message).toContain(`(${j.failure.task} failed 4 attempts`);
    expect(j.failure.attempts).toHaveLength(4);
    expect(j.failure.attempts[0]).toMatchObject({ node: expect.any(String), endMs: expect.any(Number) });

    // A Spark driver that returns nothing: `result` is null, not missing.
    writeFileSync(
      join(dir, 'nothing.js'),
      "export default async (sc) => {\n  await sc.textFile('/data/corpus.txt').count();\n};\n",
    );
    const n = fakeIo();
    expect(await runCommand(['nothing.js', '--json'], { ...n.io, cwd: dir })).toBe(0);
    const o = JSON.parse(n.out.join(''));
    expect(Object.keys(o)).toEqual(['result', 'simulatedMs', 'metrics']);
    expect(o.result).toBeNull();

    // A driver that throws before any job is simulated: still one object, its failure and no task.
    writeFileSync(
      join(dir, 'throws.js'),
      "export default async (sc) => {\n  await sc.parallelize([1]).count();\n  throw new Error('no data today');\n};\n",
    );
    const t = fakeIo();
    expect(await runCommand(['throws.js', '--json', '--lang', 'de'], { ...t.io, cwd: dir })).toBe(1);
    expect(t.err.join('')).toMatch(/job failed: .*throws\.js:3: Error: no data today/);
    const thrown = JSON.parse(t.out.join(''));
    expect(thrown).toEqual({
      result: null,
      simulatedMs: null,
      metrics: null,
      failure: { message: expect.stringMatching(/throws\.js:3: Error: no data today/), task: null, attempts: [] },
    });
    // Bad input (exit 2) is not a run: nothing on stdout.
    const bad = fakeIo();
    expect(await runCommand(['missing.js', '--json'], { ...bad.io, cwd: dir })).toBe(2);
    expect(bad.out.join('')).toBe('');
  });

  it('stops an endless loop before the time budget and names its line (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    writeFileSync(
      join(dir, 'loop.js'),
      [
        "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/o',",
        '  map(offset, line, ctx) {',
        '    let n = 0;',
        '    while (true) {',
        '      n++;',
        '    }',
        '  },',
        '};',
        '',
      ].join('\n'),
    );
    const f = fakeIo();
    // 4 s: room for the sandbox processes to start on a loaded machine before the loop runs.
    expect(await runCommand(['loop.js', '--timeout', '4'], { ...f.io, cwd: dir })).toBe(1);
    expect(f.err.join('')).toMatch(
      /job failed: Your loop at loop\.js line 4 has been running for \d(\.\d)? s \(the time limit for your code is 4 s\) — does its condition ever become false\?/,
    );
    // A learner who catches the guard's error inside an outer loop is stopped by the outer loop's guard.
    writeFileSync(
      join(dir, 'caught.js'),
      "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/o',\n  map() {\n    for (;;) { try { for (;;) {} } catch (e) {} }\n  },\n};\n",
    );
    const g = fakeIo();
    expect(await runCommand(['caught.js', '--timeout', '4'], { ...g.io, cwd: dir })).toBe(1);
    // On a loaded machine the time limit may strike before the outer guard reports: either way line 3 is named.
    expect(g.err.join('')).toMatch(
      /Your loop at caught\.js line 3 has been running|Your code was still running at caught\.js line 3 when the time limit/,
    );
  });

  it('stops code that hangs without a loop at the time budget (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    // Catastrophic backtracking: no loop statement for the guard, only the hard budget stops it.
    writeFileSync(
      join(dir, 'regex.js'),
      "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/o', map() { /^(a+)+$/.test('a'.repeat(40) + 'b'); } };\n",
    );
    const f = fakeIo();
    expect(await runCommand(['regex.js', '--timeout', '1'], { ...f.io, cwd: dir })).toBe(1);
    expect(f.err.join('')).toMatch(/time budget \(1 s of wall time\)/);
  });

  it('names the line of endless recursion (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    writeFileSync(
      join(dir, 'deep.js'),
      "const down = (n) =>\n  down(n + 1) + 1;\nexport default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/o', map() { down(0); } };\n",
    );
    const f = fakeIo();
    expect(await runCommand(['deep.js', '--timeout', '20'], { ...f.io, cwd: dir })).toBe(1);
    expect(f.err.join('')).toMatch(
      /deep\.js:[12]: RangeError: Maximum call stack size exceeded: a function keeps calling itself/,
    );
  });

  it('exits 2 for bad usage, a missing input path and an unknown preset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-'));
    writeFileSync(
      join(dir, 'missing.js'),
      "export default { kind: 'mapreduce', input: '/nope/x.csv', output: '/o', map() {} };\n",
    );
    const a = fakeIo();
    expect(await runCommand(['missing.js'], { ...a.io, cwd: dir })).toBe(2);
    expect(a.err.join('')).toMatch(/\/nope\/x\.csv/);
    const b = fakeIo();
    expect(await runCommand(['labs/examples/jobs/iot-daily-average.js', '--cluster', 'huge'], b.io)).toBe(2);
    expect(b.err.join('')).toMatch(/huge/);
    const c = fakeIo();
    expect(await runCommand(['--bogus'], c.io)).toBe(2);
  });

  it('works as a real process', () => {
    const r = spawnSync(
      process.execPath,
      ['scripts/clusterlab.mjs', 'run', 'labs/examples/jobs/word-count-spark.js', '--json'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).result.length).toBeGreaterThan(10);
  });
});
