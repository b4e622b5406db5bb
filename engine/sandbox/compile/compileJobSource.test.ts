import { describe, expect, it } from 'vitest';
import { createLoopGuard, LOOP_GUARD, RunawayLoopError } from '..';
import { compileJobSource, guardLoops, JobCompileError } from './compileJobSource';

/** Runs compiled code with a guard whose clock moves 100 ms per look; returns the default export. */
function load(code: string, deadlineMs: number | null = 4_000) {
  let t = 0;
  const guard = createLoopGuard({
    fileName: 'job.js',
    now: () => 100 * t++,
    startedAt: 0,
    deadline: deadlineMs,
    limitSeconds: 5,
  });
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'module', LOOP_GUARD, code)(module.exports, module, guard);
  return module.exports.default as Record<string, (...a: unknown[]) => unknown>;
}

describe('loop guards in compiled job code', () => {
  it('puts a guard with the loop line first in every loop body, keeping line numbers', () => {
    const text = [
      'export default {',
      '  f(n: number) {',
      '    let s = 0;',
      '    for (let i = 0; i < n; i++) s += i;',
      '    while (s > 100)',
      '      s -= 7;',
      '    do { s++; } while (s < 3);',
      '    for (const c of "ab") { s += c.length; }',
      '    for (const k in { a: 1 }) s += k.length;',
      "    const note = 'while (true) {}'; // not a loop",
      '    return s + note.length + /for(;;)/.source.length;',
      '  },',
      '};',
    ].join('\n');
    const { code } = compileJobSource(text, 'job.ts');
    const lines = code.split('\n');
    expect(lines).toHaveLength(text.split('\n').length);
    // A guard first in every loop body, and an entry mark (the negative line) before every loop.
    expect(lines[3]).toContain(`{${LOOP_GUARD}(-4);for (let i = 0; i < n; i++) {${LOOP_GUARD}(4);s += i;}}`);
    expect(lines[4]).toContain(`{${LOOP_GUARD}(-5);while (s > 100)`);
    expect(lines[5]).toContain(`{${LOOP_GUARD}(5);s -= 7;}}`);
    expect(lines[6]).toContain(`{${LOOP_GUARD}(-7);do {${LOOP_GUARD}(7); s++; } while (s < 3);}`);
    expect(lines[7]).toContain(`{${LOOP_GUARD}(8); s += c.length; }}`);
    expect(lines[8]).toContain(`{${LOOP_GUARD}(9);s += k.length;}}`);
    expect(lines[9]).toContain(`'while (true) {}'`);
    expect(code.split(`${LOOP_GUARD}(`)).toHaveLength(11);
    // The guarded code computes what the learner wrote.
    const plain = (n: number) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += i;
      while (s > 100) s -= 7;
      do {
        s++;
      } while (s < 3);
      for (const c of 'ab') s += c.length;
      for (const k in { a: 1 }) s += k.length;
      return s + 'while (true) {}'.length + /for(;;)/.source.length;
    };
    expect(load(code, null).f!(20)).toBe(plain(20));
  });

  it('guards nested loops without braces', () => {
    const code = guardLoops('while (a)\n  for (;;) b();\n', 'job.js');
    expect(code).toBe(
      `{${LOOP_GUARD}(-1);while (a)\n  {${LOOP_GUARD}(1);{${LOOP_GUARD}(-2);for (;;) {${LOOP_GUARD}(2);b();}}}}\n`,
    );
  });

  it('marks a labelled loop entry before its labels, so `continue label` still names a loop', () => {
    const code = guardLoops('outer: inner: for (const a of [1, 2]) for (;;) continue outer;\n', 'job.js');
    expect(code.startsWith(`{${LOOP_GUARD}(-1);outer: inner: for`)).toBe(true);
    let calls = 0;
    new Function(LOOP_GUARD, code)(() => calls++);
    expect(calls).toBe(1 + 2 + 2 + 2);
  });

  it('stops an endless loop with its line once the deadline has passed', () => {
    const { code } = compileJobSource(
      [
        'export default {',
        '  spin() {',
        '    let i = 0;',
        '    while (true) {',
        '      i++;',
        '    }',
        '  },',
        '};',
      ].join('\n'),
      'job.js',
    );
    const job = load(code);
    let error: unknown;
    try {
      job.spin!();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunawayLoopError);
    expect((error as Error).message).toMatch(/^Your loop at job\.js line 4 has been running for/);
    expect((error as Error).message).toMatch(/does its condition ever become false\?$/);
  });

  it('reports syntax that sucrase lets through, with its line', () => {
    const bad = 'export default {\n  f() {\n    return 1 +;\n  },\n};\n';
    expect(() => compileJobSource(bad, 'job.js')).toThrow(JobCompileError);
    expect(() => compileJobSource(bad, 'job.js')).toThrow(/^job\.js:3: SyntaxError: /);
  });

  it('lets a TypeScript import used only for its types go, and marks a file that imports kafkajs', () => {
    const typed = compileJobSource(
      "import { Ctx } from './types';\nconst f = (x: Ctx) => x;\nexport default { kind: 'mapreduce', map: f };\n",
      'job.ts',
    );
    expect(typed.modules).toBeUndefined();
    const unused = compileJobSource("import { Kafka } from 'kafkajs';\nexport async function produce() {}\n", 'p.js');
    expect(unused.modules).toEqual(['kafkajs']);
    expect(() => compileJobSource("import fs from 'fs';\nexport default fs.x;\n", 'j.js')).toThrow(
      /j\.js:1: Error: Cannot find module 'fs'/,
    );
  });
});

describe('exported declarations of several names', () => {
  const exportsOf = (text: string) => {
    const module = { exports: {} as Record<string, unknown> };
    const code = compileJobSource(text, 'pack/checks.js').code;
    new Function('exports', 'module', LOOP_GUARD, code)(module.exports, module, () => {});
    return { exports: module.exports, code };
  };

  it('exports every name of `export const a = 1, b = 2` (sucrase alone exported only the first)', () => {
    const { exports } = exportsOf('export const a = 1, b = 2;\nexport let c = 3, d = (x: number) => x + 1;\n');
    expect(Object.keys(exports).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect((exports.d as (x: number) => number)(1)).toBe(2);
  });

  it('keeps the learner’s line numbers when the names are written on several lines', () => {
    const text = 'export const a = 1,\n  b = 2,\n  // a note\n  c = 3;\nconst d = e;\n';
    const { code } = exportsOf('export const a = 1,\n  b = 2,\n  c = 3;\n');
    expect(code.split('\n')).toHaveLength(4);
    expect(() => compileJobSource(text, 'job.js') && exportsOf(text)).toThrow(/e is not defined/);
    const lines = compileJobSource(text, 'job.js').code.split('\n');
    expect(lines[4]).toContain('const d = e');
  });
});
