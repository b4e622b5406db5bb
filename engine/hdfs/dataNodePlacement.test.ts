import { describe, expect, it } from 'vitest';
import type { ClusterSpec } from '../cluster';
import { makeHdfs } from './__tests__/makeHdfs';

const DN = { roles: ['datanode' as const] };
const NM = { roles: ['nodemanager' as const] };
const BOTH = {};

/** Two racks, each with two DataNode-only nodes, one with both roles and one compute-only node. */
const MIXED: ClusterSpec = {
  racks: [{ nodes: [DN, DN, BOTH, NM] }, { nodes: [DN, DN, BOTH, NM] }],
};
const DATANODES = ['n1', 'n2', 'n3', 'n5', 'n6', 'n7'];

describe('HDFS on DataNodes only', () => {
  it('places every replica on a DataNode, rack-aware among them, the writer first only when it is one', () => {
    const { hdfs } = makeHdfs(MIXED, { blockSize: 4 });
    hdfs.put('/from-compute', 'abcdefghijklmnopqrstuvwxyz0123456789', { writer: 'n4' });
    hdfs.put('/from-both', 'abcdefghijklmnopqrstuvwxyz0123456789', { writer: 'n3' });
    for (const b of [...hdfs.blocks('/from-compute'), ...hdfs.blocks('/from-both')]) {
      expect(b.replicas).toHaveLength(3);
      for (const r of b.replicas) expect(DATANODES).toContain(r);
      expect(b.racks[1]).not.toBe(b.racks[0]);
      expect(b.racks[2]).toBe(b.racks[1]);
    }
    expect(hdfs.blocks('/from-both').every((b) => b.replicas[0] === 'n3')).toBe(true);
    // A compute-only writer is a client off the DataNodes: its first replica is a random DataNode.
    expect(new Set(hdfs.blocks('/from-compute').map((b) => b.replicas[0])).size).toBeGreaterThan(1);
    expect(hdfs.storedBlockCount('n4') + hdfs.storedBlockCount('n8')).toBe(0);
  });

  it('reads from the closest DataNode: never at distance 0 on a compute-only node', () => {
    const { hdfs } = makeHdfs(MIXED, { blockSize: 1024 });
    hdfs.put('/x', 'data', { writer: 'n3' });
    const [piece] = hdfs.readPlan('/x', 0, 4, 'n4');
    expect(piece!.distance).toBe(2);
    expect(piece!.node).toBe('n3');
    expect(piece!.ms).toBeGreaterThan(hdfs.readPlan('/x', 0, 4, 'n3')[0]!.ms);
  });

  it('leaves blocks under-replicated when there are fewer DataNodes than replicas, as HDFS does', () => {
    const { hdfs, trace } = makeHdfs({ racks: [{ nodes: [DN, DN, NM, NM] }] });
    hdfs.put('/x', 'abc');
    expect(hdfs.blocks('/x')[0]!.replicas.sort()).toEqual(['n1', 'n2']);
    expect(hdfs.health.underReplicated).toBe(1);
    expect(trace.events.filter((e) => e.type === 'blockUnderReplicated')).toHaveLength(1);
  });

  it('re-replicates a dead DataNode’s blocks onto other DataNodes; a dead compute-only node is no DataNode to declare dead', () => {
    const { hdfs, kernel, faults, trace } = makeHdfs(MIXED, { blockSize: 64 });
    hdfs.put('/x', new Uint8Array(640).fill(7), { writer: 'n1' });
    faults.killNode('n1', 1000);
    faults.killNode('n4', 1000);
    kernel.run({ until: 20 * 60_000 });
    expect(hdfs.deadNodes()).toEqual(['n1']);
    const dead = trace.events.filter((e) => e.type === 'dataNodeDeclaredDead').map((e) => (e as { node: string }).node);
    expect(dead).toEqual(['n1']);
    for (const b of hdfs.blocks('/x')) {
      expect(b.replicas).toHaveLength(3);
      expect(b.replicas).not.toContain('n1');
      for (const r of b.replicas) expect(DATANODES).toContain(r);
    }
    expect(hdfs.health).toEqual({ underReplicated: 0, missing: 0, replicationsInFlight: 0 });
  });
});
