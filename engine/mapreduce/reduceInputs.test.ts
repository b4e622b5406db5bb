import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core';
import type { PackedGroups } from '../sandbox/contract/taskRunner';
import { concatPacked } from './packedGroups';
import { ReduceInputs } from './reduceInputs';

/** A partition of random groups: numbers as a Float64Array or a plain array, or values of any kind when `mixed`. */
function randomPart(rng: Rng, mixed: boolean): PackedGroups {
  const groups = rng.int(4);
  const keys = Array.from({ length: groups }, (_, i) => (rng.int(2) === 0 ? `k${i}` : { day: i }));
  const counts = Array.from({ length: groups }, () => 1 + rng.int(300));
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

/** Every value of `a` is `b`'s (Object.is: -0 and NaN count), in the same form (numbers or values). */
function expectSame(a: PackedGroups, b: PackedGroups): void {
  expect(a.keys).toEqual(b.keys);
  expect(a.counts).toEqual(b.counts);
  expect(a.numbers === null).toBe(b.numbers === null);
  const x = [...(a.numbers ?? a.values!)];
  const y = [...(b.numbers ?? b.values!)];
  expect(x.length).toBe(y.length);
  expect(x.flatMap((v, i) => (Object.is(v, y[i]) ? [] : [i]))).toEqual([]);
}

describe('ReduceInputs', () => {
  it('gives each reducer what concatenating its partitions in map task order gives, whatever order the tasks answer in, in order too', () => {
    for (let seed = 0; seed < 40; seed++) {
      const rng = createRng(`reduce-inputs-${seed}`);
      const tasks = 1 + rng.int(30);
      const reducers = 1 + rng.int(4);
      // Some reducers get only numbers, one sometimes a value that is not a number, early or late.
      const mixedAt = Array.from({ length: reducers }, () => (rng.int(3) === 0 ? rng.int(tasks) : -1));
      const outputs = Array.from({ length: tasks }, (_, t) =>
        Array.from({ length: reducers }, (_, r) => randomPart(rng, mixedAt[r] === t)),
      );
      const order = Array.from({ length: tasks }, (_, i) => i);
      // Every other seed, the tasks answer in order (the store is then handed over as it stands).
      for (let i = seed % 2 === 0 ? 0 : order.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const inputs = new ReduceInputs(tasks, reducers);
      for (const t of order) expect(inputs.add(t, outputs[t]!)).toEqual(outputs[t]!.map((p) => p.keys.length));
      for (let r = 0; r < reducers; r++) expectSame(inputs.take(r), concatPacked(outputs.map((parts) => parts[r]!)));
    }
  });

  it('takes no partition for a map-only job, and says which map task has not answered', () => {
    const none = new ReduceInputs(3, 0);
    expect(none.add(0, [])).toEqual([]);
    const one = new ReduceInputs(2, 1);
    one.add(1, [{ keys: ['a'], counts: [1], numbers: null, values: [1] }]);
    expect(() => one.take(0)).toThrow('map task 0 has not answered');
  });
});
