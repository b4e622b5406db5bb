// The compiler's split rewrite: which calls it takes, that every line keeps its number, and that
// the rewritten code computes what the learner's code computes, in the same order.
import { describe, expect, it } from 'vitest';
import { fastSplits } from './fastSplits';
import { SPLIT_CALL, createSplitCall } from '../regexpSplit';

/** Runs `code` (a function body returning a value) with the helper bound, as the sandbox does. */
function run(code: string): unknown {
  return new Function(SPLIT_CALL, code)(createSplitCall()) as unknown;
}

describe('fastSplits', () => {
  it('rewrites a split with a regular expression literal, and nothing else', () => {
    expect(fastSplits('line.split(/\\s+/);', 'j.js')).toBe(` ${SPLIT_CALL}(line, "line", "/\\\\s+/")(/\\s+/);`);
    for (const kept of [
      "line.split(',');",
      'line.split(re);',
      'line?.split(/x/);',
      'line.split?.(/x/);',
      'a?.b.split(/x/);',
      'a?.[0].split(/x/);',
      'a?.().split(/x/);',
      'line?.trim().split(/\\s+/);',
      "line['split'](/x/);",
      'line.split(...[/x/]);',
      'line.splits(/x/);',
      'split(/x/);',
      'class A extends B { m() { return super.split(/x/); } }',
    ])
      expect(fastSplits(kept, 'j.js')).toBe(kept);
  });

  it('keeps every line where it was, through receivers over several lines and comments', () => {
    const code = [
      'const a = text',
      '  // the words',
      '  .split(/\\s+/);',
      'const b = (x || y) /* c */ .',
      '  split(/,/, 2); throw new Error(String(a.length + b.length));',
    ].join('\n');
    const out = fastSplits(code, 'j.js');
    expect(out.split('\n')).toHaveLength(code.split('\n').length);
    expect(out.split('\n')[4]).toContain('throw new Error');
    expect(out).toContain(`${SPLIT_CALL}((x || y) /* c */ , "x || y", "/,/")`);
    for (const breaks of ['\r', '\r\n', '\u2028', '\u2029']) {
      const text = `const a = s.${breaks}split(/x/);\nthrow 1;`;
      const lines = (t: string) => t.split(/\r\n|[\r\n\u2028\u2029]/).length;
      expect(lines(fastSplits(text, 'j.js'))).toBe(lines(text));
    }
  });

  it('computes what the learner’s code computes', () => {
    const cases = [
      "return 'a b  c'.split(/\\s+/);",
      "const s = 'x1y22z'; return s.split(/(\\d)+/, 3);",
      "return ['a,b', 'c'].map((l) => l.split(/,/).length);",
      "return 'a-b'.split(/-/)[1].split(/(?:)/);",
      "return ('a' + 'b' + 'a').split(/b/);",
      'return { split: (...a) => a.length }.split(/x/, 1, 2);',
      "return new String('a.b').split(/\\./);",
      "const words = ['x'];\n return words\n  .split(/x/);",
      // Right after a keyword, with no space between.
      "return(('a-b')).split(/-/);",
      "return'a-b'.split(/-/);",
      'return`a-b`.split(/-/);',
      "return typeof('a-b').split(/-/);",
      "const out = []; for (const w of('a b').split(/ /)) out.push(w); return out;",
      "switch (1) { case('a'.split(/x/)).length: return 'case'; } return 'none';",
      "function* g() { yield('a-b').split(/-/); } return [...g()];",
      // Optional chains keep their short-circuit.
      'const a = null; return a?.b.split(/x/);',
      "const a = { b: 'x-y' }; return a?.b.split(/-/);",
      "const a = null; return a?.[0].split(/x/) ?? 'none';",
      'const a = undefined; return a?.().split(/x/);',
    ];
    for (const code of cases) {
      let expected: unknown;
      let error: unknown = null;
      try {
        expected = run(code);
      } catch (e) {
        error = e;
      }
      if (error === null) expect(run(fastSplits(code, 'j.js'))).toEqual(expected);
      else expect(() => run(fastSplits(code, 'j.js'))).toThrow(/words.split is not a function/);
    }
  });

  it('evaluates the arguments before a split that is not a function fails, as the call does', () => {
    const code = `
      const log = [];
      try { ({}).split(/x/, log.push('argument')); } catch (e) { log.push(e.constructor.name); }
      try { ({}).split(/x/, (() => { throw new RangeError('arg'); })()); } catch (e) { log.push(e.constructor.name); }
      return log;`;
    expect(run(code)).toEqual(['argument', 'TypeError', 'RangeError']);
    expect(run(fastSplits(code, 'j.js'))).toEqual(['argument', 'TypeError', 'RangeError']);
  });

  it('reads the receiver, then its split, then the arguments, as the call does', () => {
    const code = `
      const order = [];
      const o = { get split() { order.push('split'); return (...a) => a; } };
      const recv = () => (order.push('receiver'), o);
      const arg = () => (order.push('argument'), 1);
      recv().split(/x/, arg());
      return order;`;
    expect(run(fastSplits(code, 'j.js'))).toEqual(['receiver', 'split', 'argument']);
    expect(run(code)).toEqual(['receiver', 'split', 'argument']);
  });
});
