/**
 * Hadoop's counter groups as a job client prints them (`mapred job -status`, the end of
 * `hadoop jar`): each group's class name, its display name and its counters' display names, from
 * Hadoop's own resource bundles (TaskCounter.properties, JobCounter.properties, ...). ClusterLab's
 * own figures are in a group of their own, and the learner's counters follow in their groups.
 */

export interface CounterRowData {
  /** Hadoop's enum name (MAP_INPUT_RECORDS) or the learner's counter name. */
  name: string;
  /** What Hadoop prints ("Map input records"). */
  displayName: string;
  value: number;
}

export interface CounterGroup {
  /** Hadoop's group name: the counter enum's class (org.apache.hadoop.mapreduce.TaskCounter) or the learner's group. */
  name: string;
  /** What Hadoop prints ("Map-Reduce Framework"). */
  displayName: string;
  counters: CounterRowData[];
  /** Whether the learner's code defined it (ctx.getCounter). */
  user: boolean;
}

export const FILE_SYSTEM_COUNTER = 'org.apache.hadoop.mapreduce.FileSystemCounter';
export const JOB_COUNTER = 'org.apache.hadoop.mapreduce.JobCounter';
export const TASK_COUNTER = 'org.apache.hadoop.mapreduce.TaskCounter';
export const FILE_INPUT_FORMAT_COUNTER = 'org.apache.hadoop.mapreduce.lib.input.FileInputFormatCounter';
export const FILE_OUTPUT_FORMAT_COUNTER = 'org.apache.hadoop.mapreduce.lib.output.FileOutputFormatCounter';
/** Hadoop's reduce-side fetch errors (a group name, not an enum class). */
export const SHUFFLE_ERRORS = 'Shuffle Errors';
/** ClusterLab's own figures (not Hadoop counters). */
export const CLUSTERLAB_COUNTER = 'ClusterLab';

