// The Node sandbox runs a job module inside two functions (cli/sandboxWorker.ts, wrapModule) so
// that its global names are read as locals: the module must behave as before, as a script in its
// own realm: its own declarations may reuse a builtin's name, builtins are its realm's, and
// errors keep their line numbers.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const JOB = `const JSON = { tag: 'mine' };
let total = 0;
function twice(v) { return Number(v) * 2; }
export default {
  kind: 'mapreduce', input: '/in.txt', output: '/out', numReduceTasks: 1,
  map(offset, line, ctx) {
    total++;
    if (line === 'boom') throw new Error('boom at line 8');
    ctx.write(JSON.tag, twice(line) + parseFloat('0.5'));
    ctx.write('realm', [Array.isArray([]), [] instanceof Array, typeof globalThis.Number, Map === globalThis.Map].join());
  },
  reduce(key, values, ctx) { ctx.write(key, [...values].join(' ')); },
};
`;

function run(input: string) {
  const dir = mkdtempSync(join(tmpdir(), 'clusterlab-globals-'));
  writeFileSync(join(dir, 'job.js'), JOB);
  writeFileSync(join(dir, 'in.txt'), input);
  return spawnSync(
    process.execPath,
    [join(process.cwd(), 'scripts', 'clusterlab.mjs'), 'run', 'job.js', '--put', 'in.txt:/in.txt', '--json'],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
}

describe('a job module in the Node sandbox', () => {
  it('may declare names of builtins, and sees its realm as a script would', () => {
    const r = run('1\n2\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { result: unknown }).result).toEqual([
      ['mine', '2.5 4.5'],
      ['realm', 'true,true,function,true true,true,function,true'],
    ]);
  });

  it('keeps the line numbers of errors', () => {
    const r = run('1\nboom\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/job\.js:8: Error: boom at line 8/);
  });
});
