/** engine/sandbox: the contract for running learners' code (implementations live in cli/ and renderer/sandbox/). */
export * from './taskRunner';
export {
  JobCodeError,
  JobTimeoutError,
  JobSpecError,
  errorToData,
  errorFromData,
  findLine,
  type JobErrorData,
} from './jobCodeError';
export { RunawayLoopError, RunAbortedError, RunStoppedError } from './jobCodeError';
export { LOOP_GUARD, CHECK_EVERY, createLoopGuard, loopDeadline, type LoopGuard } from './loopGuard';
