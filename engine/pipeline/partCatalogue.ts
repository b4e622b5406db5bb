/**
 * The parts a pipeline is built from (Cookbook 24, Figure 24.1; 15.3, Figures 15.2–15.3): what
 * each is, which stage of the blueprint it belongs to, its settings with their defaults and limits
 * (real products' defaults where one exists: Flume's HDFS sink rolls a file every 30 s, 1,024
 * bytes or 10 events), and which parts it may feed. A part type's settings are plain numbers or
 * one of a few words, so a pipeline is data: a file a learner can save, load and diff.
 */

export const PART_TYPES = [
  'clients',
  'api',
  'flume',
  'kafka',
  'spark-streaming',
  'spark-batch',
  'hdfs',
  'hbase',
  'rdbms',
  'model-serving',
  'dashboard',
] as const;
export type PartType = (typeof PART_TYPES)[number];

/** The blueprint's stages, in the order data passes them. */
export type Stage = 'source' | 'ingest' | 'buffer' | 'process' | 'store' | 'display';

export interface NumberSetting {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  integer: boolean;
  unit: string;
  what: string;
}

export interface ChoiceSetting {
  kind: 'choice';
  default: string;
  choices: readonly string[];
  what: string;
}

export type SettingDef = NumberSetting | ChoiceSetting;

export interface PartDef {
  type: PartType;
  /** The name a learner reads on the diagram. */
  label: string;
  stage: Stage;
  /** One sentence: what the part does here. */
  what: string;
  /** Whether what it has taken survives its machine's crash (kept on disk, back at restart). */
  durable: boolean;
  /** How it gets its input: pushed to it, or pulled by it from its upstream on a schedule. */
  input: 'push' | 'pull' | 'none';
  /** The part types it may feed. */
  feeds: readonly PartType[];
  /** How many parts it may feed at most (a pass-through service answers for one next hop). */
  maxFeeds: number;
  settings: Readonly<Record<string, SettingDef>>;
}

const num = (d: number, min: number, max: number, unit: string, what: string, integer = true): NumberSetting => ({
  kind: 'number',
  default: d,
  min,
  max,
  integer,
  unit,
  what,
});

/** The largest number of events one run may produce (every event's path is kept). */
export const MAX_EVENTS = 200_000;
/** The most parts one pipeline may have. */
export const MAX_PARTS = 16;
/** The longest simulated run: one day. */
export const MAX_SIMULATED_MS = 24 * 3_600_000;

