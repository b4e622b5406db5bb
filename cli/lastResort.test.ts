// The CLI's last line of defence: whatever escapes a command (a thrown non-Error, a Proxy that
// throws, an unhandled rejection, an uncaught exception) ends as one line without a Node stack
// and exit code 1; the stack shows only with CLUSTERLAB_DEBUG=1.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeError, internalError, main } from './main';
import { showValue } from './runReport';

const dir = mkdtempSync(join(tmpdir(), 'clusterlab-last-resort-'));
const NO_STACK = /^\s+at |node:internal|triggerUncaughtException|\.mjs:\d+/m;

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: process.cwd() }, out, err };
}

describe('the CLI last line of defence', () => {
  it('turns any thrown thing into one line without a stack, exit 1', () => {
    const hostile: unknown[] = [
      new Error('boom\n    at somewhere (file.js:1:1)'),
      Object.create(null),
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap');
          },
        },
      ),
      Symbol('s'),
      10n,
      null,
      'x'.repeat(10_000),
    ];
    for (const error of hostile) {
      const f = fakeIo();
      expect(internalError(f.io, error, {})).toBe(1);
      expect(f.err).toHaveLength(1);
      expect(f.err[0]).toMatch(/^clusterlab: internal error: .+ \(please report this\)\n$/);
      expect(f.err[0]).not.toMatch(NO_STACK);
      expect(f.err[0]!.length).toBeLessThan(600);
    }
    expect(describeError(new TypeError('bad'))).toBe('TypeError: bad');
  });

  it('shows the stack with CLUSTERLAB_DEBUG=1 only', () => {
    const f = fakeIo();
    internalError(f.io, new Error('boom'), { CLUSTERLAB_DEBUG: '1' });
    expect(f.err.join('')).toMatch(/\n\s+at /);
  });

  it('formats results that are not JSON without throwing', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(showValue(10n)).toBe('"10"');
    // JSON writes them as null, which read as a missing key in a sorted Spark result.
    expect(showValue([Number.NaN, 'n'])).toBe('[NaN,"n"]');
    expect(showValue({ lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY })).toBe(
      '{"lo":-Infinity,"hi":Infinity}',
    );
    expect(showValue('\u0000\u0001NaN\u0000\u0001x')).toBe('"\\u0000\\u0001NaN\\u0000\\u0001x"');
    expect(showValue(cyclic)).toBe('(a value that cannot be shown as JSON)');
    expect(showValue('y'.repeat(2000))).toMatch(/… \(1002 more characters\)$/);
  });

  it("keeps a failed job's exit code 1 when the reader closed the pipe early (`| head`), without an error", async () => {
    const file = join(dir, 'map-throws.js');
    writeFileSync(
      file,
      "export default {\n  kind: 'mapreduce',\n  input: '/data/sensors.csv',\n  output: '/out/x',\n  map(offset, line, ctx) {\n    if (offset > 1000) throw new Error('boom');\n    ctx.write('a', 1);\n  },\n  reduce(k, vs, ctx) {\n    ctx.write(k, 1);\n  },\n};\n",
    );
    const child = spawn(process.execPath, ['scripts/clusterlab.mjs', 'run', file, '--timeout', '20'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CLUSTERLAB_DEBUG: '' },
    });
    // The reader is gone before the report is written: every write of it fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/internal error/);
    expect(stderr).not.toMatch(NO_STACK);
  }, 60_000);

  it('the real command: one line and exit 1 for a returned RDD, no Node stack', () => {
    const file = join(dir, 'returns-rdd.js');
    writeFileSync(file, 'export default async (sc) => {\nreturn sc.parallelize([1]);\n};\n');
    const r = spawnSync(process.execPath, ['scripts/clusterlab.mjs', 'run', file, '--timeout', '20'], {
      encoding: 'utf8',
      env: { ...process.env, CLUSTERLAB_DEBUG: '' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `clusterlab run: job failed: ${file}: the driver returned an RDD (its lineage starts at line 2) — did you mean \`await rdd.collect()\`?`,
    ]);
  }, 60_000);

  it('process-level handlers: an unhandled rejection or uncaught exception is one line, exit 1', async () => {
    // @ts-expect-error: plain ESM build script without type declarations
    const { buildCli } = (await import('../scripts/buildCli.mjs')) as { buildCli: () => Promise<{ mainFile: string }> };
    const { mainFile } = await buildCli();
    const url = JSON.stringify(mainFile); // a file: URL
    for (const escape of [
      `Promise.reject(Object.create(null));`,
      `setTimeout(() => { throw new Error('late\\n    at x (y.js:1:1)'); }, 0);`,
    ]) {
      const r = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', `const m = await import(${url}); m.installLastResort(); ${escape}`],
        { encoding: 'utf8', env: { ...process.env, CLUSTERLAB_DEBUG: '' } },
      );
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^clusterlab: internal error: .* \(please report this\)\n$/);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  }, 60_000);

  it('exits 2 for a missing job file, with one line', async () => {
    const f = fakeIo();
    expect(await main(['run', join(dir, 'nope.js')], f.io)).toBe(2);
    expect(f.err.join('').trimEnd().split('\n')).toHaveLength(1);
  });
});
