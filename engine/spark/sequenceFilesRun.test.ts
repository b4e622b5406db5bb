import { describe, expect, it } from 'vitest';
import { runJob } from '../api/runJob';
import type { RunJobOptions } from '../api/jobTypes';
import { createFunctionRunner } from '../sandbox/inProcessRunner';

async function run(body: string, extra: Partial<RunJobOptions> = {}) {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'job.js', code: `exports.default = async (sc) => {\n${body}\n};` },
      runner,
      cluster: 'classroom',
      seed: 5,
      outputText: true,
      ...extra,
    });
  } finally {
    await runner.close();
  }
}

describe('scratch', () => {
  it('round trips', async () => {
    const report = await run(
      `await sc.parallelize([['a', 1], ['b', 2], ['c', 3]], 2).saveAsSequenceFile('/out/seq');
      await sc.parallelize([new Map([['x', new Set([1, 2])]]), { d: new Date(5) }, 3.5, 'z'], 3).saveAsObjectFile('/out/obj');
      return { seq: await sc.sequenceFile('/out/seq').collect(), obj: await sc.objectFile('/out/obj').collect() };`,
    );
    console.log(report.result, report.outputs);
  });
});
