/**
 * Where each kind of lab step runs (part of the lab format, labTypes.ts, which re-exports these):
 * a job step's cluster, files and faults, its extra runs, an hdfs, server, pipeline or stream
 * step's settings, and a pipeline step's words for its keys and events.
 */
import type { ClusterSpec, FaultSpec, PresetName } from '../engine/cluster';
import type { KafkaFault, TopicConfig } from '../engine/streaming';
import type { YarnLoadSpec, YarnOptions } from '../engine/yarn';
import type { PipelineFault } from '../engine/pipeline';
import type { LabLocale } from './labTypes';

/** Where a job step runs: the cluster, the files put into HDFS first, the faults planned. */
export interface JobRunSettings {
  seed: number;
  cluster: PresetName | ClusterSpec;
  /** dfs.blocksize for the files put before the job, bytes. */
  blockSize: number;
  /** Datasets (by id) put at DFS paths before the job starts. */
  files: { path: string; dataset: string }[];
  faults?: FaultSpec[];
  /** Spark settings by Spark's names, e.g. { 'spark.locality.wait': '0' } (engine/spark/sparkConf.ts). */
  sparkConf?: Record<string, string | number | boolean>;
  /** YARN's scheduler and queues for this run (engine/yarn/yarnConfig.ts; the labs' heartbeat settings stay). */
  yarn?: Pick<YarnOptions, 'scheduler' | 'queues'>;
  /** Other applications on YARN while the job runs, e.g. another team's ETL (engine/yarn/yarnLoad.ts). */
  yarnLoad?: YarnLoadSpec[];
  /** When the job is submitted, simulated ms (default 0): the yarnLoad is already running then. */
  submitAtMs?: number;
}

/** A further run a job step's checks compare with (a bigger cluster, a reference job, ...). */
export interface ExtraRun {
  id: string;
  /** Shown in reports, e.g. "10x data on 90 machines". */
  label: string;
  run: JobRunSettings;
  /** 'learner' runs the learner's code again; otherwise the given job source (a reference). */
  code: 'learner' | { fileName: string; text: string };
}

/** Where an hdfs step runs; the learner's JSON settings say what to store and break. */
export interface HdfsRunSettings {
  seed: number;
  cluster: PresetName | ClusterSpec;
}

/** How a server step's nights are judged: the ETL's deadline (the seed is unused: the model has no chance in it). */
export interface ServerRunSettings {
  seed: number;
  deadlineMinutes: number;
}

/** Where a pipeline step runs: the cluster its parts are placed on, and the faults planned. */
export interface PipelineRunSettings {
  seed: number;
  cluster: PresetName;
  /** Faults on machines (killNode, ...) or parts (stopPart, startPart) at simulated times. */
  faults?: PipelineFault[];
  /** Stop here at the latest (default: the last event's creation plus a drain, engine/pipeline). */
  untilMs?: number;
  /** What the step's events and keys are called where the app tells a dashboard's counts ("page view", "article"). */
  words?: PipelineWords;
}

/** What a pipeline step calls its keys and events in one language. */
export interface ViewWordForms {
  /** One key, as in "article 3", and several (default: the key with an "s", as English makes it). */
  key: string;
  keys?: string;
  /** One event and several ("page view", "page views"). */
  event: string;
  events: string;
}

/** A pipeline step's words in English (the source) and in the other languages the app speaks. */
export interface PipelineWords extends ViewWordForms {
  /**
   * Per locale, every form: the app's sentences use a noun bare, never after an article or an
   * adjective ("Artikel 3", "12 Artikel", "als Seitenaufruf"), so one form suits every sentence.
   * A locale without an entry gets the app's own words for keys and events in that language.
   */
  translations?: Partial<Record<LabLocale, Required<ViewWordForms>>>;
}

/**
 * Where a stream step's KafkaJS program runs: the program's `produce({ records })` is called once
 * with the dataset's records (JSON lines), its `consume({ sink, consumer })` once per consumer, on
 * a simulated Kafka with these topics, for `durationMs` of simulated time, with the faults planned.
 */
export interface StreamRunSettings {
  seed: number;
  cluster: PresetName | ClusterSpec;
  /** Nodes that run a broker (default 3). */
  brokers?: number;
  /** Topics that exist when the run starts (a send to another topic creates it, one partition). */
  topics: TopicConfig[];
  /** The dataset (by id, JSON lines) whose records `produce` gets. */
  records: string;
  consumers: number;
  durationMs: number;
  /** Simulated processing time of each message a consumer is handed (ms, default 0). */
  processingMs?: number;
  faults?: KafkaFault[];
  /** The field of a record (and of a sink row) that holds its own id: how the ledger tells records apart. */
  recordId: string;
  /** The consumer group the end-of-run offsets and lag are read for (default: the only one). */
  groupId?: string;
  /** The store is (also) this topic as a read_committed reader sees it: a consume-transform-produce program's output. */
  storeTopic?: string;
  /** The functions get Spark Structured Streaming (`spark`); without it the step's consumers are KafkaJS consumers only. */
  structuredStreaming?: boolean;
}

/** A further run of the learner's program a stream step's checks judge, e.g. under a fault schedule the step does not show. */
export interface StreamExtraRun {
  id: string;
  /** Shown in the checks' reasons once run, e.g. "a broker dies at 2 s". */
  label: string;
  run: StreamRunSettings;
}
