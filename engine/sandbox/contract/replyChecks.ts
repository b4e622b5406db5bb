/**
 * The checks a sandbox reply's fields go through (engine/sandbox/sandboxReplyValidation.ts, engine/streaming/kafkaCallCheck.ts):
 * each throws an Invalid naming the field and what is wrong with it.
 */
/** Longest texts a reply may carry (the sandbox itself cuts error texts to 2,000 characters). */
export const REPLY_LIMITS = {
  name: 1_000,
  path: 4_096,
  errorText: 10_000,
  logText: 1_000_000,
  /** Jobs in a chain, paths of a job, RDDs, shuffles and Spark jobs of a log, partitions of an RDD. */
  list: 1_000_000,
  /** Replies in one batch: its tasks' answers and the console lines between them. */
  batch: 100_000,
  /**
   * Keys and values in one partition of one map task's output: what the sandbox's memory holds
   * bounds it first. A word count over a 2 MB file of one-letter lines writes a million records
   * from one map task, which Hadoop takes in its stride (REPLY_LIMITS.list refused it).
   */
  records: 50_000_000,
} as const;

export class Invalid {
  constructor(readonly why: string) {}
}

export const fail = (where: string, what: string): never => {
  throw new Invalid(`${where} ${what}`);
};

export function obj(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, 'is not an object');
  return v as Record<string, unknown>;
}

export function str(v: unknown, where: string, max: number): string {
  if (typeof v !== 'string') fail(where, 'is not a string');
  if ((v as string).length > max) fail(where, `is longer than ${max} characters (${(v as string).length})`);
  return v as string;
}

/** A non-negative safe integer. */
export function int(v: unknown, where: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > max)
    fail(where, `is not an integer from 0 to ${max} (${typeof v === 'number' ? v : typeof v})`);
  return v as number;
}

/** A finite non-negative number. */
export function count(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(where, `is not a finite non-negative number`);
  return v as number;
}

export function bool(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') fail(where, 'is not true or false');
  return v as boolean;
}

export function list(v: unknown, where: string, max: number = REPLY_LIMITS.list): unknown[] {
  if (!Array.isArray(v)) fail(where, 'is not an array');
  if ((v as unknown[]).length > max) fail(where, `has more than ${max} items`);
  return v as unknown[];
}

export function ints(v: unknown, where: string, max?: number): number[] {
  const a = list(v, where);
  // The item's path is spelled out only for the message of a bad one (thousands of items per run).
  const top = max ?? Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!(typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x <= top)) int(x, `${where}[${i}]`, max);
  }
  return a as number[];
}

/** A list of finite non-negative numbers: of `length` items when given, else of at most `max`. */
export function counts(
  v: unknown,
  where: string,
  length?: number,
  allowMinusOne = false,
  max: number = REPLY_LIMITS.list,
): number[] {
  const a = list(v, where, length ?? max);
  if (length !== undefined && a.length !== length) fail(where, `has ${a.length} items, not ${length}`);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!(typeof x === 'number' && Number.isFinite(x) && x >= 0) && !(allowMinusOne && x === -1))
      count(x, `${where}[${i}]`);
  }
  return a as number[];
}
