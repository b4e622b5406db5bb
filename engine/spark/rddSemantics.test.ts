/**
 * What Spark does that a plain computation would not show: where keys land, which operations
 * shuffle, how zero values are copied and counted, how many jobs an action runs, the lineage text.
 */
import { describe, expect, it } from 'vitest';
import { HashPartitioner } from './hashPartitioner';
import { drive, type TestSc } from './rddTestDriver';

const add = (a: number, b: number): number => a + b;
const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

describe('partitioning as Spark partitions', () => {
  it('puts each key in the partition of its Java hashCode (reduceByKey, partitionBy)', async () => {
    const keys = ['a', 'b', 'spark', 'hadoop', 'polygenelubricants', 0, 1, 7, -3, 2 ** 40, 1.5, true, null];
    const { value } = await drive(async (sc) => {
      const pairs = sc.parallelize(
        keys.map((k) => [k, 1]),
        2,
      );
      return [await pairs.reduceByKey(add, 4).glom().collect(), await pairs.partitionBy(3).glom().collect()];
    });
    const [reduced, partitioned] = value as [unknown[][][], unknown[][][]];
    const h4 = new HashPartitioner(4);
    const h3 = new HashPartitioner(3);
    reduced.forEach((rows, p) => rows.forEach((kv) => expect(h4.getPartition(kv[0])).toBe(p)));
    partitioned.forEach((rows, p) => rows.forEach((kv) => expect(h3.getPartition(kv[0])).toBe(p)));
    expect(partitioned.flat().length).toBe(keys.length);
    // 'a' (97) and 7 land where Spark puts them.
    expect(partitioned[97 % 3]!.some((kv) => kv[0] === 'a')).toBe(true);
    expect(reduced[7 % 4]!.some((kv) => kv[0] === 7)).toBe(true);
  });

  it('keeps the partitioner: reduceByKey and join after partitionBy need no new shuffle', async () => {
    const { log, value } = await drive(async (sc) => {
      const p = sc
        .parallelize(
          range(0, 40).map((i) => [i % 7, i]),
          3,
        )
        .partitionBy(4)
        .cache();
      const reduced = p.reduceByKey(add);
      const joined = p.join(reduced);
      const mapped = p.map((kv: unknown) => kv).reduceByKey(add); // map forgets the partitioner: shuffles
      return [reduced.getNumPartitions(), joined.getNumPartitions(), await joined.count(), await mapped.count()];
    });
    expect(value).toEqual([4, 4, 40, 7]);
    // partitionBy's shuffle, and mapped's: reduceByKey and join read p's partitions narrowly.
    expect(log.shuffles.length).toBe(2);
    const cogroup = log.rdds.find((r) => r.name === 'cogroup' && r.deps.length === 2)!;
    expect(cogroup.deps.map((d) => d.kind)).toEqual(['narrow', 'narrow']);
  });

  it('takes the default partition count as Spark’s defaultPartitioner: the largest parent, or its partitioner', async () => {
    const { value } = await drive(async (sc) => {
      const a = sc.parallelize([[1, 1]], 3);
      const b = sc.parallelize([[1, 2]], 5);
      const partitioned = a.partitionBy(2);
      return [
        a.reduceByKey(add).getNumPartitions(),
        a.join(b).getNumPartitions(),
        partitioned.join(b).getNumPartitions(), // a partitioner within 10x of the largest is kept
        partitioned.join(sc.parallelize([[1, 2]], 40)).getNumPartitions(), // not eligible: 40
        a.groupByKey(7).getNumPartitions(),
        a.distinct().getNumPartitions(),
        a.sortByKey().getNumPartitions(),
      ];
    });
    expect(value).toEqual([3, 5, 2, 40, 7, 3, 3]);
  });

  it('sorts with a range partitioner: partitions in order, each sorted, keyfunc and descending too', async () => {
    const data = range(0, 300).map((i) => [(i * 7919) % 1000, i]);
    const { value } = await drive(async (sc) => {
      const r = sc.parallelize(data, 5);
      return [await r.sortByKey(true, 4).glom().collect(), await r.sortByKey(false, 3).collect()];
    });
    const [parts, desc] = value as [number[][][], number[][]];
    expect(parts.length).toBe(4);
    const flat = parts.flat().map((kv) => kv[0]!);
    expect(flat).toEqual([...flat].sort((x, y) => x - y));
    // The ranges are balanced by the sample: no partition holds most of the keys.
    for (const p of parts) expect(p.length).toBeLessThan(150);
    expect(desc.map((kv) => kv[0])).toEqual(data.map((kv) => kv[0]).sort((x, y) => y! - x!));
  });
});

