import { describe, expect, it } from 'vitest';
import { Kernel, nullSink } from '../core';
import { Cluster, preset, resolveClusterSpec } from '../cluster';
import { interleave, type Slot } from './slotPool';
import { FilteringSlots } from './__tests__/fakeSlots';
import { TaskScheduler } from './taskScheduler';
import { RunningMedian } from './runningMedian';
import { ZERO_COST } from '../exec/taskTypes';
import type { SimTask } from './simTask';

/** Two slots per node; counts every call the scheduler makes into the pool. */
class CountingSlots extends FilteringSlots {
  calls = 0;
  private free: Map<string, Slot[]>;
  constructor(cluster: Cluster) {
    super();
    this.free = new Map(
      cluster.nodes.map((n) => [n.id, [0, 1].map((i) => ({ id: `${n.id}/${i}`, node: n, executor: `exec-${n.id}` }))]),
    );
  }
  freeSlots(): Slot[] {
    this.calls++;
    return interleave([...this.free.values()]);
  }
  take(slot: Slot): void {
    this.calls++;
    this.free.set(
      slot.node.id,
      this.free.get(slot.node.id)!.filter((s) => s !== slot),
    );
  }
  give(slot: Slot): void {
    this.calls++;
    this.free.get(slot.node.id)!.push(slot);
  }
  startupMs(): number {
    return 1;
  }
  nodeDied(): void {}
}

/** Runs one set of n tasks (`prefs`: node preferences, or none) and counts the work done. */
function work(
  n: number,
  prefs: boolean,
  speculation = false,
): { looks: number; calls: number; steps: number; reads: number } {
  let reads = 0;
  const kernel = new Kernel();
  const cluster = new Cluster(resolveClusterSpec(preset('two-racks')), kernel, nullSink);
  const slots = new CountingSlots(cluster);
  const scheduler = new TaskScheduler(kernel, cluster, slots, nullSink);
  // Every read of a task's preferences is counted: a scan of the pending tasks per slot reads them all.
  const tasks: SimTask[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    index: i,
    // Every task prefers one node far from most slots: a linear scan for a local task per slot was n².
    get preferredNodes() {
      reads++;
      return prefs ? ['n1'] : [];
    },
    get preferredExecutors() {
      reads++;
      return [];
    },
    cost: () => ({ ...ZERO_COST, compute: 100 + (i % 7) }),
  }));
  let done = false;
  scheduler.submit({
    id: 's',
    tasks,
    maxAttempts: 4,
    localityWaitMs: prefs ? { process: 3000, node: 3000, rack: 3000 } : { process: 0, node: 0, rack: 0 },
    speculation: speculation ? { multiplier: 1.5, quantile: 0.75 } : null,
    onTaskFinished: () => {},
    onFinished: () => (done = true),
  });
  const steps = kernel.run();
  expect(done).toBe(true);
  return { looks: scheduler.offerLooks, calls: slots.calls, steps, reads };
}

describe('TaskScheduler scaling (operations counted, no clock)', () => {
  for (const [name, prefs, speculation] of [
    ['tasks without preferences', false, false],
    ['tasks that all prefer one node (delay scheduling)', true, false],
    ['with speculation on', false, true],
  ] as const) {
    it(`does about twice the work for twice the tasks: ${name}`, () => {
      const small = work(10_000, prefs, speculation);
      const big = work(20_000, prefs, speculation);
      // Linear: the ratio stays near 2 (a quadratic scheduler gave 4).
      expect(big.looks / small.looks).toBeGreaterThan(1.5);
      expect(big.looks / small.looks).toBeLessThan(2.5);
      expect(big.calls / small.calls).toBeLessThan(2.5);
      expect(big.steps / small.steps).toBeLessThan(2.5);
      expect(big.reads / small.reads).toBeLessThan(2.5);
    });
  }
});

describe('RunningMedian', () => {
  it('gives sorted[floor(n / 2)] after every value', () => {
    const m = new RunningMedian();
    const seen: number[] = [];
    let x = 7;
    for (let i = 0; i < 500; i++) {
      x = (x * 48271) % 2147483647;
      const v = x % 100;
      m.add(v);
      seen.push(v);
      const sorted = [...seen].sort((a, b) => a - b);
      expect(m.median).toBe(sorted[Math.floor(sorted.length / 2)]);
    }
    expect(m.length).toBe(500);
  });
});
