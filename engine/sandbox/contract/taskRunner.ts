/**
 * The contract for running learners' code (Cookbook 20.1.1: map and reduce tasks run in parallel).
 * The engine stays pure: it hands task inputs to a TaskRunner and gets real results back. The
 * implementations live where the runtime is: a child-process pool in cli/, a Web Worker pool in
 * renderer/sandbox/. Tests can pass an in-process runner or a recording fake.
 */
import type { SqlEngine } from './sqlEngine';

/** The job's module, compiled to CommonJS-style JS with the learner's line numbers preserved. */
export interface JobSource {
  /** The name errors point at, e.g. `labs/examples/jobs/iot.js`. */
  fileName: string;
  /** JS that assigns `exports.default` (sucrase's output with the `imports` transform). */
  code: string;
  /** The modules the job imports (`'kafkajs'` is the only one there is); absent: none. */
  modules?: string[];
}

/**
 * What a job module looks like, as seen from outside the sandbox: its default export (a MapReduce
 * job or chain, a Spark function), or the functions a KafkaJS program exports by name (`produce`,
 * `consume`) for a streaming run to call.
 */
export type JobShape =
  | { kind: 'mapreduce'; jobs: MapReduceJobConfig[] }
  | {
      kind: 'spark';
      /**
       * The file's `export const conf = { 'spark.locality.wait': '1s' }`: settings given when the application is
       * submitted (spark-submit's --conf, SparkSession.builder.config), over the run's own; checked by the host.
       */
      conf?: Record<string, string | number | boolean>;
    }
  | { kind: 'kafka'; functions: string[] }
  /** A module of functions loaded with `LoadOptions.module` (a lab pack's checks or data generators): its exported functions' names. */
  | { kind: 'module'; functions: string[] };

/** What `load` needs to know of the run beyond the job: the brokers `import 'kafkajs'` connects to. */
export interface LoadOptions {
  /** The simulated Kafka's broker addresses (`n1:9092`); absent: `kafkajs` cannot be imported. */
  kafkaBrokers?: string[];
  /** A streaming run's seed: the program's Math.random() draws from it. */
  seed?: number;
  /**
   * Loads the file as a module of functions (a lab pack's checks or data generators, untrusted as
   * a learner's code) rather than a job: `callFunction` then calls its exports by name.
   */
  module?: boolean;
}

/**
 * One exported function of a KafkaJS program a streaming run calls, and its argument: `input`
 * (plain data, such as the step's records) with the lab's store added as `sink` when asked.
 */
export interface KafkaProgram {
  fn: string;
  input: Record<string, unknown>;
  sink: boolean;
  /**
   * Whether the function gets Spark Structured Streaming as `spark` (default true): a lab step
   * whose consumers are KafkaJS consumers gives one that refuses, so its checks judge them.
   */
  spark?: boolean;
}

/** A client a program opened since the last step (numbered in the order they were opened). */
export interface KafkaOpened {
  client: number;
  kind: 'producer' | 'consumer' | 'admin' | 'sink';
  clientId: string;
  /**
   * The program call (1-based, in the order the run calls them) whose synchronous start opened
   * the client, or null (opened at the top of the file, or after an await). A crash fault crashes
   * a consumer's whole call: the producers it opened too (a process dies with all its clients).
   */
  program: number | null;
}

/**
 * The simulated Kafka's side of a streaming run (engine/streaming/kafkaSteps.ts): given the
 * clients opened and the calls made since the last step (checked by the pool), it runs its clock
 * until some are answered and returns the answers with its time; null once the run is over.
 * Calls and answers are engine/streaming/kafkajs/kafkaCalls.ts's KafkaCall and KafkaAnswer.
 */
export interface KafkaStepper {
  step(opened: KafkaOpened[], calls: unknown[]): { answers: unknown[]; now: number } | null;
}

/** The plain-data part of a MapReduce job (functions stay inside the sandbox). */
export interface MapReduceJobConfig {
  /** Index in a chain of jobs (0 for a single job). */
  index: number;
  name: string;
  /** The job's place in its file's default export ('default', 'default[1]'): where the errors about its paths point. */
  field: string;
  input: string[];
  output: string;
  /** 0: a map-only job (part-m-NNNNN written by the maps, no shuffle). */
  numReduceTasks: number;
  hasCombine: boolean;
  hasPartition: boolean;
  /** The job's Hadoop settings (its `conf` field, Hadoop's names), with Hadoop's defaults. */
  conf: MapReduceConf;
}

