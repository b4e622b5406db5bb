/**
 * The sandbox side of MapReduce tasks, as Hadoop runs them: the sort buffer's spills and the
 * combiner, secondary sort, reduce values as an Iterable walked once, user counters.
 */
import { describe, expect, it } from 'vitest';
import { runMapTask, type MapReduceFunctions, type WriteContext } from './mapTaskCompute';
import { runReduceTask } from './reduceTaskCompute';
import { DEFAULT_MAPREDUCE_CONF, readMapReduceConf } from './mapReduceConf';
import { mergePacked } from './packedGroups';
import { hadoopPartition } from '../exec/hadoopHash';

function fns(over: Partial<MapReduceFunctions>): MapReduceFunctions {
  return {
    fileName: 'job.js',
    map: (o, line, ctx) => ctx.write(line, 1),
    combine: null,
    reduce: (k, vs, ctx) => {
      let n = 0;
      for (const v of vs) n += v as number;
      ctx.write(k, n);
    },
    partition: null,
    sortComparator: null,
    groupingComparator: null,
    conf: { ...DEFAULT_MAPREDUCE_CONF },
    ...over,
  };
}

/** A combiner that is not associative: it writes how many values it got, not their sum. */
const countingCombiner = (k: unknown, vs: Iterable<unknown>, ctx: WriteContext) => {
  let n = 0;
  for (const _ of vs) n++;
  ctx.write(k, n);
};

const lines = (n: number) => Array.from({ length: n }, () => 'k').join('\n') + '\n';
/** Each record is 'k' (3 bytes) + a number (8) + 16 of metadata = 27 bytes: spill every 12 records. */
const tinyBuffer = { sortMb: 1, spillPercent: 0.0003 };

function wordCountOf(f: MapReduceFunctions, text: string): unknown {
  const out = runMapTask(f, text, 0, text.length, 1, 0);
  return { out, reduced: runReduceTask(f, [out.partitions[0]!], 0).text };
}

