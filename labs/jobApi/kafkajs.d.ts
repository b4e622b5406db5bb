// A streaming job file: what the lab passes to the functions it exports (`produce({ records })`,
// `consume({ sink, consumer })`), and what `import { Kafka } from 'kafkajs'` gives it: the part of
// KafkaJS 2.2 that ClusterLab implements (engine/streaming/kafkajs/), with KafkaJS's names and defaults.

/**
 * The store a lab hands each consumer (`consume({ sink })`), ClusterLab's own (a real job writes to
 * its database). Keys and values are text, or bytes stored as their UTF-8 text: JSON.stringify an
 * object first. The ledger reads its rows to count each record stored, duplicated or lost.
 */
interface ClusterLabSink {
  /**
   * Writes the row with this key, replacing any: a key written twice is one row.
   * @counterpart ClusterLab: the lab's store (a real job upserts into its database)
   */
  put(key: string | Uint8Array, value: string | Uint8Array): Promise<void>;
  /** Adds a row: a value written twice is two rows. @counterpart ClusterLab: the lab's store (a real job inserts) */
  append(value: string | Uint8Array): Promise<void>;
  /** The value of the row with this key, or null. @counterpart ClusterLab: the lab's store (a real job reads it) */
  get(key: string | Uint8Array): Promise<string | null>;
}

/** What `export async function produce(input)` receives, once a run. */
interface ProduceInput {
  /**
   * The step's input records (`clusterlab stream`: those of `--records`).
   * @counterpart ClusterLab: the lab's input (a real producer reads its own source)
   */
  records: any[];
  /** Spark Structured Streaming: `spark.readStream...` (sparkStreaming.d.ts). @counterpart Spark: SparkSession.builder.getOrCreate() */
  spark: SparkStreamSession;
}

/** What `export async function consume(input)` receives, once per consumer of the group. */
interface ConsumeInput {
  /** The store to write results to. @counterpart ClusterLab: the lab's store (a real job opens its database client) */
  sink: ClusterLabSink;
  /** Which consumer this call is: 1, 2, ... @counterpart ClusterLab: the lab's numbering (a real group: processes) */
  consumer: number;
  /** Spark Structured Streaming: `spark.readStream...` (sparkStreaming.d.ts). @counterpart Spark: SparkSession.builder.getOrCreate() */
  spark: SparkStreamSession;
}

/**
 * KafkaJS 2.2 as ClusterLab runs it: its names, options, defaults, checks and error messages, so the
 * file runs unchanged against a real Kafka. Each call and its counterpart in Kafka's Java client:
 *
 * - `new Kafka({ clientId, brokers })`: the client.id and bootstrap.servers in each client's Properties
 * - `kafka.producer()`, `consumer({ groupId })`, `admin()`: new KafkaProducer, new KafkaConsumer, Admin.create
 * - `connect()`: nothing (a Java client connects on first use); `disconnect()`: close()
 * - `producer.send({ topic, messages })`, `sendBatch`: KafkaProducer.send(record).get() for each record
 * - `producer.transaction()`: initTransactions() (the first time), then beginTransaction()
 * - `transaction.send`, `sendOffsets`, `commit`, `abort`: send, sendOffsetsToTransaction, commitTransaction,
 *   abortTransaction
 * - `consumer.subscribe({ topics, fromBeginning: true })`: subscribe(topics) with auto.offset.reset=earliest
 * - `consumer.run({ eachMessage })`: the loop over poll()'s records; `run({ autoCommit })`: enable.auto.commit
 * - `consumer.commitOffsets`, `seek`, `pause`, `resume`, `paused`, `stop`: commitSync, seek, pause, resume,
 *   paused, wakeup()
 * - `admin.createTopics`, `listTopics`, `fetchTopicOffsets`, `fetchOffsets`: Admin.createTopics, listTopics,
 *   listOffsets, listConsumerGroupOffsets
 *
 * Defaults are KafkaJS's, and some differ from Java's: sessionTimeout 30000 ms (Java 45000),
 * maxWaitTimeInMs 5000 ms (Java 500), readUncommitted false (Java reads uncommitted), idempotent false
 * (Java true since 3.0), autoCommitInterval none (Java 5000 ms).
 */
declare module 'kafkajs' {
  /** `new Kafka(config)`. KafkaJS's other options (ssl, sasl, retry, logLevel, ...) are accepted, with no effect. */
  export interface KafkaConfig {
    /** This cluster's brokers, such as 'n1:9092'; an unknown address fails. Java: bootstrap.servers. */
    brokers: string[];
    /** Default 'kafkajs'. Java: client.id. */
    clientId?: string;
    [option: string]: unknown;
  }

  /** The client of one cluster: makes its producers, consumers and admin clients (none connected yet). */
  export class Kafka {
    constructor(config: KafkaConfig);
    /** Java: new KafkaProducer(props). */
    producer(config?: ProducerConfig): Producer;
    /** A member of the group config.groupId. Java: new KafkaConsumer(props). */
    consumer(config: ConsumerConfig): Consumer;
    /** Java: Admin.create(props). */
    admin(): Admin;
  }

