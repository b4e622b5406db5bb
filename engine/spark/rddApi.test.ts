/**
 * Every RDD method on the examples of PySpark's own docstrings (rdd.py), same data, same
 * partition counts, same answers; run through the driver and the runtime's real runJob.
 */
import { describe, expect, it } from 'vitest';
import { drive, type AnyRdd, type TestSc } from './rddTestDriver';

const sorted = (xs: unknown[]): unknown[] => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const add = (a: number, b: number): number => a + b;
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

describe('actions (PySpark docstring examples)', () => {
  it.each<[string, (sc: TestSc) => Promise<unknown>, unknown]>([
    ['reduce', (sc) => sc.parallelize([1, 2, 3, 4, 5]).reduce(add), 15],
    ['fold', (sc) => sc.parallelize([1, 2, 3, 4, 5]).fold(0, add), 15],
    [
      'aggregate',
      (sc) =>
        sc.parallelize([1, 2, 3, 4]).aggregate(
          [0, 0],
          (a: number[], y: number) => [a[0]! + y, a[1]! + 1],
          (a: number[], b: number[]) => [a[0]! + b[0]!, a[1]! + b[1]!],
        ),
      [10, 4],
    ],
    [
      'aggregate of an empty RDD',
      (sc) =>
        sc.parallelize([]).aggregate(
          [0, 0],
          (a: number[]) => a,
          (a: number[]) => a,
        ),
      [0, 0],
    ],
    ['take', (sc) => sc.parallelize([2, 3, 4, 5, 6]).cache().take(2), [2, 3]],
    [
      'take past the end',
      (sc) =>
        sc
          .parallelize(range(0, 100), 100)
          .filter((x: number) => x > 90)
          .take(3),
      [91, 92, 93],
    ],
    ['first', (sc) => sc.parallelize([2, 3, 4]).first(), 2],
    ['isEmpty', async (sc) => [await sc.parallelize([]).isEmpty(), await sc.parallelize([1]).isEmpty()], [true, false]],
    ['count', (sc) => sc.parallelize([2, 3, 4]).count(), 3],
    ['takeOrdered', (sc) => sc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7], 2).takeOrdered(6), [1, 2, 3, 4, 5, 6]],
    [
      'takeOrdered with keyfunc',
      (sc) => sc.parallelize([10, 1, 2, 9, 3, 4, 5, 6, 7], 2).takeOrdered(6, (x: number) => -x),
      [10, 9, 7, 6, 5, 4],
    ],
    ['top', (sc) => sc.parallelize([2, 3, 4, 5, 6], 2).top(2), [6, 5]],
    ['top with key', (sc) => sc.parallelize([10, 4, 2, 12, 3]).top(3, String), [4, 3, 2]],
    [
      'max',
      async (sc) => {
        const r = sc.parallelize([1.0, 5.0, 43.0, 10.0]);
        return [await r.max(), await r.max(String)];
      },
      [43, 5],
    ],
    [
      'min',
      async (sc) => {
        const r = sc.parallelize([2.0, 5.0, 43.0, 10.0]);
        return [await r.min(), await r.min(String)];
      },
      [2, 10],
    ],
    [
      'countByValue',
      async (sc) => [...(await sc.parallelize([1, 2, 1, 2, 2], 2).countByValue()).entries()].sort(),
      [
        [1, 2],
        [2, 3],
      ],
    ],
    [
      'countByKey',
      async (sc) =>
        [
          ...(
            await sc
              .parallelize([
                ['a', 1],
                ['b', 1],
                ['a', 1],
              ])
              .countByKey()
          ).entries(),
        ].sort(),
      [
        ['a', 2],
        ['b', 1],
      ],
    ],
    [
      'collectAsMap',
      async (sc) => {
        const m = await sc
          .parallelize([
            [1, 2],
            [3, 4],
          ])
          .collectAsMap();
        return [m.get(1), m.get(3)];
      },
      [2, 4],
    ],
    [
      'lookup',
      async (sc) => {
        const l = range(0, 1000);
        const r = sc.parallelize(
          l.map((v) => [v, v]),
          10,
        );
        const s = r.sortByKey();
        return [await r.lookup(42), await s.lookup(42), await s.lookup(1024)];
      },
      [[42], [42], []],
    ],
    [
      'lookup a tuple key',
      async (sc) =>
        (
          await sc
            .parallelize([[['a', 'b'], 'c']])
            .groupByKey()
            .lookup(['a', 'b'])
        )[0],
      ['c'],
    ],
    ['sum', (sc) => sc.parallelize([1.0, 2.0, 3.0]).sum(), 6],
    ['sum of nothing', (sc) => sc.parallelize([]).sum(), 0],
    ['mean', (sc) => sc.parallelize([1, 2, 3]).mean(), 2],
    ['variance', (sc) => sc.parallelize([1, 2, 3]).variance(), 2 / 3],
    ['stdev', (sc) => sc.parallelize([1, 2, 3]).stdev(), Math.sqrt(2 / 3)],
    ['sampleVariance', (sc) => sc.parallelize([1, 2, 3]).sampleVariance(), 1],
    ['sampleStdev', (sc) => sc.parallelize([1, 2, 3]).sampleStdev(), 1],
    [
      'histogram(2)',
      (sc) => sc.parallelize(range(0, 51)).histogram(2),
      [
        [0, 25, 50],
        [25, 26],
      ],
    ],
    [
      'histogram(buckets)',
      (sc) => sc.parallelize(range(0, 51)).histogram([0, 5, 25, 50]),
      [
        [0, 5, 25, 50],
        [5, 20, 26],
      ],
    ],
    [
      'histogram, last bucket closed',
      (sc) => sc.parallelize(range(0, 51)).histogram([0, 15, 30, 45, 60]),
      [
        [0, 15, 30, 45, 60],
        [15, 15, 15, 6],
      ],
    ],
    ['histogram of one value', (sc) => sc.parallelize([3, 3, 3]).histogram(4), [[3, 3], [3]]],
    [
      'stats',
      async (sc) => {
        const s = await sc.parallelize([1, 2, 3], 2).stats();
        return [s.count(), s.mean(), s.sum(), s.min(), s.max(), s.toString()];
      },
      [3, 2, 6, 1, 3, '(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)'],
    ],
    [
      'toLocalIterator',
      async (sc) => {
        const out: number[] = [];
        for await (const x of sc.parallelize(range(0, 10), 3).toLocalIterator()) out.push(x as number);
        return out;
      },
      range(0, 10),
    ],
    [
      'foreach and foreachPartition return nothing',
      async (sc) => {
        const r = sc.parallelize([1, 2]);
        return [await r.foreach(() => 0), await r.foreachPartition(() => 0)];
      },
      [undefined, undefined],
    ],
  ])('%s', async (_name, job, expected) => {
    const got = await run(job);
    if (typeof expected === 'number') expect(got).toBeCloseTo(expected, 12);
    else expect(got).toEqual(expected);
  });

  it('samples as PySpark’s examples bound them, the same for the same seed', async () => {
    const got = await run(async (sc) => {
      const r = sc.parallelize(range(0, 100), 4);
      const [a, b] = sc.parallelize(range(0, 500), 1).randomSplit([2, 3], 17);
      const ten = sc.parallelize(range(0, 10));
      return {
        sampled: await r.sample(false, 0.1, 81).count(),
        again: (await r.sample(false, 0.1, 81).collect()).join() === (await r.sample(false, 0.1, 81).collect()).join(),
        other: (await r.sample(false, 0.5, 1).collect()).join() !== (await r.sample(false, 0.5, 2).collect()).join(),
        withReplacement: await r.sample(true, 2, 5).count(),
        split: [...(await a.collect()), ...(await b.collect())].sort((x: number, y: number) => x - y),
        first: await a.count(),
        takeSample: [
          (await ten.takeSample(true, 20, 1)).length,
          (await ten.takeSample(false, 5, 2)).length,
          (await ten.takeSample(false, 15, 3)).sort((x: number, y: number) => x - y),
        ],
      };
    });
    expect(got.sampled).toBeGreaterThanOrEqual(4);
    expect(got.sampled).toBeLessThanOrEqual(18);
    expect(got.again).toBe(true);
    expect(got.other).toBe(true);
    expect(got.withReplacement).toBeGreaterThan(140);
    expect(got.withReplacement).toBeLessThan(260);
    expect(got.split).toEqual(range(0, 500));
    expect(got.first).toBeGreaterThan(150);
    expect(got.first).toBeLessThan(250);
    expect(got.takeSample).toEqual([20, 5, range(0, 10)]);
  });
});
