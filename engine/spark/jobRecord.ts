/**
 * What the Spark driver (running in the sandbox) tells the simulation: the RDD graph as plain
 * data, each RDD's real per-partition record and byte counts, shuffle sizes per (map, reduce)
 * partition, and one record per action (a Spark job).
 */
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
}

export interface SparkJobInfo {
  id: number;
  action: string;
  rdd: number;
  partitions: number[];
  /** RDDs marked persisted when the action ran. */
  persisted: number[];
  /** Bytes each result partition sends back to the driver. */
  resultBytes: number[];
  /** saveAsTextFile's path, else null. */
  output: string | null;
}

export interface SparkLog {
  rdds: RddInfo[];
  shuffles: ShuffleInfo[];
  jobs: SparkJobInfo[];
}
