/**
 * The `sc` a learner's Spark driver gets: Spark's SparkContext members that make sense in the
 * simulator (creating RDDs, broadcast variables, accumulators, and what a program asks of its
 * context: defaultParallelism, appName, master, version). A name that does not exist but is close
 * to one that does (`sc.textfile`) is a TypeError that suggests the right one.
 */
import { describeArg } from './rddArgs';
import { LIMITS, formatCount } from '../core';
import { keyText } from '../exec/keyOrder';
import { javaDoubleString } from './sql/sqlValues';
import { Accumulator, NumericAccumulator, type AccumulatorKind } from './accumulators';
import { Broadcast } from './broadcast';
import { checkPartitionCount, Rdd } from './rdd';
import { rddHandle, rddOf } from './rddHandle';
import { union as unionRdds } from './rddTransforms';
import { objectFile, sequenceFile } from './sequenceFiles';
import type { SparkRuntime } from './sparkRuntime';
import { shareAcrossTasks } from './taskClosures';
import { currentTask } from './taskContext';

/** The Spark version `sc.version` reports: the one whose behaviour ClusterLab follows (Spark 3.5). */
export const SPARK_VERSION = '3.5.1';

/**
 * The SparkSession's members (sql/sparkSession.ts) that a driver reaches for on `sc` when it takes
 * the session as its only parameter, as PySpark programs name theirs `spark`.
 */
const SESSION_MEMBERS = new Set(['read', 'sql', 'createDataFrame', 'table', 'functions', 'sparkContext', 'conf']);

/** Spark's log levels (SparkContext.setLogLevel). */
const LOG_LEVELS = ['ALL', 'DEBUG', 'ERROR', 'FATAL', 'INFO', 'OFF', 'TRACE', 'WARN'];

export interface SparkContextOptions {
  rt: SparkRuntime;
  /** sc.defaultParallelism: spark.default.parallelism, or the executors' cores (at least 2). */
  defaultParallelism: number;
  /** The job file's name (sc.appName: spark-submit names an application after its file). */
  appName: string;
  /** A handle for a new RDD, recording the learner's line that made it. */
  made(rdd: Rdd): object;
  /** The learner's line of the call being made, e.g. `destroy at job.js:12`. */
  siteOf(what: string): string;
}

export function createSparkContext(o: SparkContextOptions): object {
  const { rt, made } = o;
  let broadcasts = 0;
  let accumulators = 0;
  /** Each member checks that it runs on the driver and that sc was not stopped, as Spark does. */
  const driverOnly = (name: string) => {
    if (currentTask() !== 0)
      throw new Error(
        `sc.${name} was called inside a task: SparkContext can only be used on the driver, not in code that runs on workers (SPARK-5063)`,
      );
    if (rt.stopped) throw new Error(`Cannot call methods on a stopped SparkContext (sc.${name})`);
  };
  const accumulator = (kind: AccumulatorKind, what: string, name: unknown, initial = 0) => {
    driverOnly(what);
    if (name !== undefined && name !== null && typeof name !== 'string')
      throw new TypeError(`sc.${what}(name): the name must be a string, got ${typeof name}`);
    const made = kind === 'long' || kind === 'double' ? NumericAccumulator : Accumulator;
    const acc = new made(kind, accumulators++, typeof name === 'string' ? name : null, initial);
    if (typeof name === 'string') rt.namedAccumulators.push({ id: acc.id, name, read: () => uiValue(acc.value, kind) });
    return acc;
  };
  const members = {
    /** Spark: SparkContext.textFile. */
    textFile(path: string, minPartitions?: number) {
      driverOnly('textFile');
      // One string, split at its commas (Hadoop's FileInputFormat): a list is a DataFrameReader's.
      if (typeof path !== 'string')
        throw new TypeError(
          `textFile(path): the path must be a string like '/data/sensors.csv' (several: comma-separated, '/a.txt,/b.txt'), got ${describeArg(path)}`,
        );
      return made(rt.textFile(path, minPartitions));
    },
    /** Spark: SparkContext.wholeTextFiles: [path, content] per file. */
    wholeTextFiles(path: string, minPartitions?: number) {
      driverOnly('wholeTextFiles');
      return made(rt.wholeTextFiles(path, minPartitions));
    },
    /** Spark: SparkContext.sequenceFile: [key, value] pairs of SequenceFiles (saveAsSequenceFile's output). */
    sequenceFile(...args: unknown[]) {
      driverOnly('sequenceFile');
      return made(sequenceFile(rt, args));
    },
    /** Spark: SparkContext.objectFile: the elements saveAsObjectFile wrote. */
    objectFile(...args: unknown[]) {
      driverOnly('objectFile');
      return made(objectFile(rt, args));
    },
    /** Spark: SparkContext.parallelize (numSlices defaults to defaultParallelism). */
    parallelize(data: unknown[], numSlices: number = o.defaultParallelism) {
      driverOnly('parallelize');
      return made(rt.parallelize(data, numSlices));
    },
    /** Spark: SparkContext.range / PySpark: sc.range(start, end=None, step=1, numSlices=None). */
    range(start: unknown, end?: unknown, step: unknown = 1, numSlices: unknown = o.defaultParallelism) {
      driverOnly('range');
      return made(rangeRdd(rt, start, end, step, numSlices));
    },
    /** Spark: SparkContext.union: one RDD of all the RDDs' elements. */
    union(...args: unknown[]) {
      driverOnly('union');
      const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
      const rdds = list.map((x) => rddOf(x));
      const bad = rdds.findIndex((x) => x === undefined);
      if (list.length === 0 || bad >= 0)
        throw new TypeError(
          list.length === 0
            ? 'sc.union(rdds): give an array of at least one RDD'
            : `sc.union(rdds): element ${bad} is not an RDD`,
        );
      let out = rdds[0]!;
      for (const r of rdds.slice(1)) out = unionRdds(out, r!);
      return rddHandle(out);
    },
    /** Spark: SparkContext.emptyRDD (Spark's has no partitions; the simulator's RDDs have at least one, empty). */
    emptyRDD() {
      driverOnly('emptyRDD');
      return made(new Rdd(rt, 'emptyRDD', 1, [], () => []));
    },
    /** Spark: SparkContext.broadcast. */
    broadcast(value: unknown) {
      driverOnly('broadcast');
      if (rddOf(value))
        throw new TypeError(
          'sc.broadcast: Can not directly broadcast RDDs; instead, call collect() and broadcast the result (await rdd.collect())',
        );
      return new Broadcast(broadcasts++, value, o.siteOf);
    },
    /** Spark: SparkContext.longAccumulator. */
    longAccumulator(name?: string) {
      return accumulator('long', 'longAccumulator', name);
    },
    /** Spark: SparkContext.doubleAccumulator. */
    doubleAccumulator(name?: string) {
      return accumulator('double', 'doubleAccumulator', name);
    },
    /** Spark: SparkContext.collectionAccumulator. */
    collectionAccumulator(name?: string) {
      return accumulator('collection', 'collectionAccumulator', name);
    },
    /** PySpark: sc.accumulator(value): a number accumulator starting at `value`. */
    accumulator(value: unknown = 0) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new TypeError(`sc.accumulator(value): the initial value must be a finite number, got ${typeof value}`);
      return accumulator('pyspark', 'accumulator', undefined, value);
    },
    /** Spark: SparkContext.setLogLevel: checked as Spark checks it; the simulator's Spark logs nothing. */
    setLogLevel(level: unknown) {
      driverOnly('setLogLevel');
      if (typeof level !== 'string' || !LOG_LEVELS.includes(level.toUpperCase()))
        throw new TypeError(`Supplied level ${String(level)} did not match one of: ${LOG_LEVELS.join(',')}`);
    },
    /** Spark: SparkContext.stop: sc cannot be used afterwards. */
    stop() {
      rt.stopped = true;
    },
    defaultParallelism: o.defaultParallelism,
    appName: o.appName,
    master: 'yarn',
    version: SPARK_VERSION,
  };
  const sc = Object.freeze(members);
  const names = Object.keys(members);
  return shareAcrossTasks(
    new Proxy(sc, {
      get(target, key) {
        if (typeof key === 'string' && !Object.hasOwn(target, key)) {
          if (SESSION_MEMBERS.has(key))
            throw new TypeError(
              `the driver's first argument is the SparkContext (sc), which has no ${key}: that is the SparkSession's, its second argument. Write \`export default async (sc, spark) => { ... spark.${key} ... }\``,
            );
          const near = closestName(key, names);
          if (near) throw new TypeError(`sc.${key} is not a SparkContext member: did you mean sc.${near}?`);
        }
        return Reflect.get(target, key) as unknown;
      },
    }),
  );
}

