/**
 * The group coordinator for KafkaJS consumers: members join with the topics they subscribe to,
 * the first to join leads, and KafkaJS's RoundRobinAssigner spreads the leader's topics'
 * partitions over the members sorted by id (one counter across topics). A member that joins or
 * leaves, or whose session times out, starts a rebalance: every member learns of it at its next
 * fetch or commit (REBALANCE_IN_PROGRESS), commits what it finished and joins again; the group
 * moves to a new generation once every member has joined (or `rebalanceTimeout` has passed, and
 * the ones that did not are dropped). Commits from an old generation are refused. Committed
 * offsets are the next offset to read, per topic-partition.
 */
import type { Kernel, Rng, ScheduledHandle, TraceSink } from '../core';
import type { JoinAnswer, TopicPartitionOffset } from './kafkajs/kafkaCalls';

interface Member {
  memberId: string;
  client: number;
  topics: string[];
  sessionTimeout: number;
  rebalanceTimeout: number;
  /** The session's expiry, re-armed by every call the member makes. */
  expiry: ScheduledHandle | null;
}

export interface GroupHost {
  kernel: Kernel;
  trace: TraceSink;
  rng: Rng;
  /** The partition count of a topic, or null if it does not exist. */
  partitionsOf(topic: string): number | null;
  /** A partition's log start and high watermark. */
  bounds(topic: string, partition: number): { logStartOffset: number; highWatermark: number; lastStableOffset: number };
  /** The lab's processing time per message (ms), told to each member as it joins. */
  processingMsPerMessage: number;
}

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** Kafka's group.initial.rebalance.delay.ms (a broker setting; 3 s by default). */
export const INITIAL_REBALANCE_DELAY_MS = 3000;

export class KafkaGroup {
  private readonly members = new Map<string, Member>();
  /** Members by client number. */
  private readonly byClient = new Map<number, string>();
  private readonly committed = new Map<string, number>();
  private assignment = new Map<string, Map<string, number[]>>();
  private leaderId = '';
  generation = 0;
  rebalancing = false;
  rebalances = 0;
  /** Joins waiting for the rebalance to finish (null: the member was dropped meanwhile). */
  private readonly joining = new Map<string, (answer: JoinAnswer | null) => void>();
  private rebalanceTimer: ScheduledHandle | null = null;
  /** While a new group waits for more members (group.initial.rebalance.delay.ms), the end of the wait. */
  private initialDelayUntil: number | null = null;
  /** When the new group's wait began: it lasts at most the rebalance timeout. */
  private initialDelayStart = 0;
  private initialDelayTimer: ScheduledHandle | null = null;
  /** No member is in the group (Kafka's Empty state): the next rebalance waits for more members. */
  private empty = true;

  constructor(
    readonly groupId: string,
    private readonly host: GroupHost,
  ) {}

  memberOf(client: number): string | undefined {
    return this.byClient.get(client);
  }

  /** A consumer (re)joins; `done` gets its generation and partitions once the group is stable. */
  join(
    client: number,
    clientId: string,
    topics: string[],
    timeouts: { sessionTimeout: number; rebalanceTimeout: number },
    done: (answer: JoinAnswer | null) => void,
  ): void {
    let memberId = this.byClient.get(client);
    const isNew = memberId === undefined;
    if (memberId === undefined) {
      // KafkaJS's member ids are `${clientId}-${uuid}`; the uuid comes from the seeded Rng here.
      memberId = `${clientId}-${uuidFrom(this.host.rng)}`;
      this.byClient.set(client, memberId);
      this.members.set(memberId, { memberId, client, topics, ...timeouts, expiry: null });
      this.host.trace.record({
        t: this.host.kernel.now,
        type: 'memberJoined',
        group: this.groupId,
        member: memberId,
        client,
      });
    } else {
      const m = this.members.get(memberId);
      if (m) m.topics = topics;
    }
    // A member with a join in purgatory is kept alive (Kafka's shouldKeepAlive): no session expiry.
    this.joining.set(memberId, done);
    this.touch(memberId);
    // A new member joining a new group's first rebalance makes it wait longer for more.
    if (isNew && this.initialDelayUntil !== null) this.extendInitialDelay();
    this.startRebalance();
    this.completeIfAllJoined();
  }

