/**
 * A `spark` request inside a sandbox worker (jobTaskExecutor.ts): the job's Spark driver, run with
 * a host that asks the pool for files (hostRequest),
 * prints through the run's console and reports partitions done. Everything it posts goes through
 * the run's own `post`: a driver that left work running after its run posts nothing later.
 */
import { errorToData } from './contract/jobCodeError';
import { openSql, type SqlOpener } from './openSql';
import { runSparkDriver } from '../spark/sparkDriver';
import type { SandboxFile } from './contract/taskRunner';
import type { SandboxReply, SandboxRequest } from './sandboxMessages';

/** What a worker asks its pool and has answered later: requests by number, settled by their reply. */
export interface HostRequests {
  /** Sends a request with a new number (`send`) and waits for its answer. */
  ask<T>(send: (requestId: number) => void): Promise<T>;
  /** Settles the request (an answer of the pool's); an unknown number is ignored. */
  settle(requestId: number, answer: { value: unknown } | { error: string }): void;
}

export function createHostRequests(): HostRequests {
  let next = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  return {
    ask<T>(send: (requestId: number) => void) {
      return new Promise<T>((resolve, reject) => {
        const requestId = next++;
        pending.set(requestId, { resolve: resolve as (value: unknown) => void, reject });
        send(requestId);
      });
    },
    settle(requestId, answer) {
      const p = pending.get(requestId);
      pending.delete(requestId);
      if (!p) return;
      if ('value' in answer) p.resolve(answer.value);
      else p.reject(new Error(answer.error));
    },
  };
}

/** The worker's side of a Spark run: its runtime, and the run's own console and post. */
export interface SparkRequestContext {
  runtime: SqlOpener & {
    now(): number;
    lineOffset: number;
    decodeUtf8(bytes: Uint8Array): string;
    adopt?(value: unknown): unknown;
  };
  requests: HostRequests;
  fileName: string;
  print(text: string): void;
  /** Posts for this run only (nothing once another run has loaded). */
  post(message: SandboxReply): void;
  /** Whether this run is still the worker's current one. */
  live(): boolean;
  /** Code left running after its driver answered is at work here: the worker is to be retired. */
  stray(): void;
  /** The driver returned, or failed (each for this run only). */
  done(output: Extract<SandboxReply, { type: 'sparkDone' }>['output']): void;
  failed(error: unknown): void;
}

/** Runs `driver` for `message`; never throws, the outcome goes to `done` or `failed`. */
export function runSparkRequest(
  driver: (sc: unknown) => unknown,
  message: Extract<SandboxRequest, { type: 'spark' }>,
  ctx: SparkRequestContext,
): void {
  const { runtime, requests } = ctx;
  const id = message.id;
  /** The driver has answered (its run may end any moment): work it left running goes no further. */
  let answered = false;
  const live = () => !answered && ctx.live();
  const post = (reply: SandboxReply) => (live() ? ctx.post(reply) : ctx.stray());
  const held = <T>(): Promise<T> => {
    ctx.stray();
    return never<T>();
  };
  /**
   * What the pool answers, and DuckDB's opening, settle later: for a driver that has answered, or
   * whose run is over, never. Work it left running must not resume inside a later run (in the CLI
   * a throw there would end the sandbox process in the middle of another submission's run).
   */
  const gate = <T>(settles: Promise<T>): Promise<T> =>
    settles.then(
      (value) => (live() ? value : held<T>()),
      (error: unknown) => (live() ? Promise.reject(error as Error) : held<T>()),
    );
  const host = {
    catalog: message.catalog,
    ...(runtime.adopt ? { adopt: (v: unknown) => runtime.adopt!(v) } : {}),
    print: (text: string) => ctx.print(text),
    ...(runtime.sqlEngine
      ? {
          sqlEngine: () => gate(openSql(runtime)),
        }
      : {}),
    ...(message.parallelism === undefined ? {} : { parallelism: message.parallelism }),
    readFiles: (path: string) =>
      gate(requests.ask<SandboxFile[]>((requestId) => post({ type: 'hostRequest', id, requestId, path }))),
  };
  // Partitions done, at most ten reports a second (a job may have millions of partitions).
  let reportedAt = -Infinity;
  const onPartition = (job: string, done: number, total: number) => {
    const t = runtime.now();
    if (done !== 0 && done !== total && t - reportedAt < 100) return;
    reportedAt = t;
    post({ type: 'sparkProgress', id, job, done, total });
  };
  runSparkDriver(
    driver,
    host,
    runtime.decodeUtf8,
    (e) => errorToData(e, ctx.fileName, runtime.lineOffset),
    onPartition,
  ).then(
    (output) => {
      answered = true;
      ctx.done(output);
    },
    (error: unknown) => {
      answered = true;
      ctx.failed(error);
    },
  ); // done and failed never throw: this promise cannot reject unhandled
}

/** A promise that never settles. */
const never = <T>(): Promise<T> => new Promise<T>(() => {});
