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
    for (let i = 0; i < nodes.length; i++) {
      const ok = this.isGoodTarget(i);
      this.good[i] = ok ? 1 : 2;
      if (ok) {
        this.byRack[nodes[i]!.rackIndex]!.push(i);
        this.total++;
      }
    }
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
