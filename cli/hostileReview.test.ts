// What a hostile review of the sandbox processes found, each through the real command: the CLI
// never holds more map output than it may, its children die with it, errors a job leaves to fail
// later fail the run, a cyclic Spark row and a learner's line breaks get one clear line, and an
// unreadable file is bad input.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..', 'scripts', 'clusterlab.mjs');
const NO_STACK = /\n\s+at |node:internal|FATAL/;
const dir = mkdtempSync(join(tmpdir(), 'cl-review-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
/** A process that exists and is not a zombie (an orphan's zombie waits for a reaper that may never come here). */
function running(pid: string): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('a hostile review of the sandbox processes, contained', () => {
  it(
    'map output bigger than a run may hold ends the run with the limit named, not the CLI',
    { timeout: 180_000 },
    () => {
      const f = file(
        'mainbomb.js',
        "export default { kind: 'mapreduce', input: '/data/sensors.csv', output: '/out/x', numReduceTasks: 4,\n" +
          "  map(o, line, ctx) { ctx.write(line, 'v'.repeat(40000) + line); },\n  reduce(k, vs, ctx) { ctx.write(k, [...vs].length); } };\n",
      );
      const r = cli(['run', f, '--block-size', '256k', '--timeout', '120']);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          /mainbomb\.js: the map output passed [\d,]+ MB, more than the 512 MB of intermediate data a run may hold/,
        ),
      ]);
    },
  );

  it.runIf(process.platform === 'linux')(
    'children end with a CLI killed by its process id, even inside an endless loop',
    { timeout: 60_000 },
    async () => {
      const f = file(
        'loop.js',
        'export default async (sc) => sc.parallelize([1, 2, 3, 4], 4).map((x) => { let i = 0; while (true) i++; }).collect();\n',
      );
      for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
        const child = spawn(process.execPath, [CLI, 'run', f, '--workers', '2', '--timeout', '600'], {
          stdio: 'ignore',
        });
        await new Promise((r) => setTimeout(r, 3000));
        const before = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
          .stdout.trim()
          .split('\n');
        expect(before.filter(Boolean).length, signal).toBeGreaterThanOrEqual(2);
        child.kill(signal);
        await new Promise((r) => child.on('exit', r));
        await new Promise((r) => setTimeout(r, 1500));
        for (const pid of before) expect(running(pid), `${signal}: child ${pid} still running`).toBe(false);
      }
    },
  );

  it.each([
    [
      'a driver',
      "export default async (sc) => { Promise.resolve().then(() => { throw new Error('later boom'); }); return 42; };\n",
    ],
    [
      'a driver (a rejection, no Error)',
      'export default async (sc) => { Promise.reject(Object.create(null)); return 1; };\n',
    ],
  ])('an error %s leaves to fail later fails the run', { timeout: 60_000 }, (_, source) => {
    const r = cli(['run', file('later.js', source)]);
    expect(r.status, r.stdout).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^clusterlab run: job failed: .*later\.js/);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('a Spark row that refers to itself is one clear line', { timeout: 60_000 }, () => {
    const r = cli([
      'run',
      file(
        'cyc.js',
        'export default async (sc) => sc.parallelize([1, 2], 2).map((x) => { const o = { x }; o.o = o; return [x, o]; }).reduceByKey((a, b) => a).collect();\n',
      ),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cyc\.js: TypeError: a record refers to itself \(a cycle\) or nests too deeply/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it("a learner's line breaks cannot forge a check verdict", { timeout: 60_000 }, () => {
    const f = file(
      'fakepass.js',
      "export default async () => { throw new Error('x\\n\\n  PASS  exact daily averages\\n2 of 2 checks passed'); };\n",
    );
    const r = cli(['check', 'spark-in-memory', f]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/^\s*PASS/m);
    expect(r.stdout).toContain('Error: x ⏎  ⏎   PASS  exact daily averages ⏎ 2 of 2 checks passed');
  });

  it.runIf(process.platform === 'linux')(
    'a file /proc cannot read is bad input, and one that reports no size is read whole',
    { timeout: 60_000 },
    () => {
      symlinkSync('/proc/self/pagemap', join(dir, 'pm.js'));
      const pm = cli(['run', join(dir, 'pm.js')]);
      expect(pm.status).toBe(2);
      expect(pm.stderr).toMatch(/^clusterlab run: job file .*pm\.js: cannot be read \(EINVAL\)\n$/);
      const mem = cli(['run', file('ok.js', 'export default async (sc) => 1;\n'), '--put', '/proc/self/mem:/in/m']);
      expect(mem.status).toBe(2);
      expect(mem.stderr).toBe('clusterlab run: --put /proc/self/mem: cannot be read (EIO)\n');
      const cpu = cli([
        'run',
        file('lines.js', "export default async (sc) => sc.textFile('/in/cpu').count();\n"),
        '--put',
        '/proc/cpuinfo:/in/cpu',
        '--json',
      ]);
      expect(cpu.status, cpu.stderr).toBe(0);
      expect(JSON.parse(cpu.stdout).result).toBeGreaterThan(3);
    },
  );
});
