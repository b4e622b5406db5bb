// Speculation deadlines live on the kernel's clock (whole microseconds). A deadline computed as
// 2107.9010000000003 passed for later than 2107.901, and the kernel ran it at 2107.901 again and
// again, when the straggler's copy found no slot off its node: the run never left that instant.
import { describe, expect, it } from 'vitest';
import { Kernel, nullSink } from '../core';
import { Cluster, resolveClusterSpec, type ClusterNode } from '../cluster';
import { TaskScheduler } from './taskScheduler';
import { FilteringSlots, fakeScheduler, task, taskSet } from './__tests__/fakeSlots';
import type { Slot } from './slotPool';

/** Every slot of one node: a copy of a straggler never finds a slot on another node. */
class OneNodeSlots extends FilteringSlots {
  private readonly free: Slot[];
  constructor(node: ClusterNode, slots: number) {
    super();
    this.free = Array.from({ length: slots }, (_, i) => ({ id: `${node.id}/${i}`, node, executor: 'exec-1' }));
  }
  freeSlots(): Slot[] {
    return [...this.free];
  }
  take(slot: Slot): void {
    this.free.splice(this.free.indexOf(slot), 1);
  }
  give(slot: Slot): void {
    this.free.push(slot);
    this.free.sort((a, b) => a.id.localeCompare(b.id));
  }
  startupMs(): number {
    return 10;
  }
  nodeDied(): void {
    this.free.length = 0;
  }
}

function run(speculation: { multiplier: number; quantile: number }): { events: number; done: number; copies: number } {
  const kernel = new Kernel();
  const cluster = new Cluster(
    resolveClusterSpec({ name: 'one', node: { cores: 4, memoryMb: 8192 }, racks: [{ nodes: 1 }] }),
    kernel,
    nullSink,
  );
  const scheduler = new TaskScheduler(kernel, cluster, new OneNodeSlots(cluster.nodes[0]!, 3), nullSink);
  let done = 0;
  const tasks = [task(0, [], 999), task(1, [], 999), task(2, [], 9000)];
  scheduler.submit(taskSet(tasks, { speculation, onTaskFinished: () => done++ }));
  const events = kernel.run({ maxEvents: 100_000 });
  return { events, done, copies: scheduler.attempts.filter((a) => a.speculative).length };
}

describe('Spark speculation deadlines', () => {
  it('ends a run whose straggler cannot be copied off its node (2.1 × 999 ms after its start is 2107.9010000000003)', () => {
    const r = run({ multiplier: 2.1, quantile: 0.5 });
    expect(r.done).toBe(3);
    expect(r.copies).toBe(0);
    expect(r.events).toBeLessThan(100);
  });

  it('waits for a finished task with spark.speculation.quantile=0: no median, no copy, before it', () => {
    // Spark asks for max(floor(quantile × tasks), 1) tasks done. Without that one the limit was
    // NaN, and every running task was copied at once (or none, after the heap came).
    const { kernel, scheduler } = fakeScheduler();
    const tasks = [task(0, [], 1000), task(1, [], 9000), task(2, [], 9000), task(3, [], 9000)];
    scheduler.submit(taskSet(tasks, { speculation: { multiplier: 1.5, quantile: 0 } }));
    kernel.run({ maxEvents: 100_000 });
    const firstEnd = Math.min(...scheduler.attempts.map((a) => a.end));
    const copies = scheduler.attempts.filter((a) => a.speculative);
    expect(copies.map((c) => c.index)).toEqual([1, 2, 3]);
    for (const c of copies) expect(c.start).toBeGreaterThan(firstEnd);
  });
});
