// A Spark job's driver: SparkContext (sc), the console the driver prints to, and SparkJob, the
// job file's default export.

/**
 * The entry point of a Spark job: `export default async (sc) => ...`. A member that does not
 * exist but is close to one that does (`sc.textfile`) is a TypeError naming the right one.
 * Spark: org.apache.spark.SparkContext · PySpark: pyspark.SparkContext
 */
interface SparkContext {
  /** The lines of a file or of a directory's files. @counterpart Spark: SparkContext.textFile · PySpark: sc.textFile */
  textFile(path: string, minPartitions?: number): RDD<string>;
  /**
   * One [path, content] pair per file of a directory (or glob), each file whole.
   * @counterpart Spark: SparkContext.wholeTextFiles · PySpark: sc.wholeTextFiles
   */
  wholeTextFiles(path: string, minPartitions?: number): RDD<[string, string]>;
  /**
   * The [key, value] pairs of SequenceFiles (saveAsSequenceFile's output), the Writables as values:
   * Text a string, IntWritable, DoubleWritable and LongWritable a number (a LongWritable past 2^53 a
   * BigInt), BooleanWritable a boolean, BytesWritable a Uint8Array, NullWritable null. Paths as
   * textFile takes them; files are split as SequenceFileInputFormat splits them (at sync markers).
   * A file that is not a SequenceFile fails as Hadoop does ("... not a SequenceFile").
   * @counterpart Spark: SparkContext.sequenceFile · PySpark: sc.sequenceFile
   */
  sequenceFile<K = unknown, V = unknown>(path: string, minPartitions?: number): RDD<[K, V]>;
  /**
   * The elements saveAsObjectFile wrote, with their types (a Map stays a Map). Paths as textFile takes them.
   * @counterpart Spark: SparkContext.objectFile · PySpark: sc.pickleFile
   */
  objectFile<T = unknown>(path: string, minPartitions?: number): RDD<T>;
  /**
   * An RDD of the array's elements cut into numSlices partitions (default: defaultParallelism).
   * @counterpart Spark: SparkContext.parallelize · PySpark: sc.parallelize
   */
  parallelize<T>(data: T[], numSlices?: number): RDD<T>;
  /**
   * The whole numbers from start (inclusive) to end (exclusive) by step; `range(n)` is 0 to n-1.
   * @counterpart Spark: SparkContext.range · PySpark: sc.range
   */
  range(start: number, end?: number, step?: number, numSlices?: number): RDD<number>;
  /** One RDD with the elements of all of them. @counterpart Spark: SparkContext.union · PySpark: sc.union */
  union<T>(rdds: RDD<T>[]): RDD<T>;
  /**
   * An RDD with no elements (one empty partition here).
   * @counterpart Spark: SparkContext.emptyRDD · PySpark: sc.emptyRDD
   */
  emptyRDD<T = never>(): RDD<T>;
  /**
   * A read-only value shipped once to each executor.
   * @counterpart Spark: SparkContext.broadcast · PySpark: sc.broadcast
   */
  broadcast<T>(value: T): Broadcast<T>;
  /** @counterpart Spark: SparkContext.longAccumulator · PySpark: sc.accumulator(0) */
  longAccumulator(name?: string): LongAccumulator;
  /** @counterpart Spark: SparkContext.doubleAccumulator · PySpark: sc.accumulator(0.0) */
  doubleAccumulator(name?: string): DoubleAccumulator;
  /** PySpark has none (it would take an AccumulatorParam). @counterpart Spark: SparkContext.collectionAccumulator */
  collectionAccumulator<T>(name?: string): CollectionAccumulator<T>;
  /**
   * A number accumulator starting at `value` (default 0). Spark 2+ has no such method: longAccumulator.
   * @counterpart PySpark: sc.accumulator
   */
  accumulator(value?: number): NumberAccumulator;
  /**
   * One of ALL, DEBUG, ERROR, FATAL, INFO, OFF, TRACE, WARN (checked as Spark checks it; the simulator's Spark writes
   * no log).
   * @counterpart Spark: SparkContext.setLogLevel · PySpark: sc.setLogLevel
   */
  setLogLevel(level: string): void;
  /** After stop(), sc's methods fail. @counterpart Spark: SparkContext.stop · PySpark: sc.stop */
  stop(): void;
  /**
   * The executors' total cores (at least 2), or spark.default.parallelism when the run sets it (`--conf
   * spark.default.parallelism=8`).
   * @counterpart Spark: SparkContext.defaultParallelism · PySpark: sc.defaultParallelism
   */
  readonly defaultParallelism: number;
  /** The job file's name. @counterpart Spark: SparkContext.appName · PySpark: sc.appName */
  readonly appName: string;
  /**
   * Always "yarn": the simulated cluster runs Spark on YARN.
   * @counterpart Spark: SparkContext.master · PySpark: sc.master
   */
  readonly master: string;
  /**
   * The Spark version whose behaviour ClusterLab follows, "3.5.1".
   * @counterpart Spark: SparkContext.version · PySpark: sc.version
   */
  readonly version: string;
}

declare const console: {
  /**
   * Shown in the driver's output, as spark-submit shows the driver's stdout.
   * @counterpart JavaScript: console.log · PySpark: print
   */
  log(...values: unknown[]): void;
  /** @counterpart JavaScript: console.info */
  info(...values: unknown[]): void;
  /** @counterpart JavaScript: console.warn */
  warn(...values: unknown[]): void;
  /** The driver's stderr. @counterpart JavaScript: console.error */
  error(...values: unknown[]): void;
};

/**
 * A Spark job file's default export: the driver program, given `sc` and the SparkSession `spark`. The functions a job
 * defines are closures shipped to tasks however they reach one (given to an RDD method, or through a variable, a method,
 * a factory, `bind`, a helper): each task gets its own copy of the driver's variables they use (changes stay in the
 * task), as Spark's guide ("Understanding closures") explains; use an accumulator to count across tasks. A function
 * made inside a task works on that task's own variables. An object with #private fields cannot be copied: Spark's
 * "Task not serializable".
 * Spark: a driver program's main(args) · PySpark: a script run by spark-submit
 */
type SparkJob = (sc: SparkContext, spark: SparkSession) => Promise<unknown> | unknown;

/**
 * A Spark job file's submit-time settings, exported beside the driver:
 * `export const conf = { 'spark.yarn.executor.nodeLabelExpression': 'compute' }`. They are fixed before
 * the application starts (where its executors run, how long tasks wait for locality), so they cannot be
 * set from the driver's code once it runs; they override the run's own settings, as settings made in a
 * program override spark-submit's flags. Keys: spark.locality.wait (3s) and .process/.node/.rack,
 * spark.yarn.executor.nodeLabelExpression (none), spark.default.parallelism, spark.speculation (false)
 * and .multiplier/.quantile, spark.stage.maxConsecutiveAttempts (4), spark.shuffle.io.maxRetries (3),
 * spark.shuffle.io.retryWait (5s). Any other key is refused with the list.
 * Spark: spark-submit --conf key=value, SparkSession.builder.config(key, value) · PySpark: the same
 */
type SparkSubmitConf = Record<string, string | number | boolean>;
