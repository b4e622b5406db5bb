/**
 * Property tests: seeded random pair data, partition counts and shuffle sizes; every result equals
 * a plain computation over the same data and does not depend on how the data was partitioned.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core';
import { compareKeys } from '../exec/keyOrder';
import { drive } from './rddTestDriver';

type P = [unknown, number];
const KEYS: unknown[] = ['a', 'b', 'spark', 'Aa', 'BB', 0, 1, -7, 2 ** 33, 2.5, null, true, ['t', 1], ''];
const id = (k: unknown): string => JSON.stringify(k) ?? 'undefined';
const canon = (xs: unknown[]): string[] => xs.map((x) => JSON.stringify(x)).sort();
const add = (a: number, b: number): number => a + b;

function randomPairs(rng: Rng): P[] {
  const n = rng.int(60);
  return Array.from({ length: n }, () => [KEYS[rng.int(KEYS.length)], rng.int(100) - 20] as P);
}

function groupPlain(pairs: P[]): Map<string, [unknown, number[]]> {
  const m = new Map<string, [unknown, number[]]>();
  for (const [k, v] of pairs) {
    const e = m.get(id(k)) ?? [k, []];
    e[1].push(v);
    m.set(id(k), e);
  }
  return m;
}

describe('RDD results equal plain computations, whatever the partitioning', () => {
  for (let trial = 0; trial < 25; trial++) {
    it(`seeded trial ${trial}`, async () => {
      const rng = createRng(1000 + trial);
      const left = randomPairs(rng);
      const right = randomPairs(rng);
      const slices = 1 + rng.int(8);
      const reducers = 1 + rng.int(6);
      const compute = async (numSlices: number) =>
        (
          await drive(async (sc) => {
            const a = sc.parallelize(left, numSlices);
            const b = sc.parallelize(right, 1 + (numSlices % 3));
            const nums = a.values();
            return {
              reduce: canon(await a.reduceByKey(add, reducers).collect()),
              group: canon(
                await a
                  .groupByKey()
                  .mapValues((vs: number[]) => [...vs].sort((x, y) => x - y))
                  .collect(),
              ),
              fold: canon(await a.foldByKey(0, add, reducers).collect()),
              aggregate: canon(
                await a
                  .aggregateByKey(
                    [0, 0],
                    (c: number[], v: number) => [c[0]! + v, c[1]! + 1],
                    (x: number[], y: number[]) => [x[0]! + y[0]!, x[1]! + y[1]!],
                  )
                  .collect(),
              ),
              countByKey: canon([...(await a.countByKey()).entries()]),
              distinct: canon(await a.keys().distinct(reducers).collect()),
              join: canon(await a.join(b, reducers).collect()),
              left: canon(await a.leftOuterJoin(b).collect()),
              full: canon(await a.fullOuterJoin(b).collect()),
              subtractByKey: canon(await a.subtractByKey(b).collect()),
              intersection: canon(await a.keys().intersection(b.keys()).collect()),
              partitioned: canon(
                await a.partitionBy(reducers).reduceByKey(add).join(b.partitionBy(reducers)).collect(),
              ),
              sorted: (await a.sortByKey(true, reducers).keys().collect()).map(id),
              sortedDesc: (await a
                .sortBy((kv: P) => kv[1], false, reducers)
                .values()
                .collect()) as number[],
              sum: await nums.sum(),
              count: await a.count(),
              fold1: await nums.fold(0, add),
              indices: (await a.zipWithIndex().values().collect()) as number[],
            };
          })
        ).value;
      const got = await compute(slices);
      // Plain computations of the same.
      const groups = groupPlain(left);
      const rightGroups = groupPlain(right);
      const sumOf = (vs: number[]) => vs.reduce(add, 0);
      expect(got.reduce).toEqual(canon([...groups.values()].map(([k, vs]) => [k, sumOf(vs)])));
      expect(got.fold).toEqual(got.reduce);
      expect(got.group).toEqual(canon([...groups.values()].map(([k, vs]) => [k, [...vs].sort((x, y) => x - y)])));
      expect(got.aggregate).toEqual(canon([...groups.values()].map(([k, vs]) => [k, [sumOf(vs), vs.length]])));
      expect(got.countByKey).toEqual(canon([...groups.values()].map(([k, vs]) => [k, vs.length])));
      expect(got.distinct).toEqual(canon([...groups.values()].map(([k]) => k)));
      const joined: unknown[] = [];
      const leftJoined: unknown[] = [];
      for (const [k, v] of left) {
        const ws = rightGroups.get(id(k))?.[1] ?? [];
        for (const w of ws) joined.push([k, [v, w]]);
        if (ws.length === 0) leftJoined.push([k, [v, null]]);
      }
      expect(got.join).toEqual(canon(joined));
      expect(got.left).toEqual(canon([...joined, ...leftJoined]));
      const rightOnly = right.filter(([k]) => !groups.has(id(k))).map(([k, w]) => [k, [null, w]]);
      expect(got.full).toEqual(canon([...joined, ...leftJoined, ...rightOnly]));
      expect(got.subtractByKey).toEqual(canon(left.filter(([k]) => !rightGroups.has(id(k)))));
      expect(got.intersection).toEqual(
        canon([...groups.values()].filter(([k]) => rightGroups.has(id(k))).map(([k]) => k)),
      );
      const sums = new Map([...groups.values()].map(([k, vs]) => [id(k), sumOf(vs)]));
      expect(got.partitioned).toEqual(
        canon(right.filter(([k]) => sums.has(id(k))).map(([k, w]) => [k, [sums.get(id(k)), w]])),
      );
      expect(got.sorted).toEqual(
        left
          .map((kv) => kv[0])
          .sort(compareKeys)
          .map(id),
      );
      expect(got.sortedDesc).toEqual(left.map((kv) => kv[1]).sort((x, y) => y - x));
      expect(got.sum).toBe(sumOf(left.map((kv) => kv[1])));
      expect(got.fold1).toBe(got.sum);
      expect(got.count).toBe(left.length);
      expect(got.indices).toEqual(left.map((_, i) => i));
      // The same answers from one partition (sortByKey: keys in the same order).
      const single = await compute(1);
      expect(single).toEqual(got);
    });
  }
});
