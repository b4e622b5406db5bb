/**
 * An application's live containers (allocated, launching, running) in allocation order. A
 * container joins at the end when allocated and is dropped lazily once it is no longer live:
 * no hash insert and delete per container as a Set costs; the list is compacted when the dead
 * make up more than half of it.
 */
import type { Container } from './container';

export class LiveContainers {
  private items: Container[] = [];
  private dead = 0;

  get size(): number {
    return this.items.length - this.dead;
  }

  add(c: Container): void {
    this.items.push(c);
  }

  /** `c`, added before, is no longer live (its state already says so). */
  delete(c: Container): void {
    if (c.live) throw new Error(`container ${c.id} is still live`);
    this.dead++;
    if (this.dead > 64 && this.dead * 2 > this.items.length) {
      const items = this.items;
      let kept = 0;
      for (let i = 0; i < items.length; i++) if (items[i]!.live) items[kept++] = items[i]!;
      items.length = kept;
      this.dead = 0;
    }
  }

  /** The live containers in allocation order (a copy: freeing them while iterating is safe). */
  toArray(): Container[] {
    return this.items.filter((c) => c.live);
  }
}
