/**
 * A KafkaJS consumer's state in its group, and the calls that keep it (KafkaJS's
 * src/consumer/consumerGroup.js): joining (assignment, start offsets), commits, heartbeats, seeks,
 * the consumer's own clock. The consumer (kafkaConsumer.ts) holds it in a private field, so a
 * learner's program reaches none of it; the runner (fetchLoop.ts) reads and moves it.
 */
import { errorText } from './kafkaErrors';
import { parseConsumerConfig, type ConsumerRetry, type ConsumerTiming } from './consumerConfig';
import { PartitionPauses } from './partitionPauses';
import { CONSUMER_EVENTS, InstrumentationEmitter } from './instrumentation';
import { ConsumerOffsets } from './consumerOffsets';
import type { JoinAnswer, KafkaRequest, KafkaTransport, TopicPartitionOffset } from './kafkaCalls';
import { groupByTopic, type ConsumerConfig, type ConsumerRunConfig } from './consumerPayloads';

export class ConsumerGroup {
  readonly transport: KafkaTransport;
  readonly client: number;
  readonly groupId: string;
  readonly config: ConsumerTiming;
  lastHeartbeat = 0;
  /** The lab's processing time per message, and when the messages handed so far are done (the consumer's own clock). */
  processingMs = 0;
  busyUntil = 0;
  readonly retries: ConsumerRetry;
  connected = false;
  topics: string[] = [];
  fromBeginning = new Map<string, boolean>();
  run: ConsumerRunConfig | null = null;
  running = false;
  generation = -1;
  readonly offsets = new ConsumerOffsets();
  lastCommit = 0;
  loop: Promise<void> | null = null;
  readonly pauses = new PartitionPauses();
  /** read_committed (KafkaJS's default, readUncommitted: false), or read_uncommitted. */
  readonly readCommitted: boolean;
  memberId = '';
  readonly emitter: InstrumentationEmitter;
  /** The message the learner's handler last threw at, until the runner has reported it (fetchLoop.ts). */
  failedAt: { handler: 'eachMessage' | 'eachBatch'; topic: string; partition: number; offset: number } | null = null;

  constructor(transport: KafkaTransport, clientId: string, config: ConsumerConfig) {
    const parsed = parseConsumerConfig(config);
    this.transport = transport;
    this.groupId = parsed.groupId;
    this.readCommitted = parsed.readCommitted;
    this.config = parsed.timing;
    this.retries = parsed.retries;
    this.client = transport.open('consumer', clientId);
    this.emitter = new InstrumentationEmitter(
      CONSUMER_EVENTS,
      (fn) => void Promise.resolve().then(fn),
      () => transport.now(),
      (error) => this.listenerFailed(error),
    );
  }

  /** A listener threw: KafkaJS logs it and goes on; a stopped loop or the time limit ends the program. */
  listenerFailed(error: unknown): void {
    const { name, message } = errorText(error);
    if (this.endsRun(name, error)) return;
    const where = this.transport.where?.(error) ?? null;
    this.transport.log('ERROR', `Failed to execute listener: ${message}${where === null ? '' : ` (at ${where})`}`);
  }

  /** A loop the sandbox stopped, or the run's time limit: it ends the program (true), wherever it was thrown. */
  endsRun(name: string, error: unknown): boolean {
    if (name !== 'RunawayLoopError' && name !== 'JobTimeoutError') return false;
    this.running = false;
    this.transport.fatal?.(error);
    return true;
  }

  call(request: KafkaRequest): Promise<unknown> {
    return this.transport.call(this.client, request);
  }

  /** The consumer's clock: the simulated time, or later while it works through the messages it was handed. */
  now(): number {
    return Math.max(this.transport.now(), this.busyUntil);
  }

  /** A partition's end as this consumer's isolation sees it (read_committed: the last stable offset). */
  latest(b: { highWatermark: number; lastStableOffset: number }): number {
    return this.readCommitted ? b.lastStableOffset : b.highWatermark;
  }

  isPaused(topic: string, partition: number): boolean {
    return this.pauses.has(topic, partition);
  }

