import { describe, expect, it } from 'vitest';
import { componentRegExp, expandBraces, GlobSyntaxError, hasGlob, unescapeComponent } from './hadoopGlob';

const matches = (component: string, name: string) => componentRegExp(component, component).test(name);

describe("Hadoop's glob syntax (GlobPattern, GlobExpander)", () => {
  it('tells a glob from a plain path, escapes included', () => {
    expect(hasGlob('/out/part-*')).toBe(true);
    expect(hasGlob('/logs/2024-0?')).toBe(true);
    expect(hasGlob('/a/[ab]')).toBe(true);
    expect(hasGlob('/a/{x,y}')).toBe(true);
    expect(hasGlob('/data/sensors.csv')).toBe(false);
    expect(hasGlob('/a/b\\*')).toBe(false);
  });

  it('matches *, ?, sets, ranges and negated sets within one component', () => {
    expect(matches('part-*', 'part-00001')).toBe(true);
    expect(matches('part-*', 'part-')).toBe(true);
    expect(matches('part-*', '_SUCCESS')).toBe(false);
    expect(matches('2024-0?', '2024-01')).toBe(true);
    expect(matches('2024-0?', '2024-010')).toBe(false);
    expect(matches('[abc].txt', 'b.txt')).toBe(true);
    expect(matches('[abc].txt', 'd.txt')).toBe(false);
    expect(matches('[a-c]x', 'cx')).toBe(true);
    expect(matches('[a-c]x', 'dx')).toBe(false);
    expect(matches('[^a]x', 'ax')).toBe(false);
    expect(matches('[^a]x', 'bx')).toBe(true);
    expect(matches('[!a]x', 'bx')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
    expect(matches('a\\*b', 'a*b')).toBe(true);
    expect(matches('a\\*b', 'axb')).toBe(false);
    expect(matches('(x)+', '(x)+')).toBe(true);
  });

  it('expands {a,b}, nested and across /, in order', () => {
    expect(expandBraces('/x/{a,b}.txt')).toEqual(['/x/a.txt', '/x/b.txt']);
    expect(expandBraces('/x/{a,b{1,2}}')).toEqual(['/x/a', '/x/b1', '/x/b2']);
    expect(expandBraces('/logs/{2024/01,2023/12}/*')).toEqual(['/logs/2024/01/*', '/logs/2023/12/*']);
    expect(expandBraces('/{a,b}/{c,d}')).toEqual(['/a/c', '/a/d', '/b/c', '/b/d']);
    expect(expandBraces('/plain')).toEqual(['/plain']);
  });

  it('refuses what Hadoop refuses, naming the pattern', () => {
    expect(() => expandBraces('/x/{a,b')).toThrow(GlobSyntaxError);
    expect(() => expandBraces('/x/{a,b')).toThrow(/Illegal file pattern: Unclosed group for glob \/x\/\{a,b/);
    expect(() => componentRegExp('[ab', '/x/[ab')).toThrow(/Unclosed character class/);
    expect(() => componentRegExp('a}', '/x/a}')).toThrow(/Unopened group/);
    expect(() => componentRegExp('[z-a]', '/x/[z-a]')).toThrow(/Illegal character range/);
    expect(() => expandBraces('/{a,b}'.repeat(11))).toThrow(/more than 1024 alternatives/);
  });

  it('unescapes a plain component', () => {
    expect(unescapeComponent('a\\*b\\\\c')).toBe('a*b\\c');
  });
});
