import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import { JobCodeError } from '../sandbox/contract/jobCodeError';

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
    expect(error).toBeInstanceOf(JobCodeError);
    return error as JobCodeError;
  } finally {
    await runner.close();
  }
  throw new Error(`accepted ${body}`);
}

describe('Spark partition limits (thrown in the learner’s call, with its line)', () => {
  it.each([
    [
      'sc.parallelize([1, 2, 3], 2000000).count()',
      /parallelize\(data, numSlices\): 2,000,000 partitions .* limit of 100,000/,
    ],
    ['sc.parallelize([1, 2, 3], 0).count()', /must be a whole number of at least 1, got 0/],
    ['sc.parallelize([1], 2).repartition(1e7).count()', /repartition\(numPartitions\): 10,000,000 partitions/],
    [
      'sc.parallelize([[1, 1]], 2).reduceByKey((a, b) => a + b, NaN).count()',
      /reduceByKey\(numPartitions\): .* got NaN/,
    ],
    ['sc.parallelize([[1, 1]], 2).groupByKey(1e9).count()', /groupByKey\(numPartitions\): 1,000,000,000 partitions/],
    ['sc.parallelize([1], 2).coalesce(-1).count()', /coalesce\(numPartitions\): .* got -1/],
    [
      "sc.textFile('/data/sensors.csv', 1e9).count()",
      /textFile\("\/data\/sensors\.csv", minPartitions\): 1,000,000,000/,
    ],
    [
      'sc.parallelize([[1, 1]], 3000).reduceByKey((a, b) => a + b, 2000).count()',
      /a shuffle from 3,000 to 2,000 partitions makes 6,000,000 shuffle blocks, more than the simulator's limit of 4,000,000/,
    ],
    [
      '((r) => { for (let i = 0; i < 5000; i++) r = r.map((x) => x); return r; })(sc.parallelize([1], 1)).count()',
      /map: this RDD's lineage would be 2,001 RDDs long, more than the simulator's limit of 2,000 .*checkpoint\(\)/,
    ],
    [
      'sc.textFile(Symbol()).count()',
      /textFile\(path\): the path must be a string like '\/data\/sensors\.csv' \(several: comma-separated, '\/a\.txt,\/b\.txt'\), got a symbol/,
    ],
    [
      "sc.textFile('/' + 'x'.repeat(10000)).count()",
      /textFile\(path\): a path of 10,001 characters is longer than the limit of 4,096/,
    ],
    [
      'sc.parallelize(new Array(2 ** 32 - 1)).count()',
      /parallelize\(data\): 4,294,967,295 elements is more than the simulator's limit of 10,000,000/,
    ],
    ["sc.parallelize('abc').count()", /parallelize\(data\): data must be an array, got "abc"/],
  ])('%s', async (body, message) => {
    const e = await failure(body);
    expect(e.line).toBe(2);
    expect(e.errorName).toMatch(/^(RangeError|TypeError)$/);
    expect(e.detail).toMatch(message);
  });
});
