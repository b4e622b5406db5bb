import { describe, expect, it } from 'vitest';
import type { MapTaskOutput, PackedGroups } from './contract/taskRunner';
import type { SandboxReply } from './sandboxMessages';
import { packMapReplies, unpackMapReplies, type PackedMapOutputs } from './packedMapOutputs';
import { batchOf, checkReply } from './sandboxReplyValidation';

const counters = {
  mapInputRecords: 30,
  mapOutputRecords: 30,
  mapOutputBytes: 600,
  combineInputRecords: 0,
  combineOutputRecords: 0,
  spills: 1,
  spilledRecords: 30,
};

function output(taskIndex: number, partitions: PackedGroups[], extra: Partial<MapTaskOutput> = {}): MapTaskOutput {
  return {
    taskIndex,
    partitions,
    text: null,
    userCounters: [],
    counters: { ...counters, mapInputRecords: taskIndex * 7 },
    partitionBytes: partitions.map((_, i) => 100 + i),
    partitionRecords: partitions.map((p) => p.counts.reduce((a, b) => a + b, 0)),
    ...extra,
  };
}

const replies: SandboxReply[] = [
  { type: 'log', text: 'starting' },
  {
    type: 'mapDone',
    id: 11,
    output: output(0, [
      { keys: ['2016-05-01', '2016-05-02'], counts: [2, 1], numbers: null, values: [-0, Number.NaN, 24.5] },
      { keys: [], counts: [], numbers: null, values: [] },
      { keys: [{ day: 3 }], counts: [3], numbers: Float64Array.of(1, 2, 3), values: null },
    ]),
  },
  {
    type: 'failed',
    id: 12,
    error: { kind: 'code', fileName: 'job.js', line: 3, errorName: 'TypeError', detail: 'x', seconds: 0 },
  },
  {
    type: 'mapDone',
    id: 13,
    output: output(
      1,
      [
        { keys: ['a'], counts: [2], numbers: null, values: ['x', null] },
        { keys: ['b', 'c'], counts: [1, 1], numbers: null, values: [1, 2] },
        { keys: ['d'], counts: [1], numbers: null, values: [[1, 'two']] },
      ],
      { userCounters: [['Quality', 'BAD_LINES', 4]] },
    ),
  },
  {
    type: 'mapDone',
    id: 14,
    output: output(2, [], { text: 'a\t1\nb\t2\n', partitionBytes: [], partitionRecords: [] }),
  },
  { type: 'log', text: 'done' },
];

/** The types of `replies` once unpacked: each mapPacked marker a mapDone again, the others as they were. */
const REBUILT_TYPES = ['log', 'mapDone', 'failed', 'mapDone', 'mapDone', 'log'];

/** A packed output's partition as the one it came from, numbers or plain numbers alike: [keys, counts, values]. */
const plainParts = (o: MapTaskOutput) => o.partitions.map((p) => [p.keys, p.counts, [...(p.numbers ?? p.values!)]]);

