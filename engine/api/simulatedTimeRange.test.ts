// Cluster settings that make one step of a run take longer than the kernel can count (a disk of
// 1e-9 MB/s, a container start-up of 1e308 ms) ended the CLI with "internal error: RangeError:
// schedule: time ... is past the kernel's range". They are the settings' doing: a ValidationError
// on `cluster` that says so, for MapReduce and Spark alike.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from './runJob';
import type { ClusterSpec } from '../cluster';

const MR = `exports.default = {
  kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/wc', numReduceTasks: 1,
  map(o, line, ctx) { ctx.write(line.length, 1); },
  reduce(k, ones, ctx) { let n = 0; for (const one of ones) n += one; ctx.write(k, n); },
};`;
const SPARK = `exports.default = async (sc) => sc.textFile('/data/corpus.txt').count();`;

async function failure(code: string, cluster: ClusterSpec): Promise<unknown> {
  const runner = createFunctionRunner();
  try {
    await runJob({ source: { fileName: 'job.js', code }, runner, cluster, seed: 1 });
    return null;
  } catch (error) {
    return error;
  } finally {
    await runner.close();
  }
}

describe('a run whose settings make a step last longer than the simulator can count', () => {
  const slowDisk: ClusterSpec = {
    name: 'x',
    node: { cores: 4, memoryMb: 8192, diskMBps: 1e-9 },
    racks: [{ nodes: 3 }],
  };
  const endlessStart: ClusterSpec = { name: 'x', racks: [{ nodes: 3 }], costs: { containerStartMs: 1e308 } };

  it.each([
    ['MapReduce, a disk of 1e-9 MB/s', MR, slowDisk],
    ['MapReduce, a container start-up of 1e308 ms', MR, endlessStart],
    ['Spark, a disk of 1e-9 MB/s', SPARK, slowDisk],
  ])('%s: a ValidationError on the cluster, not a RangeError', async (_, code, cluster) => {
    const error = await failure(code, cluster);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(
      /^cluster: a step of the simulation would take longer than the simulator can count .* in the cluster's settings/,
    );
  });
});