  export interface ProducerConfig {
    /** Retries never write a message twice; needs acks -1. Default false. Java: enable.idempotence (true since 3.0). */
    idempotent?: boolean;
    /** Makes transaction() possible; a newer producer with this id fences the older. Java: transactional.id. */
    transactionalId?: string;
    /** An open transaction is aborted after this. Default 60000 ms. Java: transaction.timeout.ms. */
    transactionTimeout?: number;
    /** Accepted, no effect here (sends are in order). Default null. Java: max.in.flight.requests.per.connection. */
    maxInFlightRequests?: number | null;
    /** Partitioners.DefaultPartitioner only (murmur2, Java's); others are refused. Java: partitioner.class. */
    createPartitioner?: PartitionerFactory;
  }

  /** A partitioner factory, as KafkaJS names them. */
  export type PartitionerFactory = () => (args: unknown) => number;

  /** KafkaJS 2's partitioners: DefaultPartitioner (= JavaCompatiblePartitioner) is the one used here. */
  export const Partitioners: {
    DefaultPartitioner: PartitionerFactory;
    JavaCompatiblePartitioner: PartitionerFactory;
    LegacyPartitioner: PartitionerFactory;
  };

  /** A message to send. Java: a ProducerRecord. */
  export interface Message {
    /** Picks the partition (murmur2, as Java's); without one: round robin. Java: ProducerRecord.key. */
    key?: string | Uint8Array | null;
    /** Text or bytes (JSON.stringify an object first). Java: ProducerRecord.value. */
    value: string | Uint8Array | null;
    /** A partition of your choice instead of the key's. Java: ProducerRecord.partition. */
    partition?: number;
    /** Name to value, or values. Java: ProducerRecord.headers. */
    headers?: Record<string, string | Uint8Array | (string | Uint8Array)[]>;
    /** Milliseconds as a string. Default: the time of sending. Java: ProducerRecord.timestamp. */
    timestamp?: string;
  }

  /** send's argument: messages for one topic. */
  export interface ProducerRecord {
    topic: string;
    messages: Message[];
    /** -1 all in-sync replicas, 1 the leader, 0 none (resolves to []). Default -1. Java: acks (all since 3.0). */
    acks?: number;
    /** How long to wait for the brokers' answer. Default 30000 ms. Java: request.timeout.ms. */
    timeout?: number;
    /** Accepted; the simulation does not compress. Default CompressionTypes.None. Java: compression.type. */
    compression?: CompressionTypes;
  }

  /** sendBatch's argument: several topics' messages in one request; acks, timeout and compression as send's. */
  export interface ProducerBatch extends Pick<ProducerRecord, 'acks' | 'timeout' | 'compression'> {
    topicMessages: { topic: string; messages: Message[] }[];
  }

  /** One per partition a send wrote to; offsets and times are strings (int64). Java: RecordMetadata. */
  export interface RecordMetadata {
    /** Java: RecordMetadata.topic. */
    topicName: string;
    partition: number;
    /** 0: a failed write rejects the send instead. */
    errorCode: number;
    /** The offset of the send's first message in this partition. Java: RecordMetadata.offset. */
    baseOffset: string;
    /** '-1': the topics use CreateTime. */
    logAppendTime: string;
    /** The partition's first offset still stored. */
    logStartOffset: string;
  }

  export interface Producer {
    /** Java: none (KafkaProducer connects on its first send). */
    connect(): Promise<void>;
    /** Java: KafkaProducer.close. */
    disconnect(): Promise<void>;
    /** Resolves once the brokers have answered, as acks asks. Java: KafkaProducer.send(record).get(). */
    send(record: ProducerRecord): Promise<RecordMetadata[]>;
    /** Java: KafkaProducer.send per record, then flush. */
    sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
    /** Needs transactionalId. Java: KafkaProducer.initTransactions (the first time), then beginTransaction. */
    transaction(): Promise<Transaction>;
    isIdempotent(): boolean;
  }

