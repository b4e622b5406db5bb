/**
 * Runs a learner's Spark job function (the driver program) inside the sandbox with a
 * SparkContext-like `sc`, and returns its value with the log the simulation replays. The value
 * must be data, as collect() gives it: it is turned into plain, bounded data here, inside the
 * sandbox (engine/sandbox/contract/plainData.ts); an RDD, a function, a Symbol, a Promise, a cycle or a
 * value past the limits fails the run with a JobResultError saying what was returned and where.
 */
import { JobResultError, errorToData, type JobErrorData } from '../sandbox/contract/jobCodeError';
import { DATA_LIMITS, toPlainData, type PlainDataLimits } from '../sandbox/contract/plainData';
import type { DriverHost, SparkDriverOutput } from '../sandbox/contract/taskRunner';
import { Accumulator, NumericAccumulator } from './accumulators';
import { Broadcast } from './broadcast';
import { Rdd } from './rdd';
import { rddHandle, rddOf } from './rddHandle';
import { createSparkContext } from './sparkContext';
import { defaultParallelismOf, MIN_DEFAULT_PARALLELISM } from './defaultParallelism';
import { MissingInputError, SparkRuntime } from './sparkRuntime';
import { SparkJobAbortedError } from './sparkTaskError';
import { createSparkSession, describeSqlObject } from './sql/sparkSession';

/** Data the driver returns: the shape collect() gives, and how much of it (Spark caps it too, spark.driver.maxResultSize). */
export const RESULT_KINDS = 'numbers, strings, booleans, null, arrays and plain objects';

export async function runSparkDriver(
  fn: (sc: unknown) => unknown,
  host: DriverHost,
  decode: (b: Uint8Array) => string,
  describeError: (error: unknown) => JobErrorData = (error) => errorToData(error, 'job.js'),
  /** Progress: the Spark job computing (`job 2 (count at line 9)`) and its partitions done of total. */
  onPartition: ((job: string, done: number, total: number) => void) | null = null,
  limits: PlainDataLimits = DATA_LIMITS,
): Promise<SparkDriverOutput> {
  // Learners reach these prototypes through their objects (`Object.getPrototypeOf(rdd)`): frozen,
  // a job cannot replace collect() or the runtime's bookkeeping to fake what the host sees.
  const prototypes = [Rdd.prototype, SparkRuntime.prototype, Accumulator.prototype, NumericAccumulator.prototype];
  for (const proto of [...prototypes, Broadcast.prototype]) Object.freeze(proto);
  const rt = new SparkRuntime(host.catalog, (p) => host.readFiles(p), decode, describeError);
  rt.onPartition = onPartition;
  if (host.adopt) rt.adopt = host.adopt;
  // Shuffles without a partition count use it when set (Partitioner.defaultPartitioner).
  rt.configuredDefaultParallelism = host.parallelism?.configured ?? null;
  // The line of the learner's sc.textFile / sc.parallelize call that began each lineage.
  const madeAt = new Map<number, number | null>();
  // The learner gets handles (engine/spark/rddHandle.ts), never the Rdd and its runtime.
  const made = (rdd: Rdd): object => {
    madeAt.set(rdd.id, describeError(new Error('call site')).line);
    return rddHandle(rdd);
  };
  const sc = createSparkContext({
    rt,
    defaultParallelism: host.parallelism
      ? defaultParallelismOf(host.parallelism.executorCores, host.parallelism.configured)
      : MIN_DEFAULT_PARALLELISM,
    appName: describeError(new Error('app')).fileName.split(/[\\/]/).pop() ?? 'job.js',
    made,
    siteOf: (what) => {
      const { fileName, line } = describeError(new Error('call site'));
      return `${what} at ${fileName}${line === null ? '' : `:${line}`}`;
    },
  });
  let result: unknown;
  try {
    result = await (fn as (sc: unknown, spark: unknown) => unknown)(
      sc,
      createSparkSession(rt, sc, host.print ?? (() => {}), host.sqlEngine ? () => host.sqlEngine!() : null),
    );
  } catch (error) {
    // What the learner threw may be anything (a revoked Proxy makes instanceof throw).
    if (isInstance(error, MissingInputError)) {
      // The learner's line that read the path (its call is on the error's stack).
      const { line } = describeError(error);
      return {
        result: undefined,
        jobs: [rt.toLog()],
        written: [],
        missingInput: error.path,
        missingInputCall: error.call,
        ...(line === null ? {} : { missingInputLine: line }),
      };
    }
    // A job's task failed and the driver let the error through: the simulation replays the jobs
    // up to that one, whose task fails every attempt. Any other error is the driver's own.
    if (!isInstance(error, SparkJobAbortedError) || error.job !== rt.jobs.length - 1) throw error;
    return { result: undefined, jobs: [{ ...rt.toLog(), aborted: true }], written: rt.written };
  }
  // The actions the driver started, run to their end (awaitedActions.ts), before its jobs are read.
  await rt.actions.drain();
  const untaken = rt.actions.firstUntaken();
  if (untaken !== null)
    throw new JobResultError(
      describeError(new Error('result')).fileName,
      untaken.line,
      `${untaken.name}() was called but never awaited: the driver never used its result, nor waited for its job or saw its errors. Spark's actions return their result; here they return a Promise: write \`await ${untaken.name}(...)\``,
    );
  return { result: plainResult(result, rt, madeAt, describeError, limits), jobs: [rt.toLog()], written: rt.written };
}

