import { describe, expect, it } from 'vitest';
import { runDemoScenario } from './demoScenario';

describe('the home page demo run', () => {
  const run = runDemoScenario(1);

  it('places 8 blocks × 3 replicas, kills a node and restores every replica', () => {
    const first = run.frames[1]!.picture;
    expect(first.nodes.reduce((n, node) => n + node.blocks.length, 0)).toBe(24);
    const last = run.frames.at(-1)!.picture;
    expect(last.nodes.filter((n) => !n.alive)).toHaveLength(1);
    expect(last.nodes.filter((n) => n.alive).reduce((n, node) => n + node.blocks.length, 0)).toBe(24);
    expect(run.events.some((e) => e.kind === 'fault' && /died/.test(e.text))).toBe(true);
    expect(run.events.some((e) => e.kind === 'recovery')).toBe(true);
  });

  it('runs tasks in containers and never oversubscribes a node', () => {
    const busy = run.frames.filter((f) => f.picture.nodes.some((n) => n.usedCores > 0));
    expect(busy.length).toBeGreaterThan(10);
    for (const f of run.frames) for (const n of f.picture.nodes) expect(n.usedCores).toBeLessThanOrEqual(n.cores);
  });

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(runDemoScenario(1))).toBe(JSON.stringify(run));
    expect(JSON.stringify(runDemoScenario(2))).not.toBe(JSON.stringify(run));
  });
});
