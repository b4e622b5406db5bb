import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContainerRequest, type RequestState } from './container';
import { RequestLists } from './requestLists';
import { FITS, ON_RACK, RELAXABLE, RequestFit, RequestQueue, type Accept } from './requestQueue';
import { counted } from './__tests__/countedRequest';

/** A heartbeating node's fit: `vcores` free, 4 GB, a 3 s locality delay. */
function fitOf(vcores: number, now = 0, rack = 0): RequestFit {
  return Object.assign(new RequestFit(), { vcores, memoryMb: 4096, delay: 3000, now, rack });
}

describe('RequestLists', () => {
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
        const lists = new RequestLists(4);
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
            expect(lists.find(o.node, fit, FITS, o.limit)).toBe(expected);
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
            expect(lists.find(node, fit, FITS, 1_000)).toBe(expected);
            if (expected === undefined) break;
            expected.state = 'allocated';
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('scans a rack as a RequestQueue of that rack does: relaxable, rack-local with its delay and bound, named racks', () => {
    // Requests are made in time order (each `wait` after the one before), as the ResourceManager makes them.
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('push' as const),
        rack: fc.integer({ min: 0, max: 2 }),
        vcores: fc.integer({ min: 1, max: 3 }),
        names: fc.constantFrom(false, false, false, true),
        relax: fc.boolean(),
        wait: fc.integer({ min: 0, max: 3000 }),
        state: fc.constantFrom<RequestState>('pending', 'pending', 'pending', 'allocated'),
      }),
      fc.record({
        kind: fc.constant('find' as const),
        rack: fc.integer({ min: 0, max: 2 }),
        accept: fc.constantFrom<Accept>(FITS, RELAXABLE, ON_RACK, ON_RACK),
        vcores: fc.integer({ min: 1, max: 3 }),
        // When, from the last request's time: inside or past its delay, or even before it was made.
        after: fc.integer({ min: -3000, max: 7000 }),
        limit: fc.integer({ min: 1, max: 8 }),
        settle: fc.constantFrom<RequestState | null>(null, 'allocated', 'cancelled'),
      }),
      fc.record({ kind: fc.constant('cancelOne' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      // Most runs name no rack (a map task's asks name nodes): a rack once named keeps no bound.
      fc.property(fc.array(op, { minLength: 20, maxLength: 160, size: 'max' }), fc.boolean(), (ops, noNames) => {
        const lists = new RequestLists(3, true);
        let queues = [0, 1, 2].map(() => new RequestQueue());
        const all: ContainerRequest[] = [];
        let at = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            at += o.wait;
            const racks = o.names && !noNames ? [o.rack] : null;
            const r = new ContainerRequest(all.length + 1, 0, o.vcores, 1024, [0], racks, o.relax, at, null);
            r.state = o.state;
            all.push(r);
            lists.push(o.rack, r);
            queues[o.rack]!.push(r);
          } else if (o.kind === 'find') {
            const fit = fitOf(o.vcores, Math.max(0, at + o.after), o.rack);
            const expected = queues[o.rack]!.find(fit, o.accept, o.limit);
            expect(lists.find(o.rack, fit, o.accept, o.limit)).toBe(expected);
            if (expected !== undefined && o.settle !== null) expected.state = o.settle;
          } else if (o.kind === 'cancelOne') {
            if (all.length > 0) all[o.pick % all.length]!.state = 'cancelled';
          } else {
            lists.clear();
            queues = [0, 1, 2].map(() => new RequestQueue());
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stops a rack scan at a waiting head, then answers without reading a request, until a request names the rack', () => {
    const lists = new RequestLists(2, true);
    const reads = { n: 0 };
    const young = Array.from({ length: 20 }, (_, i) =>
      counted(new ContainerRequest(i + 1, 0, 1, 1024, [0], null, true, 1000, null), reads),
    );
    for (const r of young) lists.push(1, r);
    const fit = fitOf(4, 2000, 1);
    expect(lists.find(1, fit, ON_RACK, 8)).toBeUndefined();
    // The scan stopped at the first request, still inside its delay: those after it are younger.
    const read = reads.n;
    expect(read).toBeLessThan(4);
    fit.now = 3999;
    expect(lists.find(1, fit, ON_RACK, 8)).toBeUndefined();
    expect(reads.n).toBe(read);
    // A request naming the rack may run there at once: the scan looks again and reaches it.
    const named = new ContainerRequest(21, 0, 1, 1024, [0], [1], true, 3999, null);
    lists.push(1, named);
    expect(lists.find(1, fit, ON_RACK, 30)).toBe(named);
    // Past the delay the head may run on the rack.
    fit.now = 4000;
    expect(lists.find(1, fit, ON_RACK, 8)).toBe(young[0]);
  });

  it('bounds a rack scan only by its first pending request: an older one that did not fit may fit the next node', () => {
    const lists = new RequestLists(1, true);
    // Both may relax; the first (3 vcores) has waited past the delay, the second has not.
    const old = new ContainerRequest(1, 0, 3, 1024, [0], null, true, 0, null);
    const young = new ContainerRequest(2, 0, 1, 1024, [0], null, true, 2000, null);
    lists.push(0, old);
    lists.push(0, young);
    // A node with one vcore free: the old request does not fit, the young one waits.
    expect(lists.find(0, fitOf(1, 4000), ON_RACK, 8)).toBeUndefined();
    // A node with three: the old one runs on the rack, though the young one still waits.
    expect(lists.find(0, fitOf(3, 4500), ON_RACK, 8)).toBe(old);
  });

  it('refuses a rack scan of lists made without rackScans (node lists keep no bound)', () => {
    expect(() => new RequestLists(2).find(0, fitOf(1), ON_RACK, 8)).toThrow(/rackScans/);
  });

  it('reuses the entries of dropped requests: a list that drains and fills again does not grow', () => {
    const lists = new RequestLists(2);
    const fit = fitOf(4);
    let id = 1;
    for (let round = 0; round < 100; round++) {
      for (let k = 0; k < 10; k++)
        lists.push(round % 2, new ContainerRequest(id++, 0, 1, 1024, [0], null, true, 0, null));
      for (let k = 0; k < 10; k++) lists.find(round % 2, fit, FITS, 8)!.state = 'allocated';
      expect(lists.find(round % 2, fit, FITS, 8)).toBeUndefined();
    }
    expect((lists as unknown as { requests: unknown[] }).requests.length).toBeLessThanOrEqual(10);
  });
});
