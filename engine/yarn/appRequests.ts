/**
 * One application's outstanding container requests, indexed the way YARN's scheduler looks
 * them up on a node heartbeat: by node (node-local), by rack (rack-local) and anywhere
 * (off-switch). Delay scheduling: a request naming nodes waits `localityDelayMs` for one of
 * them before it accepts its rack, twice that before it accepts any node (if it may relax).
 */
import type { Cluster } from '../cluster';
import type { ContainerRequest, Locality } from './container';
import { RequestQueue } from './requestQueue';

/** How deep a heartbeat looks into a queue for a request that fits; bounds the work per heartbeat. */
const SCAN_LIMIT = 8;

export class AppRequests {
  private readonly byNode = new Map<number, RequestQueue>();
  private readonly byRack = new Map<number, RequestQueue>();
  /** Requests without any preference, in arrival order. */
  private readonly anywhere = new RequestQueue();
  /** Relaxable requests with preferences, in arrival order (for the off-switch fallback). */
  private readonly relaxable = new RequestQueue();
  pending = 0;

  constructor(private readonly cluster: Cluster) {}

  add(r: ContainerRequest): void {
    this.pending++;
    if (r.nodes === null && r.racks === null) {
      this.anywhere.push(r);
      return;
    }
    const racks = new Set<number>(r.racks ?? []);
    for (const n of r.nodes ?? []) {
      queueFor(this.byNode, n).push(r);
      racks.add(this.cluster.nodes[n]!.rackIndex);
    }
    for (const rack of [...racks].sort((a, b) => a - b)) queueFor(this.byRack, rack).push(r);
    if (r.relaxLocality) this.relaxable.push(r);
  }

  /** Drops every queue (the application finished): pending requests become garbage. */
  clear(): void {
    this.byNode.clear();
    this.byRack.clear();
    this.anywhere.clear();
    this.relaxable.clear();
    this.pending = 0;
  }

  /** Marks `r` as no longer pending (allocated or cancelled). */
  settle(r: ContainerRequest, state: 'allocated' | 'cancelled'): void {
    if (r.state !== 'pending') return;
    r.state = state;
    this.pending--;
  }

  /**
   * The request to serve on node `nodeIndex` now, preferring node-local, then rack-local,
   * then off-switch, among those that `fits`; with the locality it would get.
   */
  pick(
    nodeIndex: number,
    now: number,
    delay: number,
    fits: (r: ContainerRequest) => boolean,
  ): [ContainerRequest, Locality] | undefined {
    const local = this.byNode.get(nodeIndex)?.find(fits, SCAN_LIMIT);
    if (local !== undefined) return [local, 'node'];
    const rack = this.cluster.nodes[nodeIndex]!.rackIndex;
    const rackLocal = this.byRack.get(rack)?.find((r) => fits(r) && rackAllowed(r, rack, now, delay), SCAN_LIMIT);
    if (rackLocal !== undefined) return [rackLocal, 'rack'];
    const free = this.anywhere.find(fits, SCAN_LIMIT);
    const relaxed = this.relaxable.find((r) => now - r.requestedAt >= 2 * delay && fits(r), 1);
    // Serve the older of the two, so preferences never let a request overtake an older one forever.
    if (free !== undefined && (relaxed === undefined || free.id < relaxed.id)) return [free, 'any'];
    if (relaxed !== undefined) return [relaxed, 'any'];
    return undefined;
  }
}

function rackAllowed(r: ContainerRequest, rack: number, now: number, delay: number): boolean {
  if (r.racks !== null && r.racks.includes(rack)) return true;
  return r.relaxLocality && now - r.requestedAt >= delay;
}

function queueFor(map: Map<number, RequestQueue>, key: number): RequestQueue {
  let q = map.get(key);
  if (q === undefined) {
    q = new RequestQueue();
    map.set(key, q);
  }
  return q;
}
