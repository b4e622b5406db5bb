/**
 * The simulated Kafka that ClusterLab's KafkaJS talks to: brokers on the cluster's nodes, topics,
 * consumer groups and the delivery ledger, on one simulated clock. Learners' clients run elsewhere
 * (the sandbox) and meet the host in steps (docs/streaming-design.md): `apply` takes every call
 * the clients made since the last step, in (client, seq) order; `advance` runs the clock until at
 * least one call is answered and returns every answer due by then. Deterministic: the same calls
 * in the same steps give the same answers and the same trace.
 */
import { Kernel, createRng, nullSink, type Rng, type TraceSink } from '../core';
import { Cluster, resolveClusterSpec } from '../cluster';
import { BrokerCluster } from './brokerCluster';
import { brokerHosts } from './brokerHosts';
import { KafkaGroup } from './kafkaGroups';
import { ProducerSends } from './kafkaSends';
import { TransactionCoordinator } from './kafkaTransactions';
import { checkKafkaFaults } from './kafkaFaultCheck';
import { KafkaFaults } from './kafkaFaults';
import { KafkaSink, countStored, markPending, type RecordIdentity } from './kafkaSink';
import { heldFetch, type FetchContext } from './kafkaFetch';
import { badNumber, nonRetriable } from './kafkaHostErrors';
import { coordinatorRequest, type CoordinatorContext } from './coordinatorRequest';
import { Ledger } from './ledger';
import { TopicRegistry } from './kafkaTopics';
import { adminAnswer } from './kafkaAdminOps';
import { structuredNote } from './structuredOps';
import { HandlerFailures } from './handlerFailures';
import { KAFKA_LIMITS, producedLimitProblem, sendSize } from './kafkaLimits';
import type { LogRecord } from './types';
import type { KafkaAnswer, KafkaCall, KafkaRequest } from './kafkajs/kafkaCalls';
import type { KafkaErrorData } from './kafkajs/kafkaErrors';
import type { KafkaHostOptions } from './kafkaHostOptions';

export type { KafkaHostOptions } from './kafkaHostOptions';

interface Client {
  kind: 'producer' | 'consumer' | 'admin' | 'sink';
  clientId: string;
  connected: boolean;
  sends: ProducerSends | null;
  /** The client is busy processing messages until then (simulated ms). */
  busyUntil: number;
}

export class KafkaHost {
  readonly kernel = new Kernel();
  readonly ledger = new Ledger();
  readonly brokers: BrokerCluster;
  readonly cluster: Cluster;
  private readonly trace: TraceSink;
  private readonly rng: Rng;
  private readonly latency: number;
  private readonly autoCreate: boolean;
  private readonly processingMs: number;
  private readonly clients = new Map<number, Client>();
  private readonly groups = new Map<string, KafkaGroup>();
  private readonly headers = new Map<number, Record<string, string[]>>();
  /** The lab's store topic (null: the store is the sink alone), and the ids its records get (below zero). */
  readonly storeTopic: string | null;
  private outputIds = -1;
  private readonly due: KafkaAnswer[] = [];
  private readonly topics: TopicRegistry;
  readonly transactions: TransactionCoordinator;
  private readonly faults: KafkaFaults;
  /** What a held fetch reads (made once, not per fetch). */
  private readonly fetchContext: FetchContext;
  private readonly coordinator: CoordinatorContext;
  /** The lab's store the consumers write to. */
  readonly sink: KafkaSink;
  /** What the consumers' handlers threw. */
  readonly handlerFailures: HandlerFailures;
  private readonly produced = new Map<number, { key: string | null; value: string | null }>();
  /** Calls applied and not answered yet. */
  private open = 0;
  /** What the run has produced and written to the sink so far (KAFKA_LIMITS bounds them). */
  private producedChars = 0;
  private sinkChars = 0;

