import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import type { CounterName, RunJobOptions } from '../api/jobTypes';
import { SPARK_DEFAULTS, parseSparkTime, resolveSparkConf } from './sparkConf';

describe('Spark settings (sparkConf.ts)', () => {
  it("has Spark's defaults, and the per-level locality waits default to spark.locality.wait", () => {
    expect(resolveSparkConf()).toEqual(SPARK_DEFAULTS);
    expect(resolveSparkConf({ 'spark.locality.wait': '1s' }).localityWaitMs).toEqual({
      process: 1000,
      node: 1000,
      rack: 1000,
    });
    expect(resolveSparkConf({ 'spark.locality.wait': '1s', 'spark.locality.wait.node': 0 }).localityWaitMs).toEqual({
      process: 1000,
      node: 0,
      rack: 1000,
    });
  });

  it('reads times as Spark writes them (a bare number is milliseconds)', () => {
    expect(['3s', '500ms', '1min', '2m', '1h', '250', 250, '0', '1.5s'].map((v) => parseSparkTime('k', v))).toEqual([
      3000, 500, 60_000, 120_000, 3_600_000, 250, 250, 0, 1500,
    ]);
  });

  it('names the setting and the value it refuses', () => {
    const error = (input: Record<string, string | number | boolean>) => {
      try {
        resolveSparkConf(input);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(error({ 'spark.locality.wait': 'soon' })).toBe(
      'spark.locality.wait: must be a time like 3s, 500ms or 1min, from 0 to 24h, got "soon"',
    );
    expect(error({ 'spark.locality.wait.rack': -1 })).toMatch(/^spark\.locality\.wait\.rack: .* got -1$/);
    expect(error({ 'spark.stage.maxConsecutiveAttempts': '0' })).toBe(
      'spark.stage.maxConsecutiveAttempts: must be a whole number from 1 to 100, got "0"',
    );
    expect(error({ 'spark.speculation': 'yes' })).toBe('spark.speculation: must be true or false, got "yes"');
    expect(error({ 'spark.locality.wiat': '1s' })).toMatch(
      /^spark\.locality\.wiat: not a setting ClusterLab simulates; it knows spark\.locality\.wait, /,
    );
  });

  it('spark.locality.wait changes where tasks run: 0 takes the first free core, a long wait keeps tasks local', async () => {
    // Parallel reads of one file on a cluster with one replica per block: tasks compete for the block holders.
    const code = `exports.default = async (sc) => sc.textFile('/data/corpus.txt', 24).map((l) => l.length).count();`;
    const run = async (sparkConf: RunJobOptions['sparkConf']) => {
      const r = createFunctionRunner();
      try {
        return await runJob({
          source: { fileName: 'n.js', code },
          runner: r,
          cluster: 'cookbook-9',
          seed: 2,
          blockSize: 64 * 1024,
          hdfs: { replication: 1 },
          sparkConf,
        });
      } finally {
        await r.close();
      }
    };
    const local = (c: Partial<Record<CounterName, number>>) => c.NODE_LOCAL_TASKS! + c.PROCESS_LOCAL_TASKS!;
    const dflt = await run({});
    const none = await run({ 'spark.locality.wait': '0' });
    const long = await run({ 'spark.locality.wait': '1h' });
    const counters = (r: typeof dflt): Partial<Record<CounterName, number>> => r.metrics.counters;
    expect(none.result).toEqual(dflt.result);
    expect(local(counters(none))).toBeLessThan(local(counters(long)));
    expect(counters(long).ANY_TASKS! + counters(long).RACK_LOCAL_TASKS!).toBe(0);
    // The default is spark.locality.wait = 3s.
    expect(JSON.stringify(dflt.trace)).toBe(JSON.stringify((await run({ 'spark.locality.wait': '3s' })).trace));
  });
});
