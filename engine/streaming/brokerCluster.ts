/**
 * The brokers of the log, one per cluster node: topics split into partitions, each partition
 * replicated on `replicationFactor` brokers with one leader and an in-sync replica set (ISR).
 * Followers copy the leader on a fixed fetch interval; the high watermark is what every ISR
 * member has. When a leader's broker dies, the first in-sync replica still alive takes over and
 * the log is cut back to what that replica had (Kafka with unclean election disabled).
 */
import type { Kernel, TraceSink } from '../core';
import type { Ledger } from './ledger';
import { PartitionLog } from './partitionLog';
import type { Acks, BrokerHost, LogRecord, TopicConfig } from './types';

export type ProduceError = 'unknownTopic' | 'offline' | 'notEnoughReplicas';

export type ProduceResult =
  { error: null; lastOffset: number; duplicate: boolean } | { error: ProduceError; lastOffset: -1; duplicate: false };

export interface ProduceRequest {
  topic: string;
  partition: number;
  producerId: string;
  idempotent: boolean;
  acks: Acks;
  records: LogRecord[];
}

interface ProducerState {
  lastSeq: number;
  lastOffset: number;
}

interface CommitWaiter {
  lastOffset: number;
  done: (ok: boolean) => void;
}

/** Replication state of one partition. */
export interface PartitionState {
  readonly topic: TopicConfig;
  readonly log: PartitionLog;
  /** Broker ids, preferred leader first. */
  readonly replicas: string[];
  leader: string | null;
  /** In-sync replicas, in `replicas` order. */
  isr: string[];
  /** Log end offset each follower has copied (the leader's is the log's end). */
  readonly replicaEnd: Map<string, number>;
  readonly producers: Map<string, ProducerState>;
  waiters: CommitWaiter[];
}

export interface BrokerClusterOptions {
  /** Followers fetch from leaders this often (ms). */
  replicaFetchMs: number;
  /** Retention is enforced this often (ms). */
  retentionCheckMs: number;
}

export class BrokerCluster {
  private readonly alive = new Map<string, boolean>();
  private readonly topics = new Map<string, PartitionState[]>();
  readonly brokerIds: string[];
  /** The nodes that run the brokers, with their racks. */
  readonly hosts: readonly BrokerHost[];
  /** Told of each data record a leader appends (the host watches the lab's store topic). */
  onAppended: ((topic: string, record: LogRecord) => void) | null = null;
  leaderElections = 0;
  truncatedRecords = 0;
  deletedByRetention = 0;

  constructor(
    hosts: readonly BrokerHost[],
    private readonly kernel: Kernel,
    private readonly ledger: Ledger,
    private readonly trace: TraceSink,
    private readonly options: BrokerClusterOptions = { replicaFetchMs: 20, retentionCheckMs: 1000 },
  ) {
    this.hosts = hosts.map((h) => ({ ...h }));
    this.brokerIds = hosts.map((h) => h.id);
    for (const id of this.brokerIds) this.alive.set(id, true);
  }

  /** Starts the periodic replication and retention work. */
  start(): void {
    const replicate = (): void => {
      this.replicate();
      this.kernel.post(this.options.replicaFetchMs, replicate, 1);
    };
    const retain = (): void => {
      this.enforceRetention();
      this.kernel.post(this.options.retentionCheckMs, retain, 2);
    };
    this.kernel.post(this.options.replicaFetchMs, replicate, 1);
    this.kernel.post(this.options.retentionCheckMs, retain, 2);
  }

  isAlive(broker: string): boolean {
    return this.alive.get(broker) === true;
  }

  /** The brokers alive now, in broker order. */
  liveBrokerIds(): string[] {
    return this.brokerIds.filter((b) => this.isAlive(b));
  }

  /**
   * Creates a topic, placing partition p's replicas on the live brokers p, p+1, ... (mod their
   * number): as Kafka, a topic is placed on the brokers that are up when it is created. A topic
   * created on first use while too few brokers are up (the admin refuses that case) is placed on
   * every broker, its partitions without a leader until one of their brokers is back.
   */
  createTopic(config: TopicConfig): void {
    const live = this.liveBrokerIds();
    const pool = live.length >= config.replicationFactor ? live : this.brokerIds;
    const n = pool.length;
    if (config.replicationFactor > n) {
      throw new RangeError(
        `topic ${config.name}: replicationFactor ${config.replicationFactor} exceeds the ${n} brokers`,
      );
    }
    const parts: PartitionState[] = [];
    for (let p = 0; p < config.partitions; p++) {
      const replicas: string[] = [];
      for (let r = 0; r < config.replicationFactor; r++) replicas.push(pool[(p + r) % n]!);
      const replicaEnd = new Map<string, number>();
      for (const r of replicas) replicaEnd.set(r, 0);
      const up = replicas.filter((r) => this.isAlive(r));
      parts.push({
        topic: config,
        log: new PartitionLog(config.name, p),
        replicas,
        leader: up[0] ?? null,
        // Kafka keeps the last in-sync replica in the ISR, so that it can lead when it is back.
        isr: up.length > 0 ? up : [replicas[0]!],
        replicaEnd,
        producers: new Map(),
        waiters: [],
      });
    }
    this.topics.set(config.name, parts);
    this.trace.record({
      t: this.kernel.now,
      type: 'topicCreated',
      topic: config.name,
      partitions: config.partitions,
      replicationFactor: config.replicationFactor,
      // Each partition's first leader (null: offline) and in-sync replicas, for the pictures.
      leaders: parts.map((ps) => ps.leader),
      isr: parts.map((ps) => [...ps.isr]),
    });
  }

