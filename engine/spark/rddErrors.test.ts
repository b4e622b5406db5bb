/**
 * Wrong use of the RDD API through the whole run (sandbox, driver, runJob): Spark's answer or a
 * clear message naming the method, what was wrong and the learner's line.
 */
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { JobFailedError, runJob } from '../api/runJob';
import { JobCodeError } from '../sandbox/contract/jobCodeError';

/** The learner's error: thrown in the driver, or by a task (the job failed; its cause). */
async function failure(body: string): Promise<JobCodeError> {
  const runner = createFunctionRunner();
  try {
    await runJob({
      source: { fileName: 'job.js', code: `exports.default = async (sc) => {\n  return ${body};\n};` },
      runner,
      cluster: 'classroom',
      seed: 1,
    });
  } catch (error) {
    const e = error instanceof JobFailedError ? error.cause : error;
    expect(e).toBeInstanceOf(JobCodeError);
    return e as JobCodeError;
  } finally {
    await runner.close();
  }
  throw new Error(`accepted ${body}`);
}

describe('wrong use of the RDD API gets a clear message with the learner’s line', () => {
  it.each([
    [
      'sc.parallelize([1, 2]).reduceByKey((a, b) => a + b).collect()',
      /reduceByKey: an element of this RDD is 1 \(a number\), not a pair: pair functions work on RDDs of \[key, value\] arrays/,
    ],
    [
      "sc.parallelize(['a b']).map((l) => l.split(' ').concat('c')).groupByKey().count()",
      /groupByKey: an element of this RDD is \["a","b","c"\] \(an array of 3\), not a pair/,
    ],
    [
      'sc.parallelize([1, 2]).mapValues((v) => v).collect()',
      /mapValues: an element of this RDD is 1 \(a number\), not a pair/,
    ],
    ['sc.parallelize([]).reduce((a, b) => a + b)', /reduce: empty collection/],
    ['sc.parallelize([], 3).first()', /first: empty collection/],
    ['sc.parallelize([]).max()', /max: empty collection/],
    [
      'sc.parallelize([1, 2], 2).zip(sc.parallelize([1, 2], 3))',
      /zip: Can't zip RDDs with unequal numbers of partitions: List\(2, 3\)/,
    ],
    [
      'sc.parallelize([1, 2], 2).zip(sc.parallelize([1, 2, 3], 2)).collect()',
      /Can only zip RDDs with same number of elements in each partition/,
    ],
    ['sc.parallelize([1]).count(5)', /RDD\.count takes no arguments, got 1/],
    ['sc.parallelize([1]).map((x) => x, 2)', /RDD\.map takes at most 1 argument, got 2/],
    ['sc.parallelize([1]).map(5)', /map: f must be a function, got 5/],
    [
      "sc.parallelize([[1, 1]]).reduceByKey((a, b) => a + b, 'four')",
      /reduceByKey\(numPartitions\): the number of partitions must be a number, got "four"/,
    ],
    ['sc.parallelize([1]).sortBy((x) => x, "yes")', /sortByKey: ascending must be true or false, got "yes"/],
    ['sc.parallelize([1]).join([1, 2])', /join: other must be an RDD, got \[1,2\]/],
    [
      'sc.parallelize([1]).sample(false, 1.5)',
      /sample: without replacement the fraction is each element's chance to be kept, from 0 to 1, got 1\.5/,
    ],
    ['sc.parallelize([1]).sample(true, -1)', /sample: Negative fraction value: -1/],
    ['sc.parallelize([1]).randomSplit([1, -1])', /randomSplit: Weights must be nonnegative/],
    ["sc.parallelize(['a']).sum()", /sum: an element of this RDD is "a" \(a string\), not a number/],
    ['sc.parallelize([1]).histogram([3, 1])', /histogram: buckets must be sorted and not contain any duplicates/],
    ['sc.parallelize([]).histogram(3)', /Histogram on either an empty RDD or RDD containing \+\/-infinity or NaN/],
    // Both filled the sandbox's memory after 10-20 s before they were checked up front.
    [
      'sc.parallelize([1, 2, 3]).histogram(1e9)',
      /histogram: 1,000,000,000 buckets is more than the simulator's limit of 1,000,000/,
    ],
    [
      'sc.parallelize([1, 2, 3]).takeSample(true, 1e9)',
      /takeSample: num 1,000,000,000 is more than the simulator's limit of 10,000,000/,
    ],
    [
      "sc.parallelize([1]).cache().persist('DISK_ONLY')",
      /Cannot change storage level of an RDD after it was already assigned a level/,
    ],
    [
      "sc.parallelize([1]).persist('MEMORY')",
      /persist\(level\): the storage level must be one of Spark's StorageLevel names/,
    ],
    [
      'sc.parallelize([1]).flatMap((x) => x).collect()',
      /flatMap: the function must return an iterable .* it returned 1 \(a number\) for the element 1/,
    ],
    [
      "sc.parallelize([['k', 1]]).partitionBy(2, (k) => 'x').count()",
      /partitionBy: partitionFunc must return a whole number for every key, got "x" for the key k/,
    ],
    ['sc.parallelize([1]).take(1.5)', /take: num must be a whole number of at least 0, got 1.5/],
    ['sc.parallelize([1]).takeOrdered(-1)', /takeOrdered: num must be a whole number of at least 0, got -1/],
  ])('%s', async (body, message) => {
    const e = await failure(body);
    expect(e.line).toBe(2);
    expect(e.detail).toMatch(message);
  });
});

describe('call sites', () => {
  it('prints each RDD with the learner’s line in toDebugString, as Spark prints its creation site', async () => {
    const runner = createFunctionRunner();
    try {
      const report = await runJob({
        source: {
          fileName: 'job.js',
          code: `exports.default = async (sc) => {
  const counts = sc.parallelize(['a b', 'b'], 2).flatMap((l) => l.split(' ')).map((w) => [w, 1])
    .reduceByKey((a, b) => a + b);
  return counts.join(counts.mapValues((v) => v * 2)).toDebugString();
};`,
        },
        runner,
        cluster: 'classroom',
        seed: 1,
      });
      expect(report.result).toBe(
        [
          '(2) MapPartitionsRDD[6] at join at job.js:4 []',
          ' |  CoGroupedRDD[5] at cogroup at job.js:4 []',
          ' |  ShuffledRDD[3] at reduceByKey at job.js:3 []',
          ' +-(2) MapPartitionsRDD[2] at map at job.js:2 []',
          '    |  MapPartitionsRDD[1] at flatMap at job.js:2 []',
          '    |  ParallelCollectionRDD[0] at parallelize at job.js:2 []',
          ' |  MapPartitionsRDD[4] at mapValues at job.js:4 []',
          ' |  ShuffledRDD[3] at reduceByKey at job.js:3 []',
          ' +-(2) MapPartitionsRDD[2] at map at job.js:2 []',
          '    |  MapPartitionsRDD[1] at flatMap at job.js:2 []',
          '    |  ParallelCollectionRDD[0] at parallelize at job.js:2 []',
        ].join('\n'),
      );
    } finally {
      await runner.close();
    }
  });
});
