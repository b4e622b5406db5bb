/**
 * spark.conf, Spark's RuntimeConfig (Spark 3.5's RuntimeConfig over SQLConf): the session's SQL
 * settings, checked as Spark checks them when they are set.
 *
 * - `set(key, value)` converts the value as the setting's type does (spark.sql.shuffle.partitions
 *   an int above 0, spark.sql.autoBroadcastJoinThreshold a byte size like 10485760, 10m or -1)
 *   and fails with Spark's IllegalArgumentException text naming the key and the value; a Spark core
 *   setting (spark.executor.memory...) is refused with CANNOT_MODIFY_CONFIG, as
 *   spark.sql.legacy.setCommandRejectsSparkCoreConfs (true) makes Spark 3 do. Other keys are kept
 *   as they are, as Spark keeps them.
 * - `get(key)` is the set value, else the setting's default, else SQL_CONF_NOT_FOUND (Spark's
 *   SparkNoSuchElementException); `get(key, default)` gives the default instead.
 * - `unset(key)` forgets a set value; `isModifiable(key)` is true for the SQL settings modelled here.
 *
 * ClusterLab does not simulate Adaptive Query Execution: its switches read 'false' (as if
 * spark-defaults.conf turned them off), and turning one on fails with what AQE would do and how to
 * get fewer reduce tasks here. Also past Spark: a partition count over LIMITS.maxPartitions.
 */
import { LIMITS, describeValue, formatCount } from '../../core';
import { SPARK_CONF_KEYS } from '../sparkConf';

/** Java's IllegalArgumentException: Spark's ConfigBuilder throws it for a value of the wrong type or range. */
export class IllegalArgumentException extends Error {
  override name = 'IllegalArgumentException';
}

/** Spark's SparkNoSuchElementException (error class SQL_CONF_NOT_FOUND). */
export class SparkNoSuchElementException extends Error {
  override name = 'SparkNoSuchElementException';
}

/** Spark's AnalysisException (error class CANNOT_MODIFY_CONFIG). */
export class AnalysisException extends Error {
  override name = 'AnalysisException';
}

/** A setting Spark has whose effect ClusterLab does not simulate. */
export class UnsupportedOperationException extends Error {
  override name = 'UnsupportedOperationException';
}

/** Spark's SQLConf default of spark.sql.autoBroadcastJoinThreshold, as get() writes it (a bytesConf: digits and `b`). */
const BROADCAST_DEFAULT = '10485760b';

/** The SQL settings ClusterLab models: their default (as Spark's get writes it) and Spark's value check. */
const SQL_SETTINGS: Readonly<Record<string, { default: string; check: (key: string, value: string) => number }>> = {
  'spark.sql.shuffle.partitions': { default: '200', check: (k, v) => positiveInt(k, v) },
  'spark.sql.autoBroadcastJoinThreshold': { default: BROADCAST_DEFAULT, check: (k, v) => byteSize(k, v) },
};

const FEWER_TASKS =
  "Here every DataFrame shuffle runs spark.sql.shuffle.partitions reduce tasks (200 by default), empty or not: for fewer, set it, e.g. spark.conf.set('spark.sql.shuffle.partitions', 8)";

/** AQE's switches: what each would do in Spark 3.2+, where they are on by default. */
const AQE_SWITCHES: Readonly<Record<string, string>> = {
  'spark.sql.adaptive.enabled':
    "Adaptive Query Execution (AQE), which Spark 3.2+ turns on by default: once a shuffle's map stage has run, it re-plans the rest of the query from the real sizes, coalescing small shuffle partitions into fewer reduce tasks (and splitting skewed join partitions)",
  'spark.sql.adaptive.coalescePartitions.enabled':
    "AQE's partition coalescing (on by default with AQE in Spark 3.2+): after a shuffle's map stage, small adjacent shuffle partitions are merged so that fewer reduce tasks run",
  'spark.sql.adaptive.skewJoin.enabled':
    "AQE's skew-join handling (on by default with AQE in Spark 3.2+): a sort-merge join's shuffle partition far bigger than the others is split into several tasks",
};

