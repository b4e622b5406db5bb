import { describe, expect, it } from 'vitest';
import { createSimulation } from '../api/createSimulation';
import type { JobContext } from '../exec/jobContext';
import { StandaloneMaster, type StandaloneAsk } from './standaloneMaster';

/** Three workers: 8 cores and 16 GB, 4 cores and 16 GB, 8 cores and 4 GB. */
function master(): StandaloneMaster {
  const sim = createSimulation({
    seed: 1,
    cluster: {
      name: 'workers',
      racks: [
        {
          nodes: [
            { cores: 8, memoryMb: 16_384 },
            { cores: 4, memoryMb: 16_384 },
            { cores: 8, memoryMb: 4096 },
          ],
        },
      ],
    },
  });
  return new StandaloneMaster({ cluster: sim.cluster } as JobContext);
}
const ask = (over: Partial<StandaloneAsk>): StandaloneAsk => ({
  coresPerExecutor: null,
  memoryMb: 1024,
  coresMax: null,
  ...over,
});
const sizes = (grants: ReturnType<StandaloneMaster['schedule']>) =>
  grants.map((g) => `${g.worker.node.id}:${g.cores}c/${g.memoryMb}`);

describe("the standalone Master's executors (Master.startExecutorsOnWorkers, spreadOut)", () => {
  it('gives an application every free core, one executor per worker, each worker offering its memory less 1 GB', () => {
    const m = master();
    expect(m.workers.map((w) => [w.cores, w.memoryMb])).toEqual([
      [8, 15_360],
      [4, 15_360],
      [8, 3072],
    ]);
    expect(sizes(m.schedule(ask({})))).toEqual(['n1:8c/1024', 'n2:4c/1024', 'n3:8c/1024']);
    // Nothing is left for a second application.
    expect(m.schedule(ask({}))).toEqual([]);
  });

  it('spreads spark.cores.max over the workers round-robin, and sizes executors by spark.executor.cores and memory', () => {
    expect(sizes(master().schedule(ask({ coresMax: 7 })))).toEqual(['n1:3c/1024', 'n2:2c/1024', 'n3:2c/1024']);
    // 2-core executors of 4 GB: n3 has 3 GB for executors, so none there.
    expect(sizes(master().schedule(ask({ coresPerExecutor: 2, memoryMb: 4096 })))).toEqual([
      'n1:2c/4096',
      'n1:2c/4096',
      'n1:2c/4096',
      'n2:2c/4096',
      'n2:2c/4096',
    ]);
  });

  it('gives cores back when an executor ends', () => {
    const m = master();
    const [first] = m.schedule(ask({ coresMax: 2 }));
    expect(m.workers[0]!.usedCores).toBe(1);
    m.free(first!);
    expect(m.workers[0]!.usedCores).toBe(0);
  });
});
