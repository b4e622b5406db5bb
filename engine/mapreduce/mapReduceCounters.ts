/** Hadoop's job counters (TaskCounter, FileSystemCounter, JobCounter names), summed over the successful attempts. */
export interface MapReduceCounters {
  MAP_INPUT_RECORDS: number;
  MAP_OUTPUT_RECORDS: number;
  MAP_OUTPUT_BYTES: number;
  COMBINE_INPUT_RECORDS: number;
  COMBINE_OUTPUT_RECORDS: number;
  REDUCE_INPUT_GROUPS: number;
  REDUCE_INPUT_RECORDS: number;
  REDUCE_OUTPUT_RECORDS: number;
  SPILLED_RECORDS: number;
  REDUCE_SHUFFLE_BYTES: number;
  SHUFFLE_BYTES_LOCAL: number;
  SHUFFLE_BYTES_REMOTE: number;
  HDFS_BYTES_READ: number;
  HDFS_BYTES_READ_LOCAL: number;
  HDFS_BYTES_READ_REMOTE: number;
  HDFS_BYTES_WRITTEN: number;
  TOTAL_LAUNCHED_MAPS: number;
  TOTAL_LAUNCHED_REDUCES: number;
  DATA_LOCAL_MAPS: number;
  RACK_LOCAL_MAPS: number;
  OTHER_LOCAL_MAPS: number;
  KILLED_TASK_ATTEMPTS: number;
  MAPS_RERUN_FOR_LOST_OUTPUT: number;
}

export function emptyCounters(): MapReduceCounters {
  return {
    MAP_INPUT_RECORDS: 0, MAP_OUTPUT_RECORDS: 0, MAP_OUTPUT_BYTES: 0, COMBINE_INPUT_RECORDS: 0, COMBINE_OUTPUT_RECORDS: 0,
    REDUCE_INPUT_GROUPS: 0, REDUCE_INPUT_RECORDS: 0, REDUCE_OUTPUT_RECORDS: 0, SPILLED_RECORDS: 0,
    REDUCE_SHUFFLE_BYTES: 0, SHUFFLE_BYTES_LOCAL: 0, SHUFFLE_BYTES_REMOTE: 0,
    HDFS_BYTES_READ: 0, HDFS_BYTES_READ_LOCAL: 0, HDFS_BYTES_READ_REMOTE: 0, HDFS_BYTES_WRITTEN: 0,
    TOTAL_LAUNCHED_MAPS: 0, TOTAL_LAUNCHED_REDUCES: 0, DATA_LOCAL_MAPS: 0, RACK_LOCAL_MAPS: 0, OTHER_LOCAL_MAPS: 0,
    KILLED_TASK_ATTEMPTS: 0, MAPS_RERUN_FOR_LOST_OUTPUT: 0,
  };
}

export function addCounters(into: MapReduceCounters, from: MapReduceCounters): void {
  for (const k of Object.keys(into) as (keyof MapReduceCounters)[]) into[k] += from[k];
}