describe('the combiner runs as Hadoop runs it: on each spill, and at the merge from minspills spills', () => {
  it('runs once per record with one spill (the default 100 MB buffer): a counting combiner looks right', () => {
    const f = fns({ combine: countingCombiner });
    const { out, reduced } = wordCountOf(f, lines(100)) as { out: ReturnType<typeof runMapTask>; reduced: string };
    expect(out.counters.spills).toBe(1);
    expect(out.counters.combineInputRecords).toBe(100);
    expect(out.counters.combineOutputRecords).toBe(1);
    expect(out.counters.spilledRecords).toBe(1);
    expect(reduced).toBe('k\t100\n');
  });

  it('runs at each of 2 spills but not at their merge (minspills 3): still right, 2 records shuffled', () => {
    const f = fns({ combine: countingCombiner, conf: { ...DEFAULT_MAPREDUCE_CONF, ...tinyBuffer } });
    const { out, reduced } = wordCountOf(f, lines(20)) as { out: ReturnType<typeof runMapTask>; reduced: string };
    expect(out.counters.spills).toBe(2);
    expect(out.counters.combineInputRecords).toBe(20);
    expect(out.partitionRecords).toEqual([2]);
    // 2 spill records, then 2 merged records.
    expect(out.counters.spilledRecords).toBe(4);
    expect(reduced).toBe('k\t20\n');
  });

  it('runs again at the merge of 3 or more spills: a non-associative combiner gives a wrong answer, as on Hadoop', () => {
    const f = fns({ combine: countingCombiner, conf: { ...DEFAULT_MAPREDUCE_CONF, ...tinyBuffer } });
    const { out, reduced } = wordCountOf(f, lines(100)) as { out: ReturnType<typeof runMapTask>; reduced: string };
    expect(out.counters.spills).toBe(9);
    // 100 records at the spills, then the 9 spill outputs again at the merge.
    expect(out.counters.combineInputRecords).toBe(109);
    expect(reduced).toBe('k\t9\n');
    // A summing combiner is right however often it runs.
    const sum = fns({
      combine: (k, vs, ctx) => {
        let n = 0;
        for (const v of vs) n += v as number;
        ctx.write(k, n);
      },
      conf: { ...DEFAULT_MAPREDUCE_CONF, ...tinyBuffer },
    });
    expect((wordCountOf(sum, lines(100)) as { reduced: string }).reduced).toBe('k\t100\n');
  });

  it('sorts what a combiner writes: in key order as it comes, or by key when it writes other keys', () => {
    const text = 'b\na\nc\na\n';
    const keys = (f: MapReduceFunctions) =>
      mergePacked([runMapTask(f, text, 0, text.length, 1, 0).partitions[0]!]).map((g) => [g.key, g.values]);
    expect(keys(fns({ combine: countingCombiner }))).toEqual([
      ['a', [2]],
      ['b', [1]],
      ['c', [1]],
    ]);
    // Keys written in reverse order (z-a, z-b, z-c for a, b, c) still leave the map sorted.
    const renaming = (k: unknown, vs: Iterable<unknown>, ctx: WriteContext) => {
      let n = 0;
      for (const _ of vs) n++;
      ctx.write(String.fromCharCode(219 - (k as string).charCodeAt(0)), n);
    };
    expect(keys(fns({ combine: renaming }))).toEqual([
      ['x', [1]],
      ['y', [1]],
      ['z', [2]],
    ]);
  });

  it('spills without a combiner too (zero combines), and the settings are checked as Hadoop checks them', () => {
    const f = fns({ conf: { ...DEFAULT_MAPREDUCE_CONF, ...tinyBuffer } });
    const out = runMapTask(f, lines(30), 0, 60, 1, 0);
    expect(out.counters.spills).toBe(3);
    expect(out.counters.combineInputRecords).toBe(0);
    expect(out.partitionRecords).toEqual([30]);
    expect(() => readMapReduceConf({ 'mapreduce.task.io.sort.mb': 4096 }, 'default.conf', 'job.js')).toThrow(
      /mapreduce.task.io.sort.mb.*from 1 to 2047/,
    );
    expect(() => readMapReduceConf({ 'mapreduce.map.sort.spill.percent': 0 }, 'default.conf', 'job.js')).toThrow(
      /above 0 and at most 1/,
    );
    expect(() => readMapReduceConf({ 'mapred.reduce.tasks': 2 }, 'default.conf', 'job.js')).toThrow(
      /not a setting ClusterLab knows/,
    );
    expect(readMapReduceConf({ 'textinputformat.record.delimiter': '\n\n' }, 'c', 'j').recordDelimiter).toBe('\n\n');
    // Each rule states its upper bound, and a huge value is cut, not repeated whole.
    const conf = (key: string, value: unknown) => () => readMapReduceConf({ [key]: value }, 'default.conf', 'job.js');
    expect(conf('textinputformat.record.delimiter', 'x'.repeat(1_000_000))).toThrow(
      `must be a string of 1 to 1,000 characters (the bytes that end a record), got "${'x'.repeat(59)}… (999942 more characters)`,
    );
    expect(conf('mapreduce.input.fileinputformat.split.minsize', 2 ** 53)).toThrow(
      'must be a whole number of bytes from 1 to 9,007,199,254,740,991, got 9007199254740992',
    );
    expect(conf('mapreduce.map.combine.minspills', 2_000_000)).toThrow('must be a whole number from 1 to 1,000,000');
  });
});

describe('secondary sort: a sort comparator and a grouping comparator', () => {
  // Maximum temperature per year: key [year, temp], sorted by year then temp descending, grouped by year.
  const text = '1950,0\n1950,22\n1949,111\n1950,-11\n1949,78\n';
  const seen: unknown[][] = [];
  const f = fns({
    map: (o, line, ctx) => {
      const [y, t] = line.split(',');
      ctx.write([Number(y), Number(t)], Number(t));
    },
    partition: (k, n) => hadoopPartition((k as number[])[0], n),
    sortComparator: (a, b) => {
      const [ya, ta] = a as number[];
      const [yb, tb] = b as number[];
      return ya! - yb! || tb! - ta!;
    },
    groupingComparator: (a, b) => (a as number[])[0]! - (b as number[])[0]!,
    reduce: (key, temps, ctx) => {
      const keys: unknown[] = [];
      let first: unknown = null;
      for (const t of temps) {
        if (first === null) first = t;
        keys.push(ctx.getCurrentKey());
      }
      seen.push([key, keys]);
      ctx.write((key as number[])[0], first);
    },
  });

  it('gives reduce each year once, its values in temperature order, the key moving as values are walked', () => {
    const out = runMapTask(f, text, 0, text.length, 1, 0);
    const reduced = runReduceTask(f, [out.partitions[0]!], 0);
    expect(reduced.text).toBe('1949\t111\n1950\t22\n');
    expect(reduced.reduceInputGroups).toBe(2);
    expect(reduced.reduceInputRecords).toBe(5);
    // The key passed is the group's first; getCurrentKey() follows the values.
    expect(seen).toEqual([
      [
        [1949, 111],
        [
          [1949, 111],
          [1949, 78],
        ],
      ],
      [
        [1950, 22],
        [
          [1950, 22],
          [1950, 0],
          [1950, -11],
        ],
      ],
    ]);
  });

  it('merges map outputs in the sort comparator order', () => {
    const a = runMapTask(f, '1950,5\n', 0, 7, 1, 0);
    const b = runMapTask(f, '1950,9\n1949,1\n', 0, 14, 1, 1);
    const merged = mergePacked([a.partitions[0]!, b.partitions[0]!], (x, y) => f.sortComparator!(x, y));
    expect(merged.map((g) => g.key)).toEqual([
      [1949, 1],
      [1950, 9],
      [1950, 5],
    ]);
  });

  it('names a comparator that returns no number', () => {
    const bad = fns({ sortComparator: () => 'less' as unknown as number });
    expect(() => runMapTask(bad, 'b\na\n', 0, 4, 1, 0)).toThrow(/sortComparator\(a, b\) must return a number/);
  });
});

