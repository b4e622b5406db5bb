/**
 * The data-locality lab's data and machines (Cookbook 20.2.10, Figure 20.5): 100,000 sensor
 * readings standing for 100 million (3.2 GB in 26 blocks of 128 MB at that scale), six Hadoop
 * servers that store the data and may run Spark, and three stronger servers beside them that run
 * only Spark: YARN NodeManagers without a DataNode, under the node label `compute` in steps 1 and 3.
 */
import { sensorCsv } from '../../engine/datasets';
import type { ClusterSpec, NodeOptions } from '../../engine/cluster';

/** Real readings each sample reading stands for. */
export const READINGS_SCALE = 1000;
/** 128 KB of the sample: a 128 MB block at READINGS_SCALE. */
export const READINGS_BLOCK_SIZE = 131_072;
export const READINGS_PATH = '/data/readings.csv';
export const READINGS = 100_000;

let text: string | undefined;
/** `2016-05-01 00:00:00,sensor-3,21.7` lines: nine sensors over 30 days (seed 2016). */
export const readingsText = (): string => (text ??= sensorCsv(READINGS));

/** The node label of the Spark servers (YARN's exclusive partition). */
export const COMPUTE_LABEL = 'compute';

/** A Hadoop server: four cores, one disk, a DataNode and a NodeManager. */
const HADOOP_SERVER: NodeOptions = { cores: 4, memoryMb: 16_384, diskMBps: 100 };
/** A Spark server: sixteen cores twice as fast, 64 GB, a NodeManager and no DataNode. */
export const SPARK_SERVER: NodeOptions = {
  roles: ['nodemanager'],
  cores: 16,
  memoryMb: 65_536,
  diskMBps: 100,
  cpuSpeed: 2,
};

/**
 * Three racks of two Hadoop servers, and a fourth rack of three Spark servers, labelled
 * `compute` when `labelled` (executors go there only when a job asks for the label).
 */
export function localityCluster(labelled: boolean, costs: ClusterSpec['costs']): ClusterSpec {
  return {
    name: labelled ? 'hadoop-and-spark-servers' : 'hadoop-and-spark-servers-unlabelled',
    node: HADOOP_SERVER,
    racks: [
      { nodes: 2 },
      { nodes: 2 },
      { nodes: 2 },
      { nodes: 3, node: labelled ? { ...SPARK_SERVER, nodeLabel: COMPUTE_LABEL } : SPARK_SERVER },
    ],
    costs,
  };
}

/** Reading and averaging: the cost model's defaults, 1,000 real readings per sample one. */
export const IO_COSTS: ClusterSpec['costs'] = { dataScale: READINGS_SCALE };
/** Step 3's scoring: about 50 microseconds of CPU per reading on a Hadoop server's core. */
export const SCORING_US_PER_READING = 50;
export const SCORING_COSTS: ClusterSpec['costs'] = {
  dataScale: READINGS_SCALE,
  cpuUsPerRecord: SCORING_US_PER_READING,
};
