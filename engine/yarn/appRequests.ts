/**
 * One application's outstanding container requests, indexed the way YARN's scheduler looks
 * them up on a node heartbeat: by node (node-local), by rack (rack-local) and anywhere
 * (off-switch). Delay scheduling: a request naming nodes waits `localityDelayMs` for one of
 * them before it accepts its rack, twice that before it accepts any node (if it may relax).
 *
 * YARN's ResourceRequest table only counts asks per node, rack and ANY; it does not know which
 * task an ask is for. When a container is given on n1 for a task whose block is also on n6,
 * only n1's count drops: n6's stays until the ApplicationMaster's next allocate call (every
 * `amHeartbeatMs`) corrects it. Until then a heartbeat from n6 is still offered a "node-local"
 * container, and the AM (RMContainerAllocator.assignMapsWithLocality) gives it the best task it
 * has left: one whose data is on n6's rack, or any. `advertised` is that stale per-node count;
 * `outstanding` the true one, kept as requests come and go, so the AM's call copies it.
 */
import { sortSmall } from '../core';
import type { Cluster } from '../cluster';
import type { ContainerRequest, Locality } from './container';
import { RequestLists } from './requestLists';
import { AGED, FITS, ON_RACK, RELAXABLE, RequestQueue, type RequestFit } from './requestQueue';

/** How deep a heartbeat looks into a queue for a request that fits; bounds the work per heartbeat. */
const SCAN_LIMIT = 8;

export class AppRequests {
  /** Requests naming each node, by node index; and naming a node of (or) each rack, by rack index. */
  private readonly byNode: RequestLists;
  private readonly byRack: RequestLists;
  /** Requests without any preference, in arrival order. */
  private readonly anywhere = new RequestQueue();
  /** Relaxable requests with preferences, in arrival order (for the off-switch fallback). */
  private readonly relaxable = new RequestQueue();
  pending = 0;
  /** Relaxable asks per node index as the RM last heard them (see the file comment). */
  private readonly advertised: Int32Array;
  /** Pending relaxable asks per node index, now. */
  private readonly outstanding: Int32Array;
  private nextRefresh: number;
  /** Per rack index, the `add` (its stamp) that last listed it; and that add's racks. */
  private readonly rackSeen: Int32Array;
  private rackStamp = 0;
  private readonly racksScratch: number[] = [];

  constructor(
    private readonly cluster: Cluster,
    private readonly amHeartbeatMs: number,
    now: number,
  ) {
    this.nextRefresh = now + amHeartbeatMs;
    this.byNode = new RequestLists(cluster.nodes.length);
    this.byRack = new RequestLists(cluster.racks.length, true);
    this.advertised = new Int32Array(cluster.nodes.length);
    this.outstanding = new Int32Array(cluster.nodes.length);
    this.rackSeen = new Int32Array(cluster.racks.length);
  }

  add(r: ContainerRequest): void {
    this.pending++;
    const n = r.node;
    if (n < 0 && r.nodes === null && r.racks === null) {
      this.anywhere.push(r);
      return;
    }
    if (n >= 0 && r.racks === null) {
      // One preferred node (a block's replica, the common ask): its rack, with no set to build.
      this.byNode.push(n, r);
      if (r.relaxLocality) {
        this.advertised[n]!++;
        this.outstanding[n]!++;
      }
      this.byRack.push(this.cluster.rackIndexes[n]!, r);
      if (r.relaxLocality) this.relaxable.push(r);
      return;
    }
    // The racks of the request's nodes and the racks it names, each once, in rack order: marked
    // per rack (no Set and spread per ask: a map task names its block's three replicas).
    let stamp = this.rackStamp + 1;
    if (stamp > 0x7fffffff) {
      // Past an Int32Array's range (2^31 asks of one application): the marks start again.
      this.rackSeen.fill(0);
      stamp = 1;
    }
    this.rackStamp = stamp;
    const racks = this.racksScratch;
    racks.length = 0;
    const named = r.racks;
    if (named !== null) for (let k = 0; k < named.length; k++) this.listRack(named[k]!, stamp);
    const nodes = r.nodes;
    const count = n >= 0 ? 1 : nodes === null ? 0 : nodes.length;
    for (let k = 0; k < count; k++) {
      const node = n >= 0 ? n : nodes![k]!;
      this.byNode.push(node, r);
      this.listRack(this.cluster.rackIndexes[node]!, stamp);
      if (r.relaxLocality) {
        this.advertised[node]!++;
        this.outstanding[node]!++;
      }
    }
    sortSmall(racks, (a, b) => a - b);
    for (let k = 0; k < racks.length; k++) this.byRack.push(racks[k]!, r);
    if (r.relaxLocality) this.relaxable.push(r);
  }

