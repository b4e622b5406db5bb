import { describe, expect, it } from 'vitest';
import { Kernel, Trace } from '../core';
import { Cluster } from './cluster';
import { resolveClusterSpec } from './clusterSpec';
import { isDataNode, isNodeManager } from './nodeRoles';

const roles = (spec: unknown) => resolveClusterSpec(spec).nodes.map((n) => `${n.id}:${n.roles.join('+')}`);

describe('node roles', () => {
  it('runs a DataNode and a NodeManager on every node unless told otherwise', () => {
    expect(roles({ racks: [{ nodes: 2 }] })).toEqual(['n1:datanode+nodemanager', 'n2:datanode+nodemanager']);
  });

  it('takes roles from the cluster defaults, the rack defaults or the node, the nearest winning', () => {
    const spec = {
      node: { roles: ['datanode'] },
      racks: [{ nodes: [{}, { roles: ['nodemanager', 'datanode'] }] }, { nodes: 2, node: { roles: ['nodemanager'] } }],
    };
    expect(roles(spec)).toEqual(['n1:datanode', 'n2:datanode+nodemanager', 'n3:nodemanager', 'n4:nodemanager']);
    // A node's hardware fields still come from the defaults when it gives only its roles.
    const n3 = resolveClusterSpec({ node: { cores: 2 }, racks: [{ nodes: [{ roles: ['datanode'] }, {}] }] }).nodes[0]!;
    expect([n3.cores, n3.roles]).toEqual([2, ['datanode']]);
  });

  it('lists each role once, in the order datanode, nodemanager', () => {
    expect(roles({ racks: [{ nodes: [{ roles: ['nodemanager', 'datanode', 'nodemanager'] }] }] })).toEqual([
      'n1:datanode+nodemanager',
    ]);
  });

  it('refuses bad roles naming the field and the allowed values', () => {
    const bad: [unknown, string][] = [
      [
        { racks: [{ nodes: [{}, { roles: ['worker'] }] }] },
        `cluster.racks[0].nodes[1].roles[0]: must be one of 'datanode', 'nodemanager', got "worker"`,
      ],
      [
        { racks: [{ nodes: 1, node: { roles: 'datanode' } }] },
        'cluster.racks[0].node.roles: must be an array, got "datanode"',
      ],
      [
        { node: { roles: [] }, racks: [{ nodes: 1 }] },
        `cluster.node.roles: must list at least one role ('datanode', 'nodemanager')`,
      ],
      [
        { node: { roles: ['DataNode'] }, racks: [{ nodes: 1 }] },
        `cluster.node.roles[0]: must be one of 'datanode', 'nodemanager', got "DataNode"`,
      ],
      [
        { racks: [{ nodes: 2, node: { roles: ['nodemanager'] } }] },
        `cluster.racks: no node runs a DataNode (role 'datanode'): HDFS could store no block; give at least one node that role`,
      ],
      [
        { racks: [{ nodes: 2, node: { roles: ['datanode'] } }] },
        `cluster.racks: no node runs a NodeManager (role 'nodemanager'): YARN could run no container; give at least one node that role`,
      ],
      [{ racks: [{ nodes: [{ role: ['datanode'] }] }] }, 'cluster.racks[0].nodes[0].role: unknown field'],
    ];
    for (const [spec, message] of bad) expect(() => resolveClusterSpec(spec), JSON.stringify(spec)).toThrow(message);
  });

  it('lets the cluster list its DataNodes and NodeManagers', () => {
    const spec = resolveClusterSpec({
      racks: [{ nodes: [{ roles: ['datanode'] }, {}, { roles: ['nodemanager'] }] }],
    });
    const cluster = new Cluster(spec, new Kernel(), new Trace());
    expect(cluster.dataNodes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(cluster.nodeManagers.map((n) => n.id)).toEqual(['n2', 'n3']);
    expect(cluster.nodes.map((n) => [isDataNode(n), isNodeManager(n)])).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
  });
});
