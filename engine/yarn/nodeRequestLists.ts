/**
 * The requests naming each node, as one first-in first-out list per node, all kept in shared
 * typed arrays: an entry per (request, node) with the next entry of its node, and a head and tail
 * per node. Node-local asks are spread thin (a map task's block is on three of a thousand nodes):
 * one queue object and array per node and application made a 10,000-node cluster with ten
 * applications hold 100,000 of them, about one request each. Lazy deletion, as in RequestQueue:
 * an allocated or cancelled request is dropped when a scan steps over it.
 */
import { grownArray } from '../core';
import type { ContainerRequest } from './container';
import type { RequestFit } from './requestQueue';

const NONE = -1;

export class NodeRequestLists {
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  /** Per entry: the next entry of its node (or of the free list), and its request. */
  private nexts = new Int32Array(64);
  private requests: (ContainerRequest | null)[] = [];
  private free = NONE;

  constructor(nodes: number) {
    this.heads = new Int32Array(nodes).fill(NONE);
    this.tails = new Int32Array(nodes).fill(NONE);
  }

  /** Appends `r` to node `node`'s list. */
  push(node: number, r: ContainerRequest): void {
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
    const tail = this.tails[node]!;
    if (tail === NONE) this.heads[node] = entry;
    else this.nexts[tail] = entry;
    this.tails[node] = entry;
  }

  /**
   * The first pending request of node `node` among its first `limit` pending ones that fits
   * (`fit.fits`), as RequestQueue.find with FITS: the allocated and cancelled requests stepped over
   * on the way are dropped.
   */
  find(node: number, fit: RequestFit, limit: number): ContainerRequest | undefined {
    const nexts = this.nexts;
    const requests = this.requests;
    let before = NONE;
    let entry = this.heads[node]!;
    let seen = 0;
    while (entry !== NONE && seen < limit) {
      const r = requests[entry]!;
      const after = nexts[entry]!;
      if (r.state !== 'pending') {
        // Unlinked and freed: its node's list goes on from `before` to `after`.
        if (before === NONE) this.heads[node] = after;
        else nexts[before] = after;
        if (after === NONE) this.tails[node] = before;
        requests[entry] = null;
        nexts[entry] = this.free;
        this.free = entry;
        entry = after;
        continue;
      }
      seen++;
      if (fit.fits(r)) return r;
      before = entry;
      entry = after;
    }
    return undefined;
  }

  /** Drops every list (the application finished). */
  clear(): void {
    this.heads.fill(NONE);
    this.tails.fill(NONE);
    this.requests = [];
    this.nexts = new Int32Array(64);
    this.free = NONE;
  }
}
