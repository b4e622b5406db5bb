/**
 * DataStreamReader (`spark.readStream`): the Kafka source, as Spark's spark-sql-kafka-0-10 takes
 * it: `format('kafka')`, `option('kafka.bootstrap.servers', 'n1:9092')`,
 * `option('subscribe', 'gps')` (topics, comma-separated), `option('startingOffsets', 'earliest')`
 * (Spark's default for a stream is `latest`), `option('maxOffsetsPerTrigger', n)`. Its rows have
 * Kafka's columns: key and value (binary: cast them to strings), topic, partition, offset,
 * timestamp and timestampType.
 */
import type { Field } from '../../spark/sql/column';
import { topicNameProblem } from '../kafkaLimits';
import { streamingFrame, type StreamSession, type StreamingDataFrame } from './streamingDataFrame';

const KAFKA_COLUMNS: [string, Field['type']][] = [
  ['key', 'binary'],
  ['value', 'binary'],
  ['topic', 'string'],
  ['partition', 'integer'],
  ['offset', 'long'],
  ['timestamp', 'timestamp'],
  ['timestampType', 'integer'],
];

export class DataStreamReader {
  #format: string | null = null;
  readonly #options = new Map<string, string>();

  readonly #session: StreamSession;
  readonly #brokers: readonly string[];

  constructor(session: StreamSession, brokers: readonly string[]) {
    this.#session = session;
    this.#brokers = brokers;
  }

  format(source: string): this {
    this.#format = String(source).toLowerCase();
    return this;
  }

  option(key: string, value: unknown): this {
    this.#options.set(String(key).toLowerCase(), String(value));
    return this;
  }

  options(map: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(map ?? {})) this.option(k, v);
    return this;
  }

  load(): StreamingDataFrame {
    if (this.#format !== 'kafka')
      throw new Error(
        this.#format === null
          ? "readStream.load(): name the source first: spark.readStream.format('kafka')"
          : `[UnsupportedOperationException] Data source ${this.#format} does not support streamed reading here; ClusterLab's streams read format('kafka')`,
      );
    const o = this.#options;
    const servers = o.get('kafka.bootstrap.servers');
    if (!servers)
      throw new Error(
        "[IllegalArgumentException] Option 'kafka.bootstrap.servers' must be specified for configuring Kafka consumer",
      );
    const known = servers.split(',').map((s) => s.trim());
    const unknown = known.find((s) => !this.#brokers.includes(s));
    if (unknown !== undefined)
      throw new Error(
        `kafka.bootstrap.servers: ${unknown.slice(0, 60)} is not a broker of this cluster (its brokers are ${this.#brokers.join(', ')})`,
      );
    for (const other of ['assign', 'subscribepattern'])
      if (o.has(other))
        throw new Error(
          `option('${other}'): ClusterLab's Kafka source reads topics by name; use option('subscribe', 'topic1,topic2')`,
        );
    const subscribe = o.get('subscribe');
    if (!subscribe)
      throw new Error(
        '[IllegalArgumentException] One of the following options must be specified for Kafka source: subscribe, subscribepattern, assign. See the docs for more details.',
      );
    const topics = [...new Set(subscribe.split(',').map((t) => t.trim()))];
    for (const t of topics)
      if (topicNameProblem(t) !== null)
        throw new Error(`option('subscribe'): ${JSON.stringify(t.slice(0, 60))} is not a legal topic name`);
    const starting = (o.get('startingoffsets') ?? 'latest').toLowerCase();
    if (starting !== 'earliest' && starting !== 'latest')
      throw new Error(
        `option('startingOffsets', ${JSON.stringify(starting.slice(0, 40))}): use 'earliest' or 'latest' (offsets as JSON are not modelled)`,
      );
    const max = o.get('maxoffsetspertrigger');
    const maxOffsetsPerTrigger = max === undefined ? null : Number(max);
    if (maxOffsetsPerTrigger !== null && !(Number.isSafeInteger(maxOffsetsPerTrigger) && maxOffsetsPerTrigger > 0))
      throw new Error(`option('maxOffsetsPerTrigger', ${JSON.stringify(max)}): a whole number of at least 1`);
    const schema: Field[] = KAFKA_COLUMNS.map(([name, type]) => ({
      name,
      type,
      id: this.#session.nextExprId(),
      origin: 0,
    }));
    return streamingFrame({
      session: this.#session,
      source: { topics, startingOffsets: starting, maxOffsetsPerTrigger },
      schema,
      rowOps: [],
      watermark: null,
      agg: null,
    });
  }
}
