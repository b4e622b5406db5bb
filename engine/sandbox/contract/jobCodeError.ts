/**
 * Errors raised by learners' code, pointing at their file and line (`job.js:12: TypeError: ...`),
 * a loop stopped by its guard (RunawayLoopError), and the errors that end a run from outside
 * (RunAbortedError: its wall-clock budget ran out, or the learner pressed Stop). They cross worker
 * boundaries as plain data (`toData` / `fromData`), since Error subclasses do not survive
 * structured cloning.
 */
import { clipText } from '../../core';
export class JobCodeError extends Error {
  override name = 'JobCodeError';
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    readonly errorName: string,
    readonly detail: string,
  ) {
    super(`${fileName}${line === null ? '' : `:${line}`}: ${errorName}: ${detail}`);
  }
}

/**
 * What a job hands back across the sandbox boundary is not data: the Spark driver returned an RDD,
 * a function or a cyclic structure, or ctx.write got a Symbol. The message is the detail alone,
 * after the file (and line, when there is one): `job.js: the driver returned an RDD — did you mean ...`.
 */
export class JobResultError extends JobCodeError {
  override name = 'JobResultError';
  constructor(fileName: string, line: number | null, detail: string) {
    super(fileName, line, 'JobResultError', detail);
    this.message = `${fileName}${line === null ? '' : `:${line}`}: ${detail}`;
  }
}

/**
 * The learner's code was still running a loop when the run neared its time limit: thrown by the
 * loop guard that compileJobSource puts in every loop, so the message names the loop's line. When
 * that loop instance itself ran for most of the budget (`elapsedSeconds`, the time since the loop
 * was entered, at least half the limit), it is called endless; otherwise the job may just be slow
 * (a short loop entered again and again), and the message says so.
 */
export class RunawayLoopError extends JobCodeError {
  override name = 'RunawayLoopError';
  constructor(
    fileName: string,
    line: number,
    readonly elapsedSeconds: number,
    readonly limitSeconds: number,
  ) {
    const endless = elapsedSeconds >= limitSeconds / 2;
    super(
      fileName,
      line,
      'RunawayLoopError',
      endless
        ? `your loop has been running for ${elapsedSeconds} s (the time limit for your code is ${limitSeconds} s)`
        : `your code was still running this loop when the time limit (${limitSeconds} s) ran out`,
    );
    this.message = endless
      ? `Your loop at ${fileName} line ${line} has been running for ${elapsedSeconds} s (the time limit for your code is ${limitSeconds} s) — does its condition ever become false?`
      : `Your code was still running at ${fileName} line ${line} when the time limit (${limitSeconds} s) ran out — a loop that never ends, or more work than fits in the time limit? If it is only slow, raise the time limit (Settings in the app, --timeout on the command line).`;
  }
}

/** A run ended from outside the learner's code: its tasks stop and nothing more is computed. */
export class RunAbortedError extends Error {
  override name = 'RunAbortedError';
}

export class JobTimeoutError extends RunAbortedError {
  override name = 'JobTimeoutError';
  /**
   * `loop`: the learner's loop that was running when the limit struck (reported by its guard),
   * for loops too slow to reach the guard's own deadline, such as one filling memory. `starting`:
   * no worker had begun the run's load (a worker still starting: none of the learner's code ran).
   */
  constructor(
    readonly seconds: number,
    readonly loop: { fileName: string; line: number } | null = null,
    readonly starting = false,
  ) {
    super(
      starting
        ? `the sandbox was still starting when the time limit (${seconds} s) ran out, so none of your code ran; run again, and if it happens again, raise the time limit (Settings in the app, --timeout on the command line) or reload the page`
        : loop
          ? `Your loop at ${loop.fileName} line ${loop.line} was still running when the time limit for your code (${seconds} s) stopped the job — does its condition ever become false? If it is only slow, raise the time limit (Settings in the app, --timeout on the command line).`
          : `the job ran out of its time budget (${seconds} s of wall time) and was stopped; if it is only slow, raise the time limit (Settings in the app, --timeout on the command line)`,
    );
  }
}

/** The learner stopped the run (the Stop button or Esc): not an error of their code. */
export class RunStoppedError extends RunAbortedError {
  override name = 'RunStoppedError';
  constructor() {
    super('Run stopped.');
  }
}

/** The job file's default export does not describe a valid job (bad input: exit code 2). */
export class JobSpecError extends Error {
  override name = 'JobSpecError';
  constructor(
    readonly fileName: string,
    detail: string,
  ) {
    super(`${fileName}: ${detail}`);
  }
}

export interface JobErrorData {
  kind: 'code' | 'loop' | 'timeout' | 'spec';
  fileName: string;
  line: number | null;
  errorName: string;
  detail: string;
  /** The time limit (timeouts and runaway loops). */
  seconds: number;
  /** How long a runaway loop had run. */
  elapsed?: number;
}

/** The longest error text that crosses a worker boundary (a job may throw a 10 MB message). */
export const MAX_ERROR_TEXT = 2000;

/** `text` cut to `max` characters, saying how much was cut. */
export function boundText(text: string, max = MAX_ERROR_TEXT): string {
  return clipText(text, max);
}