/** sc.range's RDD: the numbers from start (inclusive) to end (exclusive) by step, sliced as parallelize slices. */
function rangeRdd(rt: SparkRuntime, start: unknown, end: unknown, step: unknown, numSlices: unknown): Rdd {
  let from = start;
  let to = end;
  if (to === undefined || to === null) [from, to] = [0, start];
  for (const [what, x] of [
    ['start', from],
    ['end', to],
    ['step', step],
  ] as const)
    if (typeof x !== 'number' || !Number.isSafeInteger(x))
      throw new TypeError(`sc.range(start, end, step, numSlices): ${what} must be a whole number, got ${String(x)}`);
  const [a, b, s] = [from as number, to as number, step as number];
  if (s === 0) throw new RangeError('sc.range: step cannot be 0');
  const length = Math.max(0, Math.ceil((b - a) / s));
  if (length > LIMITS.maxParallelizeElements)
    throw new RangeError(
      `sc.range: ${formatCount(length)} elements is more than the simulator's limit of ${formatCount(LIMITS.maxParallelizeElements)}`,
    );
  const n = checkPartitionCount(
    'sc.range(start, end, step, numSlices)',
    typeof numSlices === 'number' && numSlices >= 1 ? Math.floor(numSlices) : numSlices,
  );
  return new Rdd(rt, 'range', n, [], (p) => {
    const lo = Math.floor((p * length) / n);
    const hi = Math.floor(((p + 1) * length) / n);
    return Array.from({ length: hi - lo }, (_, i) => a + (lo + i) * s);
  });
}

/** The member a mistyped name most likely meant: same letters but case, or one or two edits away. */
function closestName(key: string, names: string[]): string | null {
  if (key === 'then' || key.length < 3) return null; // `await sc`, short probes
  const lower = key.toLowerCase();
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of names) {
    if (name.toLowerCase() === lower) return name;
    const d = editDistance(lower, name.toLowerCase());
    if (d < bestDistance && d <= Math.floor(name.length / 3)) [best, bestDistance] = [name, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** An accumulator's value as Spark's UI prints it: a number, or a list as Java prints one (`[a, b]`). */
function uiValue(value: unknown, kind: AccumulatorKind): string {
  if (kind === 'double' && typeof value === 'number') return javaDoubleString(value);
  if (!Array.isArray(value)) return String(value);
  const shown = value.slice(0, 50).map((v) => keyText(v));
  return `[${shown.join(', ')}${value.length > 50 ? `, … ${value.length - 50} more` : ''}]`;
}
