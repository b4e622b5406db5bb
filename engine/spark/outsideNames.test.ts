import { describe, expect, it } from 'vitest';
import { readsNothingShared } from './fusedMapSide';
import { outsideNames } from './outsideNames';
import { fastSplits } from '../sandbox/compile';

const names = (text: string) => {
  const got = outsideNames(text);
  return got === null ? null : [...got].sort();
};

describe('outsideNames', () => {
  it('finds the names a function reads from outside, not its own or properties', () => {
    expect(names('(l) => l.split(/\\s+/)')).toEqual([]);
    expect(names("(line) => { const [ts, , v] = line.split(','); return [ts.slice(0, 10), [Number(v), 1]]; }")).toEqual(
      ['Number'],
    );
    expect(names('(a, b) => a + b')).toEqual([]);
    expect(names('(w) => ({ word: w, n: 1 })')).toEqual([]);
    expect(names("(l) => tag('A', l)")).toEqual(['tag']);
    expect(names('function (x) { for (const y of x) total(y); return x / 2 / k; }')).toEqual(['k', 'total']);
    expect(names('(x) => x.filter((y) => y > limit)')).toEqual(['limit']);
    expect(names('(x) => "tag(" + x + ") // not code"')).toEqual([]);
    expect(names('(x) => x /* helper(x) */ + 1')).toEqual([]);
    expect(names('(x) => { try { return JSON.parse(x); } catch (e) { return e; } }')).toEqual(['JSON']);
    expect(names('(x) => (x > 0 ? x : fallback)')).toEqual(['fallback']);
  });

  it('does not read what it cannot be sure of', () => {
    expect(names('(x) => `${x}`')).toBeNull();
    expect(names('(x = seed) => x')).toBeNull();
    expect(names('({ a: b }) => b')).toBeNull();
    expect(names('function () { return this; }')).toBeNull();
    expect(names('(x) => { const { a: b } = x; return b; }')).toBeNull();
    expect(names('(x) => "unclosed')).toBeNull();
  });
});

describe('readsNothingShared (pipelining guard)', () => {
  it('passes word count and daily average steps', () => {
    expect(readsNothingShared('(l) => l.split(/\\s+/)')).toBe(true);
    expect(readsNothingShared('(w) => [w, 1]')).toBe(true);
    expect(
      readsNothingShared("(l) => { const [ts, , v] = l.split(','); return [ts.slice(0, 10), [Number(v), 1]]; }"),
    ).toBe(true);
    expect(readsNothingShared('(a, b) => [a[0] + b[0], a[1] + b[1]]')).toBe(true);
  });

  it('passes a split as the compiler writes it (the split helper), and nothing else it calls', () => {
    const compiled = fastSplits('f((l) => l.split(/\\s+/));', 'job.js').replace(/^ ?f\((.*)\);$/, '$1');
    expect(compiled).toContain('__clusterlabSplit(l, "l"');
    expect(readsNothingShared(compiled)).toBe(true);
    expect(readsNothingShared('(l) => __clusterlabLoopGuard(1)')).toBe(false);
  });

  it('refuses helpers from globalThis, RegExp statics, Error settings and property writes', () => {
    expect(readsNothingShared("(l) => tag('A', l)")).toBe(false);
    expect(readsNothingShared('(l) => { next(); return l; }')).toBe(false);
    expect(readsNothingShared('(l) => [l, n]')).toBe(false);
    expect(readsNothingShared('(l) => [RegExp.$1, 1]')).toBe(false);
    expect(readsNothingShared('(l) => { Error.stackTraceLimit = l.length; return l; }')).toBe(false);
    expect(readsNothingShared('(l) => { [].map.n = l; return l; }')).toBe(false);
    expect(readsNothingShared('(acc, v) => { acc[0] += v; return acc; }')).toBe(false);
    expect(readsNothingShared('(l) => { l.count++; return l; }')).toBe(false);
    expect(readsNothingShared('(l) => Math.floor(l)')).toBe(false);
  });
});