/**
 * Reads `key` of a thrown thing that may be anything (a Proxy whose traps throw, an object whose
 * getter throws, a null-prototype object): the value if it is a string, else null. Never throws.
 */
function readString(thing: object, key: string): string | null {
  try {
    const v = (thing as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** What a thrown value that is not an Error is, in the learner's terms. Never throws. */
function describeThrown(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        // A thrown string has no stack, so no line: say so, in the learner's words.
        return `your code threw the string ${JSON.stringify(boundText(value, 500))}; throw an Error, e.g. \`throw new Error(...)\`, to get its line`;
      case 'number':
      case 'boolean':
      case 'bigint':
      case 'undefined':
        return `your code threw ${String(value)}${typeof value === 'bigint' ? 'n' : ''} (throw an Error, e.g. \`throw new Error('...')\`, to get its line)`;
      case 'symbol':
        return `your code threw a Symbol (${boundText(value.toString(), 200)}); throw an Error, e.g. \`throw new Error('...')\``;
      case 'function':
        return "your code threw a function; throw an Error, e.g. `throw new Error('...')`";
      default:
        if (value === null) return "your code threw null; throw an Error, e.g. `throw new Error('...')`";
        return "your code threw an object that is not an Error; throw an Error, e.g. `throw new Error('...')`";
    }
  } catch {
    return 'your code threw something that is not an Error';
  }
}

/**
 * A thrown thing (anything: errors of another realm, primitives, null-prototype objects, Proxies,
 * objects whose getters throw) as plain, bounded data. Never throws.
 */
export function errorToData(error: unknown, fileName: string, lineOffset = 0): JobErrorData {
  try {
    return boundData(knownErrorToData(error, fileName, lineOffset));
  } catch {
    return { kind: 'code', fileName, line: null, errorName: 'Error', detail: describeThrown(error), seconds: 0 };
  }
}

function boundData(data: JobErrorData): JobErrorData {
  return {
    ...data,
    fileName: boundText(data.fileName, 500),
    errorName: boundText(data.errorName, 100),
    detail: boundText(data.detail),
  };
}

function knownErrorToData(error: unknown, fileName: string, lineOffset: number): JobErrorData {
  if (error instanceof RunawayLoopError) {
    return {
      kind: 'loop',
      fileName: error.fileName,
      line: error.line,
      errorName: error.errorName,
      detail: error.detail,
      seconds: error.limitSeconds,
      elapsed: error.elapsedSeconds,
    };
  }
  if (error instanceof JobCodeError) {
    return {
      kind: 'code',
      fileName: error.fileName,
      line: error.line,
      errorName: error.errorName,
      detail: error.detail,
      seconds: 0,
    };
  }
  if (error instanceof JobSpecError) {
    return { kind: 'spec', fileName, line: null, errorName: error.name, detail: error.message, seconds: 0 };
  }
  // Errors thrown inside a vm context come from another realm: duck-type them, reading each field
  // once and guarded (a getter or a Proxy trap may throw, a null-prototype object has no toString).
  if ((typeof error !== 'object' && typeof error !== 'function') || error === null)
    return { kind: 'code', fileName, line: null, errorName: 'Error', detail: describeThrown(error), seconds: 0 };
  const stack = readString(error, 'stack') ?? '';
  const name = readString(error, 'name') || 'Error';
  let message = readString(error, 'message') ?? (stack ? '' : describeThrown(error));
  if (name === 'RangeError' && /call stack/i.test(message))
    message = `${message}: a function keeps calling itself — does your recursion ever reach a case that returns without calling itself again?`;
  return {
    kind: 'code',
    fileName,
    line: findLine(stack, fileName, lineOffset),
    errorName: name,
    detail: message,
    seconds: 0,
  };
}

export function errorFromData(data: JobErrorData): Error {
  if (data.kind === 'loop') return new RunawayLoopError(data.fileName, data.line ?? 0, data.elapsed ?? 0, data.seconds);
  if (data.kind === 'timeout') return new JobTimeoutError(data.seconds);
  if (data.kind === 'spec') return new JobSpecError(data.fileName, data.detail.replace(`${data.fileName}: `, ''));
  if (data.errorName === 'JobResultError') return new JobResultError(data.fileName, data.line, data.detail);
  return new JobCodeError(data.fileName, data.line, data.errorName, data.detail);
}

/** The first stack frame in the learner's file gives the line (minus a wrapper's offset). */
export function findLine(stack: string, fileName: string, lineOffset = 0): number | null {
  for (const frame of stack.split('\n')) {
    for (let at = frame.lastIndexOf(fileName); at >= 0; at = at === 0 ? -1 : frame.lastIndexOf(fileName, at - 1)) {
      // The whole name, not the end of another file's (a job D.mjs and the engine's chunk-3D.mjs).
      if (at > 0 && !NAME_STARTS_AFTER.has(frame[at - 1]!)) continue;
      const match = /^:(\d+)(?::\d+)?/.exec(frame.slice(at + fileName.length));
      if (match) return Number(match[1]) - lineOffset;
    }
  }
  return null;
}

/** What a file's name follows in a stack frame: its folder, the frame's "(" or "at ", Firefox's "fn@". */
const NAME_STARTS_AFTER = new Set(['/', '\\', '(', ' ', '@']);
