/**
 * The simulator's named limits: sizes past which a run would only exhaust memory or time. Each is
 * checked before anything is built (cluster nodes before the node list, blocks before a file is
 * cut, partitions before an RDD's arrays), so a wrong value fails at once with a message that
 * names the limit and the value instead of a hang or an out-of-memory abort.
 */

export const LIMITS = {
  /** Nodes in a cluster (every node is drawn, heartbeats and placement scale with it). */
  maxNodes: 1000,
  /** Racks in a cluster. */
  maxRacks: 100,
  /**
   * Blocks of one file: Hadoop 3's dfs.namenode.fs-limits.max-blocks-per-file (10,000 by default;
   * here five times that, so that a million-line file still runs at 1 KB blocks: the cost per map
   * task of such a run is what `npm run bench -- taskCost` measures). Together with the per-file
   * limit it also bounds MapReduce's map tasks (one per split of a block).
   */
  maxBlocksPerFile: 50_000,
  /** Blocks in the whole namespace. */
  maxBlocksTotal: 100_000,
  /** Partitions of one RDD (Spark has no hard limit; a simulated run past this only gets slow). */
  maxPartitions: 100_000,
  /**
   * Map outputs × reduce partitions of one shuffle (Spark or MapReduce): each pair is a block the
   * reduce side fetches. Tasks per stage need no limit of their own: a Spark stage has one per
   * partition (maxPartitions), MapReduce one map per split of a block (maxBlocksTotal).
   */
  maxShuffleBlocks: 4_000_000,
  /**
   * Bytes of MapReduce map output (after the combiner) one run may hold: the host keeps every map
   * task's output for the shuffle, so a map that writes far more than it reads must end with a
   * message before it fills the host's memory.
   */
  maxMapOutputBytes: 512 * 2 ** 20,
  /**
   * RDDs in one lineage, from a source to the RDD (each map, filter, shuffle adds one). Spark
   * itself overflows its stack on lineages a few thousand long, and cuts them with checkpoint().
   */
  maxLineageDepth: 2_000,
  /**
   * Elements sc.parallelize takes from the driver (bigger data belongs in HDFS, read with
   * textFile), and elements takeSample brings back to it.
   */
  maxParallelizeElements: 10_000_000,
  /** Buckets of an RDD's histogram(n) (each is a counter in every task and in the driver). */
  maxHistogramBuckets: 1_000_000,
  /** Characters of a DFS path (HDFS's own limit is 8,000; a path this long is a mistake). */
  maxPathLength: 4_096,
} as const;

/** 100000 → "100,000": limits read better with separators. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}