  /** An open transaction: its messages and offsets reach read_committed consumers together, or never. */
  export interface Transaction {
    /** As producer.send (always idempotent: acks must be -1). Java: KafkaProducer.send. */
    send(record: ProducerRecord): Promise<RecordMetadata[]>;
    /** As producer.sendBatch. Java: KafkaProducer.send for each record. */
    sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]>;
    /** A group's consumed offsets (each the next to read). Java: KafkaProducer.sendOffsetsToTransaction. */
    sendOffsets(offsets: Offsets & { consumerGroupId: string }): Promise<void>;
    /** Java: KafkaProducer.commitTransaction. */
    commit(): Promise<void>;
    /** Java: KafkaProducer.abortTransaction. */
    abort(): Promise<void>;
    /** False once committed or aborted; an ended transaction refuses every call. */
    isActive(): boolean;
  }

  /** A topic to create. Java: NewTopic. */
  export interface ITopicConfig {
    topic: string;
    /** Default -1: the broker's num.partitions (1 here). */
    numPartitions?: number;
    /** Default -1: the broker's default.replication.factor (1 here). */
    replicationFactor?: number;
    /**
     * Topic configs by Kafka's names, values as strings: `retention.ms` (default 604800000, seven
     * days; -1 keeps records for ever), `min.insync.replicas` (default 1), `cleanup.policy`
     * ('delete' only here). Any other name is refused (INVALID_CONFIG). Java: NewTopic.configs.
     */
    configEntries?: { name: string; value: string }[];
  }

  export interface Admin {
    /** Java: none (Admin connects on its first call). */
    connect(): Promise<void>;
    /** Java: Admin.close. */
    disconnect(): Promise<void>;
    /** False when every topic existed already; validateOnly (default false) only checks. Java: Admin.createTopics. */
    createTopics(options: { topics: ITopicConfig[]; validateOnly?: boolean }): Promise<boolean>;
    /** Java: Admin.listTopics().names(). */
    listTopics(): Promise<string[]>;
    /** Each partition's end (offset, high) and start (low). Java: Admin.listOffsets (OffsetSpec.latest, earliest). */
    fetchTopicOffsets(topic: string): Promise<(PartitionOffset & { high: string; low: string })[]>;
    /** The group's committed offsets ('-1' where none). Java: Admin.listConsumerGroupOffsets. */
    fetchOffsets(options: {
      groupId: string;
      topics?: string[];
    }): Promise<{ topic: string; partitions: (PartitionOffset & { metadata: string | null })[] }[]>;
  }

  /** send's compression (accepted; the simulation does not compress). Java: compression.type. */
  export enum CompressionTypes {
    None = 0,
    GZIP = 1,
    Snappy = 2,
    LZ4 = 3,
    ZSTD = 4,
  }

  /** KafkaJS's log levels (exported; ClusterLab's clients do not read them). */
  export enum logLevel {
    NOTHING = 0,
    ERROR = 1,
    WARN = 2,
    INFO = 4,
    DEBUG = 5,
  }

  /** Every KafkaJS error: `e.name` says which. Java: KafkaException. */
  export class KafkaJSError extends Error {
    constructor(message: string, metadata?: { retriable?: boolean });
    /** Whether trying again can help. Default true. Java: instanceof RetriableException. */
    readonly retriable: boolean;
  }

  /** A mistake in a call (a missing argument, a wrong type): trying again cannot help. */
  export class KafkaJSNonRetriableError extends KafkaJSError {
    constructor(message: string);
  }

  /** An error a broker answered with. Java: an ApiException. */
  export class KafkaJSProtocolError extends KafkaJSError {
    /** ClusterLab's arguments; KafkaJS's are the broker's error. */
    constructor(message: string, type: string, retriable: boolean);
    /** Kafka's name for the error: NOT_ENOUGH_REPLICAS, REBALANCE_IN_PROGRESS, ... */
    readonly type: string;
  }

  /** A request retried retryCount times, failing each time; cause is the last failure. */
  export class KafkaJSNumberOfRetriesExceeded extends KafkaJSNonRetriableError {
    /** ClusterLab's arguments; KafkaJS's are (error, { retryCount, retryTime }). */
    constructor(cause: KafkaJSError, retryCount: number, retryTime: number);
    readonly cause: KafkaJSError;
    readonly retryCount: number;
    readonly retryTime: number;
  }

  /** One topic's error of admin.createTopics(): the broker's `type` (INVALID_CONFIG, INVALID_REPLICATION_FACTOR) and the topic. */
  export class KafkaJSCreateTopicError extends KafkaJSProtocolError {
    /** ClusterLab's arguments; KafkaJS's are (error, topicName). */
    constructor(message: string, type: string, topic: string);
    readonly topic: string;
  }

  /** createTopics throws one: `errors` holds a KafkaJSCreateTopicError per topic refused. Java: CreateTopicsResult.values(), a future per topic. */
  export class KafkaJSAggregateError extends Error {
    constructor(message: string, errors: KafkaJSError[]);
    readonly errors: KafkaJSError[];
  }
}

// ---- Timers in a streaming program: on the simulated clock (a batch job has none). ----

/**
 * Calls `handler` after `timeout` ms of simulated time: `await new Promise((r) => setTimeout(r, 1000))`
 * waits one simulated second (a producer sending each event when it happens).
 * @counterpart JavaScript: setTimeout
 */
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
/** @counterpart JavaScript: clearTimeout */
declare function clearTimeout(id: number | undefined): void;
/** Calls `handler` every `timeout` ms of simulated time (at least 1 ms). @counterpart JavaScript: setInterval */
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
/** @counterpart JavaScript: clearInterval */
declare function clearInterval(id: number | undefined): void;
