/**
 * A Spark job file's submit-time settings: `export const conf = { 'spark.locality.wait': '1s' }`
 * beside its default export, what spark-submit's `--conf` or `SparkSession.builder.config(...)`
 * give before the application starts. Here only their shape is read (a plain object of strings,
 * finite numbers and booleans, within bounds), inside the sandbox and again by the host; which keys
 * and values Spark takes is engine/spark/sparkConf.ts's to say.
 */
import { JobSpecError } from './jobCodeError';

export type SubmitConf = Record<string, string | number | boolean>;

/** At most this many settings, keys this long, string values this long. */
export const SUBMIT_CONF_LIMITS = { keys: 64, key: 200, value: 1_000 } as const;

/** What is wrong with `value` as a whole (not an object, not a plain one, too many keys), or null. */
function objectProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `must be an object of Spark settings like { 'spark.locality.wait': '1s' }, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  // Some realm's Object.prototype (the CLI runs jobs in a vm context of its own), or none: a class
  // instance, a Map or a Date is refused.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null)
    return 'must be a plain object literal of Spark settings';
  const keys = Object.keys(value).length;
  return keys > SUBMIT_CONF_LIMITS.keys ? `at most ${SUBMIT_CONF_LIMITS.keys} settings, got ${keys}` : null;
}

/**
 * What is wrong with `value` as a job file's `conf`, naming the entry (`conf['spark.x']`), or null
 * when it is a plain object of settings within SUBMIT_CONF_LIMITS (own enumerable keys only).
 */
export function submitConfProblem(value: unknown): { where: string; problem: string } | null {
  const whole = objectProblem(value);
  if (whole) return { where: 'conf', problem: whole };
  for (const key of Object.keys(value as object)) {
    const where = `conf['${key.length > 60 ? `${key.slice(0, 60)}...` : key}']`;
    if (key.length > SUBMIT_CONF_LIMITS.key)
      return { where, problem: `a setting's name must be at most ${SUBMIT_CONF_LIMITS.key} characters` };
    const v: unknown = (value as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.length > SUBMIT_CONF_LIMITS.value)
      return { where, problem: `a value must be at most ${SUBMIT_CONF_LIMITS.value} characters, got ${v.length}` };
    if (typeof v === 'number' && !Number.isFinite(v)) return { where, problem: `must be a finite number, got ${v}` };
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      return { where, problem: `must be a string, a number or true/false, got ${v === null ? 'null' : typeof v}` };
  }
  return null;
}

/**
 * The job file's `conf` export as plain settings, or a JobSpecError naming the file and the entry.
 * Each value is read once, into a copy that is then checked: a getter cannot pass the check with
 * one value and hand over another.
 */
export function readSubmitConf(value: unknown, fileName: string): SubmitConf {
  const whole = objectProblem(value);
  if (whole) throw new JobSpecError(fileName, `conf: ${whole}`);
  // A null-prototype copy: an own '__proto__' key stays a key (then refused as an unknown setting).
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value as object)) copy[key] = (value as Record<string, unknown>)[key];
  const problem = submitConfProblem(copy);
  if (problem) throw new JobSpecError(fileName, `${problem.where}: ${problem.problem}`);
  return copy as SubmitConf;
}
