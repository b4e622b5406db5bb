/**
 * The Spark settings a run may give (spark-submit's `--conf key=value`), with Spark's names and
 * defaults, and their validator: times as Spark writes them (`3s`, `500ms`, `1min`; a bare number
 * is milliseconds, as spark.locality.wait reads it), whole numbers and booleans. An unknown key or
 * a bad value is a ValidationError naming the setting and the value.
 */
import { LIMITS, ValidationError, describeValue, onClock } from '../core';
import { JobSpecError } from '../sandbox/contract';
import {
  parseExecutorMemoryMb,
  parseMemoryMb,
  parseQueue,
  parseSparkMaster,
  type SparkMaster,
} from './sparkResourceSettings';

/** What a run passes: Spark's keys with string values (`--conf`), or numbers and booleans (JSON). */
export type SparkConfInput = Readonly<Record<string, string | number | boolean>>;

export interface SparkConf {
  /**
   * Delay scheduling (spark.locality.wait, 3s): how long a task set waits at a locality level
   * for a free slot there before it takes a worse one; per level spark.locality.wait.process,
   * .node and .rack, each defaulting to spark.locality.wait.
   */
  localityWaitMs: { process: number; node: number; rack: number };
  /** spark.stage.maxConsecutiveAttempts (4): a stage failing this many times in a row (fetch failures) aborts its job. */
  maxConsecutiveStageAttempts: number;
  /** spark.shuffle.io.maxRetries (3) × spark.shuffle.io.retryWait (5s): how long a fetch from a lost node retries before FetchFailed. */
  shuffleMaxRetries: number;
  shuffleRetryWaitMs: number;
  /** spark.speculation (false): copies of tasks running spark.speculation.multiplier (1.5) × the median once spark.speculation.quantile (0.75) of a stage is done. */
  speculation: boolean;
  speculationMultiplier: number;
  speculationQuantile: number;
  /** spark.default.parallelism (unset: the executors' total cores, at least 2): sc.defaultParallelism, parallelize's numSlices. */
  defaultParallelism: number | null;
  /**
   * spark.yarn.executor.nodeLabelExpression (unset): the YARN node label executors are asked for,
   * so they run only on nodes with that label; '' asks for the default partition (unlabelled nodes).
   */
  executorNodeLabel: string;
  /** spark.master (yarn): the cluster manager the executors are asked of, YARN or a standalone Master. */
  master: SparkMaster;
  /** spark.yarn.queue (default): the YARN queue the application is submitted to. */
  yarnQueue: string;
  /**
   * spark.executor.instances, .cores, .memory (unset). Unset all three (and .memoryOverhead), this simulator gives each
   * NodeManager one executor with all its cores and half its memory (sized by hand for the
   * cluster); set any, and Spark's own defaults fill in the rest: 2 executors of 1 core and 1g
   * on YARN. A standalone Master ignores the instances: it gives an application every free core
   * (up to spark.cores.max), one executor per worker unless spark.executor.cores is set.
   */
  executorInstances: number | null;
  executorCores: number | null;
  executorMemoryMb: number | null;
  /** spark.executor.memoryOverhead (unset: 10% of the executor's memory, at least 384 MiB): added to a YARN container. */
  executorMemoryOverheadMb: number | null;
  /** spark.cores.max (unset: every free core): a standalone application's cores across the cluster. */
  coresMax: number | null;
}

/** Spark's defaults (spark/docs/configuration.md). */
export const SPARK_DEFAULTS: SparkConf = {
  localityWaitMs: { process: 3000, node: 3000, rack: 3000 },
  maxConsecutiveStageAttempts: 4,
  shuffleMaxRetries: 3,
  shuffleRetryWaitMs: 5000,
  speculation: false,
  speculationMultiplier: 1.5,
  speculationQuantile: 0.75,
  defaultParallelism: null,
  executorNodeLabel: '',
  master: { kind: 'yarn' },
  yarnQueue: 'default',
  executorInstances: null,
  executorCores: null,
  executorMemoryMb: null,
  executorMemoryOverheadMb: null,
  coresMax: null,
};

