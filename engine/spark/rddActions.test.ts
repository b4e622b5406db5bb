/**
 * RDD actions on the examples of PySpark's own docstrings (rdd.py), same data, same
 * partition counts, same answers; run through the driver and the runtime's real runJob.
 */
import { describe, expect, it } from 'vitest';
import { drive, type TestSc } from './rddTestDriver';

const add = (a: number, b: number): number => a + b;
const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);
const run = async <T>(fn: (sc: TestSc) => Promise<T>): Promise<T> => (await drive(fn)).value;

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
    [
      'treeReduce',
      async (sc) => {
        const r = sc.parallelize([-5, -4, -3, -2, -1, 1, 2, 3, 4], 10);
        return [
          await r.treeReduce(add),
          await r.treeReduce(add, 1),
          await r.treeReduce(add, 5),
          await r.treeReduce(add, 10),
        ];
      },
      [-5, -5, -5, -5],
    ],
    [
      'treeAggregate',
      async (sc) => {
        const r = sc.parallelize([-5, -4, -3, -2, -1, 1, 2, 3, 4], 10);
        return [
          await r.treeAggregate(0, add, add),
          await r.treeAggregate(0, add, add, 1),
          await r.treeAggregate(0, add, add, 10),
        ];
      },
      [-5, -5, -5],
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
        const late = await r.sortByKey(true, 10).lookup(950); // before its shuffle ran
        return [await r.lookup(42), await s.lookup(42), await s.lookup(1024), late, await s.lookup(999)];
      },
      [[42], [42], [], [950], [999]],
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
