import { describe, expect, it } from 'vitest';
import { compileJobSource } from './compileJobSource';
import { SPARK_CLOSURE } from './sparkClosures';

/** The compiled code of a job body (inside `export default async (sc) => { ... }`). */
function compiled(body: string, fileName = 'job.js'): string {
  const text = `export default async (sc) => {\n${body}\n};`;
  const { code } = compileJobSource(text, fileName);
  expect(code.split('\n')).toHaveLength(text.split('\n').length); // no line break added
  return code;
}

/** The env object literal of the one wrapped closure in `code` (its `{ get ... }` tail). */
function envOf(code: string): string {
  const m = /, (\{ get [^\n]*\})(, "[^"]*")?\)/.exec(code);
  return m ? m[1]! : '';
}

/** Runs compiled code with a __sparkClosure that calls the closure over a plain snapshot of the env. */
function runSnapshot(code: string): unknown {
  const module = { exports: {} as Record<string, unknown> };
  const closure = (make: (env: object) => unknown, env: Record<string, unknown>) => {
    const copy: Record<string, unknown> = {};
    for (const k of Object.keys(env)) copy[k] = structuredClone(env[k]);
    return make(copy);
  };
  new Function('exports', 'module', SPARK_CLOSURE, '__clusterlabLoopGuard', code)(
    module.exports,
    module,
    closure,
    () => {},
  );
  return module.exports.default;
}