describe('zero values and folds as Spark copies and counts them', () => {
  it('fold applies a non-neutral zero once per partition and once in the driver', async () => {
    const { value } = await drive(async (sc) => [
      await sc.parallelize([1, 2, 3], 3).fold(1, add),
      await sc.parallelize([1, 2, 3], 1).fold(1, add),
      await sc.parallelize([1, 2, 3], 3).aggregate(10, add, add),
    ]);
    expect(value).toEqual([6 + 3 + 1, 6 + 1 + 1, 6 + 30 + 10]);
  });

  it('copies zero values as a serializer would: a Set stays a Set, each key has its own', async () => {
    const { value } = await drive(async (sc) => {
      const zero = new Set<number>();
      const r = sc.parallelize(
        [
          ['a', 1],
          ['b', 2],
          ['a', 3],
          ['a', 1],
        ],
        2,
      );
      const sets = await r
        .aggregateByKey(
          zero,
          (s: Set<number>, v: number) => s.add(v),
          (x: Set<number>, y: Set<number>) => new Set([...x, ...y]),
        )
        .collectAsMap();
      const folded = await r.foldByKey(10, add).collectAsMap();
      const dates = await sc.parallelize([1, 2], 2).aggregate(
        { at: new Date(0), seen: new Map<string, number>() },
        (acc: { at: Date; seen: Map<string, number> }, x: number) => (acc.seen.set(`x${x}`, x), acc),
        (a: { at: Date; seen: Map<string, number> }, b: { at: Date; seen: Map<string, number> }) => ({
          at: a.at,
          seen: new Map([...a.seen, ...b.seen]),
        }),
      );
      return { sets, zero, folded, dates };
    });
    const v = value as {
      sets: Map<string, Set<number>>;
      zero: Set<number>;
      folded: Map<string, number>;
      dates: { at: Date; seen: Map<string, number> };
    };
    expect(v.sets.get('a')).toBeInstanceOf(Set);
    expect([...v.sets.get('a')!].sort()).toEqual([1, 3]);
    expect([...v.sets.get('b')!]).toEqual([2]);
    expect(v.zero.size).toBe(0); // the driver's zero is never changed
    // A zero per key per partition: a is in both partitions, b in one.
    expect([v.folded.get('a'), v.folded.get('b')]).toEqual([10 + 1 + (10 + 3 + 1), 10 + 2]);
    expect(v.dates.at).toBeInstanceOf(Date);
    expect([...v.dates.seen.keys()].sort()).toEqual(['x1', 'x2']);
  });
});

describe('results keep their types', () => {
  it('countByKey, countByValue and collectAsMap give Maps keyed by the real keys (arrays by value)', async () => {
    const { value } = await drive(async (sc) => {
      const r = sc.parallelize(
        [
          [[1, 2], 'x'],
          [[1, 2], 'y'],
          [3, 'z'],
          ['3', 'w'],
        ],
        3,
      );
      return [await r.countByKey(), await r.keys().countByValue(), await r.collectAsMap()];
    });
    const [byKey, byValue, asMap] = value as Map<unknown, unknown>[];
    expect([...byKey!.entries()]).toEqual([
      [[1, 2], 2],
      [3, 1],
      ['3', 1],
    ]);
    expect(byValue!.get(3)).toBe(1);
    expect(byValue!.get('3')).toBe(1);
    expect([...asMap!.values()]).toEqual(['y', 'z', 'w']); // the last value of a key wins
  });
});

