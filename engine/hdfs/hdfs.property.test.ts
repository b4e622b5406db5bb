import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeHdfs } from './__tests__/makeHdfs';

const clusterArb = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }).map((racks) => ({
  node: { cores: 2, memoryMb: 2048, diskMBps: 100 },
  racks: racks.map((nodes) => ({ nodes })),
}));

describe('HDFS properties', () => {
  it('placement never puts two replicas of a block on one node, and uses as many nodes as it can', () => {
    fc.assert(
      fc.property(
        clusterArb,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 400 }),
        fc.nat(),
        fc.integer({ min: 0, max: 30 }),
        (spec, replication, size, seed, writerPick) => {
          const { hdfs, cluster } = makeHdfs(spec, { blockSize: 32 }, seed);
          const writer = cluster.nodes[writerPick % cluster.nodes.length]!.id;
          hdfs.put('/f', new Uint8Array(size), { replication, writer });
          const expected = Math.min(replication, cluster.nodes.length);
          for (const b of hdfs.blocks('/f')) {
            expect(new Set(b.replicas).size).toBe(b.replicas.length);
            expect(b.replicas.length).toBe(expected);
            expect(b.replicas[0]).toBe(writer);
            if (cluster.racks.length > 1 && expected > 1) expect(new Set(b.racks).size).toBeGreaterThan(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with replication 3 and at most 2 nodes lost, no block is lost and all return to 3 replicas', () => {
    const failure = fc.record({
      node: fc.nat(),
      atMs: fc.integer({ min: 0, max: 120_000 }),
      kind: fc.constantFrom('killNode' as const, 'failDisk' as const),
    });
    fc.assert(
      fc.property(
        clusterArb.filter((s) => s.racks.reduce((n, r) => n + r.nodes, 0) >= 5),
        fc.array(failure, { minLength: 0, maxLength: 2 }),
        fc.integer({ min: 1, max: 600 }),
        fc.nat(),
        (spec, failures, size, seed) => {
          const { hdfs, cluster, kernel, faults } = makeHdfs(
            spec,
            { blockSize: 64, heartbeatRecheckMs: 5000, heartbeatIntervalMs: 1000 },
            seed,
          );
          const data = new Uint8Array(size).map((_, i) => (i * 31 + seed) & 0xff);
          hdfs.put('/f', data, { replication: 3 });
          const victims = new Set<string>();
          for (const f of failures) {
            const node = cluster.nodes[f.node % cluster.nodes.length]!.id;
            if (victims.has(node)) continue;
            victims.add(node);
            faults.schedule({ atMs: f.atMs, kind: f.kind, node });
          }
          // At every instant each block can still be read (a replica survives) and the bytes are intact.
          for (let t = 0; t <= 400_000; t += 20_000) {
            kernel.run({ until: t });
            expect(hdfs.read('/f')).toEqual(data);
          }
          expect(hdfs.health).toEqual({ underReplicated: 0, missing: 0, replicationsInFlight: 0 });
          for (const b of hdfs.blocks('/f')) {
            expect(b.replicas).toHaveLength(3);
            expect(new Set(b.replicas).size).toBe(3);
            for (const v of victims) expect(b.replicas).not.toContain(v);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
