/**
 * The nodes that can take a new replica now, kept between placements until a node's state may
 * have changed, and uniform random picks among them: the k-th good, not yet chosen node, in node
 * order, of the racks a rule allows, with k drawn from the Rng over their count. A cluster
 * numbers its nodes rack after rack (clusterSpec.ts), so node order is rack order and a pick
 * counts per rack instead of asking every node. The default policy's rules (any rack, one rack,
 * every rack but one) count from the racks' sizes without asking each rack (`pickOn`): three
 * picks a block, 33,000 blocks at 1 KB.
 */
import type { Rng } from '../core';
import type { Cluster } from '../cluster';

export class GoodTargets {
  /** Per node: 1 good, 2 not. */
  private good: Int8Array;
  /** Per rack, its good nodes in node order. */
  private byRack: number[][] = [];
  private at = Number.NaN;
  private allowed = new Uint8Array(0);
  private free = new Int32Array(0);
  /** Good nodes in all racks. */
  private total = 0;
  /**
   * The good nodes in node order as one list (rack after rack): rack r's start in it, and each
   * good node's place in its rack's list (-1: not good). A pick finds its k-th node from these.
   */
  private start = new Int32Array(1);
  private place = new Int32Array(0);
  /** pickOn's chosen places, reused. */
  private holes: number[] = [];

  constructor(
    private readonly cluster: Cluster,
    private readonly isGoodTarget: (nodeIndex: number) => boolean,
    private readonly version: () => number,
  ) {
    this.good = new Int8Array(cluster.nodes.length);
    const nodes = cluster.nodes;
    for (let i = 1; i < nodes.length; i++)
      if (nodes[i]!.rackIndex < nodes[i - 1]!.rackIndex)
        throw new Error(`GoodTargets: node ${nodes[i]!.id} comes after a node of a later rack`);
  }

