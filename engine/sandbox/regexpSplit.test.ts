// The split helper gives what String.prototype.split gives in a realm whose RegExp.prototype is
// frozen as the sandbox's is (V8's slow path there follows the specification step by step: the
// reference), for every kind of regular expression, string and limit; and it reads the method,
// throws and falls back the way the call it replaces would.
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import fc from 'fast-check';
import { createSplitCall } from './regexpSplit';

/** Literals of every kind the split algorithm treats apart: captures, empty matches, anchors, flags. */
const LITERALS: RegExp[] = [
  /\s+/,
  /,/,
  /(?:)/,
  /(,)/,
  /(a)|(b)/,
  /x*/,
  /$/,
  /^/m,
  /\b/,
  /(?<=a)/,
  /(?=b)/,
  /./u,
  /(?:)/u,
  /\p{L}/u,
  /[\u{1F600}-\u{1F64F}]/u,
  /a/gi,
  /a/y,
  /\d+/d,
  /(?<n>x)(y)?/,
  /ab|a/,
  /\n/,
  /[^]/s,
  /\uD83D/,
  /\B/u,
  /(?<!a)/u,
  /(?=\uDE00)/u,
  /\b|(?:)/u,
  // The v flag (the compiler's target predates it, so not as literals).
  new RegExp('(?:)', 'v'),
  new RegExp('[\\p{L}--[a-z]]', 'v'),
];
const LIMITS: (number | undefined)[] = [undefined, 0, 1, 2, 3, -1, 2 ** 32 + 1, 1.5, Number.NaN, Infinity];

/** A fresh literal, as the learner's code makes one on every call. */
const fresh = (re: RegExp): RegExp => new RegExp(re.source, re.flags);
/** `s.split(re, limit)` as the compiled job makes it, through one load's helper. */
const load = createSplitCall();
const splitByRegExp = (s: string, re: RegExp, limit: number | undefined): unknown =>
  load(s, 's', String(re))(fresh(re), limit);
const splitCall = createSplitCall();

/** The reference: String.prototype.split in a realm of its own with RegExp.prototype frozen. */
const frozenRealmSplit = vm.runInNewContext(
  'Object.freeze(RegExp.prototype); (s, source, flags, limit) => s.split(new RegExp(source, flags), limit)',
) as (s: string, source: string, flags: string, limit: number | undefined) => string[];
const reference = (s: string, re: RegExp, limit: number | undefined): string[] => [
  ...frozenRealmSplit(s, re.source, re.flags, limit),
];

describe('the split helper on strings and literals', () => {
  it('gives what String.prototype.split gives, for any string, literal and limit (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ',', ' ', 'x', 'y', '\n', '1', 'é', '😀', '\uD83D', '\uDE00') }),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(text, fc.nat(LITERALS.length - 1), fc.constantFrom(...LIMITS), (s, i, limit) => {
        const re = LITERALS[i]!;
        expect(splitByRegExp(s, re, limit)).toEqual(reference(s, re, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it('never splits a surrogate pair when matching by code points (u and v), as the specification says', () => {
    // V8's own fast path (an untouched realm) splits 'A😀' on /\B/u between the pair's halves.
    for (const flags of ['u', 'v']) {
      expect(splitByRegExp('A😀', new RegExp('\\B', flags), undefined)).toEqual(['A😀']);
      expect(splitByRegExp('a😀b', new RegExp('(?<!a)', flags), undefined)).toEqual(['a😀', 'b']);
      expect(splitByRegExp('😀😀', new RegExp('(?:)', flags), undefined)).toEqual(['😀', '😀']);
    }
  });

  it('keeps what one load was told of a literal from another load', () => {
    // A program that calls the helper itself with another literal's text spoils only its own splits.
    const hostile = createSplitCall();
    expect(hostile('a b', 'x', '/\\s+/')(/x/)).toEqual(['a b']);
    expect(hostile('a b', 'x', '/\\s+/')(/\s+/)).toEqual(['a b']);
    expect(createSplitCall()('a b', 'x', '/\\s+/')(/\s+/)).toEqual(['a', 'b']);
  });

  it('splits the empty string, and on every position, as the specification says', () => {
    for (const re of LITERALS)
      for (const limit of LIMITS) {
        for (const s of ['', 'a', 'ab', 'a,b,,c,', ' a  b ', '😀a😀', 'xyxx'])
          expect(splitByRegExp(s, re, limit)).toEqual(reference(s, re, limit));
      }
  });
});

describe('splitCall', () => {
  const text = 'line';
  it('splits a string on a literal, and passes anything else to String.prototype.split', () => {
    expect(splitCall('a b  c', text, '/\\s+/')(/\s+/)).toEqual(['a', 'b', 'c']);
    expect(splitCall('a,b', text, '/,/')(',')).toEqual(['a', 'b']);
    let read = 0;
    const limit = { valueOf: () => (read++, 1) };
    expect(splitCall('a,b', text, '/,/')(/,/, limit)).toEqual(['a']);
    expect(read).toBe(1);
  });

  it('calls the receiver’s own split for anything but a string, with the same arguments and this', () => {
    const seen: unknown[] = [];
    const receiver = {
      split(this: unknown, ...args: unknown[]) {
        seen.push(this, ...args);
        return 'mine';
      },
    };
    const re = /x/;
    expect(splitCall(receiver, text, '/x/')(re, 2)).toBe('mine');
    expect(seen).toEqual([receiver, re, 2]);
    const boxed = new String('a1b');
    expect(splitCall(boxed, text, '/\\d/')(/\d/)).toEqual(['a', 'b']);
  });

  it('reads split before the arguments are given, and throws as the call would', () => {
    const order: string[] = [];
    const receiver = {
      get split() {
        order.push('split');
        return () => 'ok';
      },
    };
    const call = splitCall(receiver, text, '/x/');
    order.push('arguments');
    expect(call(/x/)).toBe('ok');
    expect(order).toEqual(['split', 'arguments']);
    expect(() => splitCall(null, text, '/x/')).toThrow(
      new TypeError("Cannot read properties of null (reading 'split')"),
    );
    expect(() => splitCall(undefined, text, '/x/')).toThrow(TypeError);
    // A split that is not a function fails when called, after the arguments (as the call does).
    const missing = splitCall({}, 'words[0]', '/x/');
    expect(() => missing(/x/)).toThrow(new TypeError('words[0].split is not a function'));
    expect(() => splitCall(3, 'n', '/x/')(/x/)).toThrow(new TypeError('n.split is not a function'));
  });
});
