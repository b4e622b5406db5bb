/**
 * The lab catalogue: every lab of the course, in chapter order, following "The Data
 * Engineering Cookbook" (Andreas Kretz). Labs whose content ships in this version are
 * marked `available`, and their title, chapters, summary and minutes come from the lab
 * definitions themselves (labs/labRegistry.ts); the rest are announced with what they will teach.
 */
import { LABS } from './labRegistry';

export interface LabEntry {
  id: string;
  title: string;
  /** Cookbook chapters the lab follows, e.g. "19.2.2". */
  chapters: string[];
  /** One sentence: what the learner does. */
  summary: string;
  /** Estimated minutes to finish. */
  minutes: number;
  available: boolean;
  /** Number of steps (0 while the lab is not available). */
  steps: number;
}

const ANNOUNCED: readonly Omit<LabEntry, 'steps'>[] = [
  {
    id: 'scale-up-vs-out',
    title: 'Scale up or scale out?',
    chapters: ['13.3'],
    summary: 'Grow one SQL server until it misses the deadline, then scale out and find the read-only limit.',
    minutes: 25,
    available: false,
  },
  {
    id: 'hdfs-blocks',
    title: 'HDFS blocks and replicas',
    chapters: ['19.2.2', '15.1'],
    summary: 'Put a 512 MB file into HDFS, see its blocks placed rack-aware, kill a DataNode and watch re-replication.',
    minutes: 20,
    available: false,
  },
  {
    id: 'mapreduce-basics',
    title: 'MapReduce basics',
    chapters: ['20.1', '20.1.1'],
    summary: 'Count the HTML tags of stored web pages with one mapper per split, a shuffle and reducers.',
    minutes: 25,
    available: false,
  },
  {
    id: 'mapreduce-iot-averages',
    title: 'IoT daily averages with MapReduce',
    chapters: ['20.1.2'],
    summary: 'Average sensor readings per day with 9 mappers and 3 reducers, then per minute, then at 10x scale.',
    minutes: 30,
    available: false,
  },
  {
    id: 'mapreduce-chaining',
    title: 'Chaining MapReduce jobs',
    chapters: ['20.1.3'],
    summary: 'Split an analysis into two jobs and measure what writing the intermediate result to HDFS costs.',
    minutes: 25,
    available: false,
  },
  {
    id: 'spark-in-memory',
    title: "Spark's in-memory DAG",
    chapters: ['20.2', '20.2.1'],
    summary: 'Run the same analysis as one Spark DAG and an iterative algorithm with cache() and lineage.',
    minutes: 30,
    available: false,
  },
  {
    id: 'spark-on-yarn',
    title: 'Spark on YARN',
    chapters: ['20.2.2', '20.2.5', '20.9', '20.10'],
    summary: "See Spark's standalone manager oversubscribe nodes beside YARN, then let one resource manager decide.",
    minutes: 25,
    available: false,
  },
  {
    id: 'data-locality',
    title: 'Data locality',
    chapters: ['20.2.10'],
    summary: 'Move Spark workers onto the DataNodes and watch network bytes fall and locality levels rise.',
    minutes: 20,
    available: false,
  },
  {
    id: 'rdd-dataframe-sql',
    title: 'RDD, DataFrame and SQL',
    chapters: ['20.3', '20.6', '19.1'],
    summary: 'Answer one question as RDD code, as a DataFrame and as SQL on DuckDB, and compare.',
    minutes: 25,
    available: false,
  },
  {
    id: 'streaming-delivery',
    title: 'Delivery guarantees',
    chapters: ['12.1', '12.5'],
    summary:
      'Crash consumers on purpose and count what at-most-once, at-least-once and exactly-once lose or duplicate.',
    minutes: 30,
    available: false,
  },
  {
    id: 'kafka-topics',
    title: 'Kafka topics and consumer groups',
    chapters: ['21', '24.1'],
    summary: 'Partitions, offsets, consumer groups, lag and rebalancing when a consumer dies.',
    minutes: 25,
    available: false,
  },
  {
    id: 'lambda-architecture',
    title: 'The Lambda architecture',
    chapters: ['25.1', '25.4'],
    summary: 'Feed one serving view from a batch layer and a speed layer; compare with Kappa.',
    minutes: 30,
    available: false,
  },
  {
    id: 'platform-blueprint',
    title: 'A platform blueprint',
    chapters: ['24', '15.3'],
    summary: 'Assemble ingest, buffer, processing, storage and display from parts and swap one out.',
    minutes: 30,
    available: false,
  },
  {
    id: 'netflix-trending',
    title: 'Netflix: trending now',
    chapters: ['28.19'],
    summary: 'Replace an hourly batch pipeline with streaming analytics feeding a key-value store.',
    minutes: 35,
    available: false,
  },
  {
    id: 'ml-in-production',
    title: 'Machine learning in production',
    chapters: ['22.3', '22.7'],
    summary: 'Train in batch, apply in the stream, detect drift and retrain automatically.',
    minutes: 35,
    available: false,
  },
];

/** The announced entries, with the shipped labs' own data where a lab exists. */
export const LAB_CATALOGUE: readonly LabEntry[] = ANNOUNCED.map((entry) => {
  const lab = LABS.find((l) => l.id === entry.id);
  if (!lab) return { ...entry, steps: 0 };
  return {
    id: lab.id,
    title: lab.title,
    chapters: [...lab.chapters],
    summary: lab.summary,
    minutes: lab.minutes,
    available: true,
    steps: lab.steps.length,
  };
});
