import { describe, expect, it } from 'vitest';
import { ClusterTimeline } from './clusterTimeline';

const nodes = ['n1', 'n2', 'n3'].map((id) => ({ id, rack: 'r1', cores: 4, memoryMb: 8192 }));
const events = [
  { t: 0, type: 'blockAllocated', block: 1, path: '/f', index: 0, replicas: ['n1', 'n2', 'n3'] },
  { t: 10, type: 'taskStarted', task: 'm0', attempt: 1, node: 'n2' },
  { t: 20, type: 'nodeDied', node: 'n3' },
  { t: 30, type: 'blockReplicated', block: 1, from: 'n1', to: 'n2' },
  { t: 40, type: 'taskFinished', task: 'm0', attempt: 1, node: 'n2' },
];

describe('ClusterTimeline', () => {
  it('rebuilds the cluster at any time, forward and backward', () => {
    const tl = new ClusterTimeline(nodes, events);
    expect(tl.at(0).nodes.map((n) => n.blocks.length)).toEqual([1, 1, 1]);
    expect(tl.at(15).nodes[1]!.usedCores).toBe(1);
    const later = tl.at(25);
    expect(later.nodes[2]!.alive).toBe(false);
    expect(later.nodes[2]!.blocks).toEqual([]);
    expect(tl.at(45).nodes[1]!.usedCores).toBe(0);
    expect(tl.at(5).nodes[2]!.alive).toBe(true);
    expect(tl.at(15).nodes[1]!.containerCount).toBe(1);
    expect(tl.at(5).nodes[0]!.blocks).toEqual([{ id: 1, path: '/f', index: 0 }]);
  });

  it('knows the most replicas any node ever holds, and each block’s live nodes', () => {
    const tl = new ClusterTimeline(nodes, [
      ...events,
      { t: 50, type: 'blockAllocated', block: 2, path: '/g', index: 0, replicas: ['n2', 'n1'] },
    ]);
    expect(tl.peakBlocksPerNode()).toBe(2);
    tl.at(60);
    expect(tl.blockMap()).toEqual([
      { block: { id: 1, path: '/f', index: 0 }, nodes: ['n1', 'n2'] },
      { block: { id: 2, path: '/g', index: 0 }, nodes: ['n1', 'n2'] },
    ]);
  });

  it('counts a Spark executor’s cores as busy only while tasks run on them, the rest as held', () => {
    const spark: { t: number; type: string; [field: string]: unknown }[] = [
      { t: 0, type: 'containerAllocated', container: 1, node: 'n1', vcores: 1 },
      { t: 0, type: 'containerAllocated', container: 2, node: 'n2', vcores: 4 },
      { t: 5, type: 'executorAdded', executor: 'exec-n2', node: 'n2', container: 2, cores: 4 },
      { t: 10, type: 'taskStarted', task: 's0.0', attempt: 1, node: 'n2' },
      { t: 20, type: 'taskFinished', task: 's0.0', attempt: 1, node: 'n2' },
    ];
    const tl = new ClusterTimeline(nodes, spark);
    // Starting (before the executor registered): held, not busy. A plain container is busy.
    expect(tl.at(1).nodes.map((n) => [n.usedCores, n.heldCores])).toEqual([
      [1, 0],
      [0, 4],
      [0, 0],
    ]);
    expect(tl.at(15).nodes[1]).toMatchObject({ usedCores: 1, heldCores: 3 });
    expect(tl.at(25).nodes[1]).toMatchObject({ usedCores: 0, heldCores: 4 });
  });
});