describe('jobs as Spark runs them', () => {
  it('take scans one partition, then four times more, as Spark’s take does', async () => {
    const { log, value } = await drive(async (sc: TestSc) =>
      sc
        .parallelize(range(0, 20), 20)
        .filter((x: number) => x >= 15)
        .take(2),
    );
    expect(value).toEqual([15, 16]);
    expect(log.jobs.map((j) => j.partitions)).toEqual([[0], [1, 2, 3, 4], range(5, 20)]);
  });

  it('take estimates the partitions still to scan from the rows still wanted (Spark 3), and takes nothing for a negative num', async () => {
    const { log, value } = await drive(async (sc: TestSc) => {
      const r = sc.parallelize(range(1, 11), 5);
      return [await r.take(3), await r.take(-1)];
    });
    expect(value).toEqual([[1, 2, 3], []]);
    // 2 rows from partition 0; 1 more wanted: ceil(1.5 * 1 * 1 / 2) = 1 partition (Spark 2's formula scanned 2).
    expect(log.jobs.map((j) => j.partitions)).toEqual([[0], [1]]);
  });

  it('prints the lineage as Spark’s toDebugString, a shuffle as a new stage', async () => {
    const { value } = await drive(async (sc) =>
      sc
        .parallelize(['a b', 'b'], 2)
        .flatMap((l: string) => l.split(' '))
        .map((w: string) => [w, 1])
        .reduceByKey(add)
        .setName('counts')
        .cache()
        .toDebugString(),
    );
    expect(value).toBe(
      [
        '(2) counts ShuffledRDD[3] at reduceByKey [Memory Deserialized 1x Replicated]',
        ' +-(2) MapPartitionsRDD[2] at map []',
        '    |  MapPartitionsRDD[1] at flatMap []',
        '    |  ParallelCollectionRDD[0] at parallelize []',
      ].join('\n'),
    );
  });

  it('tells about an RDD: id, name, storage level, isCached', async () => {
    const { value } = await drive(async (sc) => {
      const r = sc.parallelize([1], 1);
      const before = [r.id(), r.name(), r.getStorageLevel(), r.isCached()];
      r.setName('ones').persist('MEMORY_AND_DISK');
      const after = [r.name(), r.getStorageLevel(), r.isCached(), String(r)];
      r.unpersist();
      return [before, after, r.isCached(), r.getStorageLevel()];
    });
    expect(value).toEqual([
      [0, null, 'NONE', false],
      ['ones', 'MEMORY_AND_DISK', true, 'ones ParallelCollectionRDD[0] at parallelize'],
      false,
      'NONE',
    ]);
  });
});

describe('treeAggregate as Spark builds it', () => {
  it('combines 100 partial results in a shuffle of 10 partitions before the driver, with the zero per use', async () => {
    const { log, value } = await drive(async (sc) => {
      const r = sc.parallelize(range(0, 1000), 100);
      return [await r.treeAggregate(0, add, add), await r.treeAggregate(1, add, add), await r.treeReduce(add, 3)];
    });
    // Zero 1: once per partition (100), once per key in each map task of the foldByKey (100),
    // once per partition of the final fold (10) and once in the driver.
    expect(value).toEqual([499500, 499500 + 100 + 100 + 10 + 1, 499500]);
    expect(log.shuffles.map((s) => [s.numMaps, s.numReduces])).toEqual([
      [100, 10],
      [100, 10],
      [100, 20], // depth 3: scale 5, 100 → 20 → 4
      [20, 4],
    ]);
  });

  it('treeReduce of nothing is Spark’s empty collection', async () => {
    await expect(drive(async (sc) => sc.parallelize([], 4).treeReduce(add))).rejects.toThrow(
      /treeReduce: empty collection/,
    );
  });
});
