import { describe, expect, it } from 'vitest';
import { determineBounds, RangePartitioner } from './rangePartitioner';

describe("Spark's RangePartitioner", () => {
  it('cuts weighted candidates into ranges of equal weight, skipping duplicate bounds (determineBounds)', () => {
    const c = (keys: number[], w = 1): [unknown, number][] => keys.map((k) => [k, w]);
    expect(determineBounds(c([5, 1, 3, 2, 4, 6]), 3)).toEqual([2, 4]);
    expect(determineBounds(c([1, 1, 1, 1, 2, 3]), 3)).toEqual([1, 2]); // the second 1 is skipped, the next key taken
    expect(determineBounds([...c([1, 2], 10), ...c([3, 4, 5, 6], 1)], 2)).toEqual([2]); // half of the weight (12 of 24) is reached at 2
    expect(determineBounds(c([7]), 1)).toEqual([]);
  });

  it('puts each key in the first range whose bound is not below it; descending from the end', () => {
    const keys = Array.from({ length: 100 }, (_, i) => i);
    const up = new RangePartitioner(4, true, (k) => k, 0);
    up.fit([keys.slice(0, 50), keys.slice(50)]);
    const bounds = up.rangeBounds as number[];
    expect(bounds.length).toBe(3);
    const parts = keys.map((k) => up.getPartition(k));
    expect(parts).toEqual([...parts].sort((a, b) => a - b));
    expect(new Set(parts).size).toBe(4);
    expect(up.getPartition(bounds[0])).toBe(0);
    const down = new RangePartitioner(4, false, (k) => k, 0);
    down.fit([keys]);
    expect(down.getPartition(99)).toBe(0);
    expect(down.getPartition(0)).toBe(3);
  });

  it('sorts by keyfunc(key), and has no bounds for no keys or one partition', () => {
    const byLength = new RangePartitioner(2, true, (k) => String(k).length, 1);
    byLength.fit([['ccc', 'a', 'bb', 'dddd', 'e', 'ff']]);
    expect(byLength.getPartition('z')).toBe(0);
    expect(byLength.getPartition('zzzzz')).toBe(1);
    const empty = new RangePartitioner(3, true, (k) => k, 2);
    empty.fit([[], []]);
    expect(empty.rangeBounds).toEqual([]);
    expect(empty.getPartition('x')).toBe(0);
  });
});
