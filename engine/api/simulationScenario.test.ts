import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Application } from '../yarn';
import { createSimulation, type SimulationOptions } from './createSimulation';

/** A small mixed scenario: files, a MapReduce-like app with locality, faults. */
function scenario(
  seed: number,
  cluster: SimulationOptions['cluster'],
  killAt: number,
  trace: SimulationOptions['trace'] = 'full',
) {
  const sim = createSimulation({
    seed,
    cluster,
    trace,
    hdfs: { blockSize: 256, heartbeatRecheckMs: 10_000 },
    yarn: { nodeExpiryMs: 20_000 },
  });
  sim.hdfs.put('/in/data.txt', 'abcdefghij'.repeat(200), { writer: 'n2' });
  const blocks = sim.hdfs.blocks('/in/data.txt');
  const app: Application = sim.yarn.submitApplication({
    name: 'job',
    callbacks: {
      onAllocated: (c) => app.launch(c),
      onLaunched: (c) => {
        const block = blocks[c.request.tag as number]!;
        const ms =
          sim.hdfs.readPlan('/in/data.txt', block.offset, block.length, c.nodeId)[0]!.ms +
          sim.cost.cpuMs(c.node, { records: 1000 });
        sim.kernel.schedule(ms + 2000, () => app.complete(c));
      },
      onContainerLost: (c) => app.request({ nodes: blocks[c.request.tag as number]!.replicas, tag: c.request.tag }),
    },
  });
  blocks.forEach((b, i) => app.request({ nodes: b.replicas, tag: i }));
  sim.faults.killNode('n3', killAt);
  sim.faults.slowNode('n1', 3, killAt / 2);
  sim.run({ until: 120_000 });
  return sim;
}

describe('simulation determinism and views', () => {
  it('the same seed and inputs give a byte-identical trace (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.constantFrom('cookbook-9' as const, 'two-racks' as const, 5),
        fc.integer({ min: 0, max: 60_000 }),
        (seed, cluster, killAt) => {
          const a = scenario(seed, cluster, killAt).trace.toJsonLines();
          const b = scenario(seed, cluster, killAt).trace.toJsonLines();
          expect(a).toBe(b);
          expect(a.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('different seeds place replicas differently', () => {
    const placements = new Set(
      [1, 2, 3, 4, 5].map((s) =>
        JSON.stringify(
          scenario(s, 'cookbook-9', 5000)
            .hdfs.blocks('/in/data.txt')
            .map((b) => b.replicas),
        ),
      ),
    );
    expect(placements.size).toBeGreaterThan(1);
  });

  it('count and none sinks run the same simulation without keeping events', () => {
    const full = scenario(7, 'two-racks', 3000);
    const counted = scenario(7, 'two-racks', 3000, 'count');
    const none = scenario(7, 'two-racks', 3000, 'none');
    expect(counted.trace.events).toHaveLength(0);
    expect(none.trace.events).toHaveLength(0);
    expect(counted.counts!.total).toBe(full.trace.events.length);
    expect(counted.counts!.toObject()).toEqual(full.metrics().byType);
    expect(none.snapshot()).toEqual({ ...full.snapshot() });
  });

  it("snapshots show the truth and the masters' lagging verdicts, as plain data", () => {
    const sim = scenario(3, 'two-racks', 5000);
    const snap = sim.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    const n3 = snap.nodes.find((n) => n.id === 'n3')!;
    expect(n3).toMatchObject({ alive: false, hdfsDeclaredDead: true, yarnLost: true, containers: 0 });
    expect(snap.nodes.find((n) => n.id === 'n1')).toMatchObject({ slow: true, slowFactor: 3 });
    expect(snap.hdfs.blocks.every((b) => b.replicas.length === 3 && !b.replicas.includes('n3'))).toBe(true);
    const m = sim.metrics();
    expect(m.containers.completed).toBe(snap.hdfs.blocks.length + 0);
    expect(m.nodesDied).toBe(1);
    expect(m.recoveryMs).toBeGreaterThanOrEqual(0);
  });
});
