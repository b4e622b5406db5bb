/**
 * Pair functions on the examples of PySpark's own docstrings (rdd.py), same data, same
 * partition counts, same answers; run through the driver and the runtime's real runJob.
 */
import { describe, expect, it } from 'vitest';
import { drive, type AnyRdd, type TestSc } from './rddTestDriver';

const sorted = (xs: unknown[]): unknown[] => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const add = (a: number, b: number): number => a + b;
const run = async <T>(fn: (sc: TestSc) => Promise<T>): Promise<T> => (await drive(fn)).value;

describe('pair functions (PySpark docstring examples)', () => {
  const x2 = (sc: TestSc): AnyRdd =>
    sc.parallelize([
      ['a', 1],
      ['b', 4],
    ]);
  it.each<[string, (sc: TestSc) => Promise<unknown>, unknown]>([
    [
      'keys',
      (sc) =>
        sc
          .parallelize([
            [1, 2],
            [3, 4],
          ])
          .keys()
          .collect(),
      [1, 3],
    ],
    [
      'values',
      (sc) =>
        sc
          .parallelize([
            [1, 2],
            [3, 4],
          ])
          .values()
          .collect(),
      [2, 4],
    ],
    [
      'mapValues',
      (sc) =>
        sc
          .parallelize([
            ['a', ['apple', 'banana', 'lemon']],
            ['b', ['grapes']],
          ])
          .mapValues((v: string[]) => v.length)
          .collect(),
      [
        ['a', 3],
        ['b', 1],
      ],
    ],
    [
      'flatMapValues',
      (sc) =>
        sc
          .parallelize([
            ['a', ['x', 'y', 'z']],
            ['b', ['p', 'r']],
          ])
          .flatMapValues((v: string[]) => v)
          .collect(),
      [
        ['a', 'x'],
        ['a', 'y'],
        ['a', 'z'],
        ['b', 'p'],
        ['b', 'r'],
      ],
    ],
    [
      'reduceByKey',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 1],
            ['a', 1],
          ])
          .reduceByKey(add)
          .collect()
          .then(sorted),
      [
        ['a', 2],
        ['b', 1],
      ],
    ],
    [
      'groupByKey',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 1],
            ['a', 1],
          ])
          .groupByKey()
          .mapValues((v: number[]) => v.length)
          .collect()
          .then(sorted),
      [
        ['a', 2],
        ['b', 1],
      ],
    ],
    [
      'foldByKey',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 1],
            ['a', 1],
          ])
          .foldByKey(0, add)
          .collect()
          .then(sorted),
      [
        ['a', 2],
        ['b', 1],
      ],
    ],
    [
      'aggregateByKey',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 1],
            ['a', 2],
          ])
          .aggregateByKey(
            [0, 0],
            (a: number[], v: number) => [a[0]! + v, a[1]! + 1],
            (a: number[], b: number[]) => [a[0]! + b[0]!, a[1]! + b[1]!],
          )
          .collect()
          .then(sorted),
      [
        ['a', [3, 2]],
        ['b', [1, 1]],
      ],
    ],
    [
      'combineByKey',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 1],
            ['a', 2],
          ])
          .combineByKey(
            (v: number) => [v],
            (c: number[], v: number) => [...c, v],
            (a: number[], b: number[]) => [...a, ...b],
          )
          .collect()
          .then(sorted),
      [
        ['a', [1, 2]],
        ['b', [1]],
      ],
    ],
    [
      'join',
      (sc) =>
        x2(sc)
          .join(
            sc.parallelize([
              ['a', 2],
              ['a', 3],
            ]),
          )
          .collect()
          .then(sorted),
      [
        ['a', [1, 2]],
        ['a', [1, 3]],
      ],
    ],
    [
      'leftOuterJoin',
      (sc) =>
        x2(sc)
          .leftOuterJoin(sc.parallelize([['a', 2]]))
          .collect()
          .then(sorted),
      [
        ['a', [1, 2]],
        ['b', [4, null]],
      ],
    ],
    [
      'rightOuterJoin',
      (sc) =>
        x2(sc)
          .rightOuterJoin(sc.parallelize([['a', 2]]))
          .collect()
          .then(sorted),
      [['a', [1, 2]]],
    ],
    [
      'fullOuterJoin',
      (sc) =>
        x2(sc)
          .fullOuterJoin(
            sc.parallelize([
              ['a', 2],
              ['c', 8],
            ]),
          )
          .collect()
          .then(sorted),
      [
        ['a', [1, 2]],
        ['b', [4, null]],
        ['c', [null, 8]],
      ],
    ],
    [
      'cogroup',
      (sc) =>
        x2(sc)
          .cogroup(sc.parallelize([['a', 2]]))
          .collect()
          .then(sorted),
      [
        ['a', [[1], [2]]],
        ['b', [[4], []]],
      ],
    ],
    [
      'groupWith',
      (sc) =>
        sc
          .parallelize([
            ['a', 5],
            ['b', 6],
          ])
          .groupWith(x2(sc), sc.parallelize([['a', 2]]), sc.parallelize([['b', 42]]))
          .collect()
          .then(sorted),
      [
        ['a', [[5], [1], [2], []]],
        ['b', [[6], [4], [], [42]]],
      ],
    ],
    [
      'subtractByKey',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 4],
            ['b', 5],
            ['a', 2],
          ])
          .subtractByKey(
            sc.parallelize([
              ['a', 3],
              ['c', null],
            ]),
          )
          .collect()
          .then(sorted),
      [
        ['b', 4],
        ['b', 5],
      ],
    ],
    [
      'sortByKey',
      (sc) =>
        sc
          .parallelize([
            ['a', 1],
            ['b', 2],
            ['1', 3],
            ['d', 4],
            ['2', 5],
          ])
          .sortByKey(true, 2)
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
      'sortByKey with keyfunc',
      (sc) =>
        sc
          .parallelize([
            ['Mary', 1],
            ['had', 2],
            ['a', 3],
            ['little', 4],
            ['lamb', 5],
            ['whose', 6],
            ['fleece', 7],
            ['was', 8],
            ['white', 9],
          ])
          .sortByKey(true, 3, (k: string) => k.toLowerCase())
          .collect(),
      [
        ['a', 3],
        ['fleece', 7],
        ['had', 2],
        ['lamb', 5],
        ['little', 4],
        ['Mary', 1],
        ['was', 8],
        ['white', 9],
        ['whose', 6],
      ],
    ],
    [
      'partitionBy',
      async (sc) => {
        const sets = await sc
          .parallelize([1, 2, 3, 4, 2, 4, 1].map((v) => [v, v]))
          .partitionBy(2)
          .glom()
          .collect();
        const keys = (p: number[][]) => new Set(p.map((kv) => kv[0]));
        return [...keys(sets[0])].filter((k) => keys(sets[1]).has(k));
      },
      [],
    ],
  ])('%s', async (_name, job, expected) => {
    expect(await run(job)).toEqual(expected);
  });
});
