/**
 * Spark's Partitioner.defaultPartitioner: the partitioner of a shuffle given no partition count.
 * The parent with a partitioner and the most partitions lends it when it is eligible (within
 * a factor of 10 of the largest parent's partition count) or when the default count is not
 * bigger; otherwise a HashPartitioner over spark.default.parallelism when set, else over the
 * largest parent's number of partitions.
 */
import { HashPartitioner, type Partitioner } from './hashPartitioner';
import type { Rdd } from './rdd';

export function defaultPartitioner(rdds: Rdd[]): Partitioner {
  let withPartitioner: Rdd | null = null;
  for (const r of rdds)
    if (r.partitioner && r.partitioner.numPartitions > 0)
      if (!withPartitioner || r.numPartitions > withPartitioner.numPartitions) withPartitioner = r;
  const maxPartitions = Math.max(...rdds.map((r) => r.numPartitions));
  const defaultNum = rdds[0]!.rt.configuredDefaultParallelism ?? maxPartitions;
  if (withPartitioner) {
    const p = withPartitioner.partitioner!;
    const eligible = Math.log10(maxPartitions) - Math.log10(p.numPartitions) < 1;
    if (eligible || defaultNum <= p.numPartitions) return p;
  }
  return new HashPartitioner(defaultNum);
}

/** The partitioner of a pair function: a HashPartitioner of the count given, else the default. */
export function partitionerFor(rdds: Rdd[], numPartitions: number | undefined): Partitioner {
  return numPartitions === undefined ? defaultPartitioner(rdds) : new HashPartitioner(numPartitions);
}