  partitions(topic: string): PartitionState[] {
    const parts = this.topics.get(topic);
    if (!parts) throw new RangeError(`unknown topic '${topic}'`);
    return parts;
  }

  /** Whether the topic has this partition. */
  has(topic: string, partition: number): boolean {
    return this.topics.get(topic)?.[partition] !== undefined;
  }

  partition(topic: string, partition: number): PartitionState {
    const ps = this.partitions(topic)[partition];
    if (!ps) throw new RangeError(`topic ${topic} has no partition ${partition}`);
    return ps;
  }

  /** The partition's leader broker now, or null (no leader, or no such topic or partition). */
  leaderOf(topic: string, partition: number): string | null {
    return this.topics.get(topic)?.[partition]?.leader ?? null;
  }

  /** Handles a produce request arriving at the partition's leader now. */
  produce(req: ProduceRequest): ProduceResult {
    const ps = this.topics.get(req.topic)?.[req.partition];
    if (!ps) return { error: 'unknownTopic', lastOffset: -1, duplicate: false };
    if (ps.leader === null || !this.isAlive(ps.leader)) return { error: 'offline', lastOffset: -1, duplicate: false };
    if (req.acks === 'all' && ps.isr.length < ps.topic.minInsyncReplicas)
      return { error: 'notEnoughReplicas', lastOffset: -1, duplicate: false };
    const first = req.records[0];
    let state: ProducerState | undefined;
    if (req.idempotent && first) {
      state = ps.producers.get(req.producerId);
      // A retry of a batch the leader already has: acknowledge it without appending again.
      if (state && first.seq <= state.lastSeq) return { error: null, lastOffset: state.lastOffset, duplicate: true };
    }
    const now = this.kernel.now;
    let last: LogRecord | undefined;
    for (const r of req.records) {
      last = ps.log.append(r, now);
      this.ledger.appended(r.id);
      this.onAppended?.(req.topic, last);
    }
    if (req.idempotent && last) {
      if (state) {
        state.lastSeq = last.seq;
        state.lastOffset = last.offset;
      } else ps.producers.set(req.producerId, { lastSeq: last.seq, lastOffset: last.offset });
    }
    this.advanceHighWatermark(ps);
    return { error: null, lastOffset: last ? last.offset : ps.log.logEndOffset - 1, duplicate: false };
  }

  /** Calls `done(true)` once `lastOffset` is below the high watermark, `done(false)` if it is truncated away. */
  whenCommitted(topic: string, partition: number, lastOffset: number, done: (ok: boolean) => void): void {
    const ps = this.partition(topic, partition);
    if (lastOffset < ps.log.highWatermark) done(true);
    else ps.waiters.push({ lastOffset, done });
  }

  /** Records from `from` up to the high watermark, if the partition has a live leader. */
  fetch(topic: string, partition: number, from: number, max: number): LogRecord[] {
    const ps = this.partition(topic, partition);
    if (ps.leader === null || !this.isAlive(ps.leader)) return [];
    return ps.log.read(from, max);
  }

  killBroker(broker: string): void {
    if (!this.isAlive(broker)) return;
    this.alive.set(broker, false);
    this.trace.record({ t: this.kernel.now, type: 'brokerDied', broker });
    for (const parts of this.topics.values()) {
      for (const ps of parts) {
        if (!ps.replicas.includes(broker)) continue;
        // Kafka keeps the last in-sync replica in the ISR so that it can come back as leader.
        if (ps.isr.length > 1 && ps.isr.includes(broker)) {
          ps.isr = ps.isr.filter((b) => b !== broker);
          this.isrChanged(ps);
        }
        if (ps.leader === broker) {
          ps.replicaEnd.set(broker, ps.log.logEndOffset);
          this.electLeader(ps);
        } else this.advanceHighWatermark(ps);
      }
    }
  }