describe('wrapping Spark closures at compile time', () => {
  it('reads and writes captured variables through $env, with live getters and setters for the driver', () => {
    const code = compiled(
      'let n = 0;\nconst seen = [];\nawait sc.parallelize([1]).map((x) => {\n  n += x;\n  seen.push(x);\n  return Math.max(n, x);\n}).count();\nreturn n;',
    );
    expect(code).toContain(`${SPARK_CLOSURE}(($env) => (x) => {`);
    expect(code).toContain('$env.n += x;');
    expect(code).toContain('$env.seen.push(x);');
    expect(code).toContain('return Math.max($env.n, x);'); // a global stays as it is
    expect(envOf(code)).toBe('{ get n() { return n; }, set n($env_v) { n = $env_v; }, get seen() { return seen; } }');
  });

  it('handles shorthand properties, destructuring targets, typeof, calls without this and updates', () => {
    const code = compiled(
      [
        'let n = 1; let m = 2; const f = (a) => a;',
        'const r = sc.parallelize([1]).map((x) => {',
        '  const o = { n, m: m };',
        '  ({ n, m = 5 } = { n: x });',
        '  [n] = [x];',
        '  n++;',
        '  f(typeof n, typeof undefinedGlobal);',
        '  return o;',
        '});',
      ].join('\n'),
    );
    expect(code).toContain('const o = { n: $env.n, m: $env.m };');
    expect(code).toContain('({ n: $env.n, m: $env.m = 5 } = { n: x });');
    expect(code).toContain('[$env.n] = [x];');
    expect(code).toContain('$env.n++;');
    expect(code).toContain('(0, $env.f)(typeof $env.n, typeof undefinedGlobal);');
    expect(envOf(code)).toContain('get f() { return f; } }'); // const: no setter
    expect(envOf(code)).not.toContain('set f(');
  });

  it('leaves names the closure declares itself alone: params, shadowing, nested functions, catch, classes', () => {
    const code = compiled(
      [
        'let n = 0; let k = 3; const base = 10;',
        'sc.parallelize([1]).map(function inner(n, { a = base } = {}, ...rest) {',
        '  { let k = 1; k++; }',
        '  const g = (y = k) => { let base = y; return base + n; };',
        '  try { throw 1; } catch (k) { k++; }',
        '  class C { f = base; m() { return k; } }',
        '  for (const base of [1]) n += base;',
        '  return inner && g(a) + rest.length + new C().f;',
        '});',
      ].join('\n'),
    );
    expect(code).toContain('function inner(n, { a = $env.base } = {}, ...rest)');
    expect(code).toContain('{ let k = 1; k++; }');
    // a nested function is wrapped too, reaching the outer closure's copy through its $env
    expect(code).toContain(
      `const g = ${SPARK_CLOSURE}(($env) => ({ "g": (y = $env.k) => { let base = y; return base + $env.n; } })["g"], { get k() { return $env.k; }, set k($env_v) { $env.k = $env_v; }, get n() { return n; }, set n($env_v) { n = $env_v; } });`,
    );
    expect(code).toContain('catch (k) { k++; }');
    // class members read through the holder made where the closure's body starts
    expect(code).toContain(`const $env_h1 = ${SPARK_CLOSURE}.site($env, ["base","k"]); { let k = 1; k++; }`);
    expect(code).toContain(
      `class C { f = (($env) => ($env.base))(${SPARK_CLOSURE}.env($env_h1)); m() { const $env = ${SPARK_CLOSURE}.env($env_h1); return $env.k; } }`,
    );
    expect(code).toContain('for (const base of [1]) {__clusterlabLoopGuard(8);n += base;}');
    expect(code).toContain(
      '}, { get base() { return base; }, get k() { return k; }, set k($env_v) { k = $env_v; } }));',
    );
  });

  it('wraps every function that captures, wherever it is passed; nested ones reach the outer copy', () => {
    const code = compiled(
      [
        'const t = 2;',
        'const a = sc.parallelize([1]).map((x) => [x].map((y) => y * t));',
        'const p = Promise.resolve(1).then((x) => x * t);',
        'const plain = sc.parallelize([1]).map((x) => x + 1);',
        'const curried = (u) => (v) => u + v + t;',
      ].join('\n'),
    );
    // all it captures comes through the outer function's $env: that object is its env, nothing to make per record
    expect(code).toContain(`[x].map(${SPARK_CLOSURE}(($env) => (y) => y * $env.t, $env, ["t"]))`);
    expect(code).toContain(`.then(${SPARK_CLOSURE}(($env) => (x) => x * $env.t, { get t() { return t; } }))`);
    expect(code).toContain('.map((x) => x + 1)'); // captures nothing: not wrapped
    // closings at one position: the inner function's first
    expect(code).toContain(
      `const curried = ${SPARK_CLOSURE}(($env) => ({ "curried": (u) => ${SPARK_CLOSURE}(($env) => (v) => $env.u + v + $env.t, { get u() { return u; }, set u($env_v) { u = $env_v; }, get t() { return $env.t; } }) })["curried"], { get t() { return t; } });`,
    );
  });

  it('picks an environment name the job does not use, and compiles TypeScript and async closures', () => {
    const code = compiled(
      'const $env = 1; let n: number = 0;\nawait sc.parallelize<number>([1]).map(async (x: number): Promise<number> => x + n + $env).count();',
      'job.ts',
    );
    expect(code).toContain(`${SPARK_CLOSURE}(($env1) => async (x) => x + $env1.n + $env1.$env,`);
  });

  it('runs: a closure called over its snapshot leaves the driver variables as they were', async () => {
    const code = compiled(
      'let n = 0; const seen = [];\nconst f = [1, 2, 3].filter((x) => { n += x; seen.push(x); return true; });\nreturn [n, seen.length, f.length];',
    );
    const job = runSnapshot(code) as (sc: unknown) => Promise<unknown>;
    await expect(job({})).resolves.toEqual([0, 0, 3]);
  });

  it('keeps declarations hoisted and class members as they are: their body reads a holder made where their block starts', () => {
    const code = compiled(
      [
        'let counter = 0; const seen = [];',
        'early(1);',
        'function early(x) { counter += x; }',
        'function incrementCounter(x) {',
        '  counter += x;',
        '}',
        'const unused = (x) => seen.push(x);',
        'const ops = { add(x) { counter += x; }, get size() { return seen.length; }, __proto__(x) { return counter; } };',
        'class Tally { #n = 0; total = counter; bump() { this.#n++; return seen; } }',
      ].join('\n'),
    );
    expect(code).toContain(
      `{\nconst $env_h1 = ${SPARK_CLOSURE}.site({ get counter() { return counter; }, set counter($env_v) { counter = $env_v; }, get seen() { return seen; } }); let counter = 0;`,
    );
    expect(code).toContain(`function early(x) { const $env = ${SPARK_CLOSURE}.env($env_h1); $env.counter += x; }`);
    expect(code).toContain(
      `function incrementCounter(x) {\n  const $env = ${SPARK_CLOSURE}.env($env_h1); $env.counter += x;\n}`,
    );
    expect(code).toContain(
      `const unused = ${SPARK_CLOSURE}(($env) => ({ "unused": (x) => $env.seen.push(x) })["unused"], { get seen() { return seen; } });`,
    );
    expect(code).toContain(`{ add: ${SPARK_CLOSURE}(($env) => ({ add(x) { $env.counter += x; } })["add"], {`);
    expect(code).toContain(`get size() { const $env = ${SPARK_CLOSURE}.env($env_h1); return $env.seen.length; }`);
    expect(code).toContain(`["__proto__"]: ${SPARK_CLOSURE}(($env) => ({ __proto__(x) {`);
    expect(code).toContain(
      `class Tally {static { ${SPARK_CLOSURE}.privateFields(this, 10, ["#n"]); } #n = 0; total = (($env) => ($env.counter))(`,
    );
  });

  it('turns f.bind(o, ...) into __sparkClosure.bind(f, o, ...), keeping lines', () => {
    const code = compiled('const o = { t: 0 };\nconst f = (function () { return this; })\n  .bind(o, 1);\nf.bind();');
    expect(code).toContain(`const f = ${SPARK_CLOSURE}.bind((function () { return this; })\n  , o, 1);\nf.bind();`);
  });

  it('gives an arrow whose body is an expression a block for the holder of the accessors in it', () => {
    const code = compiled('const wrap = (list) =>\n  ({\n    get size() { return list.length; },\n  });');
    expect(code).toContain(
      `const wrap = (list) =>{const $env_h1 = ${SPARK_CLOSURE}.site({ get list() { return list; }, set list($env_v) { list = $env_v; } }); return (\n  ({\n    get size() { const $env = ${SPARK_CLOSURE}.env($env_h1); return $env.list.length; },\n  }));};`,
    );
  });
});
