/**
 * The blocks on one node, in the order they came: a plain list while blocks only arrive new (a
 * file being written: every block of a put is new), a Set from the first time anything else is
 * asked (a lookup, a removal, a block that may already be here). Writing 33,000 blocks on 1,000
 * nodes then costs an array append per replica, where two Set inserts per replica (the NameNode's
 * map and the disk's) each hashed the block and grew tables a failure may never read. The order is
 * the same either way (a Set iterates in insertion order), so everything that walks a node's
 * blocks sees them as before.
 */
export class NodeBlocks<T> implements Iterable<T> {
  private list: T[] | null = [];
  private set: Set<T> | null = null;

  /** Adds a block that cannot be here yet: one just created. */
  addNew(b: T): void {
    if (this.list !== null) this.list.push(b);
    else this.set!.add(b);
  }

  /** Adds a block that may already be here (then nothing changes). */
  add(b: T): void {
    this.asSet().add(b);
  }

  has(b: T): boolean {
    return this.asSet().has(b);
  }

  delete(b: T): boolean {
    return this.asSet().delete(b);
  }

  clear(): void {
    this.list = [];
    this.set = null;
  }

  get size(): number {
    return this.list !== null ? this.list.length : this.set!.size;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.list !== null ? this.list.values() : this.set!.values();
  }

  private asSet(): Set<T> {
    if (this.set === null) {
      this.set = new Set(this.list);
      this.list = null;
    }
    return this.set;
  }
}