/** The keys a run may set, with what each takes (shown when a key is unknown). */
export const SPARK_CONF_KEYS: Readonly<Record<string, string>> = {
  'spark.locality.wait': 'a time, e.g. 3s (default 3s; a bare number is milliseconds)',
  'spark.locality.wait.process': 'a time (default: spark.locality.wait)',
  'spark.locality.wait.node': 'a time (default: spark.locality.wait)',
  'spark.locality.wait.rack': 'a time (default: spark.locality.wait)',
  'spark.stage.maxConsecutiveAttempts': 'a whole number from 1 (default 4)',
  'spark.shuffle.io.maxRetries': 'a whole number from 0 (default 3)',
  'spark.shuffle.io.retryWait': 'a time (default 5s)',
  'spark.speculation': 'true or false (default false)',
  'spark.speculation.multiplier': 'a number from 1 (default 1.5)',
  'spark.speculation.quantile': 'a number from 0 to 1 (default 0.75)',
  'spark.default.parallelism': "a whole number from 1 (default: the executors' total cores, at least 2)",
  'spark.yarn.executor.nodeLabelExpression':
    'a YARN node label, e.g. compute (default: none, the nodes without a label)',
  'spark.master': "yarn, or the standalone Master's URL spark://master:7077 (default yarn)",
  'spark.yarn.queue': 'a YARN queue name (default: default)',
  'spark.executor.instances': 'a whole number from 1 (YARN; default 2 once executors are sized)',
  'spark.executor.cores': 'a whole number from 1 (default 1 on YARN; standalone: all free cores of a worker)',
  'spark.executor.memory': 'a memory size, e.g. 4g (default 1g)',
  'spark.executor.memoryOverhead': "a memory size (YARN; default 10% of the executor's memory, at least 384m)",
  'spark.cores.max': 'a whole number from 1 (standalone; default: every free core)',
};

/** The longest time a setting may take: a simulated day. */
const MAX_TIME_MS = 24 * 3600_000;
const UNIT_MS: Readonly<Record<string, number>> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3600_000,
  d: 86_400_000,
};

/** Spark's timeStringAsMs: `3s`, `500ms`, `1.5min` (Spark takes whole numbers; decimals are allowed here), a bare number is ms. */
export function parseSparkTime(key: string, value: string | number | boolean): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : '';
  const m = /^(\d+(?:\.\d+)?)\s*(us|ms|s|min|m|h|d)?$/.exec(text);
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] ?? 'ms']! : NaN;
  if (!(ms >= 0 && ms <= MAX_TIME_MS))
    throw new ValidationError(key, `must be a time like 3s, 500ms or 1min, from 0 to 24h, got ${describeValue(value)}`);
  return onClock(ms);
}

function parseWhole(key: string, value: string | number | boolean, min: number, max: number): number {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
    throw new ValidationError(key, `must be a whole number from ${min} to ${max}, got ${describeValue(value)}`);
  return n;
}

function parseNumber(key: string, value: string | number | boolean, min: number, max: number): number {
  const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !(n >= min && n <= max))
    throw new ValidationError(key, `must be a number from ${min} to ${max}, got ${describeValue(value)}`);
  return n;
}

function parseBool(key: string, value: string | number | boolean): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ValidationError(key, `must be true or false, got ${describeValue(value)}`);
}

/** A node label expression: one label (YARN's characters), or '' for the nodes without one. */
function parseLabel(key: string, value: string | number | boolean): string {
  const label = typeof value === 'string' ? value.trim() : null;
  if (label === null || (label !== '' && !/^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/.test(label)))
    throw new ValidationError(
      key,
      `must be one YARN node label (letters, digits, '-' and '_'), or '' for the nodes without a label, got ${describeValue(value)}`,
    );
  return label;
}