  constructor(options: KafkaHostOptions) {
    this.trace = options.trace ?? nullSink;
    this.rng = createRng(options.seed);
    this.latency = options.networkLatencyMs ?? 1;
    this.autoCreate = options.autoCreateTopics ?? true;
    this.processingMs = Math.max(0, options.processingMsPerMessage ?? 0);
    this.cluster = new Cluster(resolveClusterSpec(options.cluster), this.kernel, this.trace);
    this.brokers = new BrokerCluster(brokerHosts(this.cluster, options.brokers), this.kernel, this.ledger, this.trace);
    this.cluster.subscribe((change) => {
      if (change.kind === 'died') this.brokers.killBroker(change.node);
      else if (change.kind === 'restarted') this.brokers.restartBroker(change.node);
    });
    this.sink = new KafkaSink(this.kernel, this.trace, options.recordId);
    this.handlerFailures = new HandlerFailures(this.trace);
    this.faults = new KafkaFaults(
      checkKafkaFaults(options.faults ?? [], this.brokers.brokerIds),
      this.kernel,
      this.trace,
      this.cluster,
    );
    this.transactions = new TransactionCoordinator(this.kernel, this.brokers, this.trace, (groupId, offsets) => {
      this.group(groupId).commitFromTransaction(offsets);
      // Offsets a transaction sent (sendOffsets) are committed with it: no member commits them.
      this.trace.record({
        t: this.kernel.now,
        type: 'offsetsCommitted',
        group: groupId,
        member: '',
        client: null,
        transactional: true,
        offsets: offsets.map((o) => [o.topic, o.partition, o.offset]),
      });
    });
    const { kernel, brokers, transactions, groups, headers, latency } = this;
    this.fetchContext = { kernel, brokers, transactions, groups, headers, latency };
    this.topics = new TopicRegistry(this.brokers);
    this.coordinator = {
      kernel,
      trace: this.trace,
      latency,
      autoCreate: this.autoCreate,
      topics: this.topics,
      groups,
      transactions,
      group: (groupId) => this.group(groupId),
      later: (fn, roundTrips) => this.later(fn, roundTrips),
    };
    for (const t of options.topics) this.topics.add(t);
    this.storeTopic = options.storeTopic ?? null;
    if (this.storeTopic !== null) this.watchStoreTopic(this.storeTopic);
    this.brokers.start();
  }

  /** Rows of the store from its topic: a record outside a transaction once appended, a transaction's once committed. */
  private watchStoreTopic(topic: string): void {
    this.sink.fromTopicOnly = true;
    const row = (r: LogRecord) => {
      if (r.control === undefined && typeof r.value === 'string') this.sink.topicRecord(topic, r.key, r.value);
    };
    this.brokers.onAppended = (t, r) => {
      if (t === topic && r.txn === undefined) row(r);
    };
    this.transactions.onCommitted = (t, partition, first, txn) => {
      if (t !== topic) return;
      const log = this.brokers.partition(t, partition).log;
      for (const r of log.read(first, Number.MAX_SAFE_INTEGER, log.logEndOffset)) if (r.txn === txn) row(r);
    };
  }

  /** Registers a client (a producer, a consumer or an admin) under its number. */
  openClient(client: number, kind: Client['kind'], clientId: string, program: number | null = null): void {
    this.clients.set(client, { kind, clientId, connected: false, sends: null, busyUntil: 0 });
    // Clients of a kind are numbered from 1 in the order they open; a consumer that joins a group
    // gets its process's number too ('consumerNumbered'), which the faults and pictures name it by.
    const n = [...this.clients.values()].filter((c) => c.kind === kind).length;
    this.trace.record({ t: this.kernel.now, type: 'clientOpened', client, kind, clientId, n });
    this.faults.opened(client, kind, program);
  }

  /** The brokers' addresses, as a KafkaJS client names them (`new Kafka({ brokers })`). */
  get addresses(): string[] {
    return this.brokers.brokerIds.map((id) => `${id}:9092`);
  }

  /** The topics that exist now, in name order. */
  topicNames(): string[] {
    return this.topics.names();
  }

  /** Calls applied and not answered yet. */
  get waiting(): number {
    return this.open;
  }

