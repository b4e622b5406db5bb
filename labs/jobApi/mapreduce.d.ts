// The MapReduce job's API: a job file's default export (MapReduceJob), the ctx its map, combine
// and reduce get, its counters and its configuration, by Hadoop's names.

/** A counter of the job (Hadoop: org.apache.hadoop.mapreduce.Counter). */
interface MapReduceCounter {
  /** Default 1; a whole number, may be negative. @counterpart Hadoop: Counter.increment */
  increment(n?: number): void;
  /** This task's count so far. @counterpart Hadoop: Counter.getValue */
  getValue(): number;
  /** @counterpart Hadoop: Counter.getName */
  getName(): string;
  /** @counterpart Hadoop: Counter.getDisplayName */
  getDisplayName(): string;
}

/** What map, combine and reduce get as `ctx` (Hadoop: Mapper.Context / Reducer.Context). */
interface MapReduceContext<K = unknown, V = unknown> {
  /** The record is copied when written (Hadoop serializes it). @counterpart Hadoop: TaskInputOutputContext.write */
  write(key: K, value: V): void;
  /**
   * Your counters are shown after Hadoop's, in their group; the job's total sums the successful task attempts. At most
   * 120 counters (mapreduce.job.counters.max).
   * @counterpart Hadoop: TaskAttemptContext.getCounter(String groupName, String counterName)
   */
  getCounter(group: string, name: string): MapReduceCounter;
  /**
   * In map, the current record's offset; in reduce and combine, the key of the value last taken from `values` — with a
   * grouping comparator one call holds several keys, and this one moves along as you iterate (Hadoop's key object does
   * the same).
   * @counterpart Hadoop: TaskInputOutputContext.getCurrentKey
   */
  getCurrentKey(): unknown;
}

/**
 * The Hadoop settings a job may set (Hadoop: job.getConfiguration().set(name, value)), by
 * Hadoop's names. Numbers may be given as numbers or as text.
 */
interface MapReduceConf {
  /** Records end at this text instead of at \n, \r or \r\n. @counterpart Hadoop: textinputformat.record.delimiter */
  'textinputformat.record.delimiter'?: string;
  /**
   * The smallest split, in bytes (default 1).
   * @counterpart Hadoop: mapreduce.input.fileinputformat.split.minsize (FileInputFormat.SPLIT_MINSIZE)
   */
  'mapreduce.input.fileinputformat.split.minsize'?: number | string;
  /**
   * The largest split, in bytes (default Long.MAX_VALUE).
   * @counterpart Hadoop: mapreduce.input.fileinputformat.split.maxsize (FileInputFormat.SPLIT_MAXSIZE)
   */
  'mapreduce.input.fileinputformat.split.maxsize'?: number | string;
  /** The map's sort buffer (MB, 1 to 2047; default 100). @counterpart Hadoop: mapreduce.task.io.sort.mb */
  'mapreduce.task.io.sort.mb'?: number | string;
  /** How full the buffer gets before a spill (default 0.8). @counterpart Hadoop: mapreduce.map.sort.spill.percent */
  'mapreduce.map.sort.spill.percent'?: number | string;
  /**
   * Spills from which the combiner runs again at the merge (default 3).
   * @counterpart Hadoop: mapreduce.map.combine.minspills
   */
  'mapreduce.map.combine.minspills'?: number | string;
  /**
   * Replicas of each block of the job's output files (1 to 512; default: the cluster's, 3). TeraSort writes its
   * output with 1. @counterpart Hadoop: dfs.replication (set in the job's Configuration)
   */
  'dfs.replication'?: number | string;
}

/**
 * A MapReduce job (Hadoop's names, TextInputFormat and TextOutputFormat): map gets the byte
 * offset of each line and the line; reduce gets each key once, in sorted order, with its values
 * as an Iterable you walk once (`for (const v of values)`), as Hadoop gives them. Each task runs
 * the job file afresh from its top level, as Hadoop runs each task attempt in a JVM of its own:
 * what one task leaves in a module variable never reaches another (count across tasks with
 * `ctx.getCounter`).
 */
interface MapReduceJob<K = any, V = any, OK = any, OV = any> {
  /**
   * @counterpart ClusterLab: marks a MapReduce job file (on Hadoop, a driver class configures a Job)
   */
  kind: 'mapreduce';
  /** Shown on the timeline and in errors. Default: "job 1", "job 2", ... @counterpart Hadoop: Job.setJobName */
  name?: string;
  /** A DFS path, or an array of them. @counterpart Hadoop: FileInputFormat.addInputPath */
  input: string | string[];
  /**
   * Written as part-r-00000, ... (part-m-00000, ... in a map-only job).
   * @counterpart Hadoop: FileOutputFormat.setOutputPath
   */
  output: string;
  /**
   * How many reducers (and output partitions). Default 1; 0 makes a map-only job: each map writes its part-m file
   * directly, with no partition, sort, combine, shuffle or reduce (as on Hadoop, reduce and combine are then not run).
   * @counterpart Hadoop: Job.setNumReduceTasks
   */
  numReduceTasks?: number;
  /**
   * Called once per line; the key is the line's byte offset in the file. Default: Hadoop's identity Mapper, which
   * writes (offset, line).
   * @counterpart Hadoop: Mapper.map
   */
  map?(offset: number, line: string, ctx: MapReduceContext<K, V>): void;
  /**
   * A Reducer that runs on a map's sorted output at each spill of its sort buffer, and again at the merge when there
   * were 3 or more spills: zero, one or several times per record, so it must be associative and commutative, and give
   * what reduce expects.
   * @counterpart Hadoop: Job.setCombinerClass
   */
  combine?(key: K, values: Iterable<V>, ctx: MapReduceContext<K, V>): void;
  /**
   * Called once per key (per group of keys the grouping comparator calls equal, with the group's first key). `values`
   * is an Iterable walked once: `for (const v of values)`; copy it with `[...values]` to walk it twice. Default:
   * Hadoop's identity Reducer, which writes every (key, value).
   * @counterpart Hadoop: Reducer.reduce
   */
  reduce?(key: K, values: Iterable<V>, ctx: MapReduceContext<OK, OV>): void;
  /**
   * Which reducer gets a key. Default: Hadoop's HashPartitioner, (hashCode & Integer.MAX_VALUE) % numReduceTasks, with
   * the hashCode of the key's Writable (a string as Text, an integer as IntWritable or LongWritable).
   * @counterpart Hadoop: Job.setPartitionerClass · Hadoop: Partitioner.getPartition
   */
  partition?(key: K, numReduceTasks: number): number;
  /**
   * Orders the keys reduce sees: negative when a comes first, 0 when equal, positive when b comes first. Default:
   * numbers, then strings, ...
   * @counterpart Hadoop: Job.setSortComparatorClass
   */
  sortComparator?(a: K, b: K): number;
  /**
   * Consecutive keys it calls equal (0) go to one reduce call, their values together (secondary sort). Default: the
   * sort comparator.
   * @counterpart Hadoop: Job.setGroupingComparatorClass
   */
  groupingComparator?(a: K, b: K): number;
  /** Hadoop's job configuration, by Hadoop's names. @counterpart Hadoop: Job.getConfiguration */
  conf?: MapReduceConf;
}
