import { describe, expect, it } from 'vitest';
import { drive, type TestSc } from './rddTestDriver';
import { runJob } from '../api/runJob';
import { compileJobSource } from '../sandbox/compile';
import { createFunctionRunner } from '../sandbox/inProcessRunner';

async function runSpark(body: string): Promise<unknown> {
  const runner = createFunctionRunner();
  try {
    const source = compileJobSource(`export default async (sc) => {\n${body}\n};`, 'job.js');
    return (await runJob({ source, runner, cluster: 'classroom', seed: 1, snapshots: false })).result;
  } finally {
    await runner.close();
  }
}

const run = async <T>(fn: (sc: TestSc) => Promise<T>): Promise<T> => (await drive(fn)).value;

describe('RDD.pipe runs a program per partition', () => {
  it('gives each partition’s elements to the program and its output lines back (PySpark’s example)', async () => {
    expect(await run((sc) => sc.parallelize(['1', '2', '', '3']).pipe('cat').collect())).toEqual(['1', '2', '', '3']);
    expect(await run((sc) => sc.parallelize(['b', 'a', 'c', 'a'], 2).pipe(['sort']).collect())).toEqual([
      'a',
      'b',
      'a',
      'c',
    ]);
    expect(await run((sc) => sc.parallelize([1, 2, 3, 4, 5], 2).pipe('wc -l').collect())).toEqual(['2', '3']);
    expect(await run((sc) => sc.parallelize(['x\ny', 'z'], 1).pipe('cat').collect())).toEqual(['x', 'y', 'z']);
  });

  it('fails the task when the program exits non-zero, as Spark does (grep on a partition without a match)', async () => {
    await expect(runSpark(`return sc.parallelize(['error x', 'ok'], 2).pipe('grep error').collect();`)).rejects.toThrow(
      /job\.js:2.*Subprocess exited with status 1\. Command ran: grep error/s,
    );
    await expect(runSpark(`return sc.parallelize(['x'], 1).pipe('python3 job.py').collect();`)).rejects.toThrow(
      /status 127.*Cannot run program "python3"/,
    );
    await expect(runSpark(`return sc.parallelize(['x']).pipe('').collect();`)).rejects.toThrow(/pipe\(command\)/);
    await expect(runSpark(`return sc.parallelize(['x']).pipe('cat', { A: 1 }).collect();`)).rejects.toThrow(
      /env must be an object/,
    );
  });
});

describe('repartitionAndSortWithinPartitions', () => {
  it('partitions by key and sorts inside each partition (PySpark’s example)', async () => {
    const parts = await run((sc) =>
      sc
        .parallelize([
          [0, 5],
          [3, 8],
          [2, 6],
          [0, 8],
          [3, 8],
          [1, 3],
        ])
        .repartitionAndSortWithinPartitions(2, (x: number) => x % 2, true)
        .glom()
        .collect(),
    );
    expect(parts).toEqual([
      [
        [0, 5],
        [0, 8],
        [2, 6],
      ],
      [
        [1, 3],
        [3, 8],
        [3, 8],
      ],
    ]);
  });
});