  restartBroker(broker: string): void {
    if (this.isAlive(broker) || !this.alive.has(broker)) return;
    this.alive.set(broker, true);
    this.trace.record({ t: this.kernel.now, type: 'brokerRestarted', broker });
    for (const parts of this.topics.values()) {
      for (const ps of parts) {
        if (!ps.replicas.includes(broker)) continue;
        if (ps.leader === null && ps.isr.includes(broker)) this.electLeader(ps);
        else if (ps.leader !== broker) {
          // A returning follower cuts its log back to the high watermark and catches up from there.
          ps.replicaEnd.set(broker, Math.min(ps.replicaEnd.get(broker) ?? 0, ps.log.highWatermark));
        }
      }
    }
  }

  /** Traces a partition's in-sync replicas after they shrank (a broker died) or grew (a follower caught up). */
  private isrChanged(ps: PartitionState): void {
    this.trace.record({
      t: this.kernel.now,
      type: 'isrChanged',
      topic: ps.topic.name,
      partition: ps.log.partition,
      isr: [...ps.isr],
    });
  }

  private electLeader(ps: PartitionState): void {
    const next = ps.isr.find((b) => this.isAlive(b)) ?? null;
    ps.leader = next;
    this.leaderElections++;
    if (next === null) {
      this.trace.record({
        t: this.kernel.now,
        type: 'partitionWentOffline',
        topic: ps.topic.name,
        partition: ps.log.partition,
      });
      return;
    }
    const end = Math.min(ps.replicaEnd.get(next) ?? 0, ps.log.logEndOffset);
    const removed = ps.log.truncateTo(end);
    for (const r of removed) {
      if (r.id >= 0) this.ledger.unappended(r.id);
      const state = ps.producers.get(r.producer);
      if (state && r.seq >= 0 && r.seq <= state.lastSeq) {
        state.lastSeq = r.seq - 1;
        state.lastOffset = r.offset - 1;
      }
    }
    this.truncatedRecords += removed.length;
    for (const [b, e] of ps.replicaEnd) if (e > end) ps.replicaEnd.set(b, end);
    this.trace.record({
      t: this.kernel.now,
      type: 'leaderElected',
      topic: ps.topic.name,
      partition: ps.log.partition,
      leader: next,
      truncated: removed.length,
    });
    const failed = ps.waiters.filter((w) => w.lastOffset >= end);
    ps.waiters = ps.waiters.filter((w) => w.lastOffset < end);
    for (const w of failed) w.done(false);
    this.advanceHighWatermark(ps);
  }

  /** One round of follower fetches for every partition. */
  replicate(): void {
    for (const parts of this.topics.values()) {
      for (const ps of parts) {
        if (ps.leader === null || !this.isAlive(ps.leader)) continue;
        const end = ps.log.logEndOffset;
        let changed = false;
        for (const b of ps.replicas) {
          if (b === ps.leader || !this.isAlive(b)) continue;
          if (ps.replicaEnd.get(b) !== end) {
            ps.replicaEnd.set(b, end);
            changed = true;
          }
          if (!ps.isr.includes(b)) {
            ps.isr = ps.replicas.filter((r) => r === b || ps.isr.includes(r));
            this.isrChanged(ps);
            changed = true;
          }
        }
        if (changed) this.advanceHighWatermark(ps);
      }
    }
  }

  private advanceHighWatermark(ps: PartitionState): void {
    if (ps.leader === null) return;
    let hw = ps.log.logEndOffset;
    for (const b of ps.isr) {
      if (b === ps.leader) continue;
      const e = ps.replicaEnd.get(b) ?? 0;
      if (e < hw) hw = e;
    }
    if (hw > ps.log.highWatermark) ps.log.highWatermark = hw;
    // The waiters still waiting stay in their array, in order (no new arrays per call: this runs on
    // every produce request and replication round); the ready ones are told after, in order.
    const waiters = ps.waiters;
    let ready: CommitWaiter[] | null = null;
    let kept = 0;
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i]!;
      if (w.lastOffset < hw) (ready ??= []).push(w);
      else waiters[kept++] = w;
    }
    if (ready === null) return;
    waiters.length = kept;
    for (const w of ready) w.done(true);
  }

  private enforceRetention(): void {
    const now = this.kernel.now;
    for (const parts of this.topics.values()) {
      for (const ps of parts) {
        const deleted = ps.log.applyRetention(now, ps.topic.retentionMs, ps.topic.retentionRecords);
        if (deleted === 0) continue;
        this.deletedByRetention += deleted;
        this.trace.record({
          t: now,
          type: 'retentionDeleted',
          topic: ps.topic.name,
          partition: ps.log.partition,
          records: deleted,
          logStartOffset: ps.log.logStartOffset,
        });
      }
    }
  }
}
