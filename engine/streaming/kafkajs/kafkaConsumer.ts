/**
 * KafkaJS's consumer (src/consumer, src/consumer/runner.js): `connect`, `subscribe`, `run` with
 * `eachMessage` or `eachBatch`, `commitOffsets`, `stop`, `disconnect`, with KafkaJS's defaults and
 * commit rules:
 * - `run` resolves once the group is joined; the fetch loop then runs on its own.
 * - A partition starts at the group's committed offset; without one, at the log's start
 *   (`fromBeginning: true`) or its end (the default).
 * - With `autoCommit` (the default) the offsets processed are committed after each batch, and
 *   during a batch only when `autoCommitInterval` or `autoCommitThreshold` says so; the value
 *   committed is the next offset to read.
 * - A handler that throws: what was processed before is committed (autoCommit), and the fetch
 *   loop starts again from the failed message after KafkaJS's backoff, 5 times; then the consumer
 *   crashes, leaves the group and starts again from the last commit. A TypeError, RangeError,
 *   ReferenceError or SyntaxError (or a KafkaJS error that is not retriable) stops it for good.
 * - A rebalance is seen at the next fetch or commit: the processed offsets are committed
 *   (autoCommit), the rest of the batch is dropped, and the consumer joins again; what it
 *   processed and did not commit is delivered again to the partition's next owner.
 */
import { KafkaJSNonRetriableError } from './kafkaErrors';
import { topicNameProblem } from '../kafkaLimits';
import { CONSUMER_EVENTS, type InstrumentationEvent } from './instrumentation';
import { parseOffset, parsePartition } from './offsetArgs';
import { type ConsumerConfig, type ConsumerRunConfig } from './consumerPayloads';
import type { KafkaTransport } from './kafkaCalls';
import { ConsumerGroup } from './consumerGroup';
import { fetchLoop } from './fetchLoop';

export class KafkaConsumer {
  /** The consumer's state in its group (consumerGroup.ts): private, so a program reaches none of it. */
  readonly #g: ConsumerGroup;
  /** KafkaJS's instrumentation events: `consumer.on(consumer.events.GROUP_JOIN, e => ...)`. */
  readonly events = CONSUMER_EVENTS;

  constructor(transport: KafkaTransport, clientId: string, config: ConsumerConfig) {
    this.#g = new ConsumerGroup(transport, clientId, config);
  }

  /** Adds a listener of one of `consumer.events`; returns the function that removes it. */
  on(eventName: string, listener: (event: InstrumentationEvent) => unknown): () => void {
    return this.#g.emitter.on(eventName, listener);
  }

  async connect(): Promise<void> {
    await this.#g.call({ op: 'connect' });
    this.#g.connected = true;
    this.#g.emitter.emit(CONSUMER_EVENTS.CONNECT);
  }

