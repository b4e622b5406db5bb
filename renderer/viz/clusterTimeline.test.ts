import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/api';
import { ZERO_COST } from '../../engine/exec';
import { runDemoScenario } from '../../engine/api';
import { ClusterTimeline } from './clusterTimeline';

const nodes = ['n1', 'n2', 'n3'].map((id) => ({ id, rack: 'r1', cores: 4, memoryMb: 8192 }));
const attempt = (task: string, attempt: number, node: string) => ({
  taskSet: 'ts',
  task,
  attempt,
  attemptId: `${task}.${attempt}`,
  node,
});
const started = (t: number, task: string, n: number, node: string): RunEvent => ({
  t,
  type: 'taskStarted',
  ...attempt(task, n, node),
  executor: node,
  locality: 'NODE_LOCAL',
  speculative: false,
});
const finished = (t: number, task: string, n: number, node: string): RunEvent => ({
  t,
  type: 'taskFinished',
  ...attempt(task, n, node),
  ms: 0,
  cost: ZERO_COST,
});
const allocated = (t: number, container: number, node: string, vcores: number): RunEvent => ({
  t,
  type: 'containerAllocated',
  container,
  app: 'app1',
  request: container,
  node,
  vcores,
  memoryMb: 1024,
  locality: 'node',
});
const events: RunEvent[] = [
  { t: 0, type: 'blockAllocated', block: 1, path: '/f', index: 0, bytes: 1, replicas: ['n1', 'n2', 'n3'] },
  started(10, 'm0', 1, 'n2'),
  { t: 20, type: 'nodeDied', node: 'n3' },
  { t: 30, type: 'blockReplicated', block: 1, from: 'n1', to: 'n2', bytes: 1, ms: 1 },
  finished(40, 'm0', 1, 'n2'),
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
      { t: 50, type: 'blockAllocated', block: 2, path: '/g', index: 0, bytes: 1, replicas: ['n2', 'n1'] },
    ]);
    expect(tl.peakBlocksPerNode()).toBe(2);
    tl.at(60);
    expect(tl.blockMap()).toEqual([
      { block: { id: 1, path: '/f', index: 0 }, nodes: ['n1', 'n2'] },
      { block: { id: 2, path: '/g', index: 0 }, nodes: ['n1', 'n2'] },
    ]);
  });

  it('counts a Spark executor’s cores as busy only while tasks run on them, the rest as held', () => {
    const spark: RunEvent[] = [
      allocated(0, 1, 'n1', 1),
      allocated(0, 2, 'n2', 4),
      { t: 5, type: 'executorAdded', executor: 'exec-n2', node: 'n2', container: 2, cores: 4, memoryMb: 4096 },
      started(10, 's0.0', 1, 'n2'),
      finished(20, 's0.0', 1, 'n2'),
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

describe('the home page scenario played like any run', () => {
  it('shows 24 replicas, a dead node, re-replication and busy cores that never exceed a node’s', () => {
    const run = runDemoScenario(1);
    const tl = new ClusterTimeline(run.nodes, run.trace);
    const replicas = (t: number) => tl.at(t).nodes.reduce((n, node) => n + (node.blockCount ?? 0), 0);
    expect(replicas(1000)).toBe(24);
    const end = tl.at(run.durationMs);
    expect(end.nodes.filter((n) => !n.alive)).toHaveLength(1);
    expect(replicas(run.durationMs)).toBe(24);
    let busy = 0;
    for (let t = 0; t <= run.durationMs; t += 500)
      for (const n of tl.at(t).nodes) {
        expect(n.usedCores).toBeLessThanOrEqual(n.cores);
        busy += n.usedCores > 0 ? 1 : 0;
      }
    expect(busy).toBeGreaterThan(10);
  });
});

describe('ClusterTimeline played forward', () => {
  it('pictures every instant as a timeline built afresh for it does, reusing the nodes nothing touched', () => {
    const run = runDemoScenario(1);
    const played = new ClusterTimeline(run.nodes, run.trace);
    let previous = played.at(0);
    let reused = 0;
    for (let t = 0; t <= run.durationMs; t += run.durationMs / 200) {
      const now = played.at(t);
      expect(now).toEqual(new ClusterTimeline(run.nodes, run.trace).at(t));
      reused += now.nodes.filter((n, i) => n === previous.nodes[i]).length;
      previous = now;
    }
    expect(reused).toBeGreaterThan(0);
  });
});

describe("two resource managers on one node (Spark's standalone Master beside YARN)", () => {
  const standaloneAdded = (t: number, node: string, cores: number, memoryMb: number): RunEvent => ({
    t,
    type: 'executorAdded',
    executor: `exec-${node}`,
    node,
    cores,
    memoryMb,
    manager: 'standalone',
  });
  it('says what each manager handed out, and when together they handed out more cores or memory than the node has', async () => {
    const { describeNode, oversubscribed } = await import('./clusterPicture');
    const tl = new ClusterTimeline(nodes, [
      allocated(0, 1, 'n1', 2),
      allocated(0, 2, 'n2', 1),
      standaloneAdded(5, 'n1', 4, 1024),
      standaloneAdded(5, 'n2', 2, 7680),
      started(6, 's0.0', 1, 'n1'),
      { t: 20, type: 'executorRemoved', executor: 'exec-n1', node: 'n1' },
    ]);
    expect(tl.at(1).nodes[0]).not.toHaveProperty('handedOutCores');
    const [n1, n2, n3] = tl.at(10).nodes;
    // n1: YARN 2 + standalone 4 = 6 of 4 cores.
    expect(n1).toMatchObject({ standaloneCores: 4, handedOutCores: 6, handedOutMemoryMb: 2048 });
    expect(oversubscribed(n1!)).toBe(true);
    expect(describeNode(n1!)).toContain(
      "oversubscribed: 6 of its 4 cores handed out (YARN 2, Spark's standalone Master 4)",
    );
    // n2: 3 of 4 cores, but 1 GB + 7.5 GB of its 8 GB of memory.
    expect(n2).toMatchObject({ handedOutCores: 3, handedOutMemoryMb: 8704 });
    expect(oversubscribed(n2!)).toBe(true);
    expect(oversubscribed(n3!)).toBe(false);
    // The executor removed with its application: n1 is YARN's alone again.
    expect(tl.at(25).nodes[0]).not.toHaveProperty('handedOutCores');
  });
});
