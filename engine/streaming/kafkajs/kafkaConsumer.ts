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
import { KafkaJSNonRetriableError, UNRECOVERABLE, isRebalance, rootCause } from './kafkaErrors';
import { topicNameProblem } from '../kafkaLimits';
import { parseConsumerConfig, type ConsumerRetry, type ConsumerTiming } from './consumerConfig';
import { PartitionPauses } from './partitionPauses';
import { CONSUMER_EVENTS, InstrumentationEmitter, type InstrumentationEvent } from './instrumentation';
import { ConsumerOffsets } from './consumerOffsets';
import { offsetList, parseOffset, parsePartition } from './offsetArgs';
import type { FetchAnswer, JoinAnswer, KafkaRequest, KafkaTransport, TopicPartitionOffset } from './kafkaCalls';
import {
  groupByTopic,
  toKafkaMessage,
  type Batch,
  type ConsumerConfig,
  type ConsumerRunConfig,
} from './consumerPayloads';

export class KafkaConsumer {
  readonly #transport: KafkaTransport;
  readonly #client: number;
  readonly #groupId: string;
  readonly #config: ConsumerTiming;
  #lastHeartbeat = 0;
  /** The lab's processing time per message, and when the messages handed so far are done (the consumer's own clock). */
  #processingMs = 0;
  #busyUntil = 0;
  readonly #retries: ConsumerRetry;
  #connected = false;
  #topics: string[] = [];
  #fromBeginning = new Map<string, boolean>();
  #run: ConsumerRunConfig | null = null;
  #running = false;
  #generation = -1;
  readonly #offsets = new ConsumerOffsets();
  #lastCommit = 0;
  #loop: Promise<void> | null = null;
  #pauses = new PartitionPauses();
  /** read_committed (KafkaJS's default, readUncommitted: false), or read_uncommitted. */
  readonly #readCommitted: boolean;
  #memberId = '';
  /** KafkaJS's instrumentation events: `consumer.on(consumer.events.GROUP_JOIN, e => ...)`. */
  readonly events = CONSUMER_EVENTS;
  readonly #emitter: InstrumentationEmitter;

