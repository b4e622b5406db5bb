/**
 * engine/sandbox: everything a learner's code runs in, free of DOM and Node. The contract the
 * engine runs jobs through (./contract); the loop guard; the split helper of compiled jobs; the executor inside a worker with its
 * console; the messages between pool and worker and the checks of every reply; the pool itself
 * over a platform's workers; and the in-process runner. Compiling job source has its own entry,
 * engine/sandbox/compile, so that a worker does not carry the compiler. The CLI
 * (cli/sandboxProcess.ts, cli/sandboxWorker.ts) and the app (renderer/sandbox/) add only how a
 * worker is started and how code is evaluated there.
 */
export * from './contract';
export {
  LOOP_GUARD,
  CHECK_EVERY,
  REPORT_EVERY_MS,
  createLoopGuard,
  loopDeadline,
  type LoopGuard,
  type LoopGuardOptions,
} from './loopGuard';
export { freezeIntrinsics, freezeTamed } from './freezeIntrinsics';
export { lockProperties } from './lockProperties';
export { SPLIT_CALL } from './regexpSplit';
export { createDuckDbEngine, type ArrowTableLike, type BlockingConnection } from './duckDbEngine';
export type { ArrowKit } from './arrowColumns';
export { LOG_LIMITS, cappedConsoleLine, consoleDroppedNotice, type ConsoleShown } from './consoleCap';
export { MAX_CONSOLE_LINE, consoleLine, createConsoleShim, type ConsoleShim } from './consoleShim';
export { createJobTaskExecutor, type ExecutorRuntime, type JobTaskExecutor } from './jobTaskExecutor';
export type { RunClock, SandboxPost, SandboxReply, SandboxRequest } from './sandboxMessages';
export { REPLY_LIMITS, checkErrorData, checkReply, type ReplyCheck } from './sandboxReplyValidation';
export {
  SandboxCrash,
  crashError,
  childCrashError,
  type PoolPlatform,
  type PoolProgress,
  type WorkerEndpoint,
} from './poolPlatform';
export { SandboxPoolCore } from './sandboxPoolCore';
export { SQL_NOT_NAMED, codeNamesSql, jobWantsSql } from './jobWantsSql';
export { budgetCheck, withRunBudget } from './withRunBudget';
export { createInProcessRunner, createFunctionRunner, evaluateWithFunction } from './inProcessRunner';