/** The Hadoop settings a MapReduce job may set in its `conf` (Hadoop's Configuration keys). */
export interface MapReduceConf {
  /** textinputformat.record.delimiter; null: lines end at \n, \r or \r\n. */
  recordDelimiter: string | null;
  /** mapreduce.input.fileinputformat.split.minsize (1). */
  splitMinSize: number;
  /** mapreduce.input.fileinputformat.split.maxsize (Long.MAX_VALUE). */
  splitMaxSize: number;
  /** mapreduce.task.io.sort.mb (100): the map's sort buffer, in MB. */
  sortMb: number;
  /** mapreduce.map.sort.spill.percent (0.8): a spill starts when the buffer is this full. */
  spillPercent: number;
  /** mapreduce.map.combine.minspills (3): the combiner runs again at the merge from this many spills. */
  combineMinSpills: number;
  /** dfs.replication for the job's output files; null: the cluster's (HDFS's dfs.replication). */
  replication: number | null;
}

/** A user-defined counter's total in one task: [group, name, value] (Hadoop: Context.getCounter(group, name)). */
export type UserCounter = [group: string, name: string, value: number];

/** One map task's input: the bytes of the lines that belong to its split (LineRecordReader rule). */
export interface MapTaskInput {
  jobIndex: number;
  taskIndex: number;
  /** Byte offset of `bytes[0]` in the file: the first line's key. */
  baseOffset: number;
  bytes: Uint8Array;
  numReduceTasks: number;
}

/**
 * Grouped records of one partition, sorted by key. Values are packed as a Float64Array when all
 * of them are numbers, so millions of records cross a worker boundary as one buffer.
 */
export interface PackedGroups {
  keys: unknown[];
  counts: number[];
  numbers: Float64Array | null;
  values: unknown[] | null;
}

export interface MapTaskOutput {
  taskIndex: number;
  /** One per reducer (none in a map-only job). */
  partitions: PackedGroups[];
  /** A map-only job's part-m file text (TextOutputFormat); null when the job has reducers. */
  text: string | null;
  /** Counters the learner's code incremented (ctx.getCounter(group, name).increment(n)). */
  userCounters: UserCounter[];
  counters: MapTaskCounters;
  /** Estimated serialized bytes per partition (after the combiner). */
  partitionBytes: number[];
  /** Records per partition (after the combiner). */
  partitionRecords: number[];
}

export interface MapTaskCounters {
  mapInputRecords: number;
  mapOutputRecords: number;
  mapOutputBytes: number;
  combineInputRecords: number;
  combineOutputRecords: number;
  /** Spills of the sort buffer (mapreduce.task.io.sort.mb × spill.percent), at least 1 with reducers. */
  spills: number;
  /** Records written to spill files and the merged map output (Hadoop's SPILLED_RECORDS). */
  spilledRecords: number;
}

export interface ReduceTaskInput {
  jobIndex: number;
  taskIndex: number;
  /** The partition's groups from every map task, in map task order. */
  parts: PackedGroups[];
}

export interface ReduceTaskOutput {
  taskIndex: number;
  /** The part file's text (TextOutputFormat: key TAB value per line). */
  text: string;
  reduceInputGroups: number;
  reduceInputRecords: number;
  reduceOutputRecords: number;
  /** Counters the learner's code incremented. */
  userCounters: UserCounter[];
}

/** A file as the sandbox sees it when a Spark job reads it. */
export interface SandboxFile {
  path: string;
  bytes: Uint8Array;
  blockSize: number;
}

/** The cluster's cores and the run's spark.default.parallelism, as a Spark driver needs them. */
export interface DriverParallelism {
  executorCores: number;
  configured: number | null;
}

