import { describe, expect, it } from 'vitest';
import { runDemoScenario } from './demoScenario';
import type { RunEvent, RunEventOf, RunEventType } from './jobTypes';

const ofType = <T extends RunEventType>(trace: readonly RunEvent[], type: T) =>
  trace.filter((e): e is RunEventOf<T> => e.type === type);

describe('the home page demo run (an engine scenario)', () => {
  const run = runDemoScenario(1);

  it('places 8 blocks × 3 replicas, kills a node and re-replicates what it held', () => {
    const blocks = ofType(run.trace, 'blockAllocated');
    expect(blocks.map((b) => b.replicas.length)).toEqual(Array(8).fill(3));
    const died = ofType(run.trace, 'nodeDied');
    expect(died).toHaveLength(1);
    const declared = ofType(run.trace, 'dataNodeDeclaredDead');
    expect(declared.map((e) => e.node)).toEqual([died[0]!.node]);
    expect(ofType(run.trace, 'blockReplicated')).toHaveLength(declared[0]!.replicasLost);
    expect(run.nodes).toHaveLength(9);
  });

  it('runs 5 waves of one map task per block in containers; tasks lost with the node run again', () => {
    const finished = ofType(run.trace, 'taskFinished');
    expect(new Set(finished.map((e) => e.task)).size).toBe(40);
    const dead = ofType(run.trace, 'nodeDied')[0]!;
    expect(finished.every((e) => e.node !== dead.node || e.t <= dead.t)).toBe(true);
    for (const lost of ofType(run.trace, 'taskFailed')) {
      expect(lost.node).toBe(dead.node);
      expect(finished.some((e) => e.task === lost.task && e.attempt === lost.attempt + 1)).toBe(true);
    }
    // Containers never oversubscribe a node.
    const cores = new Map(run.nodes.map((n) => [n.id, n.cores]));
    const held = new Map<string, number>();
    for (const e of run.trace) {
      if (e.type === 'containerAllocated') held.set(e.node, (held.get(e.node) ?? 0) + e.vcores);
      if (e.type === 'containerCompleted' || e.type === 'containerLost' || e.type === 'containerReleased')
        held.set(e.node, (held.get(e.node) ?? 0) - 1);
      if (e.type === 'containerAllocated') expect(held.get(e.node)).toBeLessThanOrEqual(cores.get(e.node)!);
    }
  });

  it("names its shortened timeouts, which the trace keeps to, beside Hadoop's defaults", () => {
    const o = run.timeouts;
    expect(o).toEqual({
      dataNodeDeadMs: 2 * 15_000 + 10 * 3000,
      defaultDataNodeDeadMs: 630_000,
      nodeManagerExpiryMs: 20_000,
      defaultNodeManagerExpiryMs: 600_000,
    });
    const died = ofType(run.trace, 'nodeDied')[0]!;
    const declared = ofType(run.trace, 'dataNodeDeclaredDead')[0]!;
    // Declared dead once its last heartbeat is the dead interval old (checked every recheck interval).
    expect(declared.t - died.t).toBeGreaterThanOrEqual(o.dataNodeDeadMs - 3000);
    expect(declared.t - died.t).toBeLessThanOrEqual(o.dataNodeDeadMs + 15_000);
  });

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(runDemoScenario(1))).toBe(JSON.stringify(run));
    expect(JSON.stringify(runDemoScenario(2))).not.toBe(JSON.stringify(run));
  });
});
