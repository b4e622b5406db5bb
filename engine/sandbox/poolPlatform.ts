/**
 * What a platform (cli/ with child processes, renderer/sandbox/ with Web Workers) gives the sandbox
 * pool (engine/sandbox/sandboxPoolCore.ts), what the pool reports back, and how a dead worker is told
 * to the learner.
 */
import { JobCodeError, JobResultError, RunAbortedError, errorFromData } from './contract/jobCodeError';
import { checkReply } from './sandboxReplyValidation';
import type { SandboxPost, SandboxRequest } from './sandboxMessages';

/**
 * How a platform reports a worker that died with its own words for the learner (the browser's
 * error event): the pool names the run's file, and the line when the error came from that file.
 */
export class SandboxCrash extends Error {
  override name = 'SandboxCrash';
  constructor(
    message: string,
    /** The script the error came from (the learner's file name when it was the learner's code). */
    readonly sourceName: string | null,
    /** Its line in the learner's file (already corrected for the evaluation's header lines). */
    readonly line: number | null,
    /** Thrown by code and not caught (the worker lives on), not the worker's death. */
    readonly thrown = false,
  ) {
    super(message);
  }
}

export interface WorkerEndpoint {
  post(message: SandboxRequest, transfer?: ArrayBuffer[]): void;
  terminate(): void;
}

export interface PoolPlatform {
  size: number;
  /**
   * Starts a worker that calls `onMessage` with its replies and `onError` if it dies; `sql`: one
   * that can open DuckDB, where the platform keeps such workers apart (`sqlWorkersApart`).
   */
  spawn(onMessage: (reply: SandboxPost) => void, onError: (error: Error) => void, sql: boolean): WorkerEndpoint;
  /**
   * The platform has two kinds of worker, and only those spawned with `sql` can open DuckDB (the
   * browser: engine/sandbox/jobWantsSql.ts). The pool starts the plain kind, and the SQL kind from
   * the first job that names sql on. Absent: every worker can.
   */
  sqlWorkersApart?: boolean;
  /** Wall-clock budget of each run in seconds (null: none); `pool.timeoutSeconds` changes it. */
  timeoutSeconds: number | null;
  /** Wall-clock milliseconds, as the workers' Date.now() sees them (the loop guard's deadline). */
  now(): number;
  /** Calls `fire` once after `ms` of wall time; returns a cancel function. */
  startTimer(ms: number, fire: () => void): () => void;
  /**
   * Where the learner's console output goes: one call per line, at most LOG_LIMITS per run (then
   * one line `… N more lines of console output not shown`), never after the run ended.
   */
  log(text: string): void;
  /**
   * Whether a posted typed array crosses with only its own bytes (Node's IPC serializes a view's
   * bytes) rather than its whole buffer (a structured clone copies the buffer under a view): then a
   * batch's map tasks go as views of their file, without a buffer of their bytes made for the trip.
   */
  sendsViewBytesOnly?: boolean;
}

/** Tasks of the current run: how many were handed to the pool and how many came back. */
export interface PoolProgress {
  /** What the pool last worked on. */
  phase: 'load' | 'map' | 'reduce' | 'spark' | 'kafka' | 'call';
  done: number;
  total: number;
  /** No task is queued or running: the engine is simulating (or the run is over). */
  idle: boolean;
  /** For 'spark': the Spark job computing (`job 2 (count at line 9)`); done/total count its partitions. */
  job?: string;
}

/** A worker that died (out of memory, a crash) as the error that fails the run: a message, not its stack. */
export function crashError(error: unknown, fileName: string): Error {
  if (error instanceof JobCodeError || error instanceof RunAbortedError) return error;
  if (error instanceof SandboxCrash) {
    const ours = error.sourceName !== null && error.sourceName.split(/[\\/]/).pop() === fileName;
    return new JobResultError(fileName, ours ? error.line : null, error.message);
  }
  let why = 'it stopped unexpectedly';
  try {
    const message = (error as { message?: unknown } | null)?.message;
    if (typeof message === 'string' && message) why = message.slice(0, 300);
  } catch {
    // keep the generic reason
  }
  return new JobResultError(
    fileName,
    null,
    `the sandbox worker running your code crashed (${why}) — does your code build ever bigger data?`,
  );
}

/**
 * A sandbox process's report of something thrown outside any request (`{ type: 'crash', error }`,
 * cli/childPort.ts) as the error that fails the run, checked like any reply; null for any other
 * message. Used by the CLI's pool and the desktop app's.
 */
export function childCrashError(message: unknown): Error | null {
  if ((message as { type?: unknown } | null)?.type !== 'crash') return null;
  const checked = checkReply({ type: 'failed', id: 0, error: (message as { error?: unknown }).error });
  return checked.ok && checked.reply.type === 'failed'
    ? errorFromData(checked.reply.error)
    : new Error('it stopped on an error thrown after its task ended');
}
