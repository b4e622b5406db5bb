/**
 * Cached RDD partitions in executor memory (Spark's BlockManager, Cookbook 20.2.1): each
 * executor's storage memory holds blocks `rdd:partition` in LRU order; a block that does not fit
 * evicts the least recently used ones (a `blockEvicted` event); a lost executor loses its blocks.
 */
import type { Kernel, TraceSink } from '../core';
import type { ClusterNode } from '../cluster';
import type { JobEvent } from '../exec/jobEvents';

/** Storage memory: (executor heap - 300 MB reserved) x spark.memory.fraction x storageFraction. */
function capacity(n: ClusterNode): number {
  return Math.max(0, (Math.min(n.memoryMb / 2, 4096) - 300) * 0.6 * 0.5) * 1024 * 1024;
}

export class BlockManager {
  /** Blocks per executor, least recently used first. */
  private readonly storage = new Map<string, { key: string; bytes: number }[]>();
  /** "rdd:p" -> the executor holding it. */
  private readonly where = new Map<string, string>();
  evictions = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly trace: TraceSink<JobEvent>,
  ) {}

  /** The executor holding the block, if any. */
  at(key: string): string | undefined {
    return this.where.get(key);
  }

  put(key: string, executor: string, node: ClusterNode, bytes: number): void {
    const list = this.storage.get(executor) ?? [];
    this.storage.set(executor, list);
    const cap = capacity(node);
    if (bytes > cap) return;
    let used = list.reduce((s, b) => s + b.bytes, 0);
    while (used + bytes > cap && list.length > 0) {
      const victim = list.shift()!;
      used -= victim.bytes;
      this.where.delete(victim.key);
      this.evictions++;
      this.trace.record({ t: this.kernel.now, type: 'blockEvicted', block: victim.key, executor });
    }
    list.push({ key, bytes });
    this.where.set(key, executor);
  }

  /** A read makes the block the most recently used. */
  touch(key: string, executor: string): void {
    const list = this.storage.get(executor);
    const i = list?.findIndex((b) => b.key === key) ?? -1;
    if (list && i >= 0) list.push(list.splice(i, 1)[0]!);
  }

  executorLost(executor: string): void {
    this.storage.delete(executor);
    for (const [k, x] of [...this.where]) if (x === executor) this.where.delete(k);
  }
}
