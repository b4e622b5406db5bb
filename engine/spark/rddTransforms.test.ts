/**
 * RDD transformations on the examples of PySpark's own docstrings (rdd.py), same data, same
 * partition counts, same answers; run through the driver and the runtime's real runJob.
 */
import { describe, expect, it } from 'vitest';
import { drive, type TestSc } from './rddTestDriver';

const sorted = (xs: unknown[]): unknown[] => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);
const run = async <T>(fn: (sc: TestSc) => Promise<T>): Promise<T> => (await drive(fn)).value;

describe('transformations (PySpark docstring examples)', () => {
  it.each<[string, (sc: TestSc) => Promise<unknown>, unknown]>([
    [
      'map',
      (sc) =>
        sc
          .parallelize(['b', 'a', 'c'])
          .map((x: string) => [x, 1])
          .collect(),
      [
        ['b', 1],
        ['a', 1],
        ['c', 1],
      ],
    ],
    [
      'flatMap',
      (sc) =>
        sc
          .parallelize([2, 3, 4])
          .flatMap((x: number) => range(1, x))
          .collect(),
      [1, 1, 2, 1, 2, 3],
    ],
    [
      'filter',
      (sc) =>
        sc
          .parallelize([1, 2, 3, 4, 5])
          .filter((x: number) => x % 2 === 0)
          .collect(),
      [2, 4],
    ],
    [
      'mapPartitions',
      (sc) =>
        sc
          .parallelize([1, 2, 3, 4], 2)
          .mapPartitions(function* (it: Iterable<number>) {
            let s = 0;
            for (const x of it) s += x;
            yield s;
          })
          .collect(),
      [3, 7],
    ],
    [
      'mapPartitionsWithIndex',
      (sc) =>
        sc
          .parallelize([1, 2, 3, 4], 4)
          .mapPartitionsWithIndex((i: number) => [i])
          .sum(),
      6,
    ],
    [
      'glom',
      (sc) => sc.parallelize([1, 2, 3, 4], 2).glom().collect(),
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      'keyBy + cogroup',
      (sc) => {
        const x = sc.parallelize(range(0, 3)).keyBy((v: number) => v * v);
        const y = sc.parallelize(range(0, 5).map((v) => [v, v]));
        return x.cogroup(y).collect().then(sorted);
      },
      [
        [0, [[0], [0]]],
        [1, [[1], [1]]],
        [2, [[], [2]]],
        [3, [[], [3]]],
        [4, [[2], [4]]],
      ],
    ],
    ['distinct', (sc) => sc.parallelize([1, 1, 2, 3]).distinct().collect().then(sorted), [1, 2, 3]],
    [
      'union',
      (sc) => {
        const r = sc.parallelize([1, 1, 2, 3]);
        return r.union(r).collect();
      },
      [1, 1, 2, 3, 1, 1, 2, 3],
    ],
    [
      'intersection',
      (sc) =>
        sc
          .parallelize([1, 10, 2, 3, 4, 5])
          .intersection(sc.parallelize([1, 6, 2, 3, 7, 8]))
          .collect()
          .then(sorted),
      [1, 2, 3],
    ],
    [
      'subtract',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 4],
            ['b', 5],
            ['a', 3],
          ])
          .subtract(
            sc.parallelize([
              ['a', 3],
              ['c', null],
            ]),
          )
          .collect()
          .then(sorted),
      [
        ['a', 1],
        ['b', 4],
        ['b', 5],
      ],
    ],
    [
      'cartesian',
      (sc) => {
        const r = sc.parallelize([1, 2]);
        return r.cartesian(r).collect().then(sorted);
      },
      [
        [1, 1],
        [1, 2],
        [2, 1],
        [2, 2],
      ],
    ],
    [
      'groupBy',
      (sc) =>
        sc
          .parallelize([1, 1, 2, 3, 5, 8])
          .groupBy((x: number) => x % 2)
          .collect()
          .then(sorted),
      [
        [0, [2, 8]],
        [1, [1, 1, 3, 5]],
      ],
    ],
    [
      'sortBy by key',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 2],
            ['1', 3],
            ['d', 4],
            ['2', 5],
          ])
          .sortBy((x: unknown[]) => x[0])
          .collect(),
      [
        ['1', 3],
        ['2', 5],
        ['a', 1],
        ['b', 2],
        ['d', 4],
      ],
    ],
    [
      'sortBy by value',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 2],
            ['1', 3],
            ['d', 4],
            ['2', 5],
          ])
          .sortBy((x: unknown[]) => x[1])
          .collect(),
      [
        ['a', 1],
        ['b', 2],
        ['1', 3],
        ['d', 4],
        ['2', 5],
      ],
    ],
    [
      'repartition',
      async (sc) => {
        const r = sc.parallelize([1, 2, 3, 4, 5, 6, 7], 4);
        return [
          (await r.glom().collect()).length,
          (await r.repartition(2).glom().collect()).length,
          (await r.repartition(10).glom().collect()).length,
          (await r.repartition(10).collect()).sort(),
        ];
      },
      [4, 2, 10, [1, 2, 3, 4, 5, 6, 7]],
    ],
    [
      'coalesce',
      async (sc) => {
        const r = sc.parallelize([1, 2, 3, 4, 5], 3);
        return [
          await r.glom().collect(),
          await r.coalesce(1).glom().collect(),
          r.coalesce(5).getNumPartitions(),
          r.coalesce(5, true).getNumPartitions(),
        ];
      },
      [[[1], [2, 3], [4, 5]], [[1, 2, 3, 4, 5]], 3, 5],
    ],
    [
      'zip',
      (sc) =>
        sc
          .parallelize(range(0, 5))
          .zip(sc.parallelize(range(1000, 1005)))
          .collect(),
      range(0, 5).map((i) => [i, 1000 + i]),
    ],
    [
      'zipWithIndex',
      (sc) => sc.parallelize(['a', 'b', 'c', 'd'], 3).zipWithIndex().collect(),
      [
        ['a', 0],
        ['b', 1],
        ['c', 2],
        ['d', 3],
      ],
    ],
    [
      'zipWithUniqueId',
      (sc) => sc.parallelize(['a', 'b', 'c', 'd', 'e'], 3).zipWithUniqueId().collect(),
      [
        ['a', 0],
        ['b', 1],
        ['c', 4],
        ['d', 2],
        ['e', 5],
      ],
    ],
  ])('%s', async (_name, job, expected) => {
    expect(await run(job)).toEqual(expected);
  });
});
