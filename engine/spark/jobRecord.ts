/**
 * What the Spark driver (running in the sandbox) tells the simulation: the RDD graph as plain
 * data, each RDD's real per-partition record and byte counts, shuffle sizes per (map, reduce)
 * partition, and one record per action (a Spark job).
 */
import type { JobErrorData } from '../sandbox/contract/jobCodeError';

export interface RddDep {
  kind: 'narrow' | 'shuffle';
  parent: number;
  /** Narrow: which parent partitions each child partition reads (null: the same index). */
  parents: number[][] | null;
  shuffleId: number;
}

export interface RddInfo {
  id: number;
  name: string;
  numPartitions: number;
  deps: RddDep[];
  /** textFile: the path, each partition's byte range and the file it lies in. */
  source: { path: string; ranges: [number, number][]; files: string[] } | null;
  records: number[];
  bytes: number[];
}

export interface ShuffleInfo {
  id: number;
  mapRdd: number;
  numMaps: number;
  numReduces: number;
  /** bytes[m * numReduces + r]. */
  bytes: number[];
  /** records[m * numReduces + r]: the records (combiners, when combined) each block holds. */
  records: number[];
  /** Combined on the map side (reduceByKey, aggregateByKey, ...): a record per key and map leaves each map. */
  combined: boolean;
}

/** The task of a job whose learner code threw: which stage (by its shuffle) and partition. */
export interface SparkTaskFailure {
  /** The shuffle whose map stage the task belongs to, or null for the job's result stage. */
  shuffleId: number | null;
  partition: number;
  error: JobErrorData;
}

export interface SparkJobInfo {
  id: number;
  action: string;
  /** The line of the learner's file that called the action (Spark's call site), if known. */
  line?: number | null;
  rdd: number;
  partitions: number[];
  /** RDDs marked persisted when the action ran. */
  persisted: number[];
  /** Bytes each result partition sends back to the driver. */
  resultBytes: number[];
  /** saveAsTextFile's path, else null. */
  output: string | null;
  /** The task whose code threw (every attempt of it fails), or null when the job succeeded. */
  failed: SparkTaskFailure | null;
}

/** A named accumulator's value when the driver ended, as Spark's UI lists them (unnamed ones are not shown). */
export interface AccumulatorInfo {
  id: number;
  name: string;
  /** The value as Spark's UI prints it (a number, or a list as `[a, b]`). */
  value: string;
}

export interface SparkLog {
  rdds: RddInfo[];
  shuffles: ShuffleInfo[];
  jobs: SparkJobInfo[];
  /** The named accumulators (sc.longAccumulator('name'), ...), in creation order. */
  accumulators: AccumulatorInfo[];
  /** True when the driver ended because its last job failed (the learner did not catch it). */
  aborted: boolean;
}