  /** Applies the calls of one step, in (client, seq) order. */
  apply(calls: readonly KafkaCall[]): void {
    const ordered = [...calls].sort((a, b) => a.client - b.client || a.seq - b.seq);
    for (const call of ordered) {
      // A crashed consumer's calls go nowhere (and are not waited for).
      const verdict = this.faults.beforeCall(call.client, call.request);
      if (verdict === 'drop') continue;
      this.open++;
      const answer = (value: unknown) => this.settle({ client: call.client, seq: call.seq, ok: true, value });
      const fail = (error: KafkaErrorData) => this.settle({ client: call.client, seq: call.seq, ok: false, error });
      const run = () => {
        try {
          this.handle(call.client, call.request, answer, fail);
        } catch (error) {
          fail(nonRetriable(error instanceof Error ? error.message : String(error)));
        }
      };
      // A consumer busy with the messages it was handed makes its next call once they are done.
      const c = this.clients.get(call.client);
      const handed =
        call.request.op === 'processed' ? 1 : call.request.op === 'queryRows' ? call.request.rows.length : 0;
      if (c && handed > 0) c.busyUntil = Math.max(this.kernel.now, c.busyUntil) + this.processingMs * handed;
      if (c && handed === 0 && c.busyUntil > this.kernel.now) this.kernel.postAt(c.busyUntil, run, 4);
      else run();
    }
  }

  /**
   * Runs the clock until some call is answered (or `until`, or nothing is left to run), and
   * returns the answers due, in the order they fell due.
   */
  advance(until = Number.POSITIVE_INFINITY, checkBudget?: () => void): KafkaAnswer[] {
    let steps = 0;
    // The run's wall-clock budget is looked at every few thousand events (a step may run long).
    while (this.due.length === 0 && this.kernel.step(until)) if (checkBudget && ++steps % 4096 === 0) checkBudget();
    // Nothing answered before `until`: the clock still moves there.
    if (this.due.length === 0 && until !== Number.POSITIVE_INFINITY) this.kernel.run({ until });
    // Everything else due at the same instant goes in the same step.
    const now = this.kernel.now;
    while (this.kernel.step(now));
    return this.due.splice(0);
  }

  /** Answers given while the calls were applied (a call refused at once), for the same step. */
  takeDue(): KafkaAnswer[] {
    return this.due.splice(0);
  }

  private settle(answer: KafkaAnswer): void {
    this.open--;
    // The answers of a client that crashed meanwhile are lost with it.
    if (!this.faults.isCrashed(answer.client)) this.due.push(answer);
  }

  /** After the network's round trip. */
  private later(fn: () => void, roundTrips = 1): void {
    this.kernel.post(this.latency * 2 * roundTrips, fn, 5);
  }

