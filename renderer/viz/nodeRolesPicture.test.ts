import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../engine/api';
import { describeNode, roleNote, runsDataNode, runsNodeManager } from './clusterPicture';
import { summariseRacks } from './clusterMapLayout';
import { ClusterTimeline, type NodeInfo } from './clusterTimeline';

const nodes: NodeInfo[] = [
  { id: 'n1', rack: 'r1', cores: 16, memoryMb: 8192, roles: ['datanode'] },
  { id: 'n2', rack: 'r1', cores: 4, memoryMb: 8192, roles: ['nodemanager'] },
  { id: 'n3', rack: 'r1', cores: 4, memoryMb: 8192, roles: ['datanode', 'nodemanager'] },
  { id: 'n4', rack: 'r1', cores: 4, memoryMb: 8192 },
];
const events: RunEvent[] = [
  {
    t: 0,
    type: 'blockAllocated',
    block: 1073741825,
    path: '/x',
    index: 0,
    bytes: 10,
    replicas: ['n1', 'n3'],
    writer: null,
    pipelineMs: 1,
  },
  {
    t: 1,
    type: 'containerAllocated',
    container: 1,
    app: 'app1',
    request: 1,
    node: 'n2',
    vcores: 2,
    memoryMb: 1024,
    locality: 'any',
  },
];

describe('the cluster map of nodes that do not run both services', () => {
  const picture = new ClusterTimeline(nodes, events).at(10);
  const [storage, compute, both, unsaid] = picture.nodes;

  it('draws a DataNode-only node without cores and a compute-only node without blocks', () => {
    expect([storage!.cores, storage!.usedCores, storage!.blocks.length]).toEqual([0, 0, 1]);
    expect([compute!.cores, compute!.usedCores, compute!.blockCount]).toEqual([4, 2, 0]);
    expect([both!.cores, both!.blocks.length]).toEqual([4, 1]);
    // A node whose roles are not given runs both (a run recorded before roles existed).
    expect(unsaid!.roles).toBeUndefined();
    expect([runsDataNode(unsaid!), runsNodeManager(unsaid!), unsaid!.cores]).toEqual([true, true, 4]);
    // The rack's cores are the NodeManagers' only.
    expect(summariseRacks(picture.nodes)[0]).toMatchObject({ cores: 12, busyCores: 2, blocks: 2 });
  });

  it('says in words which service a node lacks', () => {
    expect(roleNote(storage!)).toBe('DataNode only: no NodeManager runs containers here');
    expect(roleNote(compute!)).toBe('NodeManager only: no DataNode stores blocks here');
    expect(roleNote(both!)).toBeNull();
    expect(describeNode(storage!)).toBe(
      'n1 (rack r1): alive, DataNode only: no NodeManager runs containers here, 1 block replica, 0 containers',
    );
    expect(describeNode(compute!)).toBe(
      'n2 (rack r1): alive, NodeManager only: no DataNode stores blocks here, 2 of 4 cores busy, 0 block replicas, 1 container',
    );
    expect(describeNode(both!)).toBe('n3 (rack r1): alive, 0 of 4 cores busy, 1 block replica, 0 containers');
  });
});
