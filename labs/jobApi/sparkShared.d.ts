// What Spark's RDDs and SparkContext share: shared variables (broadcast variables, accumulators),
// the values an RDD holds (Pairable), StatCounter and the StorageLevel names.

/**
 * A broadcast variable: a value shipped once to every executor instead of with every task.
 * The tasks read a snapshot taken when it was broadcast, deep-copied and read-only (writing to it
 * in a task throws a TypeError); the driver's `value` is the object it broadcast.
 * Spark: org.apache.spark.broadcast.Broadcast · PySpark: pyspark.Broadcast
 */
interface Broadcast<T> {
  /**
   * The value: in a task the read-only snapshot, on the driver the object broadcast. After destroy(), reading it fails
   * ("Attempted to use Broadcast(0) after it was destroyed").
   * @counterpart Spark: Broadcast.value · PySpark: Broadcast.value
   */
  readonly value: T;
  /** The broadcast's number, from 0 (PySpark's Broadcast has no id). @counterpart Spark: Broadcast.id */
  readonly id: number;
  /**
   * Drops the executors' copies; a later task fetches it again.
   * @counterpart Spark: Broadcast.unpersist · PySpark: Broadcast.unpersist
   */
  unpersist(blocking?: boolean): void;
  /**
   * Removes it everywhere; using it afterwards fails.
   * @counterpart Spark: Broadcast.destroy · PySpark: Broadcast.destroy
   */
  destroy(blocking?: boolean): void;
}

/**
 * An accumulator: tasks add to it, the driver reads the total. Inside a task `add` goes to the
 * task's own copy, merged into the driver's value when the task succeeds (a failed task's adds
 * are dropped); a transformation recomputed by two actions adds twice (cache it to add once).
 * On a real cluster a task or stage that runs again after a fault (a lost executor, a fetch
 * failure) adds its updates again too; ClusterLab computes each task once and replays faults only
 * in time, so its totals do not show that: count in actions (foreach) to count exactly once.
 * Reading `value` (or count, sum, avg, isZero) inside a task throws, as in PySpark.
 * Spark: org.apache.spark.util.AccumulatorV2 · PySpark: pyspark.Accumulator
 */
interface Accumulator<IN, OUT> {
  /** @counterpart Spark: AccumulatorV2.add · PySpark: Accumulator.add */
  add(v: IN): void;
  /** The driver's total. @counterpart Spark: AccumulatorV2.value · PySpark: Accumulator.value */
  readonly value: OUT;
  /** Back to zero (PySpark has no reset: set value). @counterpart Spark: AccumulatorV2.reset */
  reset(): void;
  /** @counterpart Spark: AccumulatorV2.isZero */
  isZero(): boolean;
  /** The name given when it was made, or null. @counterpart Spark: AccumulatorV2.name */
  readonly name: string | null;
  /** @counterpart Spark: AccumulatorV2.id */
  readonly id: number;
}

/**
 * Whole numbers (a Scala Long): also counts and averages what was added.
 * Spark: org.apache.spark.util.LongAccumulator · PySpark: sc.accumulator(0)
 */
interface LongAccumulator extends Accumulator<number, number> {
  /** How many values were added. @counterpart Spark: LongAccumulator.count */
  readonly count: number;
  /** The sum (the same as value). @counterpart Spark: LongAccumulator.sum */
  readonly sum: number;
  /** sum / count (NaN when nothing was added). @counterpart Spark: LongAccumulator.avg */
  readonly avg: number;
}

/** Spark: org.apache.spark.util.DoubleAccumulator · PySpark: sc.accumulator(0.0) */
interface DoubleAccumulator extends LongAccumulator {}

/**
 * A list of everything the tasks added (copied as a serializer would), in task order.
 * Spark: org.apache.spark.util.CollectionAccumulator · PySpark: (none; an AccumulatorParam)
 */
interface CollectionAccumulator<T> extends Accumulator<T, T[]> {}

/**
 * PySpark's number accumulator: `sc.accumulator(0)`; the driver may also set `value`.
 * Spark: (Spark 1's Accumulator) · PySpark: pyspark.Accumulator
 */
