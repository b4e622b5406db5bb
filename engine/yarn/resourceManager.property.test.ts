import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Application } from './application';
import type { Container } from './container';
import { makeYarn } from './__tests__/makeYarn';

describe('YARN properties', () => {
  it('never oversubscribes a node, whatever the asks, schedulers and failures', () => {
    const ask = fc.record({
      vcores: fc.integer({ min: 1, max: 4 }),
      memoryMb: fc.integer({ min: 100, max: 6000 }),
      node: fc.option(fc.nat(), { nil: undefined }),
      relax: fc.boolean(),
      app: fc.nat(),
      at: fc.integer({ min: 0, max: 20_000 }),
      work: fc.integer({ min: 1, max: 30_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('fifo', 'capacity', 'fair'),
        fc.array(ask, { maxLength: 60 }),
        fc.array(fc.record({ node: fc.nat(), at: fc.integer({ min: 0, max: 30_000 }), restart: fc.boolean() }), {
          maxLength: 2,
        }),
        (racks, scheduler, asks, kills) => {
          const queues =
            scheduler === 'fifo'
              ? undefined
              : [
                  { name: 'a', capacity: 50, weight: 1 },
                  { name: 'b', capacity: 50, weight: 2 },
                ];
          const spec = { node: { cores: 4, memoryMb: 8192, diskMBps: 100 }, racks: racks.map((nodes) => ({ nodes })) };
          const { rm, kernel, cluster, faults } = makeYarn(spec, { scheduler, queues, nodeExpiryMs: 10_000 });
          const check = (): void => {
            for (const n of cluster.nodes) {
              const used = rm.nodeState.usedVcores(n.index);
              const mem = rm.nodeState.usedMemoryMb(n.index);
              expect(used).toBeLessThanOrEqual(n.cores);
              expect(mem).toBeLessThanOrEqual(n.memoryMb);
              expect(used).toBeGreaterThanOrEqual(0);
              let v = 0;
              let m = 0;
              for (const c of rm.containers.onNode(n.index)) {
                v += c.vcores;
                m += c.memoryMb;
              }
              expect([v, m]).toEqual([used, mem]);
            }
          };
          const apps: Application[] = [];
          for (let i = 0; i < 3; i++) {
            const app: Application = rm.submitApplication({
              queue: queues?.[i % 2]?.name,
              callbacks: {
                onAllocated: (c: Container) => {
                  check();
                  app.launch(c);
                },
                onLaunched: (c: Container) => kernel.schedule((c.request.tag as number) ?? 1000, () => app.complete(c)),
              },
            });
            apps.push(app);
          }
          for (const a of asks) {
            kernel.scheduleAt(a.at, () => {
              const nodes = a.node === undefined ? undefined : [cluster.nodes[a.node % cluster.nodes.length]!.id];
              apps[a.app % 3]!.request({
                vcores: a.vcores,
                memoryMb: a.memoryMb,
                nodes,
                relaxLocality: a.relax || nodes === undefined,
                tag: a.work,
              });
            });
          }
          for (const k of kills) {
            const node = cluster.nodes[k.node % cluster.nodes.length]!.id;
            faults.killNode(node, k.at);
            if (k.restart) faults.restartNode(node, k.at + 5000);
          }
          kernel.scheduleAt(200_000, () => apps.forEach((a) => a.finish()));
          kernel.run({ until: 250_000 });
          check();
          expect(rm.containers.size).toBe(0);
          expect(cluster.nodes.every((n) => rm.containers.countOn(n.index) === 0)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