/** Services the engine offers to a Spark driver running in the sandbox. */
export interface DriverHost {
  /** Makes an action's result a value of the learner's realm (set inside the sandbox; identity when absent). */
  adopt?(value: unknown): unknown;
  /** Every file in HDFS when the driver starts (textFile needs sizes to cut partitions). */
  catalog: { path: string; length: number; blockSize: number }[];
  /** The files at a path (a file, or the files of a directory in name order). */
  readFiles(path: string): Promise<SandboxFile[]>;
  /** Prints a line to the learner's console (DataFrame.show, printSchema, explain); set inside the sandbox. */
  print?(text: string): void;
  /**
   * Spark's parallelism: the executors' total cores and spark.default.parallelism when the run
   * sets it (null otherwise). The driver derives sc.defaultParallelism from them as Spark does
   * (engine/spark/sparkDriver.ts defaultParallelismOf); without them it is 2.
   */
  parallelism?: DriverParallelism;
  /** DuckDB for spark.sql, opened on first use inside the sandbox (absent: spark.sql says so). */
  sqlEngine?(): Promise<SqlEngine>;
}

/**
 * A file a Spark driver wrote: TextOutputFormat's text (UTF-8 in HDFS), or a binary file's bytes
 * (a SequenceFile). Exactly one of the two; a Uint8Array crosses the sandbox boundary as it is
 * (structured clone in the browser, V8 serialization in the CLI).
 */
export type WrittenFile = { path: string; text: string } | { path: string; bytes: Uint8Array };

/** What running a Spark driver returns: its value and the log of jobs for the simulation. */
export interface SparkDriverOutput {
  result: unknown;
  /** Spark job records (see engine/spark/jobRecord.ts); plain data. */
  jobs: unknown[];
  /** Files written by saveAsTextFile (text), saveAsSequenceFile and saveAsObjectFile (bytes), in write order. */
  written: WrittenFile[];
  /** Set when the driver stopped at sc.textFile on a path that does not exist (bad input, not a bug). */
  missingInput?: string;
  /** With missingInput: the call that read it (`sc.textFile`, `sc.sequenceFile`); sc.textFile when absent. */
  missingInputCall?: string;
  /** With missingInput: the line of the learner's code that made that call, when known. */
  missingInputLine?: number;
}

/**
 * Runs learners' code, one run at a time: `load` begins a run (its time budget starts there) and
 * `endRun` ends it (runJob calls it in a finally); nothing of one run (timers, failures, busy
 * workers) reaches the next. Every method rejects with a JobCodeError or a RunAbortedError
 * (JobTimeoutError, RunStoppedError).
 */
export interface TaskRunner {
  /** Begins a run: ships the job module to every worker (once) and describes its default export. */
  load(source: JobSource, options?: LoadOptions): Promise<JobShape>;
  /** Runs map tasks in parallel; outputs come back in the order of `tasks`. */
  runMapTasks(tasks: MapTaskInput[]): Promise<MapTaskOutput[]>;
  /** Runs reduce tasks in parallel; outputs come back in the order of `tasks`. */
  runReduceTasks(tasks: ReduceTaskInput[]): Promise<ReduceTaskOutput[]>;
  /** Runs a Spark job function (the driver program) in one sandbox worker. */
  runSparkDriver(host: DriverHost): Promise<SparkDriverOutput>;
  /**
   * Runs a KafkaJS program's functions together in one sandbox worker, in steps against
   * `stepper` (the simulated Kafka), until the stepper ends the run; rejects with the error one
   * of the functions threw (its line named).
   */
  runKafkaPrograms?(programs: KafkaProgram[], stepper: KafkaStepper): Promise<void>;
  /**
   * Calls a function a module loaded with `LoadOptions.module` exports, with plain data, in one
   * sandbox worker; resolves with what it returned (awaited when a promise) as plain, bounded data,
   * or rejects with the error it threw (its line named).
   */
  callFunction?(fn: string, input: unknown): Promise<unknown>;
  /** Ends the run begun by `load`: cancels its budget; idle workers stay for the next run. */
  endRun(): void;
  /**
   * Throws the run's RunAbortedError (JobTimeoutError, RunStoppedError) once its wall-clock budget
   * has run out or it was stopped; returns otherwise. The simulation after the learner's code
   * calls it every few thousand kernel steps, so the budget covers all the work a run does.
   */
  checkBudget?(): void;
  /** Stops every worker. */
  close(): Promise<void>;
}
