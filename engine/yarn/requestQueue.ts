/**
 * A FIFO of container requests with lazy deletion: requests live in several queues and lists at
 * once (an application's requests without a preference, its relaxable ones; its lists by node and
 * by rack are RequestLists), so an allocated or cancelled one is skipped when it surfaces instead
 * of being searched for. The array is compacted when its dead head grows large.
 */
import type { ContainerRequest } from './container';

/** Which requests a scan accepts, besides fitting (see `RequestFit.accepts`). */
export type Accept = typeof FITS | typeof RELAXABLE | typeof ON_RACK | typeof AGED;
/** Any request that fits. */
export const FITS = 0;
/** A relaxable request that fits. */
export const RELAXABLE = 1;
/** A request that fits and may run on `rack` now: it names the rack, or it waited `delay` and may relax. */
export const ON_RACK = 2;
/** A request that fits and waited twice `delay` (a relaxable one: it may run anywhere). */
export const AGED = 3;

/**
 * What the heartbeating node can take (free vcores and memory, its label) and where and when it
 * is: the one test every scan of a heartbeat applies, kept in one object the ResourceManager
 * updates, so a scan allocates no closure.
 */
export class RequestFit {
  vcores = 0;
  memoryMb = 0;
  /** Exclusive partitions: a request fits only a node of its label. */
  label = '';
  rack = 0;
  now = 0;
  delay = 0;

  fits(r: ContainerRequest): boolean {
    return r.vcores <= this.vcores && r.memoryMb <= this.memoryMb && r.label === this.label;
  }

  accepts(r: ContainerRequest, accept: Accept): boolean {
    switch (accept) {
      case FITS:
        return this.fits(r);
      case RELAXABLE:
        return r.relaxLocality && this.fits(r);
      case ON_RACK:
        return this.fits(r) && this.rackAllowed(r);
      default:
        return this.now - r.requestedAt >= 2 * this.delay && this.fits(r);
    }
  }

  /**
   * Whether `r` is refused a rack-local place only because it has not waited the locality delay
   * yet (it names no rack and may relax): every request queued after it is as young or younger.
   */
  waitsForRack(r: ContainerRequest): boolean {
    return r.racks === null && r.relaxLocality && this.now - r.requestedAt < this.delay;
  }

  private rackAllowed(r: ContainerRequest): boolean {
    if (r.racks !== null && r.racks.includes(this.rack)) return true;
    return r.relaxLocality && this.now - r.requestedAt >= this.delay;
  }
}

export class RequestQueue {
  private items: ContainerRequest[] = [];
  private head = 0;
  /**
   * When the last AGED scan found its first pending request not yet aged: that request's time.
   * Every request queued is as young or younger (a request's time is when it was made), so until
   * twice the delay has passed since then no AGED scan can find one: it answers at once, without
   * reading a request. On a big cluster, where most heartbeats find nothing for an application,
   * those were reads of requests long out of the CPU's cache. NaN: no such bound. (RequestLists
   * keeps the same bound for rack-local scans.)
   */
  private agedWaitFrom = Number.NaN;

  push(r: ContainerRequest): void {
    this.items.push(r);
  }

  /** Drops non-pending requests at the head; returns the first pending one. */
  peek(): ContainerRequest | undefined {
    const items = this.items;
    while (this.head < items.length && items[this.head]!.state !== 'pending') this.head++;
    if (this.head === items.length) {
      if (this.head > 0) {
        items.length = 0;
        this.head = 0;
      }
      return undefined;
    }
    if (this.head > 1024 && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }

  /**
   * The first pending request among the first `limit` pending entries that `fit` accepts. The
   * allocated and cancelled entries it steps over on the way are dropped (the pending ones keep
   * their order), so a head that waits (a request not yet aged) does not make every later
   * heartbeat step over the same dead entries behind it again.
   */
  find(fit: RequestFit, accept: Accept, limit: number): ContainerRequest | undefined {
    // No request can be accepted yet (see agedWaitFrom): false for NaN.
    if (accept === AGED && fit.now - this.agedWaitFrom < 2 * fit.delay) return undefined;
    if (this.peek() === undefined) return undefined;
    const items = this.items;
    let seen = 0;
    let dead = 0;
    let found: ContainerRequest | undefined;
    let end = this.head;
    while (end < items.length && seen < limit) {
      const r = items[end++]!;
      if (r.state !== 'pending') {
        dead++;
        continue;
      }
      seen++;
      if (fit.accepts(r, accept)) {
        found = r;
        break;
      }
      // The first pending request is not yet aged (the others are as young or younger).
      if (accept === AGED && seen === 1 && fit.now - r.requestedAt < 2 * fit.delay) this.agedWaitFrom = r.requestedAt;
    }
    if (dead > 0) this.dropDead(end);
    return found;
  }

  /** Drops the non-pending entries before index `end`: the pending ones move up against `end`, in order. */
  private dropDead(end: number): void {
    const items = this.items;
    let to = end;
    for (let i = end - 1; i >= this.head; i--) {
      const r = items[i]!;
      if (r.state === 'pending') items[--to] = r;
    }
    this.head = to;
  }

  clear(): void {
    this.agedWaitFrom = Number.NaN;
    for (let i = this.head; i < this.items.length; i++) {
      const r = this.items[i]!;
      if (r.state === 'pending') r.state = 'cancelled';
    }
    this.items = [];
    this.head = 0;
  }

  get isEmpty(): boolean {
    return this.peek() === undefined;
  }
}
