import { encodeUtf8 } from '../../../../engine/core';
import { runJob } from '../../../../engine/api';
import { createFunctionRunner } from '../../../../engine/sandbox';

/**
 * Runs a MapReduce job whose reduce body is `reduce` (its first line is the job file's line 4) on
 * three lines of input; returns what the run threw (an Error whose `report` holds the failed run),
 * or null when the job succeeded.
 */
export async function reduceFailure(reduce: string): Promise<unknown> {
  const code = `exports.default = { kind: 'mapreduce', input: '/in/w.txt', output: '/out/t',
  map(o, line, ctx) { ctx.write('k', 1); },
  reduce(k, values, ctx) {
${reduce}
  } };`;
  const runner = createFunctionRunner();
  try {
    await runJob({
      source: { fileName: 'job.js', code },
      runner,
      cluster: 'cookbook-9',
      seed: 5,
      sampleData: false,
      files: [{ path: '/in/w.txt', bytes: encodeUtf8('a\nb\nc\n') }],
    });
    return null;
  } catch (e) {
    return e;
  } finally {
    await runner.close();
  }
}