  async join(): Promise<void> {
    const started = this.now();
    const joined = (await this.call({
      op: 'join',
      groupId: this.groupId,
      topics: this.topics,
      sessionTimeout: this.config.sessionTimeout,
      rebalanceTimeout: this.config.rebalanceTimeout,
    })) as JoinAnswer;
    this.generation = joined.generation;
    this.memberId = joined.memberId;
    this.processingMs = joined.processingMsPerMessage;
    this.lastHeartbeat = this.now();
    const assignedTopics = Object.keys(joined.assignment);
    const topicsNotSubscribed = assignedTopics.filter((t) => !this.topics.includes(t));
    if (topicsNotSubscribed.length > 0)
      this.emitter.emit(CONSUMER_EVENTS.RECEIVED_UNSUBSCRIBED_TOPICS, () => ({
        groupId: this.groupId,
        generationId: joined.generation,
        memberId: joined.memberId,
        assignedTopics,
        topicsSubscribed: [...this.topics],
        topicsNotSubscribed,
      }));
    this.emitter.emit(CONSUMER_EVENTS.GROUP_JOIN, () => ({
      groupId: this.groupId,
      memberId: joined.memberId,
      leaderId: joined.leaderId,
      isLeader: joined.memberId === joined.leaderId,
      memberAssignment: Object.fromEntries(
        Object.entries(joined.assignment)
          .filter(([t]) => this.topics.includes(t))
          .map(([t, ps]) => [t, [...ps]]),
      ),
      groupProtocol: 'RoundRobinAssigner',
      duration: this.now() - started,
    }));
    // A new assignment: every partition restarts from the group's committed offset. A partition
    // of a topic this member did not subscribe to is dropped (KafkaJS's RECEIVED_UNSUBSCRIBED_TOPICS).
    this.offsets.assign(
      joined.committed
        .filter((c) => this.topics.includes(c.topic))
        .map((c) => {
          const bounds = joined.bounds.find((b) => b.topic === c.topic && b.partition === c.partition)!;
          const start =
            c.offset >= 0 ? c.offset : this.fromBeginning.get(c.topic) ? bounds.logStartOffset : this.latest(bounds);
          return { topic: c.topic, partition: c.partition, start, committed: c.offset };
        }),
    );
  }

  /** The seeks asked for since the last fetch, on the partitions this member owns. */
  async applySeeks(): Promise<void> {
    const committed: TopicPartitionOffset[] = [];
    for (const seek of this.offsets.takeSeeks()) {
      let offset = seek.offset;
      if (offset < 0) {
        const ends = (await this.call({ op: 'fetchTopicOffsets', topic: seek.topic })) as {
          partition: number;
          high: number;
          low: number;
        }[];
        const end = ends.find((e) => e.partition === seek.partition);
        offset = offset === -2 ? (end?.low ?? 0) : (end?.high ?? 0);
      }
      this.offsets.moveTo(seek.topic, seek.partition, offset);
      committed.push({ topic: seek.topic, partition: seek.partition, offset });
    }
    // With autoCommit, KafkaJS commits a seek's offset at once.
    if (this.run?.autoCommit !== false) await this.commit(committed);
  }

  /** Commits `offsets`; a rebalance in progress surfaces as KafkaJS's REBALANCE_IN_PROGRESS error. */
  async commit(offsets: TopicPartitionOffset[]): Promise<void> {
    if (offsets.length === 0) return;
    await this.call({ op: 'commit', groupId: this.groupId, generation: this.generation, offsets });
    this.offsets.committed(offsets);
    this.lastCommit = this.now();
    this.emitter.emit(CONSUMER_EVENTS.COMMIT_OFFSETS, () => ({
      groupId: this.groupId,
      memberId: this.memberId,
      groupGenerationId: this.generation,
      topics: groupByTopic(offsets),
    }));
  }

  /**
   * KafkaJS heartbeats from the consume loop only (after each message, or when the handler calls
   * heartbeat()), and only once heartbeatInterval has passed; a rebalance in progress comes back as
   * REBALANCE_IN_PROGRESS, which ends the batch (the consumer commits what it finished and joins again).
   */
  async heartbeat(): Promise<void> {
    // The handler's heartbeat() too is a no-op until heartbeatInterval has passed.
    const now = this.now();
    if (now - this.lastHeartbeat < this.config.heartbeatInterval) return;
    this.lastHeartbeat = now;
    await this.call({ op: 'heartbeat', groupId: this.groupId });
    this.emitter.emit(CONSUMER_EVENTS.HEARTBEAT, () => ({
      groupId: this.groupId,
      memberId: this.memberId,
      groupGenerationId: this.generation,
    }));
  }

  /** KafkaJS's commitOffsetsIfNecessary: only when autoCommitInterval has passed or autoCommitThreshold is reached. */
  async commitIfNecessary(): Promise<void> {
    const run = this.run!;
    const pending = this.offsets.uncommitted();
    if (pending.length === 0) return;
    const interval = run.autoCommitInterval ?? null;
    const threshold = run.autoCommitThreshold ?? null;
    const byTime = interval !== null && this.now() - this.lastCommit >= interval;
    const byCount = threshold !== null && this.offsets.uncommittedCount() >= threshold;
    if (byTime || byCount) await this.commit(pending);
  }
}