  constructor(transport: KafkaTransport, clientId: string, config: ConsumerConfig) {
    const parsed = parseConsumerConfig(config);
    this.#transport = transport;
    this.#groupId = parsed.groupId;
    this.#readCommitted = parsed.readCommitted;
    this.#config = parsed.timing;
    this.#retries = parsed.retries;
    this.#client = transport.open('consumer', clientId);
    this.#emitter = new InstrumentationEmitter(
      CONSUMER_EVENTS,
      (fn) => void Promise.resolve().then(fn),
      () => transport.now(),
      (error) => this.#listenerFailed(error),
    );
  }

  /** A listener threw: KafkaJS logs it and goes on; a stopped loop or the time limit ends the program. */
  #listenerFailed(error: unknown): void {
    const { name, message } = errorText(error);
    if (this.#endsRun(name, error)) return;
    const where = this.#transport.where?.(error) ?? null;
    this.#transport.log('ERROR', `Failed to execute listener: ${message}${where === null ? '' : ` (at ${where})`}`);
  }

  /** A loop the sandbox stopped, or the run's time limit: it ends the program (true), wherever it was thrown. */
  #endsRun(name: string, error: unknown): boolean {
    if (name !== 'RunawayLoopError' && name !== 'JobTimeoutError') return false;
    this.#running = false;
    this.#transport.fatal?.(error);
    return true;
  }

  /** Adds a listener of one of `consumer.events`; returns the function that removes it. */
  on(eventName: string, listener: (event: InstrumentationEvent) => unknown): () => void {
    return this.#emitter.on(eventName, listener);
  }

  async connect(): Promise<void> {
    await this.#call({ op: 'connect' });
    this.#connected = true;
    this.#emitter.emit(CONSUMER_EVENTS.CONNECT);
  }

  async disconnect(): Promise<void> {
    await this.stop();
    if (!this.#connected) return;
    this.#connected = false;
    await this.#call({ op: 'disconnect' });
    this.#emitter.emit(CONSUMER_EVENTS.DISCONNECT);
  }

  async subscribe(subscription: {
    topics?: (string | RegExp)[];
    topic?: string | RegExp;
    fromBeginning?: boolean;
  }): Promise<void> {
    if (this.#run) throw new KafkaJSNonRetriableError('Cannot subscribe to topic while consumer is running');
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
    const existing = list.some(isRegExp) ? ((await this.#call({ op: 'listTopics' })) as string[]) : [];
    const names = list.flatMap((t) => (typeof t === 'string' ? [t] : existing.filter((name) => t.test(name))));
    for (const t of names) {
      if (!this.#topics.includes(t)) this.#topics.push(t);
      this.#fromBeginning.set(t, fromBeginning === true);
    }
  }

  /** Moves a partition's next fetch to `offset` ('-2' the log's start, '-1' its end); with autoCommit it is committed at once. */
  seek(target: { topic: string; partition: number; offset: string | number }): void {
    if (!this.#run)
      throw new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first');
    const { topic, partition, offset } = target ?? ({} as typeof target);
    if (typeof topic !== 'string') throw new KafkaJSNonRetriableError(`Invalid topic ${String(topic)}`);
    if (!Number.isInteger(partition))
      throw new KafkaJSNonRetriableError(`Invalid partition, expected a number received ${String(partition)}`);
    const at = Number(offset);
    if (!Number.isInteger(at) || at < -2)
      throw new KafkaJSNonRetriableError(`Offset must not be a negative number (or -1, -2), got ${String(offset)}`);
    this.#offsets.seek({ topic, partition, offset: at });
  }

  /** Stops fetching these topics (all their partitions, or the ones listed) until resume. */
  pause(list: { topic: string; partitions?: number[] }[]): void {
    this.#mustRun();
    this.#pauses.pause(list);
  }

  resume(list: { topic: string; partitions?: number[] }[]): void {
    this.#mustRun();
    this.#pauses.resume(list);
  }

  /** The paused topic-partitions this member owns. */
  paused(): { topic: string; partitions: number[] }[] {
    return this.#pauses.among(this.#offsets.all());
  }

  #mustRun(): void {
    if (!this.#run)
      throw new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first');
  }

  #isPaused(topic: string, partition: number): boolean {
    return this.#pauses.has(topic, partition);
  }

  /** The seeks asked for since the last fetch, on the partitions this member owns. */
  async #applySeeks(): Promise<void> {
    const committed: TopicPartitionOffset[] = [];
    for (const seek of this.#offsets.takeSeeks()) {
      let offset = seek.offset;
      if (offset < 0) {
        const ends = (await this.#call({ op: 'fetchTopicOffsets', topic: seek.topic })) as {
          partition: number;
          high: number;
          low: number;
        }[];
        const end = ends.find((e) => e.partition === seek.partition);
        offset = offset === -2 ? (end?.low ?? 0) : (end?.high ?? 0);
      }
      this.#offsets.moveTo(seek.topic, seek.partition, offset);
      committed.push({ topic: seek.topic, partition: seek.partition, offset });
    }
    // With autoCommit, KafkaJS commits a seek's offset at once.
    if (this.#run?.autoCommit !== false) await this.#commit(committed);
  }

  /** Joins the group and starts the fetch loop; resolves once joined, as KafkaJS's run does. */
  async run(config: ConsumerRunConfig = {}): Promise<void> {
    if (this.#run) {
      this.#transport.log('WARN', 'consumer#run was called while the consumer is already running');
      return;
    }
    if (typeof config.eachMessage !== 'function' && typeof config.eachBatch !== 'function')
      throw new KafkaJSNonRetriableError('Consumer#run needs eachMessage or eachBatch, a function');
    if (this.#topics.length === 0)
      throw new KafkaJSNonRetriableError('Consumer#run: subscribe to a topic first (consumer.subscribe({ topics }))');
    this.#run = config;
    this.#running = true;
    await this.#join();
    this.#loop = this.#fetchLoop();
    // The loop runs on after run() resolves: what ends it unexpectedly fails the program.
    this.#loop.catch((error: unknown) => {
      this.#running = false;
      this.#transport.fatal?.(error);
    });
  }

  /** Stops fetching: the batch in hand ends (its processed offsets committed with autoCommit), then the consumer leaves the group. */
  async stop(): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    await this.#loop;
    await this.#call({ op: 'leave', groupId: this.#groupId });
    this.#emitter.emit(CONSUMER_EVENTS.STOP);
  }

  /** Commits exactly these offsets (each the next offset to read). Does nothing once stopped. */
  async commitOffsets(
    offsets: { topic: string; partition: number; offset: string; metadata?: string | null }[],
  ): Promise<void> {
    if (!this.#run)
      throw new KafkaJSNonRetriableError('Consumer group was not initialized, consumer#run must be called first');
    if (!Array.isArray(offsets))
      throw new KafkaJSNonRetriableError('commitOffsets takes an array of { topic, partition, offset }');
    const list = offsets.map((o) => {
      if (typeof o?.topic !== 'string') throw new KafkaJSNonRetriableError(`Invalid topic ${String(o?.topic)}`);
      return { topic: o.topic, partition: parsePartition(o.partition), offset: parseOffset(o.offset) };
    });
    if (!this.#running) return;
    await this.#commit(list);
  }

  #call(request: KafkaRequest): Promise<unknown> {
    return this.#transport.call(this.#client, request);
  }

  async #join(): Promise<void> {
    const started = this.#now();
    const joined = (await this.#call({
      op: 'join',
      groupId: this.#groupId,
      topics: this.#topics,
      sessionTimeout: this.#config.sessionTimeout,
      rebalanceTimeout: this.#config.rebalanceTimeout,
    })) as JoinAnswer;
    this.#generation = joined.generation;
    this.#memberId = joined.memberId;
    this.#processingMs = joined.processingMsPerMessage;
    this.#lastHeartbeat = this.#now();
    const assignedTopics = Object.keys(joined.assignment);
    const topicsNotSubscribed = assignedTopics.filter((t) => !this.#topics.includes(t));
    if (topicsNotSubscribed.length > 0)
      this.#emitter.emit(CONSUMER_EVENTS.RECEIVED_UNSUBSCRIBED_TOPICS, () => ({
        groupId: this.#groupId,
        generationId: joined.generation,
        memberId: joined.memberId,
        assignedTopics,
        topicsSubscribed: [...this.#topics],
        topicsNotSubscribed,
      }));
    this.#emitter.emit(CONSUMER_EVENTS.GROUP_JOIN, () => ({
      groupId: this.#groupId,
      memberId: joined.memberId,
      leaderId: joined.leaderId,
      isLeader: joined.memberId === joined.leaderId,
      memberAssignment: Object.fromEntries(
        Object.entries(joined.assignment)
          .filter(([t]) => this.#topics.includes(t))
          .map(([t, ps]) => [t, [...ps]]),
      ),
      groupProtocol: 'RoundRobinAssigner',
      duration: this.#now() - started,
    }));
    // A new assignment: every partition restarts from the group's committed offset. A partition
    // of a topic this member did not subscribe to is dropped (KafkaJS's RECEIVED_UNSUBSCRIBED_TOPICS).
    this.#offsets.assign(
      joined.committed
        .filter((c) => this.#topics.includes(c.topic))
        .map((c) => {
          const bounds = joined.bounds.find((b) => b.topic === c.topic && b.partition === c.partition)!;
          const start =
            c.offset >= 0 ? c.offset : this.#fromBeginning.get(c.topic) ? bounds.logStartOffset : this.#latest(bounds);
          return { topic: c.topic, partition: c.partition, start, committed: c.offset };
        }),
    );
  }

  /** Commits `offsets`; a rebalance in progress surfaces as KafkaJS's REBALANCE_IN_PROGRESS error. */
  async #commit(offsets: TopicPartitionOffset[]): Promise<void> {
    if (offsets.length === 0) return;
    await this.#call({ op: 'commit', groupId: this.#groupId, generation: this.#generation, offsets });
    this.#offsets.committed(offsets);
    this.#lastCommit = this.#now();
    this.#emitter.emit(CONSUMER_EVENTS.COMMIT_OFFSETS, () => ({
      groupId: this.#groupId,
      memberId: this.#memberId,
      groupGenerationId: this.#generation,
      topics: groupByTopic(offsets),
    }));
  }

  async #fetchLoop(): Promise<void> {
    let failures = 0;
    while (this.#running) {
      try {
        if (this.#offsets.seeking) await this.#applySeeks();
      } catch (error) {
        if (!isRebalance(error)) throw error;
        await this.#rejoin();
        continue;
      }
      const fetchStarted = this.#now();
      this.#emitter.emit(CONSUMER_EVENTS.FETCH_START);
      const fetched = (await this.#call({
        op: 'fetch',
        groupId: this.#groupId,
        generation: this.#generation,
        positions: this.#offsets.all().filter((p) => !this.#isPaused(p.topic, p.partition)),
        maxWaitTimeInMs: this.#config.maxWaitTimeInMs,
        maxBytesPerPartition: this.#config.maxBytesPerPartition,
        readCommitted: this.#readCommitted,
      })) as FetchAnswer;
      if (fetched.rebalancing) {
        if (!this.#running) break;
        await this.#rejoin();
        continue;
      }
      this.#emitter.emit(CONSUMER_EVENTS.FETCH, () => ({
        numberOfBatches: fetched.batches.length,
        duration: this.#now() - fetchStarted,
      }));
      // A position outside the log (retention deleted it, or a commit past the end): KafkaJS
      // starts over at the log's start (fromBeginning) or end, and commits that.
      for (const r of fetched.outOfRange)
        if (this.#offsets.owns(r.topic, r.partition))
          this.#offsets.seek({
            topic: r.topic,
            partition: r.partition,
            offset: this.#fromBeginning.get(r.topic) ? r.logStartOffset : this.#latest(r),
          });
      try {
        for (const batch of fetched.batches) {
          if (!this.#running) break;
          await this.#handleBatch(batch);
        }
        // KafkaJS's runner heartbeats after every fetch too (once heartbeatInterval has passed), so an idle member does.
        if (this.#running && fetched.batches.length === 0) await this.#heartbeat();
        failures = 0;
      } catch (error) {
        if (isRebalance(error)) {
          await this.#rejoin();
          continue;
        }
        failures++;
        const next = await this.#recover(error, failures);
        if (next === 'stopped') return;
        if (next === 'restarted') failures = 0;
      }
    }
  }

  /**
   * After a handler threw: KafkaJS's retrier waits and fetches again from the failed message
   * ('retry'); once its retries are spent, or for an error it does not retry, the consumer
   * crashes: it leaves the group and, unless the error cannot be cured by trying again (a
   * TypeError, a non-retriable root cause), joins again after the last wait and reads from the
   * last commit ('restarted'); else it stays stopped ('stopped').
   */
  async #recover(error: unknown, failures: number): Promise<'retry' | 'restarted' | 'stopped'> {
    // Read as data: an error of the learner's realm (the CLI's vm context) is no instance of ours.
    const { name, message } = errorText(error);
    // A loop the sandbox stopped (or the run's time limit) is no handler failure to retry.
    if (this.#endsRun(name, error)) return 'stopped';
    const where = this.#transport.where?.(error) ?? null;
    const at = where === null ? '' : ` (at ${where})`;
    const retriable = !UNRECOVERABLE.has(name) && (error as { retriable?: unknown } | null)?.retriable !== false;
    if (this.#run?.autoCommit !== false) await this.#commit(this.#offsets.uncommitted()).catch(() => undefined);
    const wait = this.#backoff(failures - 1);
    if (retriable && failures <= this.#retries.retries) {
      this.#transport.log(
        'ERROR',
        `Error when calling ${this.#run?.eachMessage ? 'eachMessage' : 'eachBatch'}: ${message}${at}`,
      );
      await this.#call({ op: 'sleep', ms: wait });
      return 'retry';
    }
    const crash = retriable ? 'KafkaJSNumberOfRetriesExceeded' : name || 'Error';
    this.#transport.log('ERROR', `Crash: ${crash}: ${message}${at}`);
    await this.#call({ op: 'leave', groupId: this.#groupId });
    // KafkaJS's onCrash restarts when the retries were spent, or the root cause is retriable.
    const restart = retriable || name === 'KafkaJSNumberOfRetriesExceeded' || rootCause(error)?.retriable === true;
    // KafkaJS's onCrash disconnects the consumer (STOP, DISCONNECT), then tells of the crash.
    this.#emitter.emit(CONSUMER_EVENTS.STOP);
    if (!restart) {
      await this.#call({ op: 'disconnect' });
      this.#connected = false;
    }
    this.#emitter.emit(CONSUMER_EVENTS.DISCONNECT);
    this.#emitter.emit(CONSUMER_EVENTS.CRASH, () => ({ error, groupId: this.#groupId, restart }));
    if (!restart) {
      // Stopped for good: a CRASH listener may connect, subscribe and run the consumer again.
      this.#running = false;
      this.#run = null;
      return 'stopped';
    }
    await this.#call({ op: 'sleep', ms: wait });
    await this.#join();
    return 'restarted';
  }

  #backoff(attempt: number): number {
    const r = this.#retries;
    return Math.min(r.initialRetryTime * r.multiplier ** attempt, r.maxRetryTime);
  }

  async #rejoin(): Promise<void> {
    this.#emitter.emit(CONSUMER_EVENTS.REBALANCING, () => ({ groupId: this.#groupId, memberId: this.#memberId }));
    if (this.#run?.autoCommit !== false) await this.#commit(this.#offsets.uncommitted()).catch(() => undefined);
    await this.#join();
  }

  async #handleBatch(b: FetchAnswer['batches'][number]): Promise<void> {
    const run = this.#run!;
    const from = this.#offsets.position(b.topic, b.partition);
    if (from === undefined) return;
    const messages = b.messages.filter((m) => m.offset >= from).map(toKafkaMessage);
    const moveTo = (next: number) => this.#offsets.resolve(b.topic, b.partition, next);
    const resolve = (offset: string) => moveTo(Number(offset) + 1);
    if (messages.length === 0) {
      // Empty because of filtering (transaction markers, aborted records): resolved past them.
      moveTo(b.nextOffset);
      if (run.autoCommit !== false) await this.#commitIfNecessary();
      return;
    }
    let whole = true;
    const batchStarted = this.#now();
    const hwm = b.highWatermark;
    const lastOffset = String(b.nextOffset - 1);
    const batchInfo = {
      topic: b.topic,
      partition: b.partition,
      highWatermark: String(hwm),
      offsetLag: String(hwm - 1 - Number(lastOffset)),
      offsetLagLow: String(hwm - 1 - Number(messages[0]!.offset)),
      batchSize: messages.length,
      firstOffset: messages[0]!.offset,
      lastOffset,
    };
    this.#emitter.emit(CONSUMER_EVENTS.START_BATCH_PROCESS, () => batchInfo);
    const heartbeat = () => this.#heartbeat();
    const pause = () => {
      this.#pauses.pause([{ topic: b.topic, partitions: [b.partition] }]);
      return () => this.#pauses.resume([{ topic: b.topic, partitions: [b.partition] }]);
    };
    if (run.eachMessage) {
      for (const message of messages) {
        // A seek makes the rest of the batch stale; a pause skips it (it is fetched again after resume).
        if (!this.#running || this.#offsets.hasSeek(b.topic, b.partition) || this.#isPaused(b.topic, b.partition)) {
          whole = false;
          break;
        }
        // Handed over once the host has it: a consumer that crashes at this message never runs its
        // handler (the call is never answered), so nothing of the message happens.
        await this.#call({ op: 'processed', topic: b.topic, partition: b.partition, offset: Number(message.offset) });
        this.#busyUntil = this.#now() + this.#processingMs;
        await run.eachMessage({ topic: b.topic, partition: b.partition, message, heartbeat, pause });
        resolve(message.offset);
        await this.#heartbeat();
        await this.#commitIfNecessary();
      }
    } else {
      // The messages count as processed, and take the lab's processing time, as the handler
      // resolves them (or all at the end): its heartbeats and calls in between come on time.
      let noted = 0;
      const noteUpTo = (offset: number) => {
        for (; noted < messages.length && Number(messages[noted]!.offset) <= offset; noted++) {
          void this.#call({
            op: 'processed',
            topic: b.topic,
            partition: b.partition,
            offset: Number(messages[noted]!.offset),
          });
          this.#busyUntil = this.#now() + this.#processingMs;
        }
      };
      noteUpTo(Number(messages[0]!.offset));
      // KafkaJS's lastOffset() counts records the batch filtered out (markers, aborted records).
      const last = String(b.nextOffset - 1);
      const lastVisible = messages[messages.length - 1]!.offset;
      const hw = b.highWatermark;
      const batch: Batch = {
        topic: b.topic,
        partition: b.partition,
        highWatermark: String(hw),
        messages,
        isEmpty: () => messages.length === 0,
        firstOffset: () => messages[0]?.offset ?? null,
        lastOffset: () => last,
        offsetLag: () => String(hw - 1 - Number(last)),
        offsetLagLow: () => String(hw - 1 - Number(messages[0]!.offset)),
      };
      await run.eachBatch!({
        batch,
        // Resolving the last visible message resolves the batch's end, past a trailing marker.
        resolveOffset: (offset: string) => {
          noteUpTo(Number(offset) + 1);
          resolve(offset === lastVisible ? last : offset);
        },
        heartbeat,
        pause,
        // With offsets, KafkaJS commits exactly those (runner.js); without, only if interval or threshold says so.
        commitOffsetsIfNecessary: (offsets?: unknown) =>
          offsets === undefined ? this.#commitIfNecessary() : this.#commit(offsetList(offsets)),
        uncommittedOffsets: () => ({ topics: groupByTopic(this.#offsets.uncommitted()) }),
        isRunning: () => this.#running,
        isStale: () => this.#offsets.hasSeek(b.topic, b.partition),
      });
      noteUpTo(Number(lastVisible));
      if (run.eachBatchAutoResolve !== false) resolve(last);
      else whole = false;
    }
    // Every message handed: a trailing marker or aborted record is passed too (KafkaJS resolves batch.lastOffset()).
    if (
      whole &&
      (this.#offsets.position(b.topic, b.partition) ?? -1) >= Number(messages[messages.length - 1]!.offset) + 1
    )
      moveTo(b.nextOffset);
    this.#emitter.emit(CONSUMER_EVENTS.END_BATCH_PROCESS, () => ({
      ...batchInfo,
      duration: this.#now() - batchStarted,
    }));
    if (run.autoCommit !== false) await this.#commit(this.#offsets.uncommitted());
  }

  /**
   * KafkaJS heartbeats from the consume loop only (after each message, or when the handler calls
   * heartbeat()), and only once heartbeatInterval has passed; a rebalance in progress comes back as
   * REBALANCE_IN_PROGRESS, which ends the batch (the consumer commits what it finished and joins again).
   */
  /** A partition's end as this consumer's isolation sees it (read_committed: the last stable offset). */
  #latest(b: { highWatermark: number; lastStableOffset: number }): number {
    return this.#readCommitted ? b.lastStableOffset : b.highWatermark;
  }

  /** The consumer's clock: the simulated time, or later while it works through the messages it was handed. */
  #now(): number {
    return Math.max(this.#transport.now(), this.#busyUntil);
  }

  async #heartbeat(): Promise<void> {
    // The handler's heartbeat() too is a no-op until heartbeatInterval has passed.
    const now = this.#now();
    if (now - this.#lastHeartbeat < this.#config.heartbeatInterval) return;
    this.#lastHeartbeat = now;
    await this.#call({ op: 'heartbeat', groupId: this.#groupId });
    this.#emitter.emit(CONSUMER_EVENTS.HEARTBEAT, () => ({
      groupId: this.#groupId,
      memberId: this.#memberId,
      groupGenerationId: this.#generation,
    }));
  }

  /** KafkaJS's commitOffsetsIfNecessary: only when autoCommitInterval has passed or autoCommitThreshold is reached. */
  async #commitIfNecessary(): Promise<void> {
    const run = this.#run!;
    const pending = this.#offsets.uncommitted();
    if (pending.length === 0) return;
    const interval = run.autoCommitInterval ?? null;
    const threshold = run.autoCommitThreshold ?? null;
    const byTime = interval !== null && this.#now() - this.#lastCommit >= interval;
    const byCount = threshold !== null && this.#offsets.uncommittedCount() >= threshold;
    if (byTime || byCount) await this.#commit(pending);
  }
}

/** An error's name and message, read without trusting it (a getter may throw; it may be no Error at all). */
function errorText(error: unknown): { name: string; message: string } {
  try {
    if (typeof error === 'object' && error !== null) {
      const e = error as { name?: unknown; message?: unknown };
      const name = typeof e.name === 'string' ? e.name.slice(0, 200) : '';
      const message = typeof e.message === 'string' ? e.message.slice(0, 2000) : String(error).slice(0, 2000);
      return { name, message };
    }
    return { name: '', message: String(error).slice(0, 2000) };
  } catch {
    return { name: '', message: 'an error that cannot be read' };
  }
}
