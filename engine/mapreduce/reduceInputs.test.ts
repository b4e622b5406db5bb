import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core';
import type { PackedGroups } from '../sandbox/contract/taskRunner';
import { concatPacked, mergePackedRuns, type RunGroup } from './packedGroups';
import { ReduceInputs } from './reduceInputs';
import { runReduceTask } from './reduceTaskCompute';
import type { MapReduceFunctions } from './mapTaskCompute';

/** Keys that are equal, nearly equal or equal only in their text (keyId tells them apart or not). */
const KEYS: unknown[] = ['a', 'b', 'b ', 'é', 0, -0, 1, '1', NaN, { day: 1 }, { day: 1 }, [1], null, true];

/** A partition of random groups (some keys repeated): numbers as a Float64Array or a plain array, or values of any kind when `mixed`. */
function randomPart(rng: Rng, mixed: boolean): PackedGroups {
  const groups = rng.int(6);
  const keys = Array.from({ length: groups }, () => KEYS[rng.int(KEYS.length)]);
  const counts = Array.from({ length: groups }, () => rng.int(40));
  const total = counts.reduce((a, b) => a + b, 0);
  const pick = [-0, Number.NaN, 1.5, -7, Infinity, 2 ** 53];
  const numbers = Array.from({ length: total }, (_, i) => pick[(i + rng.int(6)) % pick.length]!);
  if (mixed) {
    const values: unknown[] = numbers.map((n, i) => (i % 5 === 0 ? `v${n}` : i % 7 === 0 ? null : n));
    return { keys, counts, numbers: null, values };
  }
  return rng.int(2) === 0
    ? { keys, counts, numbers: Float64Array.from(numbers), values: null }
    : { keys, counts, numbers: null, values: numbers };
}

/** What a reducer walks: each group's key and size, and every value with the key current when it is read. */
function walk(groups: RunGroup[]): unknown[] {
  return groups.map((g) => [
    g.key,
    g.count,
    g.runs.flatMap((r) => Array.from({ length: r.count }, (_, k) => [r.key, r.values[r.start + k]])),
  ]);
}