  /** A member's call arrived: its session is alive for another `sessionTimeout`. */
  touch(memberId: string): void {
    const m = this.members.get(memberId);
    if (!m) return;
    m.expiry?.cancel();
    m.expiry = null;
    if (this.joining.has(memberId)) return;
    m.expiry = this.host.kernel.schedule(
      m.sessionTimeout,
      () => {
        if (!this.members.has(memberId)) return;
        this.host.trace.record({
          t: this.host.kernel.now,
          type: 'sessionExpired',
          group: this.groupId,
          member: memberId,
        });
        this.remove(memberId);
      },
      7,
    );
  }

  /** A member leaves (stop, disconnect, a crash that KafkaJS handles): the others rebalance at once. */
  leave(client: number): void {
    const memberId = this.byClient.get(client);
    if (memberId === undefined) return;
    this.host.trace.record({ t: this.host.kernel.now, type: 'memberLeft', group: this.groupId, member: memberId });
    this.remove(memberId);
  }

  /** Whether `client` may fetch or commit in `generation` (else it must join again). */
  current(client: number, generation: number): boolean {
    const memberId = this.byClient.get(client);
    return memberId !== undefined && !this.rebalancing && generation === this.generation && this.members.has(memberId);
  }

  /** The partitions `client` owns now, per topic. */
  owned(client: number): Map<string, number[]> {
    const memberId = this.byClient.get(client);
    return (memberId !== undefined ? this.assignment.get(memberId) : undefined) ?? new Map();
  }

  /**
   * Stores committed offsets (the next offset to read), or says why not: the coordinator does not
   * know the member (evicted), or its generation is old. While a rebalance is being prepared a
   * current member may still commit (Kafka's GroupCoordinator allows it, so finished work is kept).
   */
  commit(
    client: number,
    generation: number,
    offsets: readonly TopicPartitionOffset[],
    standalone = false,
  ): 'unknownMember' | 'illegalGeneration' | null {
    const memberId = this.byClient.get(client);
    // A consumer with partitions assigned by hand commits as no member: Kafka takes it while the
    // group has no members, and refuses it once consumers share the group.
    if (standalone && memberId === undefined) {
      if (this.members.size > 0) return 'unknownMember';
      for (const o of offsets) this.committed.set(key(o.topic, o.partition), o.offset);
      return null;
    }
    if (memberId === undefined || !this.members.has(memberId)) return 'unknownMember';
    if (generation !== this.generation) return 'illegalGeneration';
    for (const o of offsets) this.committed.set(key(o.topic, o.partition), o.offset);
    return null;
  }

  /** A committed transaction's consumed offsets (TxnOffsetCommit): stored as the transaction ends, whoever owns the partitions now. */
  commitFromTransaction(offsets: readonly TopicPartitionOffset[]): void {
    for (const o of offsets) this.committed.set(key(o.topic, o.partition), o.offset);
  }

  committedOffset(topic: string, partition: number): number | undefined {
    return this.committed.get(key(topic, partition));
  }

  /** Every committed offset, in topic and partition order. */
  committedOffsets(): TopicPartitionOffset[] {
    return [...this.committed]
      .map(([k, offset]) => {
        const [topic, p] = k.split('\u0000') as [string, string];
        return { topic, partition: Number(p), offset };
      })
      .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  }

  get memberIds(): string[] {
    return [...this.members.keys()];
  }

  private remove(memberId: string): void {
    const m = this.members.get(memberId);
    if (!m) return;
    m.expiry?.cancel();
    this.members.delete(memberId);
    this.byClient.delete(m.client);
    const waiting = this.joining.get(memberId);
    this.joining.delete(memberId);
    this.assignment.delete(memberId);
    waiting?.(null);
    if (this.members.size === 0) {
      this.rebalanceTimer?.cancel();
      this.initialDelayTimer?.cancel();
      this.initialDelayUntil = null;
      this.rebalancing = false;
      this.empty = true;
      return;
    }
    this.startRebalance();
    this.completeIfAllJoined();
  }