  async disconnect(): Promise<void> {
    await this.stop();
    if (!this.#g.connected) return;
    this.#g.connected = false;
    await this.#g.call({ op: 'disconnect' });
    this.#g.emitter.emit(CONSUMER_EVENTS.DISCONNECT);
  }

  async subscribe(subscription: {
    topics?: (string | RegExp)[];
    topic?: string | RegExp;
    fromBeginning?: boolean;
  }): Promise<void> {
    if (this.#g.run) throw new KafkaJSNonRetriableError('Cannot subscribe to topic while consumer is running');
    const { topics, topic, fromBeginning = false } = subscription ?? {};
    const list = topics ?? (topic !== undefined ? [topic] : undefined);
    if (list === undefined) throw new KafkaJSNonRetriableError('Missing required argument "topics"');
    if (!Array.isArray(list)) throw new KafkaJSNonRetriableError('Argument "topics" must be an array');
    // A RegExp of any realm (the CLI runs learners' code in a vm context of its own).
    const isRegExp = (t: unknown): t is RegExp => Object.prototype.toString.call(t) === '[object RegExp]';
    for (const t of list) {
      if (typeof t !== 'string' && !isRegExp(t))
        throw new KafkaJSNonRetriableError(
          `Invalid topic ${String(t)} (${typeof t}), the topic name has to be a String or a RegExp`,
        );
      if (typeof t === 'string' && topicNameProblem(t) !== null)
        throw new KafkaJSNonRetriableError(topicNameProblem(t)!);
    }
    // A RegExp matches the topics that exist now (KafkaJS reads the metadata once, at subscribe).
    const existing = list.some(isRegExp) ? ((await this.#g.call({ op: 'listTopics' })) as string[]) : [];
    const names = list.flatMap((t) => (typeof t === 'string' ? [t] : existing.filter((name) => t.test(name))));
    for (const t of names) {
      if (!this.#g.topics.includes(t)) this.#g.topics.push(t);
      this.#g.fromBeginning.set(t, fromBeginning === true);
    }
  }

  /** Moves a partition's next fetch to `offset` ('-2' the log's start, '-1' its end); with autoCommit it is committed at once. */
  seek(target: { topic: string; partition: number; offset: string | number }): void {
    if (!this.#g.run)
      throw new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first');
    const { topic, partition, offset } = target ?? ({} as typeof target);
    if (typeof topic !== 'string') throw new KafkaJSNonRetriableError(`Invalid topic ${String(topic)}`);
    if (!Number.isInteger(partition))
      throw new KafkaJSNonRetriableError(`Invalid partition, expected a number received ${String(partition)}`);
    const at = Number(offset);
    if (!Number.isInteger(at) || at < -2)
      throw new KafkaJSNonRetriableError(`Offset must not be a negative number (or -1, -2), got ${String(offset)}`);
    this.#g.offsets.seek({ topic, partition, offset: at });
  }

  /** Stops fetching these topics (all their partitions, or the ones listed) until resume. */
  pause(list: { topic: string; partitions?: number[] }[]): void {
    this.#mustRun();
    this.#g.pauses.pause(list);
  }

  resume(list: { topic: string; partitions?: number[] }[]): void {
    this.#mustRun();
    this.#g.pauses.resume(list);
  }

  /** The paused topic-partitions this member owns. */
  paused(): { topic: string; partitions: number[] }[] {
    return this.#g.pauses.among(this.#g.offsets.all());
  }

  #mustRun(): void {
    if (!this.#g.run)
      throw new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first');
  }

  /** Joins the group and starts the fetch loop; resolves once joined, as KafkaJS's run does. */
  async run(config: ConsumerRunConfig = {}): Promise<void> {
    if (this.#g.run) {
      this.#g.transport.log('WARN', 'consumer#run was called while the consumer is already running');
      return;
    }
    if (typeof config.eachMessage !== 'function' && typeof config.eachBatch !== 'function')
      throw new KafkaJSNonRetriableError('Consumer#run needs eachMessage or eachBatch, a function');
    if (this.#g.topics.length === 0)
      throw new KafkaJSNonRetriableError('Consumer#run: subscribe to a topic first (consumer.subscribe({ topics }))');
    this.#g.run = config;
    this.#g.running = true;
    await this.#g.join();
    this.#g.loop = fetchLoop(this.#g);
    // The loop runs on after run() resolves: what ends it unexpectedly fails the program.
    this.#g.loop.catch((error: unknown) => {
      this.#g.running = false;
      this.#g.transport.fatal?.(error);
    });
  }

  /** Stops fetching: the batch in hand ends (its processed offsets committed with autoCommit), then the consumer leaves the group. */
  async stop(): Promise<void> {
    if (!this.#g.running) return;
    this.#g.running = false;
    await this.#g.loop;
    await this.#g.call({ op: 'leave', groupId: this.#g.groupId });
    this.#g.emitter.emit(CONSUMER_EVENTS.STOP);
  }

  /** Commits exactly these offsets (each the next offset to read). Does nothing once stopped. */
  async commitOffsets(
    offsets: { topic: string; partition: number; offset: string; metadata?: string | null }[],
  ): Promise<void> {
    if (!this.#g.run)
      throw new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first');
    if (!Array.isArray(offsets))
      throw new KafkaJSNonRetriableError('commitOffsets takes an array of { topic, partition, offset }');
    const list = offsets.map((o) => {
      if (typeof o?.topic !== 'string') throw new KafkaJSNonRetriableError(`Invalid topic ${String(o?.topic)}`);
      return { topic: o.topic, partition: parsePartition(o.partition), offset: parseOffset(o.offset) };
    });
    if (!this.#g.running) return;
    await this.#g.commit(list);
  }
}
