/**
 * The runner lab tests use: the sandbox executor in the calling thread (see createFunctionRunner).
 * The app and the CLI use their worker pools.
 */
import { createFunctionRunner } from '../engine/api/inProcessRunner';
import type { TaskRunner } from '../engine/sandbox/taskRunner';

export function createLabInProcessRunner(): TaskRunner {
  return createFunctionRunner();
}