  private startRebalance(): void {
    if (this.rebalancing) return;
    this.rebalancing = true;
    this.rebalances++;
    // Members that do not join again within the rebalance timeout are dropped from the group.
    const timeout = Math.max(...[...this.members.values()].map((m) => m.rebalanceTimeout));
    // A new group's first rebalance waits for more members (Kafka's group.initial.rebalance.delay.ms).
    if (this.empty) {
      this.empty = false;
      this.initialDelayStart = this.host.kernel.now;
      this.extendInitialDelay();
    }
    this.rebalanceTimer = this.host.kernel.schedule(
      timeout,
      () => {
        for (const id of [...this.members.keys()]) if (!this.joining.has(id)) this.remove(id);
        this.completeIfAllJoined();
      },
      7,
    );
  }

  /** Each member that joins a new group pushes its first rebalance another INITIAL_REBALANCE_DELAY_MS back. */
  private extendInitialDelay(): void {
    const kernel = this.host.kernel;
    // Up to the rebalance timeout after the first member joined.
    const cap = this.initialDelayStart + Math.max(0, ...[...this.members.values()].map((m) => m.rebalanceTimeout));
    this.initialDelayUntil = Math.max(kernel.now, Math.min(kernel.now + INITIAL_REBALANCE_DELAY_MS, cap));
    this.initialDelayTimer?.cancel();
    this.initialDelayTimer = kernel.scheduleAt(
      this.initialDelayUntil,
      () => {
        this.initialDelayUntil = null;
        this.initialDelayTimer = null;
        this.completeIfAllJoined();
      },
      7,
    );
  }

  private completeIfAllJoined(): void {
    if (!this.rebalancing || this.members.size === 0 || this.initialDelayUntil !== null) return;
    for (const id of this.members.keys()) if (!this.joining.has(id)) return;
    this.rebalanceTimer?.cancel();
    this.rebalanceTimer = null;
    this.rebalancing = false;
    this.generation++;
    // The coordinator makes the longest-standing member the leader; it runs the assigner.
    this.leaderId = this.members.keys().next().value!;
    const leader = this.members.get(this.leaderId)!;
    this.assignment = roundRobin([...this.members.keys()], leader.topics, (t) => this.host.partitionsOf(t) ?? 0);
    const summary: Record<string, Record<string, number[]>> = {};
    for (const [m, byTopic] of this.assignment) summary[m] = Object.fromEntries(byTopic);
    this.host.trace.record({
      t: this.host.kernel.now,
      type: 'groupRebalanced',
      group: this.groupId,
      generation: this.generation,
      leader: this.leaderId,
      assignment: summary,
    });
    const waiting = [...this.joining];
    this.joining.clear();
    for (const [memberId, done] of waiting) {
      // Out of purgatory: the session runs again from the answer.
      this.touch(memberId);
      done(this.answerFor(memberId));
    }
  }

  private answerFor(memberId: string): JoinAnswer {
    const owned = this.assignment.get(memberId) ?? new Map<string, number[]>();
    const committed: TopicPartitionOffset[] = [];
    const bounds: JoinAnswer['bounds'] = [];
    for (const [topic, partitions] of owned)
      for (const partition of partitions) {
        committed.push({ topic, partition, offset: this.committed.get(key(topic, partition)) ?? -1 });
        bounds.push({ topic, partition, ...this.host.bounds(topic, partition) });
      }
    return {
      generation: this.generation,
      memberId,
      leaderId: this.leaderId,
      assignment: Object.fromEntries(owned),
      committed,
      bounds,
      processingMsPerMessage: this.host.processingMsPerMessage,
    };
  }
}

/**
 * KafkaJS's RoundRobinAssigner: the members sorted by id; the leader's topics in subscription
 * order, each topic's partitions in order; item i goes to member i mod n.
 */
export function roundRobin(
  members: readonly string[],
  topics: readonly string[],
  partitionsOf: (topic: string) => number,
): Map<string, Map<string, number[]>> {
  const sorted = [...members].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out = new Map<string, Map<string, number[]>>();
  for (const m of sorted) out.set(m, new Map());
  let i = 0;
  for (const topic of topics) {
    const n = partitionsOf(topic);
    for (let p = 0; p < n; p++) {
      const owner = out.get(sorted[i++ % sorted.length]!)!;
      const list = owner.get(topic) ?? [];
      list.push(p);
      owner.set(topic, list);
    }
  }
  return out;
}

/** A version-4 UUID's text from the seeded Rng (KafkaJS uses a random one). */
function uuidFrom(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`;
}
