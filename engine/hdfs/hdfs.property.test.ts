import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeHdfs } from './__tests__/makeHdfs';
import type { BlockManager } from './blockManager';

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

  it('a node serves a block exactly when its disk holds it, through kills, restarts, disk failures and re-replication', () => {
    // Episodes on one node each, their steps close together (a restart can come before the next
    // heartbeat reports a failed disk); checked after every event the kernel runs.
    const episode = fc.record({
      node: fc.nat(),
      atMs: fc.integer({ min: 0, max: 20_000 }),
      gapMs: fc.integer({ min: 1, max: 3_000 }),
      steps: fc.constantFrom(
        ['failDisk'] as const,
        ['killNode'] as const,
        ['killNode', 'restartNode'] as const,
        ['failDisk', 'killNode', 'restartNode'] as const,
      ),
    });
    fc.assert(
      fc.property(
        clusterArb.filter((s) => s.racks.reduce((n, r) => n + r.nodes, 0) >= 4),
        fc.array(episode, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 600 }),
        fc.nat(),
        (spec, episodes, size, seed) => {
          const { hdfs, cluster, kernel, faults } = makeHdfs(
            spec,
            { blockSize: 64, heartbeatRecheckMs: 5000, heartbeatIntervalMs: 1000 },
            seed,
          );
          hdfs.put('/f', new Uint8Array(size), { replication: 3 });
          for (const e of episodes) {
            const node = cluster.nodes[e.node % cluster.nodes.length]!.id;
            e.steps.forEach((kind, k) => faults.schedule({ atMs: e.atMs + k * e.gapMs, kind, node }));
          }
          // The block manager's fast answer (the NameNode's list while the disk was not wiped)
          // must agree with the disk's own set at every instant.
          const bm = (hdfs as unknown as { bm: BlockManager }).bm;
          let wrong = 0;
          while (kernel.now < 60_000 && kernel.step())
            for (const b of bm.blocks.values())
              cluster.nodes.forEach((node, i) => {
                const expected = node.alive && !node.diskFailed && bm.stored[i]!.has(b) && cluster.isReachable(node);
                if (bm.canServe(i, b) !== expected) wrong++;
              });
          expect(wrong).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a restarted node whose disk failed serves none of the replicas the NameNode still lists for it', () => {
    const { hdfs, cluster, kernel, faults } = makeHdfs(undefined, { heartbeatIntervalMs: 1000 }, 3);
    hdfs.put('/f', new Uint8Array(1000), { replication: 3 });
    const bm = (hdfs as unknown as { bm: BlockManager }).bm;
    const b = [...bm.blocks.values()][0]!;
    const i = b.replicas[0]!;
    const node = cluster.nodes[i]!.id;
    faults.schedule({ atMs: 10_000, kind: 'failDisk', node });
    faults.schedule({ atMs: 10_001, kind: 'killNode', node });
    faults.schedule({ atMs: 10_002, kind: 'restartNode', node });
    kernel.run({ until: 10_003 });
    // Alive, its new disk empty; the NameNode has not heard of the failure yet.
    expect(cluster.nodes[i]!.alive && !cluster.nodes[i]!.diskFailed).toBe(true);
    expect(b.replicas).toContain(i);
    expect(bm.stored[i]!.has(b)).toBe(false);
    expect(bm.canServe(i, b)).toBe(false);
    kernel.run({ until: 60_000 });
    expect(bm.canServe(i, b)).toBe(bm.stored[i]!.has(b));
  });

  it("keeps the replicas written to a restarted node's new disk when it reports its failed one", () => {
    const { hdfs, cluster, kernel, faults, trace } = makeHdfs(undefined, { heartbeatIntervalMs: 1000 }, 3);
    hdfs.put('/f', new Uint8Array(1000), { replication: 3 });
    const bm = (hdfs as unknown as { bm: BlockManager }).bm;
    const n = cluster.nodes[bm.blocks.values().next().value!.replicas[0]!]!;
    faults.schedule({ atMs: 10_000, kind: 'failDisk', node: n.id });
    faults.schedule({ atMs: 10_001, kind: 'killNode', node: n.id });
    faults.schedule({ atMs: 10_002, kind: 'restartNode', node: n.id });
    kernel.run({ until: 10_003 });
    // Written to every node, the restarted one's new disk included, before its next heartbeat.
    hdfs.put('/g', new Uint8Array(100), { replication: cluster.nodes.length });
    const g = [...bm.blocks.values()].find((b) => b.file.path === '/g')!;
    expect(g.replicas).toContain(n.index);
    kernel.run({ until: 30_000 });
    expect(g.replicas).toContain(n.index);
    expect(bm.stored[n.index]!.has(g)).toBe(true);
    const lostOnN = trace.events
      .map((e) => e as { type: string; node?: string; block?: number })
      .filter((e) => e.type === 'replicaLost' && e.node === n.id)
      .map((e) => e.block);
    expect(lostOnN).not.toContain(g.id);
    // The old disk's replicas of /f were lost, and re-replicated elsewhere.
    expect(lostOnN.length).toBeGreaterThan(0);
    expect(hdfs.health).toEqual({ underReplicated: 0, missing: 0, replicationsInFlight: 0 });
  });
});