  /** Adds `rack` to `racksScratch` unless this `add` (its `stamp`) listed it already. */
  private listRack(rack: number, stamp: number): void {
    if (this.rackSeen[rack] === stamp) return;
    this.rackSeen[rack] = stamp;
    this.racksScratch.push(rack);
  }

  /** Drops every queue (the application finished): its pending requests are cancelled. */
  clear(): void {
    this.byNode.clear();
    this.byRack.clear();
    this.anywhere.clear();
    this.relaxable.clear();
    this.advertised.fill(0);
    this.outstanding.fill(0);
    this.pending = 0;
  }

  /** Marks `r` as no longer pending (allocated or cancelled). */
  settle(r: ContainerRequest, state: 'allocated' | 'cancelled'): void {
    if (r.state !== 'pending') return;
    r.state = state;
    this.pending--;
    if (!r.relaxLocality) return;
    if (r.node >= 0) this.outstanding[r.node]!--;
    else {
      const nodes = r.nodes;
      if (nodes !== null) for (let k = 0; k < nodes.length; k++) this.outstanding[nodes[k]!]!--;
    }
  }

  /** The locality of the last request `pick` returned: what its data gets. */
  pickedLocality: Locality = 'any';
  /** How the RM counts the last pick: node-local (a stale ask for the node, see the file comment), rack or off-switch. */
  pickedAs: Locality = 'any';

  /**
   * The request to serve on node `nodeIndex` now, preferring node-local, then rack-local,
   * then off-switch, among those that fit (`fit`: the node's room, its rack, the time and
   * locality delay); its locality in `pickedLocality` and `pickedAs` (no tuple per pick).
   */
  pick(nodeIndex: number, fit: RequestFit): ContainerRequest | undefined {
    const now = fit.now;
    this.refresh(now);
    const local = this.byNode.find(nodeIndex, fit, FITS, SCAN_LIMIT);
    if (local !== undefined) return this.consume(nodeIndex, local, 'node');
    if (this.advertised[nodeIndex]! > 0) {
      const sameRack = this.byRack.find(fit.rack, fit, RELAXABLE, SCAN_LIMIT);
      if (sameRack !== undefined) return this.consume(nodeIndex, sameRack, 'rack');
      const other = this.relaxable.find(fit, FITS, SCAN_LIMIT);
      if (other !== undefined) return this.consume(nodeIndex, other, 'any');
    }
    const rackLocal = this.byRack.find(fit.rack, fit, ON_RACK, SCAN_LIMIT);
    if (rackLocal !== undefined) return this.picked(rackLocal, 'rack', 'rack');
    const free = this.anywhere.find(fit, FITS, SCAN_LIMIT);
    const relaxed = this.relaxable.find(fit, AGED, 1);
    // Serve the older of the two, so preferences never let a request overtake an older one forever.
    if (free !== undefined && (relaxed === undefined || free.id < relaxed.id)) return this.picked(free, 'any', 'any');
    if (relaxed !== undefined) return this.picked(relaxed, 'any', 'any');
    return undefined;
  }

  private picked(r: ContainerRequest, locality: Locality, as: Locality): ContainerRequest {
    this.pickedLocality = locality;
    this.pickedAs = as;
    return r;
  }

  /** A node-local allocation in the RM's eyes: the node's ask count drops (only that node's). */
  private consume(nodeIndex: number, r: ContainerRequest, locality: Locality): ContainerRequest {
    if (this.advertised[nodeIndex]! > 0) this.advertised[nodeIndex]!--;
    return this.picked(r, locality, 'node');
  }

  /** The AM's allocate call: the RM's per-node counts become the asks really outstanding. */
  private refresh(now: number): void {
    if (now < this.nextRefresh) return;
    this.nextRefresh += (Math.floor((now - this.nextRefresh) / this.amHeartbeatMs) + 1) * this.amHeartbeatMs;
    this.advertised.set(this.outstanding);
  }
}