describe('reduce values are an Iterable walked once', () => {
  const reduceWith = (reduce: MapReduceFunctions['reduce']) => {
    const f = fns({ reduce });
    const out = runMapTask(f, 'a\na\n', 0, 4, 1, 0);
    return () => runReduceTask(f, [out.partitions[0]!], 0);
  };

  it('refuses a second walk, saying why', () => {
    const twice = reduceWith((k, vs, ctx) => {
      let n = 0;
      for (const v of vs) n += v as number;
      for (const v of vs) n += v as number;
      ctx.write(k, n);
    });
    expect(twice).toThrow(/walked a second time: as in Hadoop, they can be walked only once/);
  });

  it('names the Array method used on it', () => {
    expect(reduceWith((k, vs, ctx) => ctx.write(k, (vs as unknown as unknown[]).length))).toThrow(
      /values\.length: the values given to reduce are an Iterable.*for \(const v of values\)/,
    );
    expect(reduceWith((k, vs, ctx) => ctx.write(k, (vs as unknown as unknown[])[0]))).toThrow(/values\[0\]/);
    expect(
      reduceWith((k, vs, ctx) =>
        ctx.write(
          k,
          (vs as unknown as number[]).reduce((a, b) => a + b, 0),
        ),
      ),
    ).toThrow(/values\.reduce/);
  });

  it('is not data: writing it is refused, and console.log says what it is', () => {
    expect(reduceWith((k, vs, ctx) => ctx.write(k, vs))).toThrow(/the value is the values Iterable itself/);
    let shown = '';
    reduceWith((k, vs, ctx) => {
      shown = JSON.stringify(vs);
      ctx.write(k, 1);
    })();
    expect(shown).toMatch(/an Iterable — walk them with for \(const v of values\)/);
  });

  it('can be spread or copied once', () => {
    expect(reduceWith((k, vs, ctx) => ctx.write(k, [...vs].length))().text).toBe('a\t2\n');
    expect(reduceWith((k, vs, ctx) => ctx.write(k, Math.max(...(vs as Iterable<number>))))().text).toBe('a\t1\n');
  });
});

describe('user-defined counters (Context.getCounter(group, name))', () => {
  it('counts per task, with Hadoop limits and a clear error for misuse', () => {
    const f = fns({
      map: (o, line, ctx) => {
        if (line === 'bad') ctx.getCounter('Quality', 'BAD_LINES').increment();
        else ctx.write(line, 1);
        ctx.getCounter('Quality', 'BYTES').increment(line.length);
      },
    });
    const out = runMapTask(f, 'ok\nbad\nbad\n', 0, 11, 1, 0);
    expect(out.userCounters).toEqual([
      ['Quality', 'BYTES', 8],
      ['Quality', 'BAD_LINES', 2],
    ]);
    const misuse = fns({ map: (o, line, ctx) => ctx.getCounter('Quality', 'X').increment(1.5) });
    expect(() => runMapTask(misuse, 'a\n', 0, 2, 1, 0)).toThrow(/increment\(n\) takes a whole number/);
    // A total past 2^53 - 1 fails at the increment that passes it (it came to the host as not a whole number).
    const huge = fns({ map: (o, line, ctx) => ctx.getCounter('G', 'C').increment(2 ** 52) });
    expect(runMapTask(huge, 'a\n', 0, 2, 1, 0).userCounters).toEqual([['G', 'C', 2 ** 52]]);
    expect(() => runMapTask(huge, 'a\nb\n', 0, 4, 1, 0)).toThrow(
      'counter G/C: increment(4503599627370496) takes it to 9007199254740992, past 9007199254740991 (2^53 - 1)',
    );
    const down = fns({ map: (o, line, ctx) => ctx.getCounter('G', 'C').increment(-3) });
    expect(runMapTask(down, 'a\nb\n', 0, 4, 1, 0).userCounters).toEqual([['G', 'C', -6]]);
    const builtin = fns({
      map: (o, line, ctx) => ctx.getCounter('org.apache.hadoop.mapreduce.TaskCounter', 'MAP_INPUT_RECORDS'),
    });
    expect(() => runMapTask(builtin, 'a\n', 0, 2, 1, 0)).toThrow(/built-in counter groups/);
    const many = fns({
      map: (o, line, ctx) => {
        for (let i = 0; i < 121; i++) ctx.getCounter('G', `c${i}`).increment();
      },
    });
    expect(() => runMapTask(many, 'a\n', 0, 2, 1, 0)).toThrow(/Too many counters: 121 max=120/);
  });
});

