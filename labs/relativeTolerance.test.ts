import { describe, expect, it } from 'vitest';
import { compareKeyed } from './checkKit';
import { relativeTolerance } from './relativeTolerance';

describe('a relative tolerance in words', () => {
  it('names the part of a thousand, million, billion, in English and German', () => {
    const cases = [0, 1e-9, 2e-6, 1e-3, 5e-12];
    expect(cases.map((t) => relativeTolerance(t))).toEqual([
      'exactly',
      'to within 1 part in a billion',
      'to within 2 parts in a million',
      'to within 1 part in a thousand',
      'to within 5 parts in a trillion',
    ]);
    expect(cases.map((t) => relativeTolerance(t, 'de'))).toEqual([
      'exakt',
      'auf ein Milliardstel genau',
      'auf 2 Millionstel genau',
      'auf ein Tausendstel genau',
      'auf 5 Billionstel genau',
    ]);
  });

  it('writes one of no such shape out in digits, never as 1e-7', () => {
    expect(relativeTolerance(1.2345e-7)).toBe('to within 0.00000012345 relative');
    expect(relativeTolerance(1.2345e-7, 'de')).toBe('relativ auf 0,00000012345 genau');
  });

  it('is how a passing keyed comparison says how close, in both languages', () => {
    const verdict = compareKeyed([['a', 1]], [['a', 1]], {
      tolerance: 1e-9,
      what: 'day',
      hint: '',
      de: { what: 'Tag', hint: '' },
    });
    expect(verdict.reason).toBe(
      'all 1 day values match a plain computation over the same data (to within 1 part in a billion)',
    );
    expect(verdict.reasons?.de).toBe(
      'alle 1 Werte, einer pro Tag, stimmen mit einer einfachen Berechnung über dieselben Daten überein (auf ein Milliardstel genau)',
    );
    expect(`${verdict.reason} ${verdict.reasons?.de}`).not.toMatch(/\de-\d/);
  });
});
