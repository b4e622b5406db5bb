/**
 * Runs a Spark driver's body as a learner's job file (`exports.default = async (sc, spark) => {` on
 * line 1, the body from line 2) on the classroom cluster, in process: the tests' way to run a
 * driver end to end, and to get the error it fails with.
 */
import { runJob } from '../../api/runJob';
import type { RunJobOptions } from '../../api/jobTypes';
import { createFunctionRunner } from '../../sandbox/inProcessRunner';

export async function runDriver(body: string, extra: Partial<RunJobOptions> = {}) {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'job.js', code: `exports.default = async (sc, spark) => {\n${body}\n};` },
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

/** The error the driver's run fails with (a run that succeeds fails the test). */
export async function driverFailure(body: string, extra: Partial<RunJobOptions> = {}): Promise<Error> {
  try {
    await runDriver(body, extra);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the job succeeded');
}
