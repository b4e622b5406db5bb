import { describe, expect, it } from 'vitest';
import { createRng } from '../core';
import type { PackedGroups } from '../sandbox/contract/taskRunner';
import { joinEqualKeys } from './joinEqualKeys';
import { mergePackedRuns, type RunGroup } from './packedGroups';
import { runReduceTask } from './reduceTaskCompute';
import type { MapReduceFunctions } from './mapTaskCompute';

/** What a reducer walks: each group's key, and every value with the key current when it is read. */
function walk(groups: RunGroup[]): unknown[] {
  return groups.map((g) => [
    g.key,
    g.count,
    g.runs.flatMap((r) => Array.from({ length: r.count }, (_, k) => [r.key, r.values[r.start + k]])),
  ]);
}

const KEYS: unknown[] = [
  'a',
  'b',
  'b ',
  'é',
  0,
  -0,
  1,
  '1',
  NaN,
  { day: 1 },
  { day: 1 },
  [1],
  '\u0000object:{"day":1}',
  null,
  true,
];

function randomInput(seed: number): PackedGroups {
  const rng = createRng(`join-${seed}`);
  const groups = rng.int(60);
  const keys = Array.from({ length: groups }, () => KEYS[rng.int(KEYS.length)]);
  const counts = Array.from({ length: groups }, () => rng.int(4));
  const total = counts.reduce((a, b) => a + b, 0);
  const numbers = Array.from({ length: total }, (_, i) => (i % 7 === 0 ? -0 : i % 11 === 0 ? NaN : i));
  if (rng.int(2) === 0) return { keys, counts, numbers: Float64Array.from(numbers), values: null };
  return { keys, counts, numbers: null, values: numbers.map((n, i) => (i % 3 === 0 ? `v${n}` : n)) };
}

describe('joinEqualKeys', () => {
  it("gives the reducer's merge the same groups, keys and values in the same order, whatever the keys", () => {
    for (let seed = 0; seed < 200; seed++) {
      const p = randomInput(seed);
      const joined = joinEqualKeys(p);
      expect(joined.numbers === null).toBe(p.numbers === null);
      const a = walk(mergePackedRuns([p]));
      const b = walk(mergePackedRuns([joined]));
      // toEqual tells -0 from 0 and finds NaN equal to NaN: the values and keys are the same ones.
      expect(b).toEqual(a);
      expect(joined.keys.length).toBeLessThanOrEqual(p.keys.length);
    }
  });

  it('leaves an input whose keys are all distinct as it is, and joins repeated words into one group each', () => {
    const distinct: PackedGroups = {
      keys: ['a', 'b'],
      counts: [1, 2],
      numbers: Float64Array.of(1, 2, 3),
      values: null,
    };
    expect(joinEqualKeys(distinct)).toBe(distinct);
    const words: PackedGroups = {
      keys: ['cat', 'dog', 'cat', 'emu', 'dog'],
      counts: [1, 2, 1, 1, 1],
      numbers: Float64Array.of(10, 20, 21, 30, 40, 50),
      values: null,
    };
    expect(joinEqualKeys(words)).toEqual({
      keys: ['cat', 'dog', 'emu'],
      counts: [2, 3, 1],
      numbers: Float64Array.of(10, 30, 20, 21, 50, 40),
      values: null,
    });
  });

  it('a reduce with a grouping comparator and getCurrentKey answers the same from the joined input', () => {
    const seen: unknown[] = [];
    const fns = {
      fileName: 'job.js',
      reduce: (
        key: unknown,
        values: Iterable<unknown>,
        ctx: { write(k: unknown, v: unknown): void; getCurrentKey(): unknown },
      ) => {
        for (const v of values) seen.push([key, ctx.getCurrentKey(), v]);
        ctx.write(key, 1);
      },
      // Keys that differ only in case reach one reduce call, as a secondary sort's grouping would.
      sortComparator: (a: unknown, b: unknown) => String(a).toLowerCase().localeCompare(String(b).toLowerCase()),
      groupingComparator: (a: unknown, b: unknown) => String(a).toLowerCase().localeCompare(String(b).toLowerCase()),
    } as unknown as MapReduceFunctions;
    const p: PackedGroups = {
      keys: ['Cat', 'cat', 'dog', 'Cat', 'CAT', 'cat'],
      counts: [1, 1, 1, 1, 1, 1],
      numbers: null,
      values: [1, 2, 3, 4, 5, 6],
    };
    const plain = runReduceTask(fns, [p], 0);
    const before = seen.splice(0);
    const joined = runReduceTask(fns, [joinEqualKeys(p)], 0);
    expect(joined).toEqual(plain);
    expect(seen).toEqual(before);
  });
});
