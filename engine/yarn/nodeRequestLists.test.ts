import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContainerRequest, type RequestState } from './container';
import { NodeRequestLists } from './nodeRequestLists';
import { FITS, RequestFit, RequestQueue } from './requestQueue';

/** A heartbeating node's fit: `vcores` free, 4 GB. */
function fitOf(vcores: number): RequestFit {
  return Object.assign(new RequestFit(), { vcores, memoryMb: 4096, delay: 3000 });
}

describe('NodeRequestLists', () => {
  it('finds on each node what a RequestQueue of that node finds, pushes, scans and settles interleaved', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('push' as const),
        // A request may name several nodes, one of them twice: it is on each list, twice on that one.
        nodes: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
        vcores: fc.integer({ min: 1, max: 3 }),
        state: fc.constantFrom<RequestState>('pending', 'pending', 'pending', 'allocated'),
      }),
      fc.record({
        kind: fc.constant('find' as const),
        node: fc.integer({ min: 0, max: 3 }),
        vcores: fc.integer({ min: 1, max: 3 }),
        limit: fc.integer({ min: 1, max: 8 }),
        settle: fc.constantFrom<RequestState | null>(null, 'allocated', 'cancelled'),
      }),
      fc.record({ kind: fc.constant('cancelOne' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 160, size: 'max' }), (ops) => {
        const lists = new NodeRequestLists(4);
        let queues = [0, 1, 2, 3].map(() => new RequestQueue());
        const all: ContainerRequest[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            const r = new ContainerRequest(all.length + 1, 0, o.vcores, 1024, o.nodes, null, true, 0, null);
            r.state = o.state;
            all.push(r);
            for (const node of o.nodes) {
              lists.push(node, r);
              queues[node]!.push(r);
            }
          } else if (o.kind === 'find') {
            const fit = fitOf(o.vcores);
            const expected = queues[o.node]!.find(fit, FITS, o.limit);
            expect(lists.find(o.node, fit, o.limit)).toBe(expected);
            if (expected !== undefined && o.settle !== null) expected.state = o.settle;
          } else if (o.kind === 'cancelOne') {
            if (all.length > 0) all[o.pick % all.length]!.state = 'cancelled';
          } else {
            lists.clear();
            queues = [0, 1, 2, 3].map(() => new RequestQueue());
          }
        }
        // Every pending request is still found, in order, on its node.
        for (let node = 0; node < 4; node++) {
          const fit = fitOf(3);
          for (;;) {
            const expected = queues[node]!.find(fit, FITS, 1_000);
            expect(lists.find(node, fit, 1_000)).toBe(expected);
            if (expected === undefined) break;
            expected.state = 'allocated';
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reuses the entries of dropped requests: a list that drains and fills again does not grow', () => {
    const lists = new NodeRequestLists(2);
    const fit = fitOf(4);
    let id = 1;
    for (let round = 0; round < 100; round++) {
      for (let k = 0; k < 10; k++)
        lists.push(round % 2, new ContainerRequest(id++, 0, 1, 1024, [0], null, true, 0, null));
      for (let k = 0; k < 10; k++) lists.find(round % 2, fit, 8)!.state = 'allocated';
      expect(lists.find(round % 2, fit, 8)).toBeUndefined();
    }
    expect((lists as unknown as { requests: unknown[] }).requests.length).toBeLessThanOrEqual(10);
  });
});
