import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '../cluster';
import type { Container } from './container';
import { makeYarn } from './__tests__/makeYarn';

/** Per rack: a big DataNode-only machine, a NodeManager-only one and one with both roles. */
const SPLIT: ClusterSpec = {
  node: { cores: 4, memoryMb: 8192 },
  racks: [
    { nodes: [{ roles: ['datanode'], cores: 32 }, { roles: ['nodemanager'] }, {}] },
    { nodes: [{ roles: ['datanode'], cores: 32 }, { roles: ['nodemanager'] }, {}] },
  ],
};
const NODE_MANAGERS = ['n2', 'n3', 'n5', 'n6'];

function app(yarn: ReturnType<typeof makeYarn>, workMs = 60_000) {
  const allocated: Container[] = [];
  const lost: Container[] = [];
  const a = yarn.rm.submitApplication({
    callbacks: {
      onAllocated: (c) => {
        allocated.push(c);
        a.launch(c);
      },
      onLaunched: (c) => yarn.kernel.schedule(workMs, () => a.complete(c)),
      onContainerLost: (c) => lost.push(c),
    },
  });
  return { app: a, allocated, lost };
}

describe('YARN on NodeManagers only', () => {
  it('allocates containers only on nodes that run a NodeManager', () => {
    const yarn = makeYarn(SPLIT, { maxOffSwitchPerHeartbeat: 100 });
    const { app: a, allocated } = app(yarn);
    for (let i = 0; i < 16; i++) a.request({ vcores: 1, memoryMb: 1024 });
    yarn.kernel.run({ until: 5000 });
    expect(allocated).toHaveLength(16);
    expect([...new Set(allocated.map((c) => c.nodeId))].sort()).toEqual(NODE_MANAGERS);
    const capacity = yarn.rm.snapshot().nodes.map((n) => `${n.id}:${n.capacityVcores}`);
    expect(capacity).toEqual(['n1:0', 'n2:4', 'n3:4', 'n4:0', 'n5:4', 'n6:4']);
  });

  it('meets a request naming a DataNode-only node on its rack after the locality delay', () => {
    const yarn = makeYarn(SPLIT);
    const { app: a, allocated } = app(yarn);
    a.request({ nodes: ['n4'], tag: 'block on n4' });
    yarn.kernel.run({ until: 2900 });
    expect(allocated).toHaveLength(0);
    yarn.kernel.run({ until: 5000 });
    expect(allocated.map((c) => [c.rackId, c.locality])).toEqual([['r2', 'rack']]);
    expect(['n5', 'n6']).toContain(allocated[0]!.nodeId);
    // With relaxLocality false it is never met: no NodeManager runs there.
    a.request({ nodes: ['n1'], relaxLocality: false });
    yarn.kernel.run({ until: 60_000 });
    expect(allocated).toHaveLength(1);
    expect(a.pendingRequests).toBe(1);
  });

  it('sizes asks by the NodeManagers: a DataNode-only machine’s cores are not YARN’s', () => {
    const { rm } = makeYarn(SPLIT);
    const a = rm.submitApplication({ callbacks: { onAllocated: () => {} } });
    expect(() => a.request({ vcores: 8 })).toThrow('ask.vcores: no node has 8 vcores (largest: 4)');
  });

  it('loses the containers of a dead NodeManager; a dead DataNode-only node is no NodeManager to lose', () => {
    const yarn = makeYarn(SPLIT, { maxOffSwitchPerHeartbeat: 100 });
    const { app: a, allocated, lost } = app(yarn, 30 * 60_000);
    for (let i = 0; i < 4; i++) a.request({ vcores: 1, memoryMb: 1024 });
    yarn.kernel.run({ until: 3000 });
    const victim = allocated[0]!.nodeId;
    yarn.faults.killNode(victim, 4000);
    yarn.faults.killNode('n1', 4000);
    yarn.kernel.run({ until: 15 * 60_000 });
    const lostNodes = yarn.trace.events.filter((e) => e.type === 'nodeManagerLost').map((e) => e.node);
    expect(lostNodes).toEqual([victim]);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((c) => c.nodeId === victim)).toBe(true);
  });
});