/**
 * Spark core settings: fixed when the application starts, so Spark 3 refuses them at runtime
 * (RuntimeConfig.requireNonStaticConf: a registered core ConfigEntry that is not a SQL one). The
 * submit-time keys ClusterLab knows, less the two Spark 3.5 has no ConfigEntry for and so accepts
 * (spark.master, spark.default.parallelism: kept, with no effect), and common ones it does not run.
 */
const CORE_KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(SPARK_CONF_KEYS).filter((k) => k !== 'spark.master' && k !== 'spark.default.parallelism'),
  'spark.driver.memory',
  'spark.driver.cores',
  'spark.driver.maxResultSize',
  'spark.task.cpus',
  'spark.task.maxFailures',
  'spark.dynamicAllocation.enabled',
  'spark.serializer',
]);

/** Java's Integer.parseInt range. */
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Spark's intConf (Integer.parseInt of the trimmed text), then checkValue(_ > 0), then ClusterLab's partition limit. */
function positiveInt(key: string, value: string): number {
  const text = value.trim();
  const n = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= INT_MIN && n <= INT_MAX)) throw new IllegalArgumentException(`${key} should be int, but was ${value}`);
  if (n <= 0) throw new IllegalArgumentException(`'${n}' in ${key} is invalid. The value of ${key} must be positive`);
  return n;
}

/** JavaUtils.byteStringAs's suffixes (lower case). */
const BYTE_SUFFIXES: Readonly<Record<string, number>> = {
  b: 1,
  k: 2 ** 10,
  kb: 2 ** 10,
  m: 2 ** 20,
  mb: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
  t: 2 ** 40,
  tb: 2 ** 40,
  p: 2 ** 50,
  pb: 2 ** 50,
};

/**
 * Spark's bytesConf(BYTE): a leading `-` negates, then whole digits with an optional suffix
 * (`10485760`, `10m`, `10MB`); a fraction or anything else is a NumberFormatException with
 * JavaUtils' text. Spark's message does not name the key; this one does.
 */
function byteSize(key: string, value: string): number {
  const negative = value.startsWith('-');
  const text = (negative ? value.slice(1) : value).toLowerCase().trim();
  const m = /^(\d+)([a-z]+)?$/.exec(text);
  let why: string | null = null;
  let bytes = NaN;
  if (m) {
    const unit = m[2] === undefined ? 1 : BYTE_SUFFIXES[m[2]];
    if (unit === undefined) why = `Invalid suffix: "${m[2]}"`;
    else bytes = Number(m[1]) * unit;
    if (unit !== undefined && !Number.isSafeInteger(bytes)) why = `Too large: ${value}`;
  } else {
    const f = /^(\d+\.\d+)([a-z]+)?$/.exec(text);
    why = f ? `Fractional values are not supported. Input was: ${f[1]}` : `Failed to parse byte string: ${value}`;
  }
  if (why !== null)
    throw new IllegalArgumentException(
      `${key}: Size must be specified as bytes (b), kibibytes (k), mebibytes (m), gibibytes (g), tebibytes (t), or pebibytes(p). E.g. 50b, 100k, or 250m. (-1 turns broadcasting off)\n${why}`,
    );
  return negative ? -bytes : bytes;
}

/** A setting's value as text: strings, numbers and booleans, as Spark's set(key, String|Long|Boolean) takes them. */
function valueText(call: string, key: string, value: unknown): string {
  if (value === null || value === undefined)
    throw new IllegalArgumentException(`requirement failed: value cannot be null for key: ${key}`);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  throw new TypeError(
    `spark.conf.${call}('${key}', value): the value must be a string, a number or a boolean, got ${describeValue(value)}`,
  );
}

function keyText(call: string, key: unknown): string {
  if (typeof key !== 'string')
    throw new TypeError(
      `spark.conf.${call}(key): the key must be a string like 'spark.sql.shuffle.partitions', got ${describeValue(key)}`,
    );
  return key;
}

/** Scala's String.toBoolean (trimmed, any case), as Spark's booleanConf reads a value. */
function booleanValue(key: string, value: string): boolean {
  const t = value.trim().toLowerCase();
  if (t !== 'true' && t !== 'false') throw new IllegalArgumentException(`${key} should be boolean, but was ${value}`);
  return t === 'true';
}