describe('packMapReplies / unpackMapReplies', () => {
  it('gives back every map output and every other reply, in their order, each passing the reply checks', () => {
    const packed = packMapReplies(replies)!;
    expect(packed.replies.map((r) => r.type)).toEqual(['log', 'mapPacked', 'failed', 'mapPacked', 'mapPacked', 'log']);
    // Partitions of numbers travel in the table; the others, keys and texts in the lists.
    expect(packed.packed.values).toEqual(['x', null, [1, 'two']]);
    expect(packed.packed.texts).toEqual(['a\t1\nb\t2\n']);
    const back = unpackMapReplies(packed.replies, packed.packed);
    if (typeof back === 'string') throw new Error(back);
    expect(back.map((r) => (r as SandboxReply).type)).toEqual(REBUILT_TYPES);
    replies.forEach((r, i) => {
      const b = back[i] as SandboxReply;
      const check = checkReply(b, r.type === 'mapDone' ? r.output.partitions.length : null);
      expect(check.ok, JSON.stringify(check)).toBe(true);
      if (r.type !== 'mapDone' || b.type !== 'mapDone') return expect(b).toBe(r);
      expect(b.id).toBe(r.id);
      const { partitions: _a, ...rest } = r.output;
      const { partitions: _b, ...restBack } = b.output;
      expect(restBack).toEqual(rest);
      // -0 and NaN come back as they went (toEqual tells -0 from 0 and takes NaN as NaN).
      expect(plainParts(b.output)).toEqual(plainParts(r.output));
      b.output.partitions.forEach((p, k) => {
        const numeric = [...(r.output.partitions[k]!.numbers ?? r.output.partitions[k]!.values!)].every(
          (v) => typeof v === 'number',
        );
        expect(p.numbers !== null).toBe(numeric);
      });
    });
  });

  it("takes a map task's millions of records for one reducer, packed or not (a word count over 4 MB of one-letter lines)", () => {
    const n = 2_000_001;
    const numbers = new Float64Array(n).fill(1);
    const values = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'x' : null));
    for (const partition of [
      { keys: ['a'], counts: [n], numbers, values: null },
      { keys: ['a'], counts: [n], numbers: null, values },
    ]) {
      const reply: SandboxReply = { type: 'mapDone', id: 1, output: output(0, [partition]) };
      expect(checkReply(reply, 1)).toEqual({ ok: true, reply });
      const packed = packMapReplies([reply])!;
      const back = unpackMapReplies(packed.replies, packed.packed);
      if (typeof back === 'string') throw new Error(back);
      expect(checkReply(back[0], 1).ok).toBe(true);
      const p = (back[0] as Extract<SandboxReply, { type: 'mapDone' }>).output.partitions[0]!;
      expect((p.numbers ?? p.values)!.length).toBe(n);
    }
  });

  it('leaves a batch without map outputs as it is', () => {
    expect(packMapReplies([{ type: 'log', text: 'x' }])).toBeNull();
    expect(unpackMapReplies([{ type: 'log', text: 'x' }], undefined)).toEqual([{ type: 'log', text: 'x' }]);
  });

  it('refuses a forged table with the field that is wrong, before anything is used', () => {
    const good = packMapReplies(replies)!;
    const forge = (change: (t: PackedMapOutputs) => unknown) => {
      const t: PackedMapOutputs = { ...good.packed, numbers: good.packed.numbers.slice(), keys: [...good.packed.keys] };
      const forged = change(t) ?? t;
      return unpackMapReplies(good.replies, forged);
    };
    expect(unpackMapReplies(good.replies, undefined)).toBe('batch has mapPacked replies but no packed outputs');
    expect(forge(() => [1])).toBe('batch.packed is not an object');
    expect(forge((t) => ({ ...t, numbers: [...t.numbers] }))).toBe('batch.packed.numbers is not a Float64Array');
    expect(forge((t) => ({ ...t, keys: 'k' }))).toBe('batch.packed.keys is not a list');
    expect(forge((t) => ({ ...t, numbers: t.numbers.subarray(0, 20) }))).toMatch(/^batch\.packed\.numbers /);
    expect(forge((t) => ({ ...t, numbers: Float64Array.of(...t.numbers, 0) }))).toBe(
      'batch.packed holds more than its mapPacked replies',
    );
    expect(forge((t) => ({ ...t, keys: [...t.keys, 'extra'] }))).toBe(
      'batch.packed holds more than its mapPacked replies',
    );
    expect(forge((t) => ({ ...t, keys: t.keys.slice(1) }))).toMatch(/^batch\.packed\.numbers holds a group count of/);
    // The first output's "has a text" flag (after taskIndex and seven counters), then its partition count.
    expect(forge((t) => void (t.numbers[8] = 0.5))).toBe(
      'batch.packed.numbers holds 0.5 where whether it has a text (0 or 1) belongs',
    );
    expect(forge((t) => void (t.numbers[10] = 1e9))).toMatch(/holds a partition count of 1000000000/);
    expect(forge((t) => void (t.numbers[10] = -1))).toMatch(/holds a partition count of -1/);
    expect(forge((t) => void (t.numbers[9] = 5))).toMatch(/holds a user counter count of 5/);
  });

  it('is what the pool reads of a batch: a forged one is refused with its reason', () => {
    const good = packMapReplies(replies)!;
    const batch = batchOf({ type: 'batch', ...good, returned: [] });
    expect(batch && 'replies' in batch && batch.replies.map((r) => (r as SandboxReply).type)).toEqual(REBUILT_TYPES);
    expect(batchOf({ type: 'batch', replies: good.replies, returned: [] })).toEqual({
      why: 'batch has mapPacked replies but no packed outputs',
    });
    expect(batchOf({ type: 'batch', replies: [], returned: [], packed: { ...good.packed, texts: [] } })).toEqual({
      why: 'batch.packed holds more than its mapPacked replies',
    });
  });

  it('rebuilds forged numbers into outputs that the reply checks then refuse', () => {
    const good = packMapReplies(replies)!;
    const numbers = good.packed.numbers.slice();
    numbers[1] = Number.NaN; // the first output's mapInputRecords
    const back = unpackMapReplies(good.replies, { ...good.packed, numbers }) as unknown[];
    const check = checkReply(back[1], 3);
    expect(check).toEqual({
      ok: false,
      why: 'mapDone.output.counters.mapInputRecords is not a finite non-negative number',
    });
  });
});

describe('unpackMapReplies against a sparse list', () => {
  it('stops at the first hole instead of allocating what the list claims to hold', () => {
    // One output of 400 partitions, each claiming a million values that are not numbers.
    const parts = 400;
    const numbers = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, parts];
    for (let p = 0; p < parts; p++) numbers.push(0, 1e6, 1, 1e6, 0, 1e6);
    const values: unknown[] = [];
    values.length = 2 ** 32 - 1;
    const before = process.memoryUsage().heapUsed;
    const why = unpackMapReplies([{ type: 'mapPacked', id: 1 }], {
      numbers: Float64Array.from(numbers),
      keys: Array.from({ length: parts }, () => 'k'),
      values,
      texts: [],
      userCounters: [],
    });
    expect(why).toBe('batch.packed.values has a hole at 0');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 2 ** 20);
  });
});
