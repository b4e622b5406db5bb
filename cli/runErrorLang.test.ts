/**
 * `--lang de` words a run's error in German on the command line as the app's error box does
 * (labs/runErrorText.ts): `run`'s "job failed" line (a job that throws, one stopped at the time
 * limit), `check`'s "Der Lauf ist gescheitert" and `grade`'s table. English stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCommand } from './runCommand';
import { checkCommand } from './checkCommand';
import { gradeCommand } from './gradeCommand';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cl-run-error-lang-'));
/** reduce reads values.length: ClusterLab's own error, which the German lab text promises. */
const ITERABLE = (input: string) =>
  `export default { kind: 'mapreduce', input: '${input}', output: '/out/t',\n  map(o, line, ctx) { ctx.write('k', 1); },\n  reduce(k, values, ctx) { ctx.write(k, values.length); } };\n`;
const ENDLESS = (input: string) =>
  `export default { kind: 'mapreduce', input: '${input}', output: '/out/m',\n  map(o, line, ctx) { while (true) {} },\n  reduce(k, v, ctx) {} };\n`;
writeFileSync(join(dir, 'w.txt'), 'a\nb\nc\n');
writeFileSync(join(dir, 'iterable.js'), ITERABLE('/in/w.txt'));
writeFileSync(join(dir, 'endless.js'), ENDLESS('/in/w.txt'));
writeFileSync(join(dir, 'chain-iterable.js'), ITERABLE('/data/graph.txt'));

/** English words none of the German messages keep (code such as `values.length` aside). */
const ENGLISH = /\b(the|given|are|not|failed|attempts?|copy|first|with|loop|still|running)\b/;
const CODE = /const list = \[\.\.\.values\]|for \(const v of values\)|values\.length|clusterlab run: job failed/g;

