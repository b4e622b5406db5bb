/**
 * The requests naming each node (or each rack), as one first-in first-out list per node (rack),
 * all kept in shared typed arrays: an entry per (request, list) with the next entry of its list,
 * and a head and tail per list. Node-local asks are spread thin (a map task's block is on three of
 * a thousand nodes), and rack-local ones nearly as thin (ten asks a rack and application on a
 * 10,000-node cluster): a queue object and array per node or rack and application made a big
 * cluster with ten applications hold 100,000 of them, about one request each, and asking for a
 * container read and wrote one of 5,000 rack queues strewn over the heap. Lazy deletion, as in
 * RequestQueue: an allocated or cancelled request is dropped when a scan steps over it.
 */
import { grownArray } from '../core';
import type { ContainerRequest } from './container';
import { FITS, ON_RACK, type Accept, type RequestFit } from './requestQueue';

const NONE = -1;

export class RequestLists {
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  /** Per entry: the next entry of its list (or of the free list), and its request. */
  private nexts = new Int32Array(64);
  private requests: (ContainerRequest | null)[] = [];
  private free = NONE;
  /**
   * Per list, a bound on rack-local scans: when the last ON_RACK scan found the list's first
   * pending request still inside its locality delay, that request's time (NaN: no bound). Every
   * request queued is as young or younger (a request's time is when it was made), so until the
   * delay has passed since then no ON_RACK scan can find one: it answers at once, without reading a
   * request (on a big cluster, where most heartbeats find nothing for an application, those were
   * reads long out of the CPU's cache). Kept only while no request naming a rack was queued on the
   * list (`namesRacks`): such a request may run there at once, however young.
   */
  private readonly rackWaitFrom: Float64Array;
  private readonly namesRacks: Uint8Array;

  /** `rackScans`: lists that ON_RACK scans read (a rack's), which keep the bound above. */
  constructor(
    lists: number,
    private readonly rackScans = false,
  ) {
    this.heads = new Int32Array(lists).fill(NONE);
    this.tails = new Int32Array(lists).fill(NONE);
    this.rackWaitFrom = new Float64Array(rackScans ? lists : 0).fill(Number.NaN);
    this.namesRacks = new Uint8Array(rackScans ? lists : 0);
  }

  /** Appends `r` to list `list`. */
  push(list: number, r: ContainerRequest): void {
    if (r.racks !== null && this.rackScans) {
      this.namesRacks[list] = 1;
      this.rackWaitFrom[list] = Number.NaN;
    }
    let entry = this.free;
    if (entry === NONE) {
      entry = this.requests.length;
      this.requests.push(r);
      this.nexts = grownArray(this.nexts, entry + 1);
    } else {
      this.free = this.nexts[entry]!;
      this.requests[entry] = r;
    }
    this.nexts[entry] = NONE;
    const tail = this.tails[list]!;
    if (tail === NONE) this.heads[list] = entry;
    else this.nexts[tail] = entry;
    this.tails[list] = entry;
  }

  /**
   * The first pending request of list `list` among its first `limit` pending ones that `fit`
   * accepts (`RequestFit.accepts`; the scheduler scans lists with FITS, RELAXABLE and ON_RACK, the
   * last with the bound above): the allocated and cancelled requests stepped over on the way are
   * dropped. An ON_RACK scan stops at the first request still inside its locality delay when no
   * request queued names a rack: all after it are younger (the answer is the same, found sooner).
   */
  find(list: number, fit: RequestFit, accept: Accept, limit: number): ContainerRequest | undefined {
    if (accept === ON_RACK) {
      if (!this.rackScans) throw new Error('an ON_RACK scan of lists made without rackScans');
      // No request can be accepted yet (see rackWaitFrom): false for NaN.
      if (fit.now - this.rackWaitFrom[list]! < fit.delay) return undefined;
    }
    const nexts = this.nexts;
    const requests = this.requests;
    let before = NONE;
    let entry = this.heads[list]!;
    let seen = 0;
    while (entry !== NONE && seen < limit) {
      const r = requests[entry]!;
      const after = nexts[entry]!;
      if (r.state !== 'pending') {
        // Unlinked and freed: its list goes on from `before` to `after`.
        if (before === NONE) this.heads[list] = after;
        else nexts[before] = after;
        if (after === NONE) this.tails[list] = before;
        requests[entry] = null;
        nexts[entry] = this.free;
        this.free = entry;
        entry = after;
        continue;
      }
      seen++;
      if (accept === FITS ? fit.fits(r) : fit.accepts(r, accept)) return r;
      // Requests are queued in the order they were made: the ones after a request still inside its
      // locality delay are inside theirs too, and none of them names a rack.
      if (accept === ON_RACK && this.namesRacks[list] === 0 && fit.waitsForRack(r)) {
        if (seen === 1) this.rackWaitFrom[list] = r.requestedAt;
        return undefined;
      }
      before = entry;
      entry = after;
    }
    return undefined;
  }

  /** Drops every list (the application finished): its pending requests are cancelled. */
  clear(): void {
    for (const r of this.requests) if (r !== null && r.state === 'pending') r.state = 'cancelled';
    this.heads.fill(NONE);
    this.tails.fill(NONE);
    this.rackWaitFrom.fill(Number.NaN);
    this.namesRacks.fill(0);
    this.requests = [];
    this.nexts = new Int32Array(64);
    this.free = NONE;
  }
}
