/**
 * The group coordinator of one consumer group on one topic: who is a member, which partitions
 * each member owns (a new generation after every rebalance), and the committed offsets. A member
 * that stops heartbeating is removed after the session timeout; a commit from an old generation
 * is refused, so a consumer that lost its partitions cannot overwrite the new owner's progress.
 * Heartbeats are implicit: a live member always heartbeats, a crashed one never does.
 */
import type { Kernel, TraceSink } from '../core';
import { assign, type Assignment } from './assignors';
import type { AssignmentStrategy, OffsetMap } from './types';

export interface GroupOptions {
  groupId: string;
  topic: string;
  partitions: number;
  strategy: AssignmentStrategy;
  sessionTimeoutMs: number;
}

/** Told to the members after each rebalance. */
export type RebalanceListener = (generation: number, assignment: Assignment) => void;

export class ConsumerGroup {
  private readonly members: string[] = [];
  private readonly committed: OffsetMap = new Map();
  private assignmentNow: Assignment = new Map();
  private gen = 0;
  private listeners: RebalanceListener[] = [];
  rebalances = 0;

  constructor(
    readonly options: GroupOptions,
    private readonly kernel: Kernel,
    private readonly trace: TraceSink,
  ) {}

  get generation(): number {
    return this.gen;
  }

  get assignment(): Assignment {
    return this.assignmentNow;
  }

  get memberIds(): readonly string[] {
    return this.members;
  }

  onRebalance(listener: RebalanceListener): void {
    this.listeners.push(listener);
  }

  /** A consumer joins (or comes back): a rebalance follows at once. */
  join(member: string): void {
    if (this.members.includes(member)) return;
    this.members.push(member);
    this.trace.record({ t: this.kernel.now, type: 'memberJoined', group: this.options.groupId, member });
    this.rebalance();
  }

  /** A consumer stopped heartbeating: it is removed when its session times out. */
  memberFailed(member: string): void {
    this.kernel.post(this.options.sessionTimeoutMs, () => {
      const i = this.members.indexOf(member);
      if (i < 0) return;
      this.members.splice(i, 1);
      this.trace.record({ t: this.kernel.now, type: 'sessionExpired', group: this.options.groupId, member });
      this.rebalance();
    });
  }

  /** A consumer leaves cleanly: removed at once. */
  leave(member: string): void {
    const i = this.members.indexOf(member);
    if (i < 0) return;
    this.members.splice(i, 1);
    this.rebalance();
  }

  /** Stores offsets (next offset to read per partition); refused from a stale generation or a non-owner. */
  commit(member: string, generation: number, offsets: OffsetMap): boolean {
    if (generation !== this.gen) return false;
    const owned = this.assignmentNow.get(member);
    if (!owned) return false;
    for (const [p, offset] of offsets) {
      if (owned.includes(p)) this.committed.set(p, offset);
    }
    return true;
  }

  /** The committed offset of a partition, or undefined when nothing was committed yet. */
  committedOffset(partition: number): number | undefined {
    return this.committed.get(partition);
  }

  /** The member owning `partition` in the current generation. */
  ownerOf(partition: number): string | undefined {
    for (const [m, ps] of this.assignmentNow) if (ps.includes(partition)) return m;
    return undefined;
  }

  /** Lag of a partition: records up to `endOffset` not yet covered by the committed offset. */
  lag(partition: number, endOffset: number, logStart = 0): number {
    const c = Math.max(this.committed.get(partition) ?? logStart, logStart);
    return Math.max(0, endOffset - c);
  }

  private rebalance(): void {
    this.gen++;
    this.rebalances++;
    this.assignmentNow = assign(this.options.strategy, this.members, this.options.partitions);
    const summary: Record<string, number[]> = {};
    for (const [m, ps] of this.assignmentNow) summary[m] = ps;
    this.trace.record({
      t: this.kernel.now,
      type: 'groupRebalanced',
      group: this.options.groupId,
      generation: this.gen,
      assignment: summary,
    });
    for (const l of this.listeners) l(this.gen, this.assignmentNow);
  }
}
