import { describe, expect, it } from 'vitest';
import { durationWords, tickWords, timeTicks } from './durationWords';

describe('durations in plain words', () => {
  it('says each size as a reader would, rounding across the boundaries', () => {
    expect(durationWords(420)).toBe('420 ms');
    expect(durationWords(1_100)).toBe('1.1 s');
    expect(durationWords(9_960)).toBe('10 s');
    expect(durationWords(42_400)).toBe('42 s');
    expect(durationWords(59_600)).toBe('1 min');
    expect(durationWords(425_000)).toBe('7 min 5 s');
    expect(durationWords(420_000)).toBe('7 min');
    expect(durationWords(1_205_005)).toBe('20 min');
    expect(durationWords(3_599_000)).toBe('1 h');
    expect(durationWords(3_900_000)).toBe('1 h 5 min');
    expect(durationWords(-5)).toBe('0 ms');
    expect(tickWords(0)).toBe('0');
    expect(tickWords(1_000)).toBe('1 s');
    expect(tickWords(1_500)).toBe('1.5 s');
  });

  it('puts round ticks on a time axis', () => {
    expect(timeTicks(420_000, 5)).toEqual([0, 120_000, 240_000, 360_000]);
    expect(timeTicks(9_000_000, 3).map(tickWords)).toEqual(['0', '1 h', '2 h']);
    expect(timeTicks(9_000_000, 5).map(tickWords)).toEqual(['0', '30 min', '1 h', '1 h 30 min', '2 h', '2 h 30 min']);
    expect(timeTicks(0)).toEqual([0]);
  });
});
