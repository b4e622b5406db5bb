/** Test helper: one runJob with a fresh in-process function runner, closed whatever happens. */
import { createFunctionRunner } from '../../sandbox/inProcessRunner';
import type { JobRunReport, RunJobOptions } from '../jobTypes';
import { runJob } from '../runJob';

export async function runInProcess(options: Omit<RunJobOptions, 'runner'>): Promise<JobRunReport> {
  const runner = createFunctionRunner();
  try {
    return await runJob({ ...options, runner });
  } finally {
    await runner.close();
  }
}
