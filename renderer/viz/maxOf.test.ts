import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from './maxOf';

describe('maxOf and minOf', () => {
  it('agree with Math.max and Math.min on small lists, NaN and empty lists included', () => {
    const lists = [[3, 1, 2], [-5], [], [1, Number.NaN, 3], [Infinity, -Infinity]];
    for (const list of lists) {
      expect(maxOf(list, (x) => x)).toBe(Math.max(...list));
      expect(minOf(list, (x) => x)).toBe(Math.min(...list));
    }
  });

  it('take a start value, as Math.max(start, ...values) does', () => {
    expect(maxOf([], (x: number) => x, 0)).toBe(0);
    expect(maxOf([-3, -2], (x) => x, 0)).toBe(0);
    expect(minOf([4, 7], (x) => x, 1)).toBe(1);
  });

  it('handle a million items, where the spread throws', () => {
    const bars = Array.from({ length: 1_000_000 }, (_, i) => ({ end: (i * 7919) % 1_000_003 }));
    const ends = bars.map((b) => b.end);
    expect(() => Math.max(...ends)).toThrow(RangeError);
    let max = -Infinity;
    let min = Infinity;
    for (const e of ends) {
      if (e > max) max = e;
      if (e < min) min = e;
    }
    expect(maxOf(bars, (b) => b.end)).toBe(max);
    expect(minOf(bars, (b) => b.end)).toBe(min);
  });
});
