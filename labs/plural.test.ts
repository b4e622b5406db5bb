import { describe, expect, it } from 'vitest';
import { count, noun, plural } from './plural';

describe('plural', () => {
  it('agrees with the count', () => {
    expect(plural(1, 'core')).toBe('1 core');
    expect(plural(0, 'core')).toBe('0 cores');
    expect(plural(2, 'block replica')).toBe('2 block replicas');
    expect(plural(11299, 'task attempt')).toBe('11,299 task attempts');
  });
  it('knows -ies and irregular plurals', () => {
    expect(plural(1, 'retry')).toBe('1 retry');
    expect(plural(3, 'retry')).toBe('3 retries');
    expect(plural(2, 'day')).toBe('2 days');
    expect(noun(2, 'copy')).toBe('copies');
    expect(plural(4, 'child', 'children')).toBe('4 children');
    expect(noun(1, 'child', 'children')).toBe('child');
  });
  it('writes counts as toLocaleString("en-US") does', () => {
    for (const n of [0, -0, 7, 999, 1000, 12345678, -4, 0.5, 2.3456, 1e21, NaN, Infinity])
      expect(count(n)).toBe(n.toLocaleString('en-US'));
  });
});
