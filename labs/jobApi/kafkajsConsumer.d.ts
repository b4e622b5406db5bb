// ClusterLab's KafkaJS, its consumer: subscribe, run with eachMessage or eachBatch, commits,
// seek, pause and resume, and the instrumentation events. The module's documentation and the rest
// of it are in kafkajs.d.ts; TypeScript merges the two declarations of the module.
declare module 'kafkajs' {
  export type PartitionOffset = { partition: number; offset: string };
  export type TopicOffsets = { topic: string; partitions: PartitionOffset[] };
  export type Offsets = { topics: TopicOffsets[] };
  export type TopicPartitions = { topic: string; partitions: number[] };
  export type TopicPartitionOffsetAndMetadata = PartitionOffset & { topic: string; metadata?: string | null };
  export type ConsumerSubscribeTopics = { topics: (string | RegExp)[]; fromBeginning?: boolean };
  export type ConsumerSubscribeTopic = { topic: string | RegExp; fromBeginning?: boolean };

  export interface ConsumerConfig {
    /** Required: the group whose members share the partitions and the committed offsets. Java: group.id. */
    groupId: string;
    /** A member without a heartbeat for this long is dropped. Default 30000 ms. Java: session.timeout.ms (45000). */
    sessionTimeout?: number;
    /** How long a rebalance waits for the members. Default 60000 ms. Java: max.poll.interval.ms (300000). */
    rebalanceTimeout?: number;
    /** Heartbeats at most this often. Default 3000 ms. Java: heartbeat.interval.ms. */
    heartbeatInterval?: number;
    /** The most one fetch takes from a partition. Default 1048576. Java: max.partition.fetch.bytes. */
    maxBytesPerPartition?: number;
    /** How long a fetch waits for new messages. Default 5000 ms. Java: fetch.max.wait.ms (500). */
    maxWaitTimeInMs?: number;
    /** Default false: read_committed. Java: isolation.level (read_uncommitted). */
    readUncommitted?: boolean;
    /** How a handler that throws is retried, before the consumer crashes and restarts. */
    retry?: RetryOptions;
  }

  /** Waits of initialRetryTime × multiplier^n, at most maxRetryTime. */
  export interface RetryOptions {
    /** Default 5. */
    retries?: number;
    /** Default 300 ms. Java: retry.backoff.ms. */
    initialRetryTime?: number;
    /** Default 2. */
    multiplier?: number;
    /** Default 30000 ms. Java: retry.backoff.max.ms. */
    maxRetryTime?: number;
  }

  /** Received bytes: the part of Node's Buffer KafkaJS code uses. */
  export interface KafkaBuffer extends Uint8Array {
    /** The text, UTF-8 (the only encoding here): `message.value.toString()`. Java: new String(bytes, UTF_8). */
    toString(encoding?: 'utf8' | 'utf-8'): string;
    /** `{ type: 'Buffer', data: [...] }`, as a Buffer prints in JSON. */
    toJSON(): { type: 'Buffer'; data: number[] };
  }

  /** A received message. Java: a ConsumerRecord (key(), value(), timestamp(), offset(), headers()). */
  export interface KafkaMessage {
    key: KafkaBuffer | null;
    value: KafkaBuffer | null;
    /** Milliseconds as a string. */
    timestamp: string;
    attributes: number;
    /** A string: commit `String(Number(message.offset) + 1)`, the next to read. */
    offset: string;
    /** A header sent once is one buffer, repeated an array. */
    headers: Record<string, KafkaBuffer | KafkaBuffer[]>;
  }

  export interface EachMessagePayload {
    topic: string;
    partition: number;
    message: KafkaMessage;
    /** Heartbeats if heartbeatInterval has passed. Java: none (a background thread heartbeats). */
    heartbeat(): Promise<void>;
    /** Pauses this partition (the batch's rest is skipped); returns its resume. Java: KafkaConsumer.pause. */
    pause(): () => void;
  }

  /** One partition's messages from one fetch. */
  export interface Batch {
    topic: string;
    partition: number;
    /** The partition's end: the offset its next message will get. */
    highWatermark: string;
    messages: KafkaMessage[];
    isEmpty(): boolean;
    firstOffset(): string | null;
    /** The batch's last offset, transaction markers and aborted records included. */
    lastOffset(): string;
    /** highWatermark - 1 - lastOffset. Java: KafkaConsumer.currentLag. */
    offsetLag(): string;
    /** highWatermark - 1 - firstOffset. */
    offsetLagLow(): string;
  }

  export interface EachBatchPayload {
    batch: Batch;
    /** Marks the message at offset processed: the next commit includes it. */
    resolveOffset(offset: string): void;
    heartbeat(): Promise<void>;
    pause(): () => void;
    /** Commits these offsets; without, the resolved ones if autoCommitInterval or autoCommitThreshold says so. */
    commitOffsetsIfNecessary(offsets?: Offsets): Promise<void>;
    /** The resolved offsets not committed yet. */
    uncommittedOffsets(): Offsets;
    /** False once the consumer is stopping: end the batch early. */
    isRunning(): boolean;
    /** True once a seek made the batch's rest stale. */
    isStale(): boolean;
  }

