/** runJob's `traceTypes`: the report keeps only those events, and nothing else of the run changes. */
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../core';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from './runJob';
import type { RunJobOptions } from './jobTypes';

const JOB = `exports.default = {
  kind: 'mapreduce', input: '/in/words.txt', output: '/out/counts', numReduceTasks: 2,
  map(offset, line, ctx) { for (const w of line.split(' ')) if (w) ctx.write(w, 1); },
  reduce(word, counts, ctx) { let n = 0; for (const c of counts) n += c; ctx.write(word, n); },
};`;
const SPARK_JOB = `exports.default = async (sc) =>
  sc.textFile('/in/words.txt').flatMap((l) => l.split(' ')).map((w) => [w, 1]).reduceByKey((a, b) => a + b).collect();`;
const TEXT = Array.from({ length: 400 }, (_, i) => `w${i % 17} w${i % 5} hadoop`).join('\n');

async function run(extra: Partial<RunJobOptions>) {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'job.js', code: JOB },
      runner,
      cluster: 'two-racks',
      seed: 5,
      snapshots: false,
      hdfs: { blockSize: 1024 },
      files: [{ path: '/in/words.txt', bytes: encodeUtf8(TEXT) }],
      faults: [{ kind: 'killNode', node: 'n2', atMs: 1500 }],
      ...extra,
    });
  } finally {
    await runner.close();
  }
}

describe('runJob traceTypes', () => {
  it('keeps only the named event types, with the same result, times and metrics', async () => {
    const full = await run({});
    const deaths = await run({ traceTypes: ['nodeDied'] });
    expect(full.trace.length).toBeGreaterThan(100);
    expect(deaths.trace).toEqual(full.trace.filter((e) => e.type === 'nodeDied'));
    expect(deaths.trace).toHaveLength(1);
    expect(deaths.result).toEqual(full.result);
    expect(deaths.simulatedMs).toBe(full.simulatedMs);
    expect(deaths.metrics).toEqual(full.metrics);
  });

  it('keeps every event of the named types when emitters of several layers are asked (task, block, container)', async () => {
    const full = await run({});
    const types = ['taskStarted', 'blockAllocated', 'containerAllocated', 'nodeDied'];
    const some = await run({ traceTypes: types });
    expect(some.trace).toEqual(full.trace.filter((e) => types.includes(e.type)));
    for (const type of types) expect(some.trace.some((e) => e.type === type)).toBe(true);
  });

  it('gives a Spark job the same result, times and metrics with no task events built', async () => {
    const spark = { source: { fileName: 'job.js', code: SPARK_JOB } };
    const full = await run(spark);
    const deaths = await run({ ...spark, traceTypes: ['nodeDied'] });
    expect(full.trace.some((e) => e.type === 'taskFinished')).toBe(true);
    expect(deaths.trace).toEqual(full.trace.filter((e) => e.type === 'nodeDied'));
    expect(deaths.result).toEqual(full.result);
    expect(deaths.simulatedMs).toBe(full.simulatedMs);
    expect(deaths.metrics).toEqual(full.metrics);
  });
});