describe('a run error with --lang de', () => {
  it('run prints a job that threw in German (the real command), and English as before', () => {
    const cli = (...lang: string[]) =>
      spawnSync(
        process.execPath,
        [
          'scripts/clusterlab.mjs',
          'run',
          join(dir, 'iterable.js'),
          '--put',
          `${join(dir, 'w.txt')}:/in/w.txt`,
          ...lang,
        ],
        { encoding: 'utf8' },
      );
    const en = cli();
    expect(en.status).toBe(1);
    expect(en.stderr).toMatch(
      /^clusterlab run: job failed: .*iterable\.js:\d+: .*are an Iterable, as in Hadoop .* not an array/m,
    );
    expect(en.stderr).toMatch(/\(task_\S+ failed 4 attempts, on n\d+/);
    expect(cli('--lang', 'en').stderr).toBe(en.stderr);
    const de = cli('--lang', 'de');
    expect(de.status).toBe(1);
    expect(de.stdout).toBe(en.stdout); // the report stays English, as Hadoop prints it
    const line = de.stderr.split('\n').find((l) => l.startsWith('clusterlab run: job failed: '))!;
    expect(line).toContain(
      'sind ein Iterable wie in Hadoop (reduce(key, Iterable<VALUEIN> values, context)), kein Array',
    );
    expect(line).toMatch(/\(task_\S+ scheiterte in 4 Versuchen, auf n\d+(, n\d+){3}\)$/);
    expect(line.replace(CODE, '').replace(/\S+iterable\.js:\d+: TypeError/, '')).not.toMatch(ENGLISH);
    expect(de.stderr).not.toMatch(/\n\s+at /); // no stack
  }, 120_000);

  it('run prints the time limit running out in German, --lang=de and --json too', async () => {
    const put = ['--put', 'w.txt:/in/w.txt', '--timeout', '1'];
    const de = fakeIo(dir);
    expect(await runCommand(['endless.js', ...put, '--lang=de'], de.io)).toBe(1);
    const line = de.err
      .join('')
      .split('\n')
      .find((l) => l.startsWith('clusterlab run: job failed: '))!;
    expect(line).toMatch(
      /^clusterlab run: job failed: (Deine Schleife in endless\.js Zeile \d+|Dein Code lief noch in endless\.js Zeile \d+|Der Job hat sein Zeitbudget \(1 s echte Zeit\))/,
    );
    expect(line).toMatch(/Zeitlimit/);
    expect(line).not.toMatch(/Your|time budget|time limit|raise|still/);
    const en = fakeIo(dir);
    expect(await runCommand(['endless.js', ...put], en.io)).toBe(1);
    expect(en.err.join('')).toMatch(
      /clusterlab run: job failed: (Your loop at endless\.js line \d+|Your code was still running at endless\.js line \d+|the job ran out of its time budget).* time limit/,
    );
    // A failure's JSON carries the message in --lang too.
    const json = fakeIo(dir);
    expect(await runCommand(['iterable.js', '--put', 'w.txt:/in/w.txt', '--json', '--lang', 'de'], json.io)).toBe(1);
    const failure = (JSON.parse(json.out.join('')) as { failure: { message: string } }).failure;
    expect(failure.message).toMatch(/kein Array .*scheiterte in 4 Versuchen/);
  }, 120_000);

  it('check says the run failed in German, on the screen and in its JSON', async () => {
    const argv = ['mapreduce-chaining', 'chain-iterable.js', '--step', '1'];
    const de = fakeIo(dir);
    expect(await checkCommand([...argv, '--lang', 'de'], de.io)).toBe(1);
    const out = de.out.join('');
    expect(out).toMatch(
      /\n {2}Der Lauf ist gescheitert: chain-iterable\.js:\d+: TypeError: values\.length: die Werte, die reduce bekommt, sind ein Iterable wie in Hadoop .*, kein Array/,
    );
    expect(out).toMatch(/scheiterte in 4 Versuchen, auf n\d+/);
    expect(out).not.toMatch(/not an array|failed \d+ attempts/);
    const en = fakeIo(dir);
    expect(await checkCommand(argv, en.io)).toBe(1);
    expect(en.out.join('')).toMatch(/\n {2}The run failed: chain-iterable\.js:\d+: .*not an array .*failed 4 attempts/);
    const json = fakeIo(dir);
    expect(await checkCommand([...argv, '--json', '--lang', 'de'], json.io)).toBe(1);
    expect((JSON.parse(json.out.join('')) as { error: { message: string } }).error.message).toMatch(/kein Array/);
    expect(json.err.join('')).toMatch(/^clusterlab check: the run failed: .*kein Array/);
  }, 120_000);

  it('grade writes a step’s failed run in German in the table, without the machine’s seconds', async () => {
    const folder = join(dir, 'class');
    mkdirSync(join(folder, 'Lou Loops'), { recursive: true });
    writeFileSync(join(folder, 'Lou Loops', 'mapreduce-chaining.step1.js'), ITERABLE('/data/graph.txt'));
    writeFileSync(join(folder, 'Lou Loops', 'mapreduce-chaining.step2.js'), ENDLESS('/data/graph.txt'));
    const rows = async (...lang: string[]) => {
      const f = fakeIo(dir);
      expect(await gradeCommand([folder, '--out', `grades${lang.join('')}`, '--timeout', '2', ...lang], f.io)).toBe(0);
      const table = JSON.parse(readFileSync(join(dir, `grades${lang.join('')}.json`), 'utf8')) as {
        rows: { step: number; status: string; reason: string }[];
      };
      return table.rows.map((r) => [r.step, r.status, r.reason]);
    };
    const all = await rows('--lang', 'de');
    const de = all.filter(([step]) => step === 1 || step === 2);
    // The table's own reasons too: a step not handed in.
    const missing = all.filter(([, status]) => status === 'missing');
    expect(missing.length).toBeGreaterThan(0);
    for (const [, , reason] of missing) expect(reason).toBe('nicht abgegeben');
    expect(de[0]).toEqual([
      1,
      'error',
      expect.stringMatching(/sind ein Iterable wie in Hadoop .*, kein Array.*scheiterte in 4 Versuchen/),
    ]);
    expect(de[1]).toEqual([
      2,
      'error',
      expect.stringMatching(/^(Deine Schleife in|Dein Code lief noch in) mapreduce-chaining\.step2\.js Zeile \d+ /),
    ]);
    expect(String(de[1]![2])).not.toMatch(/läuft schon seit|\d,\d+ s \(/);
    const allEn = await rows();
    const en = allEn.filter(([step]) => step === 1 || step === 2);
    for (const [, status, reason] of allEn) if (status === 'missing') expect(reason).toBe('not handed in');
    expect(en[0]![2]).toMatch(/not an array/);
    expect(en[1]![2]).toMatch(/^Your (loop at|code was still running at) mapreduce-chaining\.step2\.js line \d+ /);
  }, 180_000);
});
