/**
 * The clients' refused copies waiting to be sent again, every `retryMs` until a receiver takes
 * them. A copy used to be a kernel event of its own at each retry, so a machine down for two hours
 * behind a busy source cost hundreds of millions of events, and the run hit its time limit before
 * it could say anything. Here copies whose retries the kernel would run one right after the other
 * wait as one group: one kernel event per group per retry, which does what their retries did, in
 * the same order. While every receiver of a group is down, that is only counting (each refused
 * copy adds to `resent` and to its receiver's `refused`, as before); once one is up, the group
 * resends its copies one by one, as their own events did.
 *
 * Why nothing learners measure changes: the kernel runs events at equal times in the order they
 * were queued. A copy joins a group only when its retry would have been queued right after the
 * group's last one, with nothing else queued for that instant in between: in the same event of the
 * clients' own (a tick, a group's retry), or in the event right after one that ended so. Anything
 * else the clients queue for that same instant (a send whose network time equals `retryMs`, the
 * next tick) closes the group, and a copy refused anywhere else (a receiver's reply) starts a group
 * of its own, queued when its retry was. So every retry runs at the same instant, in the same
 * place among the other events, as before; and since the retries of one group ran back to back,
 * nothing (no dashboard stopping the run, no sample of the timeline) could see between them.
 */
import type { Kernel } from '../core';
import type { PartRuntime } from './partRuntime';

/**
 * At most this many copies in one group: its event resends them all when their receiver is back,
 * so one event does at most what 4,096 did before, as many as the kernel runs between two checks
 * of a run's wall-clock budget.
 */
export const MAX_GROUP = 4096;

/** A refused copy: the ids one receiver refused, waiting for their next retry. */
interface Waiting {
  readonly ids: number[];
  readonly to: PartRuntime;
  group: Group;
  /** Another copy of the same ids was resent meanwhile and took them out of the clients' `resending`. */
  dirty: boolean;
}

/** Copies whose retries run back to back: one kernel event. */
class Group {
  readonly members: Waiting[] = [];
  /** Ids waiting per receiver: what one refused retry of the group counts. */
  readonly perReceiver = new Map<PartRuntime, number>();
  /** Members whose ids must go back into `resending` at the next refused retry. */
  dirty: Waiting[] = [];

  add(w: Waiting): void {
    w.group = this;
    this.members.push(w);
    this.perReceiver.set(w.to, (this.perReceiver.get(w.to) ?? 0) + w.ids.length);
    if (w.dirty) this.dirty.push(w);
  }
}

/** What the queue does through the clients. */
export interface ResendHooks {
  /** The clients' refused copies, as heldCount and forEachHeld read them. */
  readonly resending: Set<number[]>;
  canReach(to: PartRuntime): boolean;
  /** A retry refused (its receiver down): count it as the refusal counted it. */
  refused(to: PartRuntime, copies: number): void;
  /** Send `ids` to `to` again (a refusal comes back through `retry`). */
  send(to: PartRuntime, ids: number[]): void;
}

export class ResendQueue {
  /** The group the last retry was queued in, for which instant (whole µs, as the kernel keeps time), in which event. */
  private tail: Group | null = null;
  private tailUs = -1;
  private tailEvent = -1;
  /** In an event handler of the clients' own, from its start: every event it queues is known here. */
  private inside = false;
  /** The last such handler that ran to its end. */
  private endedEvent = -1;
  /** Waiting copies by their ids: two receivers refusing one burst refuse the same array. */
  private readonly holders = new Map<number[], Waiting[]>();

  constructor(
    private readonly kernel: Kernel,
    private readonly retryMs: number,
    private readonly hooks: ResendHooks,
  ) {}

  /** Runs `work` as the clients' own event handler (a tick). */
  own(work: () => void): void {
    this.inside = true;
    work();
    this.inside = false;
    this.endedEvent = this.kernel.eventCount;
  }

  /** The clients queue something else `delayMs` from now: a retry at that instant now comes after it. */
  queued(delayMs: number): void {
    if (this.tail !== null && this.usIn(delayMs) === this.tailUs) this.tail = null;
  }

  /** `ids` were refused by `to`: they are sent again after `retryMs`. */
  retry(to: PartRuntime, ids: number[]): void {
    const us = this.usIn(this.retryMs);
    const tail = this.tail;
    const joins = tail !== null && tail.members.length < MAX_GROUP && this.follows(us);
    const group = joins ? tail : new Group();
    const w: Waiting = { ids, to, group, dirty: false };
    const held = this.holders.get(ids);
    if (held) held.push(w);
    else this.holders.set(ids, [w]);
    group.add(w);
    if (joins) this.tailEvent = this.kernel.eventCount;
    else this.queue(group, us);
  }

  /**
   * A retry due `us` would have been queued right after the tail's last one: the tail was queued
   * for that instant in this handler of ours, or in the one that ran just before this one (the
   * kernel's event count is one more: no other event ran, so nothing else was queued between).
   */
  private follows(us: number): boolean {
    if (!this.inside || this.tailUs !== us) return false;
    const event = this.kernel.eventCount;
    return this.tailEvent === event || (this.tailEvent === event - 1 && this.endedEvent === event - 1);
  }

  private queue(group: Group, us: number): void {
    this.kernel.post(this.retryMs, () => this.own(() => this.run(group)));
    // Queued from a receiver's reply, other events may follow it in the queue unseen: none joins it.
    this.tail = this.inside ? group : null;
    this.tailUs = us;
    this.tailEvent = this.kernel.eventCount;
  }

  /** The group's retries, due now. */
  private run(group: Group): void {
    const { hooks } = this;
    let allDown = true;
    for (const to of group.perReceiver.keys())
      if (hooks.canReach(to)) {
        allDown = false;
        break;
      }
    if (allDown) {
      // Each refused again, as its own retry refused it: counted, back among the refused copies.
      for (const [to, copies] of group.perReceiver) hooks.refused(to, copies);
      for (const w of group.dirty)
        if (w.dirty && w.group === group) {
          hooks.resending.add(w.ids);
          w.dirty = false;
        }
      group.dirty = [];
      const us = this.usIn(this.retryMs);
      const tail = this.tail;
      if (
        tail !== null &&
        tail !== group &&
        tail.members.length + group.members.length <= MAX_GROUP &&
        this.follows(us)
      ) {
        for (const w of group.members) tail.add(w);
        this.tailEvent = this.kernel.eventCount;
      } else this.queue(group, us);
      return;
    }
    // A receiver is back: every copy does what its own retry did, in order (refused ones wait again).
    for (const w of group.members) {
      this.release(w);
      hooks.resending.delete(w.ids);
      const others = this.holders.get(w.ids);
      if (others)
        for (const o of others)
          if (!o.dirty) {
            o.dirty = true;
            o.group.dirty.push(o);
          }
      hooks.send(w.to, w.ids);
    }
  }

  private release(w: Waiting): void {
    const held = this.holders.get(w.ids)!;
    if (held.length === 1) this.holders.delete(w.ids);
    else held.splice(held.indexOf(w), 1);
  }

  /** The kernel's instant (whole µs) of an event queued `delayMs` from now, computed as the kernel does. */
  private usIn(delayMs: number): number {
    return Math.round((this.kernel.now + delayMs) * 1000);
  }
}
