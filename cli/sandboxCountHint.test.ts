import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_USAGE, parseRunArgs } from './runArgs';
import { RUN_VALUE_OPTIONS, exportsDefaultFunction, jobArgument, sandboxesFor } from './sandboxCountHint';

const EXAMPLES = join(process.cwd(), 'labs', 'examples', 'jobs');

describe('the sandbox count of a run', () => {
  it('is one for the Spark examples and the pool for the MapReduce ones', () => {
    const spark = readdirSync(EXAMPLES).filter((f) => exportsDefaultFunction(readFileSync(join(EXAMPLES, f), 'utf8')));
    expect(spark.sort()).toEqual([
      'iot-daily-average-dataframe.js',
      'iot-daily-average-spark.js',
      'iot-daily-average-sql.js',
      'pagerank-spark.js',
      'word-count-spark.js',
    ]);
    expect(sandboxesFor('labs/examples/jobs/word-count-spark.js', process.cwd(), 2)).toBe(1);
    expect(sandboxesFor('labs/examples/jobs/word-count.ts', process.cwd(), 2)).toBe(2);
    expect(sandboxesFor('no-such-job.js', process.cwd(), 2)).toBe(2);
    expect(sandboxesFor(null, process.cwd(), 3)).toBe(3);
  });

  it('reads no file that could block it or never end', () => {
    // A /proc file reports no size (pagemap would be read for minutes), a device or a folder is no job file.
    for (const path of ['/proc/self/pagemap', '/dev/zero', '/dev/urandom', 'labs'])
      expect(sandboxesFor(path, process.cwd(), 2)).toBe(2);
  });

  it('reads the forms of a default function and not an object, an array or a name', () => {
    for (const text of [
      'export default async (sc) => sc.parallelize([1]).collect();',
      'export default (sc: SparkContext) =>\n  sc.textFile("/a");',
      '// Spark\nexport default async function main(sc, spark) {}',
      '  export default sc => sc.range(3).count();',
      'export default async (sc: SparkContext, spark: SparkSession): Promise<number> =>\n  sc.range(3).count();',
    ])
      expect(exportsDefaultFunction(text)).toBe(true);
    for (const text of [
      'export default { map() {}, reduce() {} };',
      'export default [{ map() {} }, { map() {} }];',
      'const job = { map() {} };\nexport default job;',
      '// export default (sc) => nothing, a comment that mentions it mid-line',
      'export default ({ map(k, v, ctx) { ctx.write(v, 1); }, reduce(k, vs, ctx) {} });',
      'export default ({\n  input: ["/in"],\n  map: (k, v, ctx) => ctx.write(v, 1),\n});',
    ])
      expect(exportsDefaultFunction(text)).toBe(false);
  });

  it('finds the job file as the run command parses it, past every option that takes a value', () => {
    // Every option the usage shows with a value (`--nodes N`) is one the hint steps over.
    const valued = [...RUN_USAGE.matchAll(/^ {2}(--[a-z-]+) [A-Z]/gm)].map((m) => m[1]!);
    expect(valued.length).toBeGreaterThan(5);
    for (const option of valued) expect(RUN_VALUE_OPTIONS.has(option)).toBe(true);
    for (const argv of [
      ['job.js'],
      ['--json', 'job.js', '--nodes', '4'],
      ['--put', 'a.csv:/data/a.csv', '--cluster', 'two-racks', 'job.js'],
      ['--seed', '3', '--block-size', '1m', '--fail-node', '2@300', '--timeout', '30', '--workers', '1', 'job.js'],
      ['--conf', 'spark.default.parallelism=4', '--speculation', 'job.js'],
    ]) {
      const parsed = parseRunArgs(argv);
      expect(parsed === 'help' ? null : parsed.job).toBe(jobArgument(argv));
    }
  });
});