/** Spark's defaults with the given settings applied; throws a ValidationError naming a bad key or value. */
export function resolveSparkConf(input: SparkConfInput = {}): SparkConf {
  for (const key of Object.keys(input))
    if (!Object.hasOwn(SPARK_CONF_KEYS, key))
      throw new ValidationError(
        key,
        `not a setting ClusterLab simulates; it knows ${Object.keys(SPARK_CONF_KEYS).join(', ')}`,
      );
  /** The setting's value through `parse`, or `fallback` when the run does not give it. */
  const opt = <T>(key: string, fallback: T, parse: (key: string, value: string | number | boolean) => T): T =>
    Object.hasOwn(input, key) ? parse(key, input[key]!) : fallback;
  const d = SPARK_DEFAULTS;
  const wait = opt('spark.locality.wait', d.localityWaitMs.process, parseSparkTime);
  return {
    localityWaitMs: {
      process: opt('spark.locality.wait.process', wait, parseSparkTime),
      node: opt('spark.locality.wait.node', wait, parseSparkTime),
      rack: opt('spark.locality.wait.rack', wait, parseSparkTime),
    },
    maxConsecutiveStageAttempts: opt('spark.stage.maxConsecutiveAttempts', d.maxConsecutiveStageAttempts, (k, x) =>
      parseWhole(k, x, 1, 100),
    ),
    shuffleMaxRetries: opt('spark.shuffle.io.maxRetries', d.shuffleMaxRetries, (k, x) => parseWhole(k, x, 0, 100)),
    shuffleRetryWaitMs: opt('spark.shuffle.io.retryWait', d.shuffleRetryWaitMs, parseSparkTime),
    speculation: opt('spark.speculation', d.speculation, parseBool),
    speculationMultiplier: opt('spark.speculation.multiplier', d.speculationMultiplier, (k, x) =>
      parseNumber(k, x, 1, 100),
    ),
    speculationQuantile: opt('spark.speculation.quantile', d.speculationQuantile, (k, x) => parseNumber(k, x, 0, 1)),
    defaultParallelism: opt('spark.default.parallelism', d.defaultParallelism, (k, x) =>
      parseWhole(k, x, 1, LIMITS.maxPartitions),
    ),
    executorNodeLabel: opt('spark.yarn.executor.nodeLabelExpression', d.executorNodeLabel, parseLabel),
    master: opt('spark.master', d.master, parseSparkMaster),
    yarnQueue: opt('spark.yarn.queue', d.yarnQueue, parseQueue),
    executorInstances: opt('spark.executor.instances', d.executorInstances, (k, x) => parseWhole(k, x, 1, 1000)),
    executorCores: opt('spark.executor.cores', d.executorCores, (k, x) => parseWhole(k, x, 1, 1024)),
    executorMemoryMb: opt('spark.executor.memory', d.executorMemoryMb, parseExecutorMemoryMb),
    executorMemoryOverheadMb: opt('spark.executor.memoryOverhead', d.executorMemoryOverheadMb, parseMemoryMb),
    coresMax: opt('spark.cores.max', d.coresMax, (k, x) => parseWhole(k, x, 1, 100_000)),
  };
}

/**
 * The settings a Spark job runs with: the run's (spark-submit's --conf, a lab step's) with the job
 * file's `conf` export over them, as settings made in the program (SparkConf.set,
 * SparkSession.builder.config) take precedence over spark-submit's flags. A bad setting of the
 * file is a JobSpecError naming the file and the entry (`conf['spark.locality.wait']`).
 */
export function submittedSparkConf(
  run: SparkConfInput | undefined,
  file: SparkConfInput | undefined,
  fileName: string,
): SparkConfInput | undefined {
  if (file === undefined) return run;
  try {
    resolveSparkConf(file);
  } catch (error) {
    if (error instanceof ValidationError) throw new JobSpecError(fileName, `conf['${error.path}']: ${error.problem}`);
    throw error;
  }
  return { ...run, ...file };
}