interface NumberAccumulator extends Accumulator<number, number> {
  /**
   * The total; the driver may also set it (Spark 1 had this Accumulator; Spark 2+ has AccumulatorV2).
   * @counterpart PySpark: Accumulator.value
   */
  value: number;
}

/** Any value; an array literal returned by map or flatMap is read as a [key, value] pair. */
type Pairable = {} | null | undefined | [unknown, unknown];

/**
 * Spark's StatCounter (from `rdd.stats()`): count, mean, sum, min, max, variance and standard
 * deviations of numbers, as methods. Its own fields are Spark's (`n`, `mu`, `m2`, `maxValue`,
 * `minValue`): returning it from the driver shows those.
 * Spark: org.apache.spark.util.StatCounter · PySpark: pyspark.statcounter.StatCounter
 */
interface StatCounter {
  /**
   * How many numbers (Spark's private field; count() reads it).
   * @counterpart Spark: StatCounter.n · PySpark: StatCounter.n
   */
  readonly n: number;
  /**
   * The running mean (Spark's private field; mean() reads it).
   * @counterpart Spark: StatCounter.mu · PySpark: StatCounter.mu
   */
  readonly mu: number;
  /**
   * The running sum of squared differences from the mean (Welford), which the variances divide.
   * @counterpart Spark: StatCounter.m2 · PySpark: StatCounter.m2
   */
  readonly m2: number;
  /**
   * The largest number (Spark's private field; max() reads it).
   * @counterpart Spark: StatCounter.maxValue · PySpark: StatCounter.maxValue
   */
  readonly maxValue: number;
  /**
   * The smallest number (Spark's private field; min() reads it).
   * @counterpart Spark: StatCounter.minValue · PySpark: StatCounter.minValue
   */
  readonly minValue: number;
  /** @counterpart Spark: StatCounter.count · PySpark: StatCounter.count */
  count(): number;
  /** NaN when empty. @counterpart Spark: StatCounter.mean · PySpark: StatCounter.mean */
  mean(): number;
  /** @counterpart Spark: StatCounter.sum · PySpark: StatCounter.sum */
  sum(): number;
  /** -Infinity when empty. @counterpart Spark: StatCounter.max · PySpark: StatCounter.max */
  max(): number;
  /** Infinity when empty. @counterpart Spark: StatCounter.min · PySpark: StatCounter.min */
  min(): number;
  /** Population variance (divides by n). @counterpart Spark: StatCounter.variance · PySpark: StatCounter.variance */
  variance(): number;
  /** Divides by n - 1. @counterpart Spark: StatCounter.sampleVariance · PySpark: StatCounter.sampleVariance */
  sampleVariance(): number;
  /** Population standard deviation. @counterpart Spark: StatCounter.stdev · PySpark: StatCounter.stdev */
  stdev(): number;
  /** @counterpart Spark: StatCounter.sampleStdev · PySpark: StatCounter.sampleStdev */
  sampleStdev(): number;
  /**
   * Adds a number or another StatCounter's numbers.
   * @counterpart Spark: StatCounter.merge · PySpark: StatCounter.merge
   */
  merge(value: number | StatCounter): StatCounter;
  /** @counterpart Spark: StatCounter.copy · PySpark: StatCounter.copy */
  copy(): StatCounter;
  /**
   * `(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)`.
   * @counterpart Spark: StatCounter.toString · PySpark: StatCounter.__repr__
   */
  toString(): string;
}

/** Spark's StorageLevel constants, by name. */
type StorageLevel =
  | 'NONE'
  | 'DISK_ONLY'
  | 'DISK_ONLY_2'
  | 'DISK_ONLY_3'
  | 'MEMORY_ONLY'
  | 'MEMORY_ONLY_2'
  | 'MEMORY_ONLY_SER'
  | 'MEMORY_ONLY_SER_2'
  | 'MEMORY_AND_DISK'
  | 'MEMORY_AND_DISK_2'
  | 'MEMORY_AND_DISK_SER'
  | 'MEMORY_AND_DISK_SER_2'
  | 'OFF_HEAP';
