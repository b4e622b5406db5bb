// The cluster's lookups by node id: nodeIndexOf reads n1..nN off the id itself, and must answer as
// the table of ids does for any string, the ones a careless job or a hostile file could name too.
import { describe, expect, it } from 'vitest';
import { Kernel, nullSink } from '../core';
import { Cluster } from './cluster';
import { resolveClusterSpec } from './clusterSpec';

describe('Cluster node lookups', () => {
  it('finds a node index by id as findNode does, for valid ids and near misses', () => {
    const cluster = new Cluster(resolveClusterSpec({ racks: [{ nodes: 12 }, { nodes: 3 }] }), new Kernel(), nullSink);
    const ids = ['n1', 'n9', 'n10', 'n15', 'n16', 'n0', 'n01', 'n012', 'N1', 'n', '', 'n1 ', ' n1', 'n-1', 'n1.0'];
    ids.push('n1e1', 'n99999999999', 'n4294967297', 'r1', 'node1', 'n१', 'n\u0000', 'n15\u0000');
    for (const id of ids) expect(cluster.nodeIndexOf(id), id).toBe(cluster.findNode(id)?.index ?? -1);
    expect(cluster.nodeIndexOf('n15')).toBe(14);
    expect(cluster.rackIndexes[13]).toBe(1);
  });

  it('falls back to the table when the ids are not n1..nN in order', () => {
    const spec = resolveClusterSpec({ racks: [{ nodes: 3 }] });
    const renamed = { ...spec, nodes: spec.nodes.map((n, i) => ({ ...n, id: ['n2', 'n1', 'x'][i]! })) };
    const cluster = new Cluster(renamed, new Kernel(), nullSink);
    for (const id of ['n1', 'n2', 'n3', 'x'])
      expect(cluster.nodeIndexOf(id), id).toBe(cluster.findNode(id)?.index ?? -1);
    expect(cluster.nodeIndexOf('n1')).toBe(1);
  });
});
