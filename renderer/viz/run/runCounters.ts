/**
 * The run's counters with Hadoop's display names (TaskCounter, FileSystemCounter, JobCounter
 * groups); ClusterLab's own extra counters are marked as such. Spark runs list their counters.
 */
import type { JobRunReport, MapReduceCounters, SparkCounters } from '../../../engine/api';
import type { CounterRow } from './runViewTypes';

const FW = 'Map-Reduce Framework';
const FS = 'File System Counters';
const JOB = 'Job Counters';
const LAB = 'ClusterLab';

/** name -> [label, group, unit]. Labels are Hadoop's own where Hadoop has the counter. */
export const HADOOP_COUNTERS: Record<keyof MapReduceCounters, [string, string, CounterRow['unit']]> = {
  HDFS_BYTES_READ: ['HDFS: Number of bytes read', FS, 'bytes'],
  HDFS_BYTES_WRITTEN: ['HDFS: Number of bytes written', FS, 'bytes'],
  TOTAL_LAUNCHED_MAPS: ['Launched map tasks', JOB, 'count'],
  TOTAL_LAUNCHED_REDUCES: ['Launched reduce tasks', JOB, 'count'],
  DATA_LOCAL_MAPS: ['Data-local map tasks', JOB, 'count'],
  RACK_LOCAL_MAPS: ['Rack-local map tasks', JOB, 'count'],
  OTHER_LOCAL_MAPS: ['Other local map tasks', JOB, 'count'],
  KILLED_TASK_ATTEMPTS: ['Killed task attempts', JOB, 'count'],
  FAILED_TASK_ATTEMPTS: ['Failed task attempts', JOB, 'count'],
  MAP_INPUT_RECORDS: ['Map input records', FW, 'count'],
  MAP_OUTPUT_RECORDS: ['Map output records', FW, 'count'],
  MAP_OUTPUT_BYTES: ['Map output bytes', FW, 'bytes'],
  COMBINE_INPUT_RECORDS: ['Combine input records', FW, 'count'],
  COMBINE_OUTPUT_RECORDS: ['Combine output records', FW, 'count'],
  REDUCE_INPUT_GROUPS: ['Reduce input groups', FW, 'count'],
  REDUCE_SHUFFLE_BYTES: ['Reduce shuffle bytes', FW, 'bytes'],
  REDUCE_INPUT_RECORDS: ['Reduce input records', FW, 'count'],
  REDUCE_OUTPUT_RECORDS: ['Reduce output records', FW, 'count'],
  SPILLED_RECORDS: ['Spilled Records', FW, 'count'],
  HDFS_BYTES_READ_LOCAL: ['HDFS bytes read from a local replica', LAB, 'bytes'],
  HDFS_BYTES_READ_REMOTE: ['HDFS bytes read over the network', LAB, 'bytes'],
  SHUFFLE_BYTES_LOCAL: ['Shuffle bytes fetched on the same node', LAB, 'bytes'],
  SHUFFLE_BYTES_REMOTE: ['Shuffle bytes fetched over the network', LAB, 'bytes'],
  MAPS_RERUN_FOR_LOST_OUTPUT: ['Maps re-run for lost map output', LAB, 'count'],
};

const SPARK_LABELS: Record<keyof SparkCounters, string> = {
  STAGES_RUN: 'Stages run',
  STAGES_SKIPPED: 'Stages skipped',
  CACHE_HITS: 'Cached partitions read',
  BLOCKS_EVICTED: 'Cached blocks evicted',
  PROCESS_LOCAL_TASKS: 'PROCESS_LOCAL tasks',
  NODE_LOCAL_TASKS: 'NODE_LOCAL tasks',
  RACK_LOCAL_TASKS: 'RACK_LOCAL tasks',
  ANY_TASKS: 'ANY (off-rack) tasks',
};

const GROUP_ORDER = [FS, JOB, FW, 'Spark', LAB];

const isHadoopCounter = (name: string): name is keyof MapReduceCounters => name in HADOOP_COUNTERS;
const isSparkCounter = (name: string): name is keyof SparkCounters => name in SPARK_LABELS;

export function deriveCounters(report: JobRunReport): CounterRow[] {
  const m = report.metrics;
  const rows: CounterRow[] = [];
  if (m.kind === 'mapreduce')
    for (const [name, value] of Object.entries(m.counters)) {
      if (!isHadoopCounter(name)) continue;
      const [label, group, unit] = HADOOP_COUNTERS[name];
      rows.push({ name, label, group, unit, value });
    }
  else {
    for (const [name, value] of Object.entries(m.counters))
      if (isSparkCounter(name)) rows.push({ name, label: SPARK_LABELS[name], group: 'Spark', unit: 'count', value });
    rows.push({
      name: 'SHUFFLE_BYTES',
      label: 'Shuffle bytes read',
      group: 'Spark',
      unit: 'bytes',
      value: m.shuffleBytes,
    });
    rows.push({
      name: 'BYTES_READ_LOCAL',
      label: 'Input bytes read from a local replica',
      group: 'Spark',
      unit: 'bytes',
      value: m.bytesReadLocal,
    });
    rows.push({
      name: 'BYTES_READ_REMOTE',
      label: 'Input bytes read over the network',
      group: 'Spark',
      unit: 'bytes',
      value: m.bytesReadRemote,
    });
  }
  const order = (r: CounterRow) => GROUP_ORDER.indexOf(r.group);
  const names: readonly string[] = Object.keys(HADOOP_COUNTERS);
  const within = (r: CounterRow) => names.indexOf(r.name);
  return rows.sort((a, b) => order(a) - order(b) || within(a) - within(b));
}
