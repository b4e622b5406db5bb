import { describe, expect, it } from 'vitest';
import { mergePacked, packGroups, PACK_AS_BUFFER_FROM } from './packedGroups';

describe('packGroups', () => {
  it('packs many numbers as one Float64Array and a few as a plain array, and both merge back alike', () => {
    const few = packGroups([
      { key: 'b', values: [2, 3] },
      { key: 'a', values: [1] },
    ]);
    expect(few).toEqual({ keys: ['a', 'b'], counts: [1, 2], numbers: null, values: [1, 2, 3] });
    const n = PACK_AS_BUFFER_FROM;
    const many = packGroups([{ key: 'k', values: Array.from({ length: n }, (_, i) => i) }]);
    expect(many.numbers).toBeInstanceOf(Float64Array);
    expect(many.numbers).toHaveLength(n);
    expect(many.values).toBeNull();
    const merged = mergePacked([few, many]);
    expect(merged.map((g) => [g.key, g.values.length])).toEqual([
      ['a', 1],
      ['b', 2],
      ['k', n],
    ]);
  });

  it('keeps values that are not all numbers as they are', () => {
    const p = packGroups([{ key: 1, values: ['x', 2, null] }]);
    expect(p.numbers).toBeNull();
    expect(p.values).toEqual(['x', 2, null]);
  });
});