describe('ReduceInputs', () => {
  it("gives each reducer's merge what concatenating its partitions in map task order gives, each key once, whatever order the tasks answer in", () => {
    for (let seed = 0; seed < 60; seed++) {
      const rng = createRng(`reduce-inputs-${seed}`);
      const tasks = 1 + rng.int(30);
      const reducers = 1 + rng.int(4);
      // Some reducers get only numbers, one sometimes a value that is not a number, early or late.
      const mixedAt = Array.from({ length: reducers }, () => (rng.int(3) === 0 ? rng.int(tasks) : -1));
      const outputs = Array.from({ length: tasks }, (_, t) =>
        Array.from({ length: reducers }, (_, r) => randomPart(rng, mixedAt[r] === t)),
      );
      const order = Array.from({ length: tasks }, (_, i) => i);
      // Every other seed, the tasks answer in order.
      for (let i = seed % 2 === 0 ? 0 : order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const inputs = new ReduceInputs(tasks, reducers);
      for (const t of order) expect(inputs.add(t, outputs[t]!)).toEqual(outputs[t]!.map((p) => p.keys.length));
      for (let r = 0; r < reducers; r++) {
        const all = concatPacked(outputs.map((parts) => parts[r]!));
        const taken = inputs.take(r);
        // The same form (numbers or values), the same groups, keys and values, in the same order
        // (toEqual tells -0 from 0 and takes NaN for NaN).
        expect(taken.numbers === null).toBe(all.numbers === null);
        expect(walk(mergePackedRuns([taken]))).toEqual(walk(mergePackedRuns([all])));
        expect(taken.keys.length).toBe(mergePackedRuns([all]).length);
      }
    }
  });

  it('keeps hundreds of thousands of values in order across its chunks, numbers to the end or turning into values', () => {
    for (const mixedAt of [-1, 35]) {
      // 40 tasks of 9,973 values (a prime: groups and parts straddle every chunk boundary; 400,000
      // values fill more chunks than a 32-bit shift of the first chunk's size could count), three keys each.
      const parts: PackedGroups[] = Array.from({ length: 40 }, (_, t) => {
        const keys = [`k${t % 7}`, `k${(t + 3) % 7}`, 'hot'].sort();
        const counts = [4000, 3000, 2973];
        const numbers = Float64Array.from({ length: 9973 }, (_, i) => t * 10_000 + i);
        if (t !== mixedAt) return { keys, counts, numbers, values: null };
        return { keys, counts, numbers: null, values: [...numbers].map((n, i) => (i === 5 ? `v${n}` : n)) };
      });
      const inputs = new ReduceInputs(parts.length, 1);
      for (const t of [...parts.keys()].reverse()) inputs.add(t, [parts[t]!]);
      const taken = inputs.take(0);
      const all = concatPacked(parts);
      expect(taken.numbers === null).toBe(mixedAt >= 0);
      // As JSON: 400,000 values compare in milliseconds (none is -0 or NaN here).
      expect(JSON.stringify(walk(mergePackedRuns([taken])))).toBe(JSON.stringify(walk(mergePackedRuns([all]))));
    }
  });

  it('joins a word found by many map tasks into one group, its values in task order', () => {
    const inputs = new ReduceInputs(3, 1);
    inputs.add(2, [{ keys: ['cat'], counts: [1], numbers: null, values: [30] }]);
    inputs.add(0, [{ keys: ['cat', 'dog'], counts: [1, 2], numbers: null, values: [10, 20, 21] }]);
    inputs.add(1, [{ keys: ['dog', 'emu'], counts: [1, 1], numbers: null, values: [22, 40] }]);
    expect(inputs.take(0)).toEqual({
      keys: ['cat', 'dog', 'emu'],
      counts: [2, 3, 1],
      numbers: Float64Array.of(10, 30, 20, 21, 22, 40),
      values: null,
    });
  });

  it("stops joining once most keys are distinct, and the reducer still finds every key's values in task order", () => {
    // 12 tasks of 1,000 distinct keys each, plus one hot key in every task and keys of task 0 again
    // in the last tasks: joining stops after the fifth task (over 4,096 keys, most of them distinct).
    const parts: PackedGroups[] = Array.from({ length: 12 }, (_, t) => {
      const keys = [...Array.from({ length: 1000 }, (_, i) => `k${t}-${String(i).padStart(4, '0')}`), 'hot'];
      if (t >= 10) keys.push('k0-0005', 'k0-0999');
      keys.sort();
      return {
        keys,
        counts: keys.map(() => 2),
        numbers: Float64Array.from(keys.flatMap((_, i) => [t, i])),
        values: null,
      };
    });
    const inputs = new ReduceInputs(parts.length, 1);
    [...parts.keys()].reverse().forEach((t) => inputs.add(t, [parts[t]!]));
    const taken = inputs.take(0);
    const all = concatPacked(parts);
    expect(walk(mergePackedRuns([taken]))).toEqual(walk(mergePackedRuns([all])));
    // Joined while it paid (the hot key's first tasks became one group), not after.
    expect(taken.keys.length).toBeLessThan(all.keys.length);
    expect(taken.keys.length).toBeGreaterThan(mergePackedRuns([all]).length);
  });

  it('a reduce with a grouping comparator and getCurrentKey answers the same from the joined input', () => {
    const seen: unknown[] = [];
    const byText = (a: unknown, b: unknown) => String(a).toLowerCase().localeCompare(String(b).toLowerCase());
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
      sortComparator: byText,
      groupingComparator: byText,
    } as unknown as MapReduceFunctions;
    const parts: PackedGroups[] = [
      { keys: ['Cat', 'cat'], counts: [1, 1], numbers: null, values: [1, 2] },
      { keys: ['dog'], counts: [1], numbers: null, values: [3] },
      { keys: ['CAT', 'Cat', 'cat'], counts: [1, 1, 1], numbers: null, values: [4, 5, 6] },
    ];
    const plain = runReduceTask(fns, [concatPacked(parts)], 0);
    const before = seen.splice(0);
    const inputs = new ReduceInputs(parts.length, 1);
    parts.forEach((p, t) => inputs.add(t, [p]));
    expect(runReduceTask(fns, [inputs.take(0)], 0)).toEqual(plain);
    expect(seen).toEqual(before);
  });

  it('takes no partition for a map-only job, and says which map task has not answered', () => {
    const none = new ReduceInputs(3, 0);
    expect(none.add(0, [])).toEqual([]);
    const one = new ReduceInputs(2, 1);
    one.add(1, [{ keys: ['a'], counts: [1], numbers: null, values: [1] }]);
    expect(() => one.take(0)).toThrow('map task 0 has not answered');
  });
});
