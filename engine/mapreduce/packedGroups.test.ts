import { describe, expect, it } from 'vitest';
import { concatPacked, mergePacked, mergePackedRuns, packGroups, PACK_AS_BUFFER_FROM } from './packedGroups';

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

describe("concatPacked (one reducer's input from every map, as one part)", () => {
  const many = (key: string, from: number) =>
    packGroups([{ key, values: Array.from({ length: PACK_AS_BUFFER_FROM }, (_, i) => from + i) }]);

  it('merges to exactly the groups the parts merge to, values in map order, -0 and NaN kept', () => {
    const parts = [
      packGroups([
        { key: 'b', values: [2, -0] },
        { key: 'a', values: [1] },
      ]),
      many('b', 100),
      packGroups([]),
      packGroups([{ key: 'a', values: [NaN, 5] }]),
    ];
    const joined = concatPacked(parts);
    expect(joined.numbers).toBeInstanceOf(Float64Array);
    expect(joined.values).toBeNull();
    expect(joined.keys).toEqual(['a', 'b', 'b', 'a']);
    const direct = mergePacked(parts);
    const viaOne = mergePacked([joined]);
    expect(viaOne).toEqual(direct);
    expect(Object.is(viaOne.find((g) => g.key === 'b')!.values[1], -0)).toBe(true);
    expect(viaOne.find((g) => g.key === 'a')!.values).toEqual([1, NaN, 5]);
  });

  it('keeps the values as they are when one of them is not a number', () => {
    const parts = [many('k', 0), packGroups([{ key: 'k', values: ['x', { n: 1 }, null] }])];
    const joined = concatPacked(parts);
    expect(joined.numbers).toBeNull();
    expect(joined.values).toHaveLength(PACK_AS_BUFFER_FROM + 3);
    expect(mergePacked([joined])).toEqual(mergePacked(parts));
  });

  it('joins no parts into an empty part', () => {
    expect(mergePacked([concatPacked([])])).toEqual([]);
  });
});

describe("mergePackedRuns (a reducer's groups without copying their values)", () => {
  it("gives the groups mergePacked gives, each key's values in the same order", () => {
    const parts = [
      packGroups([
        { key: 'b', values: [2, 'x'] },
        { key: 'a', values: [1] },
      ]),
      packGroups([{ key: 'b', values: Array.from({ length: PACK_AS_BUFFER_FROM }, (_, i) => i) }]),
      packGroups([]),
      packGroups([{ key: 'c', values: [null, { n: 3 }] }]),
    ];
    const runs = mergePackedRuns(parts);
    const walked = runs.map((g) => ({
      key: g.key,
      values: g.runs.flatMap((r) => Array.from({ length: r.count }, (_, i) => r.values[r.start + i])),
    }));
    expect(walked).toEqual(mergePacked(parts));
    expect(runs.map((g) => g.count)).toEqual([1, 2 + PACK_AS_BUFFER_FROM, 2]);
    // The big part's numbers are walked where they are, not copied.
    expect(runs[1]!.runs[1]!.values).toBe(parts[1]!.numbers);
  });
});