  /** consumer.run's options: eachMessage or eachBatch, and how offsets are committed. */
  export interface ConsumerRunConfig {
    /** Commits the processed offsets after each batch. Default true. Java: enable.auto.commit. */
    autoCommit?: boolean;
    /** Also commits during a batch once this long has passed. Default null. Java: auto.commit.interval.ms (5000). */
    autoCommitInterval?: number | null;
    /** Also commits during a batch once this many messages are resolved. Default null. */
    autoCommitThreshold?: number | null;
    /** Resolves the whole batch when eachBatch returns. Default true. */
    eachBatchAutoResolve?: boolean;
    /** Each message in turn. Java: the loop over the records KafkaConsumer.poll returns. */
    eachMessage?: (payload: EachMessagePayload) => Promise<void>;
    /** Each batch in turn. Java: ConsumerRecords.records(partition). */
    eachBatch?: (payload: EachBatchPayload) => Promise<void>;
  }

  export interface Consumer {
    /** Java: none (KafkaConsumer connects on its first poll). */
    connect(): Promise<void>;
    /** Stops, then disconnects. Java: KafkaConsumer.close. */
    disconnect(): Promise<void>;
    /**
     * Names or RegExps (matched against the topics there are now). fromBeginning (default false): where a partition
     * without a committed offset starts. Java: KafkaConsumer.subscribe, auto.offset.reset=earliest.
     */
    subscribe(subscription: ConsumerSubscribeTopics | ConsumerSubscribeTopic): Promise<void>;
    /** Joins the group, then resolves; the handler is called from then on. Java: the KafkaConsumer.poll loop. */
    run(config?: ConsumerRunConfig): Promise<void>;
    /** Finishes the batch in hand (committed with autoCommit), then leaves the group. Java: KafkaConsumer.wakeup. */
    stop(): Promise<void>;
    /** Exactly these offsets, each the next to read (processed + 1). Java: KafkaConsumer.commitSync(offsets). */
    commitOffsets(topicPartitions: TopicPartitionOffsetAndMetadata[]): Promise<void>;
    /** The partition's next fetch starts at offset ('-2' the log's start, '-1' its end). Java: KafkaConsumer.seek. */
    seek(topicPartition: { topic: string; partition: number; offset: string }): void;
    /** Stops fetching these topics (or the partitions listed). Java: KafkaConsumer.pause. */
    pause(topics: { topic: string; partitions?: number[] }[]): void;
    /** Java: KafkaConsumer.resume. */
    resume(topics: { topic: string; partitions?: number[] }[]): void;
    /** The paused partitions this member owns. Java: KafkaConsumer.paused. */
    paused(): TopicPartitions[];
    /** The names of the consumer's instrumentation events, for on(). */
    readonly events: ConsumerEvents;
    /**
     * Calls listener after each such event (later, never in the consumer's way; its errors are
     * logged, not thrown); returns the function that removes it. GROUP_JOIN's payload has the memberAssignment
     * the coordinator gave this member. Java: a ConsumerRebalanceListener, and the client's metrics.
     */
    on(
      eventName: ValueOf<ConsumerEvents>,
      listener: (event: InstrumentationEvent<any>) => void | Promise<void>,
    ): RemoveInstrumentationEventListener;
  }

  export type ValueOf<T> = T[keyof T];
  export type RemoveInstrumentationEventListener = () => void;

  /** { id, type, timestamp (simulated ms), payload }. */
  export interface InstrumentationEvent<T> {
    id: number;
    type: string;
    timestamp: number;
    payload: T;
  }

  export interface ConsumerEvents {
    HEARTBEAT: 'consumer.heartbeat';
    COMMIT_OFFSETS: 'consumer.commit_offsets';
    GROUP_JOIN: 'consumer.group_join';
    FETCH_START: 'consumer.fetch_start';
    FETCH: 'consumer.fetch';
    START_BATCH_PROCESS: 'consumer.start_batch_process';
    END_BATCH_PROCESS: 'consumer.end_batch_process';
    CONNECT: 'consumer.connect';
    DISCONNECT: 'consumer.disconnect';
    STOP: 'consumer.stop';
    CRASH: 'consumer.crash';
    REBALANCING: 'consumer.rebalancing';
    /** The coordinator gave this member partitions of a topic it did not subscribe to (the group's members subscribe to different topics). */
    RECEIVED_UNSUBSCRIBED_TOPICS: 'consumer.received_unsubscribed_topics';
    /** Not emitted here (no network layer is simulated per request): accepted as a name. */
    REQUEST: 'consumer.network.request';
    /** Not emitted here: accepted as a name. */
    REQUEST_TIMEOUT: 'consumer.network.request_timeout';
    /** Not emitted here: accepted as a name. */
    REQUEST_QUEUE_SIZE: 'consumer.network.request_queue_size';
  }
}