function requireModifiable(key: string): void {
  if (CORE_KEYS.has(key))
    throw new AnalysisException(
      `[CANNOT_MODIFY_CONFIG] Cannot modify the value of the Spark config: "${key}". See also 'https://spark.apache.org/docs/latest/sql-migration-guide.html#ddl-statements'. It is a Spark core setting, fixed when the application starts: give it at submit time, in the job file (export const conf = { '${key}': ... }) or with --conf`,
    );
}

function notFound(key: string): SparkNoSuchElementException {
  const hint = CORE_KEYS.has(key)
    ? ` spark.conf holds the session's SQL settings; ${key} is a Spark core setting, given at submit time (the job file's export const conf, or --conf).`
    : key.startsWith('spark.sql.')
      ? ` ClusterLab models spark.sql.shuffle.partitions, spark.sql.autoBroadcastJoinThreshold and the AQE switches (spark.sql.adaptive.*, off); Spark's other SQL settings are not simulated, so they have no value here.`
      : '';
  return new SparkNoSuchElementException(
    `[SQL_CONF_NOT_FOUND] The SQL config "${key}" cannot be found. Please verify that the config exists.${hint} (spark.conf.get(key, defaultValue) gives defaultValue instead.)`,
  );
}

/** The learner's spark.conf over the session's map of set values. */
export function createRuntimeConfig(conf: Map<string, string>): object {
  return Object.freeze({
    set(key: unknown, value: unknown): void {
      const k = keyText('set', key);
      const v = valueText('set', k, value);
      requireModifiable(k);
      const aqe = AQE_SWITCHES[k];
      if (aqe !== undefined && booleanValue(k, v))
        throw new UnsupportedOperationException(
          `spark.conf.set('${k}', ${describeValue(value)}): ClusterLab does not simulate ${aqe}. ${FEWER_TASKS}. Setting it to false is accepted (that is what ClusterLab does).`,
        );
      const setting = SQL_SETTINGS[k];
      if (setting) {
        const n = setting.check(k, v);
        if (k === 'spark.sql.shuffle.partitions' && n > LIMITS.maxPartitions)
          throw new RangeError(
            `spark.conf.set('${k}', ${describeValue(value)}): ${formatCount(n)} partitions is more than the simulator's limit of ${formatCount(LIMITS.maxPartitions)} partitions per RDD (every DataFrame shuffle would have that many reduce tasks); Spark itself takes it`,
          );
      }
      conf.set(k, v);
    },
    get(key: unknown, defaultValue?: unknown): string | null {
      const k = keyText('get', key);
      if (defaultValue !== undefined && defaultValue !== null && typeof defaultValue !== 'string')
        throw new TypeError(
          `spark.conf.get('${k}', defaultValue): the default must be a string (as PySpark's), got ${describeValue(defaultValue)}: write '${String(defaultValue)}'`,
        );
      const value = conf.get(k);
      if (value !== undefined) return value;
      if (k in AQE_SWITCHES) return 'false';
      const setting = SQL_SETTINGS[k];
      if (defaultValue !== undefined) {
        // Spark checks a default given for one of its SQL settings as it checks a value set.
        if (setting && defaultValue !== null) setting.check(k, defaultValue);
        return defaultValue;
      }
      if (setting) return setting.default;
      throw notFound(k);
    },
    unset(key: unknown): void {
      const k = keyText('unset', key);
      requireModifiable(k);
      conf.delete(k);
    },
    isModifiable(key: unknown): boolean {
      const k = keyText('isModifiable', key);
      return k in SQL_SETTINGS || k in AQE_SWITCHES;
    },
  });
}

/** spark.sql.shuffle.partitions as the session has it (set values were checked by set). */
export function shufflePartitionsOf(conf: ReadonlyMap<string, string>): number {
  return Number(conf.get('spark.sql.shuffle.partitions')?.trim() ?? '200');
}

/** spark.sql.autoBroadcastJoinThreshold in bytes (negative: no broadcast by size). */
export function broadcastThresholdOf(conf: ReadonlyMap<string, string>): number {
  const key = 'spark.sql.autoBroadcastJoinThreshold';
  return byteSize(key, conf.get(key) ?? BROADCAST_DEFAULT);
}
