/**
 * Figures of the Spark RDD paper: Zaharia et al., "Resilient Distributed Datasets: A
 * Fault-Tolerant Abstraction for In-Memory Cluster Computing", NSDI 2012, §6
 * (docs/calibration/published-figures.md, section 1).
 */
import type { PublishedFigure } from '../calibrationTypes';

const FIG10 = 'Zaharia et al., NSDI 2012, §6.2 Figure 10 "Performance of PageRank on Hadoop and Spark", p. 10';

const pagerank = (system: string, label: string, machines: number, value: number): PublishedFigure => ({
  id: `pagerank.${system}.${machines}`,
  role: 'calibration',
  what: `PageRank on the 54 GB Wikipedia link graph, ${label}, ${machines} machines: seconds per iteration`,
  value,
  unit: 's',
  source: FIG10,
});

const ratio = (id: string, what: string, value: number, numerator: string, denominator: string, source = FIG10) => ({
  id,
  role: 'calibration' as const,
  what,
  value,
  unit: 'x',
  source,
  ratioOf: { numerator, denominator },
});

export const pageRankFigures: PublishedFigure[] = [
  pagerank('hadoop', 'Hadoop', 30, 171),
  pagerank('hadoop', 'Hadoop', 60, 80),
  pagerank('spark', 'basic Spark', 30, 72),
  pagerank('spark', 'basic Spark', 60, 28),
  pagerank('spark-partitioned', 'Spark with controlled partitioning', 30, 23),
  pagerank('spark-partitioned', 'Spark with controlled partitioning', 60, 14),
  ratio(
    'pagerank.spark-speedup.30',
    'PageRank, 30 machines: Hadoop time over basic Spark time ("2.4x")',
    171 / 72,
    'pagerank.hadoop.30',
    'pagerank.spark.30',
  ),
  ratio(
    'pagerank.partitioned-speedup.30',
    'PageRank, 30 machines: Hadoop time over Spark with controlled partitioning ("7.4x")',
    171 / 23,
    'pagerank.hadoop.30',
    'pagerank.spark-partitioned.30',
  ),
  ratio(
    'pagerank.spark-speedup.60',
    'PageRank, 60 machines: Hadoop time over basic Spark time',
    80 / 28,
    'pagerank.hadoop.60',
    'pagerank.spark.60',
  ),
  ratio(
    'pagerank.partitioned-speedup.60',
    'PageRank, 60 machines: Hadoop time over Spark with controlled partitioning',
    80 / 14,
    'pagerank.hadoop.60',
    'pagerank.spark-partitioned.60',
  ),
  ratio(
    'pagerank.hadoop.scaling',
    'PageRank on Hadoop: 30 machines over 60 machines ("scaled nearly linearly")',
    171 / 80,
    'pagerank.hadoop.30',
    'pagerank.hadoop.60',
  ),
  ratio(
    'pagerank.spark.scaling',
    'PageRank on basic Spark: 30 machines over 60 machines',
    72 / 28,
    'pagerank.spark.30',
    'pagerank.spark.60',
  ),
  ratio(
    'pagerank.spark-partitioned.scaling',
    'PageRank on Spark with controlled partitioning: 30 machines over 60 machines',
    23 / 14,
    'pagerank.spark-partitioned.30',
    'pagerank.spark-partitioned.60',
  ),
];
