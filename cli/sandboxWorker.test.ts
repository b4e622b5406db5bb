// Learners' code must not reach Node: every known way from the objects it is handed to a
// code-compiling constructor (and so to `process`) must fail inside the sandbox worker. (A dynamic
// import() is compiled by sucrase to require(), which gives 'kafkajs' in a streaming run and
// throws for any other name.)
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ESCAPES = `export default {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/escape', numReduceTasks: 1,
  map(offset, line, ctx) {
    if (offset !== 0) return;
    const probes = {
      ctxWrite: () => ctx.write.constructor('return process')(),
      console: () => console.log.constructor('return process')(),
      innerFunction: () => ({}).constructor.constructor('return process')(),
      evalCall: () => eval('typeof process'),
      asyncFunction: () => Object.getPrototypeOf(async function () {}).constructor('return process')(),
      loopGuard: () => __clusterlabLoopGuard.constructor('return process')(),
      splitHelper: () => __clusterlabSplit.constructor('return process')(),
      requireNode: () => require(['child', 'process'].join('_')),
      requireKafka: () => require('kafkajs'),
      requireConstructor: () => require.constructor('return process')(),
      globals: () => [typeof process, typeof require, typeof fetch, typeof setTimeout].join(','),
      // What could call back after the task's run ended, into a later run of this worker.
      callsBackLater: () =>
        [typeof Atomics.waitAsync, typeof FinalizationRegistry, typeof WebAssembly, typeof Atomics.wait].join(','),
    };
    for (const [name, probe] of Object.entries(probes)) {
      let outcome;
      try {
        const value = probe();
        outcome = typeof value === 'object' && value !== null ? 'object' : String(value);
      } catch (e) {
        outcome = 'blocked';
      }
      ctx.write(name, outcome);
    }
  },
  reduce(key, values, ctx) { ctx.write(key, [...values][0]); },
};
`;

/** Runs a job file's text with `clusterlab run --json`; its result as an object. */
function runJobText(text: string): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'clusterlab-escape-'));
  const job = join(dir, 'escape.js');
  writeFileSync(job, text);
  const run = spawnSync(process.execPath, [join(process.cwd(), 'scripts', 'clusterlab.mjs'), 'run', job, '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.stderr).toBe('');
  return Object.fromEntries((JSON.parse(run.stdout) as { result: [string, unknown][] }).result);
}

/** `x.split(/re/)` in the job's own realm: that realm's errors and String.prototype.split, as written. */
const SPLITS = `export default {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/split', numReduceTasks: 1,
  map(offset, line, ctx) {
    if (offset !== 0) return;
    const thrown = (f) => { try { f(); return 'none'; } catch (e) { return (e instanceof TypeError) + ' ' + e.message; } };
    ctx.write('null', thrown(() => null.split(/x/)));
    ctx.write('missing', thrown(() => ({ a: 1 }).a.split(/x/)));
    ctx.write('array', 'a1b2c'.split(/\\d/, 2) instanceof Array);
    ctx.write('captures', 'a1b22c'.split(/(\\d)+/));
    const own = String.prototype.split;
    String.prototype.split = function () { return ['mine']; };
    ctx.write('replaced', 'a b'.split(/ /));
    String.prototype.split = own;
  },
  reduce(key, values, ctx) { ctx.write(key, [...values][0]); },
};
`;

describe('the Node sandbox', () => {
  it('runs x.split(/re/) in the job’s realm as written', () => {
    expect(runJobText(SPLITS)).toEqual({
      null: "true Cannot read properties of null (reading 'split')",
      missing: 'true ({ a: 1 }).a.split is not a function',
      array: true,
      captures: ['a', '1', 'b', '2', 'c'],
      replaced: ['mine'],
    });
  });

  it('keeps learner code away from process, require and eval', () => {
    const result = runJobText(ESCAPES);
    expect(result).toEqual({
      ctxWrite: 'blocked',
      console: 'blocked',
      innerFunction: 'blocked',
      evalCall: 'blocked',
      asyncFunction: 'blocked',
      loopGuard: 'blocked',
      splitHelper: 'blocked',
      requireNode: 'blocked',
      requireKafka: 'blocked',
      requireConstructor: 'blocked',
      globals: 'undefined,function,undefined,undefined',
      callsBackLater: 'undefined,undefined,undefined,function',
    });
  });
});

/** Module-level state, as a careless learner keeps it: each task must start from the module's top level. */
const MODULE_STATE = `let seen = 0;
let seq = 0;
console.log('top level runs');
export default {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/state', numReduceTasks: 4,
  map(offset, line, ctx) {
    ctx.write(seen++ === 0 ? 'first record of a map task' : 'later record', 1);
  },
  combine(key, values, ctx) { let s = 0; for (const v of values) s += v; ctx.write(key, s); },
  reduce(key, values, ctx) { let s = 0; for (const v of values) s += v; ctx.write(key, [s, seq++]); },
};
`;

describe('a MapReduce task in the Node sandbox', () => {
  it('starts from the module’s top level, as a task attempt in a JVM of its own: the same answer every run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clusterlab-state-'));
    const job = join(dir, 'state.js');
    writeFileSync(job, MODULE_STATE);
    const runs = [1, 2].map(() =>
      spawnSync(
        process.execPath,
        [join(process.cwd(), 'scripts', 'clusterlab.mjs'), 'run', job, '--json', '--block-size', '16k'],
        { encoding: 'utf8', timeout: 120_000 },
      ),
    );
    // The top level printed once, at load: the tasks' own runs of it are silent.
    expect(runs[0]!.stderr).toBe('top level runs\n');
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    const out = JSON.parse(runs[0]!.stdout) as {
      result: [string, [number, number]][];
      metrics: { counters: { TOTAL_LAUNCHED_MAPS: number } };
    };
    const result = Object.fromEntries(out.result);
    const maps = out.metrics.counters.TOTAL_LAUNCHED_MAPS;
    expect(maps).toBeGreaterThan(4);
    // One first record per map task, however the tasks shared the sandbox's processes.
    expect(result['first record of a map task']![0]).toBe(maps);
    // Each reduce task numbers its keys from 0: two keys, so at most one of them got 1.
    expect(Object.values(result).every(([, n]) => n === 0 || n === 1)).toBe(true);
  });
});