export const PART_CATALOGUE: Readonly<Record<PartType, PartDef>> = {
  clients: {
    type: 'clients',
    label: 'Clients',
    stage: 'source',
    what: 'the devices and apps that send events; they resend what is refused after a pause',
    durable: true,
    input: 'none',
    feeds: ['api', 'flume'],
    maxFeeds: 4,
    settings: {
      events: num(10_000, 1, MAX_EVENTS, 'events', 'how many events the clients send in all'),
      ratePerSec: num(200, 1, 100_000, 'events/s', 'how many events they send per second'),
      keys: num(50, 1, 100_000, 'keys', 'how many different keys (devices, titles, sensors) the events carry'),
      eventBytes: num(200, 16, 1_048_576, 'bytes', 'the size of one event'),
      retryMs: num(1_000, 10, 600_000, 'ms', 'how long a client waits before resending a refused event'),
      popularity: {
        kind: 'choice',
        default: 'uniform',
        choices: ['uniform', 'zipf'],
        what: 'uniform: every key equally often; zipf: the n-th most popular key comes 1/n as often as the first',
      },
      trendEveryMs: num(
        0,
        0,
        MAX_SIMULATED_MS,
        'ms',
        'with zipf: every this long other keys become the most popular (0: never)',
      ),
      values: {
        kind: 'choice',
        default: 'none',
        choices: ['none', 'pumps'],
        what: "pumps: each event is a pump's reading, the load it runs at and the power it draws (kW)",
      },
      wearFromMs: num(0, 0, MAX_SIMULATED_MS, 'ms', 'pumps: when wear starts'),
      wearPerHour: num(
        0,
        0,
        10,
        'per hour',
        'pumps: how much more power per unit of load a worn pump draws after each hour of wear (0.3: 30% more)',
        false,
      ),
      wearingKeys: num(0, 0, 100_000, 'keys', 'pumps: how many pumps wear, the first ones (0: all)'),
    },
  },
  api: {
    type: 'api',
    label: 'Ingest API',
    stage: 'ingest',
    what: 'a REST service: it passes each request on and answers the client only once the next part took it',
    durable: false,
    input: 'push',
    feeds: ['kafka', 'flume', 'hdfs', 'hbase', 'rdbms'],
    maxFeeds: 1,
    settings: {
      threads: num(8, 1, 512, 'threads', 'requests served at once (at most one per core runs)'),
      requestCpuMs: num(1, 0.01, 1_000, 'ms', 'CPU time of one request', false),
    },
  },
  flume: {
    type: 'flume',
    label: 'Flume agent',
    stage: 'ingest',
    what: "a source, a channel and a sink: events wait in the channel until the sink's batch takes them",
    durable: false,
    input: 'push',
    feeds: ['kafka', 'hdfs', 'hbase'],
    maxFeeds: 1,
    settings: {
      channel: {
        kind: 'choice',
        default: 'memory',
        choices: ['memory', 'file'],
        what: 'memory is fast but loses what it holds when its machine dies; file keeps it on disk',
      },
      capacity: num(100, 1, 10_000_000, 'events', "the channel's capacity (Flume's memory channel: 100)"),
      batchSize: num(100, 1, 100_000, 'events', 'events the sink takes per transaction'),
      rollInterval: num(
        30,
        0,
        86_400,
        's',
        'HDFS sink (hdfs.rollInterval): close the file after this many seconds (0: never by time)',
      ),
      rollCount: num(10, 0, 10_000_000, 'events', 'HDFS sink: close the file after this many events (0: never)'),
      rollSize: num(1024, 0, 1 << 30, 'bytes', 'HDFS sink: close the file once this big (0: never)'),
    },
  },
  kafka: {
    type: 'kafka',
    label: 'Kafka',
    stage: 'buffer',
    what: 'an append-only log on disk: producers append, each consumer reads at its own offset',
    durable: true,
    input: 'push',
    feeds: ['spark-streaming', 'flume'],
    maxFeeds: 8,
    settings: {
      retentionHours: num(168, 1, 8_760, 'h', 'how long the log keeps a record (Kafka: 7 days)'),
    },
  },
  'spark-streaming': {
    type: 'spark-streaming',
    label: 'Spark Streaming',
    stage: 'process',
    what: 'a micro-batch every trigger: it reads new records from Kafka, processes them, writes, then checkpoints its offsets',
    durable: false,
    input: 'pull',
    feeds: ['hbase', 'rdbms', 'hdfs', 'kafka', 'model-serving'],
    maxFeeds: 4,
    settings: {
      triggerMs: num(1_000, 100, 3_600_000, 'ms', 'how often a micro-batch starts (processingTime trigger)'),
      // Spark's default sets no limit: the most a run can hold is every event.
      maxOffsetsPerTrigger: num(
        MAX_EVENTS,
        1,
        MAX_EVENTS,
        'records',
        'the most records one micro-batch reads (Spark: no limit by default)',
      ),
      op: {
        kind: 'choice',
        default: 'raw',
        choices: ['raw', 'countByKey'],
        what: 'raw writes every event; countByKey writes one count per key of the batch',
      },
    },
  },
  'spark-batch': {
    type: 'spark-batch',
    label: 'Spark batch job',
    stage: 'process',
    what: 'a job on a schedule: it starts on YARN, reads the closed files in HDFS, and writes its results',
    durable: false,
    input: 'pull',
    feeds: ['hbase', 'rdbms', 'model-serving'],
    maxFeeds: 4,
    settings: {
      everyMs: num(3_600_000, 1_000, MAX_SIMULATED_MS, 'ms', 'how often the job runs'),
      startupMs: num(20_000, 0, 600_000, 'ms', 'submitting to YARN and starting the executors'),
      executors: num(4, 1, 256, 'executors', 'executors reading in parallel'),
      op: {
        kind: 'choice',
        default: 'countByKey',
        choices: ['raw', 'countByKey', 'trainRegression'],
        what: 'raw writes every event; countByKey writes one count per key; trainRegression fits power = slope × load + intercept to the readings and deploys the model to model serving',
      },
      trainWindowMs: num(
        0,
        0,
        MAX_SIMULATED_MS,
        'ms',
        'trainRegression: train on the readings of this last stretch of time (0: all of them)',
      ),
      modelPer: {
        kind: 'choice',
        default: 'fleet',
        choices: ['fleet', 'key'],
        what: 'trainRegression: one model for all keys, or one model per key (per pump)',
      },
      maxHoldoutMae: num(
        1_000_000,
        0,
        1_000_000,
        'kW',
        'trainRegression: deploy a model only if its mean absolute error on the newest fifth of the window (held out) is at most this',
        false,
      ),
    },
  },
  hdfs: {
    type: 'hdfs',
    label: 'HDFS',
    stage: 'store',
    what: 'files in blocks, three copies: a file is read only once its writer closed it',
    durable: true,
    input: 'push',
    feeds: ['spark-batch', 'dashboard'],
    maxFeeds: 4,
    settings: {
      replication: num(3, 1, 10, 'copies', 'copies of every block (dfs.replication)'),
      openFileMs: num(10, 0, 10_000, 'ms', 'asking the NameNode and a DataNode for one file before reading it', false),
    },
  },
  hbase: {
    type: 'hbase',
    label: 'HBase',
    stage: 'store',
    what: 'a key-value store: a put is written to its log and memory, and a get by key finds it at once',
    durable: true,
    input: 'push',
    feeds: ['dashboard'],
    maxFeeds: 4,
    settings: {
      putCpuMs: num(0.05, 0.001, 100, 'ms', 'CPU time of one put', false),
      getMs: num(2, 0.01, 10_000, 'ms', 'one get or short scan by key', false),
      realtimeViews: {
        kind: 'choice',
        default: 'keep',
        choices: ['keep', 'discardAbsorbed'],
        what: "a streaming job's counts (realtime view): keep them all, or discard those of events created up to the newest event a batch run counted (the batch view's horizon)",
      },
    },
  },
  rdbms: {
    type: 'rdbms',
    label: 'Relational database',
    stage: 'store',
    what: 'one SQL server: inserts update its indexes, and a report query scans the rows it aggregates',
    durable: true,
    input: 'push',
    feeds: ['dashboard'],
    maxFeeds: 4,
    settings: {
      insertMs: num(0.5, 0.001, 1_000, 'ms', 'one row inserted and indexed', false),
      scanUsPerRow: num(1, 0.001, 1_000, 'µs', 'scanning one row in a report query', false),
      realtimeViews: {
        kind: 'choice',
        default: 'keep',
        choices: ['keep', 'discardAbsorbed'],
        what: "a streaming job's counts (realtime view): keep them all, or discard those of events created up to the newest event a batch run counted (the batch view's horizon)",
      },
    },
  },
  'model-serving': {
    type: 'model-serving',
    label: 'Model serving',
    stage: 'process',
    what: 'a service that scores each record with the deployed model and passes the prediction on',
    durable: false,
    input: 'push',
    feeds: ['hbase', 'rdbms', 'kafka'],
    maxFeeds: 1,
    settings: {
      replicas: num(2, 1, 64, 'replicas', 'requests scored at once'),
      inferenceMs: num(5, 0.01, 10_000, 'ms', 'scoring one record', false),
      onDrift: {
        kind: 'choice',
        default: 'ignore',
        choices: ['ignore', 'alert', 'retrain'],
        what: "when the served predictions' recent error passes driftMae: ignore it, record an alert, or record it and have the training job train and deploy a new model now",
      },
      driftMae: num(
        3,
        0.001,
        1_000_000,
        'kW',
        'the mean absolute error of the recent predictions that counts as drift',
        false,
      ),
      driftWindow: num(
        200,
        10,
        100_000,
        'predictions',
        'how many of the latest predictions the error is averaged over',
      ),
    },
  },
  dashboard: {
    type: 'dashboard',
    label: 'Dashboard',
    stage: 'display',
    what: 'asks its store for the latest numbers on every refresh; an event shows once a refresh reads it',
    durable: false,
    input: 'pull',
    feeds: [],
    maxFeeds: 0,
    settings: {
      refreshMs: num(5_000, 100, 3_600_000, 'ms', 'how often the dashboard queries its store'),
      show: {
        kind: 'choice',
        default: 'counts',
        choices: ['counts', 'trending'],
        what: 'on a store of counts by key: every count, or a trending row (the most counted keys of a recent window)',
      },
      top: num(10, 1, 100, 'keys', 'trending: how many keys the row shows'),
      windowMs: num(
        600_000,
        1_000,
        MAX_SIMULATED_MS,
        'ms',
        "trending: the window ranked, ending at the newest event the store's counts hold",
      ),
    },
  },
};

/** Whether `type` reads its upstream by itself (a consumer, a scheduled job, a dashboard). */
export function pullsFrom(type: PartType): boolean {
  return PART_CATALOGUE[type].input === 'pull';
}
