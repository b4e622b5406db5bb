/**
 * The spark-on-yarn lab's data, machines and neighbours (Cookbook 20.2.5, 20.10): six servers
 * on two racks, each running a DataNode and a NodeManager (and, for step 1, a Spark standalone
 * Worker), 200,000 sensor readings standing for 200 million, and the ETL team's nightly
 * MapReduce work that keeps YARN busy while the learner's Spark job runs.
 */
import { sensorCsv } from '../../engine/datasets';
import type { ClusterSpec } from '../../engine/cluster';
import type { QueueSpec, YarnLoadSpec } from '../../engine/yarn';

/** Real readings each sample reading stands for. */
export const READINGS_SCALE = 1000;
/** 64 KB of the sample: a 64 MB block at READINGS_SCALE. */
export const READINGS_BLOCK_SIZE = 65_536;
export const READINGS_PATH = '/data/readings.csv';
export const READINGS = 200_000;

let text: string | undefined;
/** `2016-05-01 00:00:00,sensor-3,21.7` lines: nine sensors over 30 days (seed 2016). */
export const readingsText = (): string => (text ??= sensorCsv(READINGS));
/** A practice attempt's readings (labs/practiceSeed.ts): as many, of the same sensors and days, drawn from `seed`. */
export const readingsTextFor = (seed: number): string => sensorCsv(READINGS, { seed });

/** Cleaning and checking a reading costs about 2 µs of CPU at every step: the job is bound by its CPU. */
export const CPU_US_PER_READING = 2;

/** Six servers of 8 cores and 32 GB on two racks, each a DataNode and a NodeManager. */
export const SHARED_CLUSTER: ClusterSpec = {
  name: 'shared-hadoop-cluster',
  node: { cores: 8, memoryMb: 32_768, diskMBps: 100 },
  racks: [{ nodes: 3 }, { nodes: 3 }],
  costs: { dataScale: READINGS_SCALE, cpuUsPerRecord: CPU_US_PER_READING },
};

/** The ETL team's nightly job in steps 1 and 2: 24 containers of 1 core and 4 GB, busy for 10 minutes. */
export const NIGHTLY_ETL: YarnLoadSpec = {
  name: 'nightly-etl',
  containers: 24,
  vcores: 1,
  memoryMb: 4096,
  workMs: 600_000,
};

/** Step 3's queues: the ETL team's and the analysts', each guaranteed its share and held to it. */
export const TEAM_QUEUES: QueueSpec[] = [
  { name: 'etl', capacity: 70, maxCapacity: 70 },
  { name: 'analytics', capacity: 30, maxCapacity: 30 },
];

/** Step 3's bigger ETL: 240 containers of two minutes each in its own queue, more than fit at once. */
export const BIG_ETL: YarnLoadSpec = {
  name: 'nightly-etl',
  queue: 'etl',
  containers: 240,
  vcores: 1,
  memoryMb: 4096,
  workMs: 120_000,
};

/** The job is submitted 20 s after the ETL: its containers already hold their machines' cores. */
export const SUBMIT_AT_MS = 20_000;