  private handle(
    client: number,
    req: KafkaRequest,
    answer: (value: unknown) => void,
    fail: (error: KafkaErrorData) => void,
  ): void {
    const c = this.clients.get(client);
    if (!c) return fail(nonRetriable(`unknown client ${client}`));
    const bad = badNumber(req);
    if (bad !== null) return fail(nonRetriable(bad));
    switch (req.op) {
      case 'connect':
        c.connected = true;
        return this.later(() => answer(null));
      case 'disconnect':
        c.connected = false;
        for (const g of this.groups.values()) g.leave(client);
        return this.later(() => answer(null));
      case 'send': {
        const over = this.overProduced(req);
        if (over !== null) return this.later(() => fail(nonRetriable(over)));
        c.sends ??= new ProducerSends(
          {
            kernel: this.kernel,
            brokers: this.brokers,
            ledger: this.ledger,
            trace: this.trace,
            rng: this.rng,
            latencyMs: this.latency,
            networkDown: () => this.faults.networkDown(client),
            partitionsOf: (topic) => this.topics.partitionsOf(topic, this.autoCreate),
            headers: this.headers,
            produced: this.produced,
            transactions: this.transactions,
            storeTopic: this.storeTopic,
            nextOutputId: () => --this.outputIds,
          },
          `${c.clientId}#${client}`,
          client,
        );
        return c.sends.send(req, (r) => (r.ok ? answer(r.value) : fail(r.error)));
      }
      case 'createTopics':
      case 'listTopics':
      case 'fetchTopicOffsets':
      case 'fetchOffsets': {
        const r = adminAnswer(req, {
          brokers: this.brokers,
          topics: this.topics,
          groupOf: (id) => this.groups.get(id),
        });
        return this.later(() => (r.ok ? answer(r.value) : fail(r.error)));
      }
      case 'fetch':
        return heldFetch(this.fetchContext, client, req, answer);
      case 'join':
      case 'commit':
      case 'heartbeat':
      case 'leave':
      case 'initTransactions':
      case 'sendOffsets':
      case 'endTransaction':
        return coordinatorRequest(this.coordinator, client, c.clientId, req, answer, fail);
      case 'sinkPut':
      case 'sinkAppend':
        this.sinkChars += req.value.length + (req.op === 'sinkPut' ? req.key.length : 0);
        if (this.sinkChars > KAFKA_LIMITS.sinkChars)
          return this.later(() =>
            fail(nonRetriable(`sink: this run's rows may hold at most ${KAFKA_LIMITS.sinkChars} characters in all`)),
          );
        if (req.op === 'sinkAppend') this.sink.append(req.value);
        else this.sink.put(req.key, req.value);
        return this.later(() => answer(null), 0.5);
      case 'sinkGet':
        return this.later(() => answer(this.sink.get(req.key)), 0.5);
      case 'sleep':
        this.kernel.post(Math.max(0, req.ms), () => answer(null), 5);
        return;
      case 'processed': {
        if (c.kind !== 'consumer') return fail(nonRetriable('only a consumer hands messages to a handler'));
        // The record may be gone from the log (retention) while the consumer still holds it from a fetch.
        const id = this.brokers.partition(req.topic, req.partition).log.idAt(req.offset);
        if (id !== undefined) this.ledger.processed(id);
        this.trace.record({
          t: this.kernel.now,
          type: 'recordProcessed',
          client,
          topic: req.topic,
          partition: req.partition,
          offset: req.offset,
        });
        return answer(null);
      }
      case 'handlerFailed': {
        if (c.kind !== 'consumer') return fail(nonRetriable('only a consumer runs a handler'));
        const member = this.groups.get(req.failure.groupId)?.memberOf(client) ?? '';
        this.handlerFailures.note(client, req.failure, this.kernel.now, member, this.faults.consumerNumber(client));
        return answer(null);
      }
      case 'queryRows':
      case 'microBatch':
        if (c.kind !== 'consumer') return fail(nonRetriable('only a streaming query reports batches'));
        structuredNote(req, client, this.kernel.now, { brokers: this.brokers, ledger: this.ledger, trace: this.trace });
        return answer(null);
      default: {
        // A request of no known kind (the sandbox's messages are checked before they get here).
        const unknown: never = req;
        return fail(nonRetriable(`unknown request ${JSON.stringify((unknown as { op?: unknown }).op)}`));
      }
    }
  }

  /**
   * The ledger at the end of the run: which produced record each sink row stands for (`identity`
   * reads a record's own id from a message or a row), and what is still on its way (in the log
   * at or after the group's committed offset). Returns how many produced records have no id.
   */
  settleLedger(identity: RecordIdentity, groupId: string): number {
    const unidentified = countStored(this.ledger, this.produced, this.sink.rows(), identity);
    const group = this.groups.get(groupId);
    markPending(this.ledger, this.topics.names(), this.brokers, (t, p) => group?.committedOffset(t, p));
    return unidentified;
  }

  /** Why `req` would pass the run's produced records or characters (KAFKA_LIMITS), or null. */
  private overProduced(req: Extract<KafkaRequest, { op: 'send' }>): string | null {
    const { records, chars } = sendSize(req);
    const why = producedLimitProblem(this.ledger.produced, records, this.producedChars, chars);
    if (why === null) this.producedChars += chars;
    return why;
  }

  private group(groupId: string): KafkaGroup {
    let g = this.groups.get(groupId);
    if (!g)
      this.groups.set(
        groupId,
        (g = new KafkaGroup(groupId, {
          kernel: this.kernel,
          trace: this.trace,
          rng: this.rng,
          partitionsOf: (t) => this.topics.partitionsOf(t, false),
          bounds: (t, p) => {
            const log = this.brokers.partition(t, p).log;
            return {
              logStartOffset: log.logStartOffset,
              highWatermark: log.highWatermark,
              lastStableOffset: this.transactions.lastStableOffset(t, p, log.highWatermark),
            };
          },
          processingMsPerMessage: this.processingMs,
        })),
      );
    return g;
  }

  /** The consumer groups that exist (a consumer joined them), in name order. */
  groupIds(): string[] {
    return [...this.groups.keys()].sort();
  }

  /** A consumer group, for the checks and pictures (undefined if no consumer joined it). */
  groupOf(groupId: string): KafkaGroup | undefined {
    return this.groups.get(groupId);
  }
}
