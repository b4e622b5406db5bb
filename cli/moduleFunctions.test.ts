// A module of functions (a lab pack's checks and data generators) runs in the same sandbox as a
// learner's job: its functions are called by name with plain data, their results come back as
// plain data, and an endless loop, a throw or a non-data result fails the call with its file and
// line, never the host. Both the in-process runner and the CLI's child processes are tried.
import { afterAll, describe, expect, it } from 'vitest';
import { compileJobSource } from '../engine/sandbox/compile';
import { createFunctionRunner, type SandboxPoolCore } from '../engine/sandbox';
import { createNodeSandboxPool } from './sandboxPool';

const CHECKS = `
export function lines(run) {
  const n = run.output.split('\\n').filter(Boolean).length;
  return { pass: n === run.expected, reason: n + ' lines' };
}
export async function later(run) { return { pass: true, reason: 'awaited ' + run.expected }; }
export function boom() { throw new Error('no output'); }
export function notData() { return { f: () => 1 }; }
export function endless() { for (;;) {} }
export function escape() {
  let fs = 'blocked';
  try { fs = typeof require(['f', 's'].join('')); } catch {}
  return [typeof process, typeof fetch, fs].join(',');
}
export const notAFunction = 3;
`;

async function callAll(runner: SandboxPoolCore) {
  const shape = await runner.load(compileJobSource(CHECKS, 'pack/checks.js'), { module: true });
  const ok = await runner.callFunction('lines', { output: 'a\nb\n', expected: 2 });
  const awaited = await runner.callFunction('later', { expected: 7 });
  const thrown = await runner.callFunction('boom', {}).catch((e: Error) => e.message);
  const notData = await runner.callFunction('notData', {}).catch((e: Error) => e.message);
  const missing = await runner.callFunction('notAFunction', {}).catch((e: Error) => e.message);
  const escape = await runner.callFunction('escape', {});
  runner.endRun();
  return { shape, ok, awaited, thrown, notData, missing, escape };
}

describe('a module of functions in the sandbox', () => {
  it('calls exported functions by name in process', async () => {
    const r = await callAll(createFunctionRunner());
    expect(r.shape).toEqual({ kind: 'module', functions: ['boom', 'endless', 'escape', 'later', 'lines', 'notData'] });
    expect(r.ok).toEqual({ pass: true, reason: '2 lines' });
    expect(r.awaited).toEqual({ pass: true, reason: 'awaited 7' });
    expect(r.thrown).toMatch(/no output/);
    expect(r.notData).toMatch(/notData\(\)'s result holds, at result\.f, a function/);
    expect(r.missing).toMatch(/pack\/checks\.js: exports no function 'notAFunction' \(it exports boom, endless/);
  });

  describe('in the CLI child processes', () => {
    let pool: SandboxPoolCore | null = null;
    afterAll(() => pool?.close());

    it('gives the same answers and no Node to the module', async () => {
      pool = await createNodeSandboxPool({ size: 1, timeoutSeconds: 20, log: () => {} });
      const r = await callAll(pool);
      expect(r.ok).toEqual({ pass: true, reason: '2 lines' });
      expect(r.thrown).toMatch(/pack\/checks\.js.*no output|no output/);
      expect(r.escape).toBe('undefined,undefined,blocked');
    });

    it('stops an endless function at its line and the next run works', async () => {
      pool = pool ?? (await createNodeSandboxPool({ size: 1, timeoutSeconds: 20, log: () => {} }));
      pool.timeoutSeconds = 1;
      await pool.load(compileJobSource(CHECKS, 'pack/checks.js'), { module: true });
      const endless = await pool.callFunction('endless', {}).catch((e: Error) => e.message);
      pool.endRun();
      expect(endless).toMatch(/pack\/checks\.js line 9/);
      pool.timeoutSeconds = 20;
      await pool.load(compileJobSource(CHECKS, 'pack/checks.js'), { module: true });
      expect(await pool.callFunction('lines', { output: 'x', expected: 1 })).toEqual({ pass: true, reason: '1 lines' });
      pool.endRun();
    }, 30_000);
  });
});
