import { describe, expect, it } from 'vitest';
import { createSimulation } from './createSimulation';

describe('cluster snapshot', () => {
  it('says which services each node runs, so a picture can draw a node without blocks or without cores', () => {
    const sim = createSimulation({
      cluster: {
        racks: [{ nodes: [{ roles: ['datanode'] }, { roles: ['nodemanager'] }, {}] }],
        node: { cores: 4, memoryMb: 8192 },
      },
      hdfs: { blockSize: 4, replication: 2 },
    });
    sim.hdfs.put('/x', 'abcdefghijkl', { writer: 'n2' });
    const app = sim.yarn.submitApplication({ callbacks: { onAllocated: () => {} } });
    for (let i = 0; i < 6; i++) app.request({ vcores: 1, memoryMb: 1024 });
    sim.run({ until: 5000 });
    const snap = sim.snapshot();
    expect(snap.nodes.map((n) => [n.id, n.roles])).toEqual([
      ['n1', ['datanode']],
      ['n2', ['nodemanager']],
      ['n3', ['datanode', 'nodemanager']],
    ]);
    const [storage, compute, both] = snap.nodes;
    expect([storage!.blocks, compute!.blocks, both!.blocks]).toEqual([3, 0, 3]);
    expect(storage!.usedVcores).toBe(0);
    expect(compute!.usedVcores + both!.usedVcores).toBe(6);
    expect(snap.yarn.nodes.map((n) => n.capacityVcores)).toEqual([0, 4, 4]);
    // Plain data: it survives JSON (it crosses a Web Worker boundary).
    expect(JSON.parse(JSON.stringify(snap.nodes))).toEqual(snap.nodes);
  });
});
