/**
 * The ResourceManager's live containers: one table of slots for all of them, a count per node.
 * A container that ends frees its slot, which the next container placed takes (the most recently
 * freed first), and touches no other container. Per-node lists kept by swapping the last one
 * into the leaver's place wrote to that other container too: on a 10,000-node cluster, where
 * 100,000 containers run at once and each ends long after it started, both were cache misses.
 * The lists the snapshot and a lost node need are gathered from the table (ordered by id).
 */
import type { Container } from './container';

export class LiveContainers {
  private readonly slots: (Container | null)[] = [];
  private readonly free: number[] = [];
  private readonly perNode: Int32Array;
  private live = 0;

  constructor(nodes: number) {
    this.perNode = new Int32Array(nodes);
  }

  add(c: Container): void {
    const slot = this.free.pop();
    if (slot === undefined) {
      c.slot = this.slots.length;
      this.slots.push(c);
    } else {
      c.slot = slot;
      this.slots[slot] = c;
    }
    this.perNode[c.nodeIndex]!++;
    this.live++;
  }

  remove(c: Container): void {
    // Not in the table (removed before): a second removal would free a slot twice.
    if (this.slots[c.slot] !== c) throw new Error(`container ${c.id} is not live`);
    this.slots[c.slot] = null;
    this.free.push(c.slot);
    c.slot = -1;
    this.perNode[c.nodeIndex]!--;
    this.live--;
  }

  /** How many live containers node `node` holds. */
  countOn(node: number): number {
    return this.perNode[node]!;
  }

  get size(): number {
    return this.live;
  }

  /** The live containers that `keep` accepts, by id (allocation order). */
  select(keep: (c: Container) => boolean): Container[] {
    const out: Container[] = [];
    if (this.live === 0) return out;
    for (const c of this.slots) if (c !== null && keep(c)) out.push(c);
    return out.sort((a, b) => a.id - b.id);
  }

  /** Node `node`'s live containers, by id. */
  onNode(node: number): Container[] {
    return this.perNode[node] === 0 ? [] : this.select((c) => c.nodeIndex === node);
  }
}
