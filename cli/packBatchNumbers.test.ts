import { describe, expect, it } from 'vitest';
import { PACK_AS_BUFFER_FROM } from '../engine/mapreduce';
import { packBatchNumbers } from './packBatchNumbers';

const part = (values: unknown[] | null, numbers: Float64Array | null = null) => ({
  keys: ['k'],
  counts: [values?.length ?? numbers?.length ?? 0],
  numbers,
  values,
});
const mapDone = (id: number, partitions: unknown[]) => ({ type: 'mapDone', id, output: { taskIndex: id, partitions } });

describe('packBatchNumbers', () => {
  it("packs a batch's small all-number partitions as views of one Float64Array, values unchanged", () => {
    const a = part([1.5, -0, NaN]);
    const b = part([2, 3]);
    const post = {
      type: 'batch',
      replies: [mapDone(1, [a]), { type: 'log', text: 'x' }, mapDone(2, [b])],
      returned: [],
    };
    packBatchNumbers(post);
    expect(a.values).toBeNull();
    expect(b.values).toBeNull();
    expect([...a.numbers!]).toEqual([1.5, -0, NaN]);
    expect(Object.is(a.numbers![1], -0)).toBe(true);
    expect([...b.numbers!]).toEqual([2, 3]);
    expect(a.numbers!.buffer).toBe(b.numbers!.buffer);
  });

  it('leaves other values, packed or big partitions, other posts and malformed replies as they came', () => {
    const mixed = part([1, 'two']);
    const empty = part([]);
    const big = part(Array.from({ length: PACK_AS_BUFFER_FROM }, (_, i) => i));
    const packed = part(null, new Float64Array([1]));
    const post = {
      type: 'batch',
      replies: [
        mapDone(1, [mixed, empty, big, packed]),
        mapDone(2, null as never),
        { type: 'mapDone', output: null },
        null,
      ],
      returned: [],
    };
    packBatchNumbers(post);
    expect(mixed.values).toEqual([1, 'two']);
    expect(empty.values).toEqual([]);
    expect(big.values).toHaveLength(PACK_AS_BUFFER_FROM);
    expect(packed.values).toBeNull();
    expect([...packed.numbers!]).toEqual([1]);
    const single = mapDone(3, [part([1])]);
    packBatchNumbers(single);
    expect(single.output.partitions).toEqual([part([1])]);
    for (const odd of [null, 7, 'batch', { type: 'batch', replies: 'no' }])
      expect(() => packBatchNumbers(odd)).not.toThrow();
  });

  it('packs a partition named twice once, and leaves values that do not match the group sizes to the checks', () => {
    // A structured clone keeps identity: a forged reply can list one partition object twice.
    const twice = part([4, 5]);
    const short = { keys: ['k'], counts: [3], numbers: null, values: [1, 2] };
    const oddCounts = { keys: ['k'], counts: ['2'], numbers: null, values: [1, 2] };
    const post = { type: 'batch', replies: [mapDone(1, [twice, twice, short, oddCounts])], returned: [] };
    expect(() => packBatchNumbers(post)).not.toThrow();
    expect([...twice.numbers!]).toEqual([4, 5]);
    expect(twice.values).toBeNull();
    expect(short.values).toEqual([1, 2]);
    expect(short.numbers).toBeNull();
    expect(oddCounts.values).toEqual([1, 2]);
  });
});
