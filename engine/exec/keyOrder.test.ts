import { describe, expect, it } from 'vitest';
import { approxBytes, compareKeys, keyId, keyText } from './keyOrder';

describe('key order', () => {
  it('orders numbers < strings < booleans < arrays < other values', () => {
    const keys: unknown[] = [{ a: 1 }, [1, 'a'], true, 'b', 2, 'a', 1, [1]];
    expect(keys.sort(compareKeys)).toEqual([1, 2, 'a', 'b', true, [1], [1, 'a'], { a: 1 }]);
  });

  it('puts NaN after every number, equal only to itself, and -0 with 0 (a NaN key swallowed its neighbours)', () => {
    const keys = [3, Number.NaN, 1, Number.POSITIVE_INFINITY, 0, -1, Number.NEGATIVE_INFINITY, -0, 2];
    expect([...keys].sort(compareKeys)).toEqual([-Infinity, -1, 0, -0, 1, 2, 3, Infinity, Number.NaN]);
    expect(compareKeys(Number.NaN, Number.NaN)).toBe(0);
    expect(compareKeys(Number.NaN, 0)).toBeGreaterThan(0);
    expect(compareKeys(0, Number.NaN)).toBeLessThan(0);
    expect(compareKeys(-0, 0)).toBe(0);
  });

  it('groups, orders and sizes BigInt keys, alone or inside composite keys (JSON refuses them)', () => {
    expect(keyId(10n)).toBe(keyId(10n));
    expect(keyId(10n)).not.toBe(keyId(11n));
    expect(keyId([3n, 'a'])).toBe(keyId([3n, 'a']));
    expect(keyText(10n)).toBe('10');
    expect(keyText([3n, 'a'])).toBe('["3n","a"]');
    expect(compareKeys({ n: 2n }, { n: 10n })).not.toBe(0);
    expect(approxBytes(10n)).toBe(8);
    expect(approxBytes([1n, 2n])).toBeGreaterThan(0);
  });

  it('still reports a cyclic key as the error it is', () => {
    const a: Record<string, unknown> = {};
    a.a = a;
    expect(() => keyId(a)).toThrow(/a record refers to itself \(a cycle\)/);
  });
});
