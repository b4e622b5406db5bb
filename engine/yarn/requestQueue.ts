/**
 * A FIFO of container requests with lazy deletion: requests live in several queues at once
 * (by node, by rack, any), so an allocated or cancelled one is skipped when it surfaces
 * instead of being searched for. The array is compacted when its dead head grows large.
 */
import type { ContainerRequest } from './container';

export class RequestQueue {
  private items: ContainerRequest[] = [];
  private head = 0;

  push(r: ContainerRequest): void {
    this.items.push(r);
  }

  /** Drops non-pending requests at the head; returns the first pending one. */
  peek(): ContainerRequest | undefined {
    const items = this.items;
    while (this.head < items.length && items[this.head]!.state !== 'pending') this.head++;
    if (this.head > 1024 && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }

  /** The first pending request among the first `limit` entries that satisfies `ok`. */
  find(ok: (r: ContainerRequest) => boolean, limit: number): ContainerRequest | undefined {
    if (this.peek() === undefined) return undefined;
    const items = this.items;
    let seen = 0;
    for (let i = this.head; i < items.length && seen < limit; i++) {
      const r = items[i]!;
      if (r.state !== 'pending') continue;
      seen++;
      if (ok(r)) return r;
    }
    return undefined;
  }

  clear(): void {
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