describe('a map, combine or reduce that returns its records instead of writing them', () => {
  it('fails its task saying so when it wrote nothing (its output was silently empty)', () => {
    const pairs = fns({ map: ((o: number, line: string) => [line, 1]) as unknown as MapReduceFunctions['map'] });
    expect(() => runMapTask(pairs, 'a\nb\n', 0, 4, 1, 0)).toThrow(
      'job.js: map returned ["a",1] and wrote no record: what map returns is dropped (Hadoop\'s map returns nothing), so its output was empty. Write each record with ctx.write(key, value)',
    );
    // An early return of false or null (a filter's idiom), or data returned beside writes, is fine.
    const filter = fns({ map: (o, line, ctx) => (line === 'a' ? false : ctx.write(line, 1)) });
    expect(runMapTask(filter, 'a\na\n', 0, 4, 1, 0).counters.mapOutputRecords).toBe(0);
    const both = fns({ map: (o, line, ctx) => line.split(' ').map((w) => ctx.write(w, 1)) });
    expect(runMapTask(both, 'a b\n', 0, 4, 1, 0).counters.mapOutputRecords).toBe(2);
    const combine = fns({ combine: ((k: unknown) => [k, 1]) as unknown as MapReduceFunctions['combine'] });
    expect(() => runMapTask(combine, 'a\n', 0, 2, 1, 0)).toThrow(
      /combine returned \["a",1\] and wrote no record: .*a combiner is Hadoop's Reducer, whose reduce returns nothing/,
    );
    const reduce = fns({ reduce: ((k: unknown) => `${String(k)}\t1`) as unknown as MapReduceFunctions['reduce'] });
    const parts = runMapTask(fns({}), 'a\n', 0, 2, 1, 0).partitions;
    expect(() => runReduceTask(reduce, parts, 0)).toThrow(/reduce returned "a\\t1" and wrote no record/);
  });
});

describe('map-only tasks', () => {
  it('write their records as part-m text in the order written: no partition, no sort, no combine', () => {
    const f = fns({ map: (o, line, ctx) => ctx.write(line, o), combine: countingCombiner });
    const out = runMapTask(f, 'b\na\nc\n', 10, 6, 0, 0);
    expect(out.text).toBe('b\t10\na\t12\nc\t14\n');
    expect(out.partitions).toEqual([]);
    expect(out.counters.mapOutputRecords).toBe(3);
    expect(out.counters.combineInputRecords).toBe(0);
  });
});

describe('a partition function', () => {
  it('that returns no partition number is named, with what it returned as it was', () => {
    const run = (partition: MapReduceFunctions['partition']) => () => runMapTask(fns({ partition }), 'a\n', 0, 2, 3, 0);
    expect(run(() => '1' as unknown as number)).toThrow(
      'partition("a", 3) must return an integer in [0, 3), got "1" (a string, not a number)',
    );
    expect(run(() => Number.NaN)).toThrow('must return an integer in [0, 3), got NaN');
    expect(run(() => 3)).toThrow('must return an integer in [0, 3), got 3');
    // A value whose toString throws is described, not converted (that threw its own error instead).
    const hostile = {
      toString: () => {
        throw new Error('trap');
      },
    };
    expect(run(() => hostile as unknown as number)).toThrow('got an object');
  });
});