  /** Asks every node again when the version changed since the last placement. */
  refresh(): void {
    const v = this.version();
    if (v === this.at) return;
    this.at = v;
    const nodes = this.cluster.nodes;
    this.byRack = this.cluster.racks.map(() => []);
    this.total = 0;
    if (this.place.length !== nodes.length) this.place = new Int32Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const ok = this.isGoodTarget(i);
      this.good[i] = ok ? 1 : 2;
      if (ok) {
        const list = this.byRack[nodes[i]!.rackIndex]!;
        this.place[i] = list.length;
        list.push(i);
        this.total++;
      } else this.place[i] = -1;
    }
    const racks = this.byRack;
    if (this.start.length !== racks.length + 1) this.start = new Int32Array(racks.length + 1);
    for (let r = 0; r < racks.length; r++) this.start[r + 1] = this.start[r]! + racks[r]!.length;
  }

  isGood(i: number): boolean {
    return this.good[i] === 1;
  }

  /** A uniformly random good node not in `chosen`, on a rack `rackOk` allows; undefined when there is none. */
  pick(rng: Rng, chosen: readonly number[], rackOk: (rack: number) => boolean): number | undefined {
    const nodes = this.cluster.nodes;
    const racks = this.byRack;
    // Scratch per rack, kept between picks (three picks a block, 27,000 blocks at 1 KB).
    if (this.allowed.length !== racks.length) {
      this.allowed = new Uint8Array(racks.length);
      this.free = new Int32Array(racks.length);
    }
    const allowed = this.allowed;
    const free = this.free;
    let candidates = 0;
    for (let r = 0; r < racks.length; r++) {
      allowed[r] = racks[r]!.length > 0 && rackOk(r) ? 1 : 0;
      if (!allowed[r]) continue;
      let n = racks[r]!.length;
      for (const c of chosen) if (this.good[c] === 1 && nodes[c]!.rackIndex === r) n--;
      free[r] = n;
      candidates += n;
    }
    if (candidates === 0) return undefined;
    let k = rng.int(candidates);
    for (let r = 0; r < racks.length; r++) {
      if (!allowed[r]) continue;
      if (k >= free[r]!) {
        k -= free[r]!;
        continue;
      }
      for (const i of racks[r]!) if (!chosen.includes(i) && k-- === 0) return i;
    }
    return undefined;
  }

  /**
   * The same draw as `pick` (one `rng.int` over the same candidates, the same node) for the rule
   * "rack `only`" (`only` >= 0), "any rack but `except`" (`except` >= 0) or "any rack" (both -1).
   */
  pickOn(rng: Rng, chosen: readonly number[], only: number, except: number): number | undefined {
    // A node listed twice, or both rules at once (never, from the policy): the walk keeps its quirks.
    if ((only >= 0 && except >= 0) || hasRepeat(chosen)) return this.pickOnByWalk(rng, chosen, only, except);
    const racks = this.byRack;
    const nodes = this.cluster.nodes;
    const good = this.good;
    const start = this.start;
    let candidates = only >= 0 ? racks[only]!.length : this.total - (except >= 0 ? racks[except]!.length : 0);
    // The chosen good nodes of the racks the rule allows, by their place in the list of all good nodes.
    const holes = this.holes;
    holes.length = 0;
    for (const c of chosen) {
      if (good[c] !== 1) continue;
      const r = nodes[c]!.rackIndex;
      if (only >= 0 ? r !== only : r === except) continue;
      candidates--;
      holes.push(start[r]! + this.place[c]!);
    }
    if (candidates === 0) return undefined;
    // The k-th node the walk would reach: from the first allowed place, step over the rack left
    // out and the chosen nodes that come before it, in the order they come.
    let j = (only >= 0 ? start[only]! : 0) + rng.int(candidates);
    if (holes.length > 1) holes.sort((a, b) => a - b);
    let skipRack = except >= 0 && start[except + 1]! > start[except]!;
    for (let h = 0; h <= holes.length; h++) {
      const hole = h < holes.length ? holes[h]! : Number.POSITIVE_INFINITY;
      if (skipRack && start[except]! <= j && start[except]! < hole) {
        j += start[except + 1]! - start[except]!;
        skipRack = false;
      }
      if (hole > j) break;
      j++;
    }
    // The rack holding place j: the last whose start is at most j (an empty rack starts where the next does).
    let lo = only >= 0 ? only : 0;
    let hi = only >= 0 ? only : racks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid]! <= j) lo = mid;
      else hi = mid - 1;
    }
    return racks[lo]![j - start[lo]!];
  }

  /** pickOn as a walk over the racks and their nodes (a chosen list with a node twice, or both rules). */
  private pickOnByWalk(rng: Rng, chosen: readonly number[], only: number, except: number): number | undefined {
    const racks = this.byRack;
    const nodes = this.cluster.nodes;
    const good = this.good;
    let candidates = only >= 0 ? racks[only]!.length : this.total - (except >= 0 ? racks[except]!.length : 0);
    for (const c of chosen) {
      if (good[c] !== 1) continue;
      const r = nodes[c]!.rackIndex;
      if (only >= 0 ? r === only : r !== except) candidates--;
    }
    // As `pick`: a node listed twice in `chosen` (never, from the policy) counts twice there too.
    if (candidates === 0) return undefined;
    let k = rng.int(candidates);
    const end = only >= 0 ? only + 1 : racks.length;
    for (let r = only >= 0 ? only : 0; r < end; r++) {
      if (r === except) continue;
      const list = racks[r]!;
      let free = list.length;
      for (const c of chosen) if (good[c] === 1 && nodes[c]!.rackIndex === r) free--;
      if (k >= free) {
        k -= free;
        continue;
      }
      for (const i of list) if (!chosen.includes(i) && k-- === 0) return i;
    }
    return undefined;
  }
}

function hasRepeat(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) for (let k = 0; k < i; k++) if (list[i] === list[k]) return true;
  return false;
}