/** The built-in groups in the order Hadoop prints them; each counter as [name, display name]. */
export const BUILTIN_GROUPS = [
  {
    name: FILE_SYSTEM_COUNTER,
    displayName: 'File System Counters',
    counters: [
      ['FILE_BYTES_READ', 'FILE: Number of bytes read'],
      ['FILE_BYTES_WRITTEN', 'FILE: Number of bytes written'],
      ['HDFS_BYTES_READ', 'HDFS: Number of bytes read'],
      ['HDFS_BYTES_WRITTEN', 'HDFS: Number of bytes written'],
    ],
  },
  {
    name: JOB_COUNTER,
    displayName: 'Job Counters',
    counters: [
      ['NUM_FAILED_MAPS', 'Failed map tasks'],
      ['NUM_FAILED_REDUCES', 'Failed reduce tasks'],
      ['NUM_KILLED_MAPS', 'Killed map tasks'],
      ['NUM_KILLED_REDUCES', 'Killed reduce tasks'],
      ['TOTAL_LAUNCHED_MAPS', 'Launched map tasks'],
      ['TOTAL_LAUNCHED_REDUCES', 'Launched reduce tasks'],
      ['OTHER_LOCAL_MAPS', 'Other local map tasks'],
      ['DATA_LOCAL_MAPS', 'Data-local map tasks'],
      ['RACK_LOCAL_MAPS', 'Rack-local map tasks'],
      ['MILLIS_MAPS', 'Total time spent by all map tasks (ms)'],
      ['MILLIS_REDUCES', 'Total time spent by all reduce tasks (ms)'],
    ],
  },
  {
    name: TASK_COUNTER,
    displayName: 'Map-Reduce Framework',
    counters: [
      ['MAP_INPUT_RECORDS', 'Map input records'],
      ['MAP_OUTPUT_RECORDS', 'Map output records'],
      ['MAP_OUTPUT_BYTES', 'Map output bytes'],
      ['MAP_OUTPUT_MATERIALIZED_BYTES', 'Map output materialized bytes'],
      ['COMBINE_INPUT_RECORDS', 'Combine input records'],
      ['COMBINE_OUTPUT_RECORDS', 'Combine output records'],
      ['REDUCE_INPUT_GROUPS', 'Reduce input groups'],
      ['REDUCE_SHUFFLE_BYTES', 'Reduce shuffle bytes'],
      ['REDUCE_INPUT_RECORDS', 'Reduce input records'],
      ['REDUCE_OUTPUT_RECORDS', 'Reduce output records'],
      ['SPILLED_RECORDS', 'Spilled Records'],
      ['SHUFFLED_MAPS', 'Shuffled Maps'],
      ['FAILED_SHUFFLE', 'Failed Shuffles'],
      ['MERGED_MAP_OUTPUTS', 'Merged Map outputs'],
    ],
  },
  {
    // The reducers' fetchers count these under a plain group name, as Hadoop's Fetcher does.
    name: SHUFFLE_ERRORS,
    displayName: 'Shuffle Errors',
    counters: [
      ['BAD_ID', 'BAD_ID'],
      ['CONNECTION', 'CONNECTION'],
      ['IO_ERROR', 'IO_ERROR'],
      ['WRONG_LENGTH', 'WRONG_LENGTH'],
      ['WRONG_MAP', 'WRONG_MAP'],
      ['WRONG_REDUCE', 'WRONG_REDUCE'],
    ],
  },
  {
    name: FILE_INPUT_FORMAT_COUNTER,
    displayName: 'File Input Format Counters',
    counters: [['BYTES_READ', 'Bytes Read']],
  },
  {
    name: FILE_OUTPUT_FORMAT_COUNTER,
    displayName: 'File Output Format Counters',
    counters: [['BYTES_WRITTEN', 'Bytes Written']],
  },
  {
    name: CLUSTERLAB_COUNTER,
    displayName: 'ClusterLab (not Hadoop counters)',
    counters: [
      ['HDFS_BYTES_READ_LOCAL', 'HDFS bytes read from a local replica'],
      ['HDFS_BYTES_READ_REMOTE', 'HDFS bytes read over the network'],
      ['SHUFFLE_BYTES_LOCAL', 'Shuffle bytes fetched on the same node'],
      ['SHUFFLE_BYTES_REMOTE', 'Shuffle bytes fetched over the network'],
      ['MAP_SPILLS', 'Sort buffer spills of the maps'],
      ['MAPS_RERUN_FOR_LOST_OUTPUT', 'Maps re-run for lost map output'],
    ],
  },
] as const;

/** Group names the learner's counters may not use. */
export const BUILTIN_GROUP_NAMES: ReadonlySet<string> = new Set([
  ...BUILTIN_GROUPS.map((g) => g.name as string),
  'FileSystemCounters',
  'Map-Reduce Framework',
  'Job Counters',
  'File System Counters',
]);

type BuiltinName = (typeof BUILTIN_GROUPS)[number]['counters'][number][0];

/** Every built-in counter by name (MAP_INPUT_RECORDS, ...). */
export type MapReduceCounters = Record<BuiltinName, number>;

/** Where each built-in counter lives: name → [group name, display name]. */
export const COUNTER_INFO: Readonly<Record<BuiltinName, readonly [group: string, displayName: string]>> =
  Object.fromEntries(
    BUILTIN_GROUPS.flatMap((g) => g.counters.map(([name, display]) => [name, [g.name, display]] as const)),
  ) as Record<BuiltinName, readonly [string, string]>;

/** The groups of a job's counters, Hadoop's first, then the learner's (in the order first seen). */
export function counterGroups(
  c: MapReduceCounters,
  user: ReadonlyMap<string, ReadonlyMap<string, number>>,
): CounterGroup[] {
  const groups: CounterGroup[] = BUILTIN_GROUPS.map((g) => ({
    name: g.name,
    displayName: g.displayName,
    user: false,
    counters: g.counters.map(([name, displayName]) => ({ name, displayName, value: c[name] })),
  }));
  for (const [group, counters] of user)
    groups.push({
      name: group,
      displayName: group,
      user: true,
      counters: [...counters].map(([name, value]) => ({ name, displayName: name, value })),
    });
  return groups;
}