/** `value instanceof type`, false when asking throws (a revoked Proxy). */
function isInstance<T>(value: unknown, type: abstract new (...args: never[]) => T): value is T {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

/** The driver's value as plain data, or a JobResultError saying what it returned and where. */
function plainResult(
  result: unknown,
  rt: SparkRuntime,
  madeAt: Map<number, number | null>,
  describeError: (error: unknown) => JobErrorData,
  limits: PlainDataLimits,
): unknown {
  const describeRdd = (value: object) => {
    const rdd = rddOf(value);
    if (!rdd) return value === rt ? 'the Spark runtime' : describeSqlObject(value);
    const line = lineageStart(rdd, rt, madeAt);
    return `an RDD${line === null ? '' : ` (its lineage starts at line ${line})`} — did you mean \`await rdd.collect()\`?`;
  };
  const plain = toPlainData(result, 'result', limits, describeRdd);
  if (plain.ok) return plain.value;
  const { fileName } = describeError(new Error('result'));
  if (plain.thrown !== undefined) {
    // A getter or Proxy trap of the result threw: the learner's error, with its line.
    const data = describeError(plain.thrown);
    throw new JobResultError(
      fileName,
      data.line,
      `the driver's result could not be read at ${plain.path}: ${data.errorName}: ${data.detail}`,
    );
  }
  const what =
    plain.path === 'result'
      ? `the driver returned ${plain.problem}`
      : `at ${plain.path}, the driver's result holds ${plain.problem}`;
  const hint = /RDD|Promise/.test(plain.problem)
    ? ''
    : plain.limit && !plain.problem.includes('levels deep')
      ? ` — return less, e.g. \`await rdd.take(100)\` (Spark limits what collect() brings to the driver too, spark.driver.maxResultSize)`
      : `; a Spark driver returns data, as collect() gives it: ${RESULT_KINDS}`;
  throw new JobResultError(fileName, null, `${what}${hint}`);
}

/** The line of the sc call that began an RDD's lineage (following first parents), if known. */
function lineageStart(rdd: Rdd, rt: SparkRuntime, madeAt: Map<number, number | null>): number | null {
  let at: Rdd | undefined = rdd;
  for (let hops = 0; at && hops < 10_000; hops++) {
    if (madeAt.has(at.id)) return madeAt.get(at.id) ?? null;
    const parent: number | undefined = at.deps[0]?.parent;
    at = parent === undefined ? undefined : rt.rdds[parent];
  }
  return null;
}
