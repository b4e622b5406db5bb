import { describe, expect, it } from 'vitest';
import { createSimulation } from '../api/createSimulation';
import { resolveYarnLoads, startYarnLoads } from './yarnLoad';

describe('other applications on YARN (yarnLoad)', () => {
  it('names the field of a bad load', () => {
    expect(() => resolveYarnLoads([{ name: 'etl', containers: 0, workMs: 1 }])).toThrow(/yarnLoad\[0\]\.containers/);
    expect(() => resolveYarnLoads([{ name: 'etl', containers: 1e9, workMs: 1 }])).toThrow(/at most 100000/);
    expect(() => resolveYarnLoads([{ name: 'etl', containers: 1, workMs: 1, colour: 'red' }])).toThrow(/yarnLoad\[0\]/);
    expect(() => resolveYarnLoads('etl')).toThrow(/yarnLoad/);
    const sim = createSimulation({ seed: 1, cluster: 'two-racks' });
    expect(() =>
      startYarnLoads(
        sim.kernel,
        sim.yarn,
        sim.cost,
        resolveYarnLoads([{ name: 'etl', queue: 'nope', containers: 1, workMs: 1 }]),
      ),
    ).toThrow(/yarnLoad\[0\]\.queue: YARN has no queue 'nope'/);
  });

  it('runs its containers in waves: what does not fit waits until a container ends', () => {
    const sim = createSimulation({
      seed: 1,
      cluster: { name: 'one', racks: [{ nodes: [{ cores: 2, memoryMb: 8192 }] }] },
    });
    startYarnLoads(
      sim.kernel,
      sim.yarn,
      sim.cost,
      resolveYarnLoads([{ name: 'etl', containers: 4, vcores: 1, memoryMb: 1024, workMs: 60_000 }]),
    );
    sim.run({ until: 30_000 });
    expect(sim.yarn.nodeState.usedVcores(0)).toBe(2);
    sim.run();
    const app = sim.yarn.applications()[0]!;
    expect(app.state).toBe('succeeded');
    // Two waves of a minute each, plus heartbeats and container start-up.
    expect(sim.kernel.now).toBeGreaterThan(120_000);
    expect(sim.kernel.now).toBeLessThan(130_000);
  });
});
