// Spark speculation looks only at tasks whose lone attempt started early enough (loneAttempts.ts)
// instead of sorting every running task at every task event. Each schedule here is compared
// with the one the former search gives (kept below as the reference), attempt by attempt.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRng, onClock, type Kernel } from '../core';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import { TaskScheduler } from './taskScheduler';
import { TaskSetManager } from './taskSetManager';
import type { Slot, SlotPool } from './slotPool';
import { fakeScheduler, task, taskSet, waits } from './__tests__/fakeSlots';

/** What the reference reads of the scheduler's private state. */
interface Inside {
  live: TaskSetManager[];
  slots: SlotPool;
  kernel: Kernel;
  launch(set: TaskSetManager, state: TaskSetManager['states'][number], slot: Slot, speculative: boolean): void;
}

/** The former speculate(): every running task in task order, a fresh look at the free slots for each. */
function referenceSpeculate(this: Inside): void {
  for (const set of this.live) {
    const spec = set.spec.speculation;
    if (
      !spec ||
      set.finished ||
      set.pending.size > 0 ||
      set.durations.length < Math.max(1, Math.floor(set.states.length * spec.quantile))
    )
      continue;
    const median = set.durations.median!;
    for (const state of set.runningInOrder()) {
      if (state.done || state.running.length !== 1) continue;
      const r = state.running[0]!;
      if (this.kernel.now - r.record.start <= spec.multiplier * median) continue;
      const slot = this.slots.freeSlots().find((s) => s.node.id !== r.record.node);
      if (slot) this.launch(set, state, slot, true);
    }
  }
}

/** The former nextSpeculationAt(): a walk over the running tasks. */
function referenceNextSpeculationAt(set: TaskSetManager): number {
  const spec = set.spec.speculation;
  if (
    !spec ||
    set.pending.size > 0 ||
    set.durations.length < Math.max(1, Math.floor(set.states.length * spec.quantile))
  )
    return Number.POSITIVE_INFINITY;
  const limit = spec.multiplier * set.durations.median!;
  let next = Number.POSITIVE_INFINITY;
  for (const state of set.running)
    if (!state.done && state.running.length === 1) next = Math.min(next, state.running[0]!.record.start + limit);
  return onClock(next + 0.001);
}

function useReference(): void {
  const proto = TaskScheduler.prototype as unknown as Record<string, unknown>;
  vi.spyOn(proto as { speculate(): void }, 'speculate').mockImplementation(function (this: unknown) {
    referenceSpeculate.call(this as Inside);
  });
  vi.spyOn(TaskSetManager.prototype, 'nextSpeculationAt').mockImplementation(function (this: TaskSetManager) {
    return referenceNextSpeculationAt(this);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Random sets with stragglers, failures and a node dying, on 9 one-slot nodes, speculation on. */
function randomSchedule(seed: number): string {
  const rng = createRng(seed);
  const { int } = rng;
  const { kernel, cluster, scheduler, nodes } = fakeScheduler();
  for (let s = 0; s < 1 + int(3); s++) {
    const tasks = Array.from({ length: 1 + int(25) }, (_, i) => {
      const straggler = int(5) === 0;
      const at = int(2) === 0 ? [] : [nodes[int(nodes.length)]!];
      return task(i, at, (straggler ? 5000 : 500) + int(straggler ? 20_000 : 1000));
    });
    const failing = new Set(tasks.filter(() => int(8) === 0).map((t) => t.id));
    const spec = taskSet(tasks, {
      id: `s${s}`,
      localityWaitMs: waits([0, 300, 3000][int(3)]!),
      speculation: { multiplier: [1.2, 1.5, 3][int(3)]!, quantile: [0, 0.25, 0.5, 0.75][int(4)]! },
      failAttempt: (t, attempt) => (failing.has(t.id) && attempt === 0 ? 'boom' : null),
    });
    kernel.post(int(4) * 700, () => scheduler.submit(spec));
  }
  if (int(2) === 0) {
    const victim = nodes[int(nodes.length)]!;
    kernel.post(1000 + int(8000), () => {
      cluster.killNode(victim);
      scheduler.nodeDied(victim);
    });
  }
  kernel.run();
  return JSON.stringify(scheduler.attempts);
}

describe('Spark speculation candidates', () => {
  it('copies the same attempts as the former search, for 80 random schedules', () => {
    let copies = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const fast = randomSchedule(seed);
      copies += (JSON.parse(fast) as { speculative: boolean }[]).filter((a) => a.speculative).length;
      useReference();
      expect(randomSchedule(seed), `seed ${seed}`).toBe(fast);
      vi.restoreAllMocks();
    }
    // The schedules do speculate.
    expect(copies).toBeGreaterThan(40);
  });

  it('gives a whole run the same trace as the former search (a slowed node, then a dead one)', async () => {
    const JOB = `exports.default = async (sc) =>
      sc.textFile('/data/corpus.txt').flatMap((l) => l.split(/\\s+/)).map((w) => [w.length, 1]).reduceByKey((a, b) => a + b, 12).collect();`;
    const run = async () => {
      const runner = createFunctionRunner();
      try {
        const r = await runJob({
          source: { fileName: 'spec.js', code: JOB },
          runner,
          cluster: 'cookbook-9',
          seed: 11,
          blockSize: 32 * 1024,
          sparkConf: { 'spark.speculation': 'true' },
          faults: [
            { atMs: 2_000, kind: 'slowNode', node: 'n2', factor: 8 },
            { atMs: 2_600, kind: 'killNode', node: 'n5' },
          ],
        });
        expect(r.trace.some((e) => e.type === 'taskStarted' && e.speculative)).toBe(true);
        return JSON.stringify([r.result, r.trace]);
      } finally {
        await runner.close();
      }
    };
    const fast = await run();
    useReference();
    expect(await run()).toBe(fast);
  });
});
