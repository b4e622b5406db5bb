/**
 * The lab catalogue: every lab of the course, in chapter order, following "The Data
 * Engineering Cookbook" (Andreas Kretz). The labs whose content ships come from the registry
 * (labs/labRegistry.ts) with their own title, chapters, summary, minutes and steps; the labs still
 * to come are announced here, in the course's order, with what they will teach. Each shipped lab
 * takes its place before the first announced lab of a later chapter, and replaces an
 * announcement with its id.
 */
import { compareChapters } from './chapterOrder';
import { LABS } from './labRegistry';
import type { Lab } from './labTypes';

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

/** The labs still to come, in the course's order. */
const ANNOUNCED: readonly Omit<LabEntry, 'steps' | 'available'>[] = [
  {
    id: 'scale-up-vs-out',
    title: 'Scale up or scale out?',
    chapters: ['13.3'],
    summary: 'Grow one SQL server until it misses the deadline, then scale out and find the read-only limit.',
    minutes: 25,
  },
  {
    id: 'mapreduce-basics',
    title: 'MapReduce basics',
    chapters: ['20.1', '20.1.1'],
    summary: 'Count the HTML tags of stored web pages with one mapper per split, a shuffle and reducers.',
    minutes: 25,
  },
  {
    id: 'mapreduce-chaining',
    title: 'Chaining MapReduce jobs',
    chapters: ['20.1.3'],
    summary: 'Split an analysis into two jobs and measure what writing the intermediate result to HDFS costs.',
    minutes: 25,
  },
  {
    id: 'spark-on-yarn',
    title: 'Spark on YARN',
    chapters: ['20.2.2', '20.2.5', '20.9', '20.10'],
    summary: "See Spark's standalone manager oversubscribe nodes beside YARN, then let one resource manager decide.",
    minutes: 25,
  },
  {
    id: 'data-locality',
    title: 'Data locality',
    chapters: ['20.2.10'],
    summary: 'Move Spark workers onto the DataNodes and watch network bytes fall and locality levels rise.',
    minutes: 20,
  },
  {
    id: 'rdd-dataframe-sql',
    title: 'RDD, DataFrame and SQL',
    chapters: ['20.3', '20.6', '19.1'],
    summary: 'Answer one question as RDD code, as a DataFrame and as SQL on DuckDB, and compare.',
    minutes: 25,
  },
  {
    id: 'streaming-delivery',
    title: 'Delivery guarantees',
    chapters: ['12.1', '12.5'],
    summary:
      'Crash consumers on purpose and count what at-most-once, at-least-once and exactly-once lose or duplicate.',
    minutes: 30,
  },
  {
    id: 'kafka-topics',
    title: 'Kafka topics and consumer groups',
    chapters: ['21', '24.1'],
    summary: 'Partitions, offsets, consumer groups, lag and rebalancing when a consumer dies.',
    minutes: 25,
  },
  {
    id: 'lambda-architecture',
    title: 'The Lambda architecture',
    chapters: ['25.1', '25.4'],
    summary: 'Feed one serving view from a batch layer and a speed layer; compare with Kappa.',
    minutes: 30,
  },
  {
    id: 'platform-blueprint',
    title: 'A platform blueprint',
    chapters: ['24', '15.3'],
    summary: 'Assemble ingest, buffer, processing, storage and display from parts and swap one out.',
    minutes: 30,
  },
  {
    id: 'netflix-trending',
    title: 'Netflix: trending now',
    chapters: ['28.19'],
    summary: 'Replace an hourly batch pipeline with streaming analytics feeding a key-value store.',
    minutes: 35,
  },
  {
    id: 'ml-in-production',
    title: 'Machine learning in production',
    chapters: ['22.3', '22.7'],
    summary: 'Train in batch, apply in the stream, detect drift and retrain automatically.',
    minutes: 35,
  },
];

const shipped = (lab: Lab): LabEntry => ({
  id: lab.id,
  title: lab.title,
  chapters: [...lab.chapters],
  summary: lab.summary,
  minutes: lab.minutes,
  available: true,
  steps: lab.steps.length,
});

/** Every lab of the course: the announced ones in order, each shipped lab merged in by chapter. */
export function buildCatalogue(labs: readonly Lab[]): LabEntry[] {
  const entries: LabEntry[] = ANNOUNCED.filter((a) => !labs.some((l) => l.id === a.id)).map((a) => ({
    ...a,
    available: false,
    steps: 0,
  }));
  for (const lab of labs) {
    const later = entries.findIndex((e) => !e.available && compareChapters(e.chapters[0]!, lab.chapters[0]!) > 0);
    entries.splice(later < 0 ? entries.length : later, 0, shipped(lab));
  }
  return entries;
}

export const LAB_CATALOGUE: readonly LabEntry[] = buildCatalogue(LABS);
