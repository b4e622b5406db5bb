import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ContainerRequest, type RequestState } from './container';
import { AGED, FITS, ON_RACK, RELAXABLE, RequestFit, RequestQueue, type Accept } from './requestQueue';
import { counted } from './__tests__/countedRequest';

interface Spec {
  state: RequestState;
  vcores: number;
  /** Explicitly named racks (null: none). */
  racks: number[] | null;
  relax: boolean;
  /** Added to the previous request's time: requests are queued in the order they were made. */
  wait: number;
}

function requestsOf(specs: readonly Spec[]): ContainerRequest[] {
  let at = 0;
  return specs.map((s, i) => {
    at += s.wait;
    const r = new ContainerRequest(i + 1, 0, s.vcores, 1024, [0], s.racks, s.relax, at, i);
    r.state = s.state;
    return r;
  });
}

/** The scan as it reads: the first pending request among the first `limit` pending ones that `fit` accepts. */
function naiveFind(
  all: readonly ContainerRequest[],
  fit: RequestFit,
  accept: Accept,
  limit: number,
): ContainerRequest | undefined {
  let seen = 0;
  for (const r of all) {
    if (r.state !== 'pending') continue;
    if (seen++ === limit) return undefined;
    if (fit.accepts(r, accept)) return r;
  }
  return undefined;
}

/** A heartbeating node's fit: room for 4 vcores and 4 GB, a 3 s locality delay, at `now` on `rack`. */
function fitAt(now: number, rack = 0): RequestFit {
  return Object.assign(new RequestFit(), { vcores: 4, memoryMb: 4096, delay: 3000, now, rack });
}

describe('RequestQueue', () => {
  it('finds what a plain scan finds, whatever the states, waits, racks and scans, and drops no pending request', () => {
    const spec = fc.record({
      state: fc.constantFrom<RequestState>('pending', 'pending', 'allocated', 'cancelled'),
      vcores: fc.integer({ min: 1, max: 3 }),
      racks: fc.constantFrom<number[] | null>(null, null, null, [2]),
      relax: fc.boolean(),
      wait: fc.integer({ min: 0, max: 3000 }),
    });
    const scan = fc.record({
      accept: fc.constantFrom<Accept>(FITS, RELAXABLE, ON_RACK, AGED),
      limit: fc.integer({ min: 1, max: 8 }),
      vcores: fc.integer({ min: 1, max: 3 }),
      rack: fc.integer({ min: 0, max: 2 }),
      now: fc.integer({ min: 0, max: 20_000 }),
      settle: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 40 }),
        fc.array(scan, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (specs, scans, noRacks) => {
          // Half the queues hold no request naming a rack (a map task's asks name nodes only).
          const all = requestsOf(noRacks ? specs.map((s) => ({ ...s, racks: null })) : specs);
          const queue = new RequestQueue();
          for (const r of all) queue.push(r);
          const fit = fitAt(0);
          for (const s of scans) {
            fit.vcores = s.vcores;
            fit.rack = s.rack;
            fit.now = s.now;
            const expected = naiveFind(all, fit, s.accept, s.limit);
            expect(queue.find(fit, s.accept, s.limit)).toBe(expected);
            // The scheduler allocates what it found, now and then: the next scans see it gone.
            if (s.settle && expected !== undefined) expected.state = 'allocated';
          }
          expect(queue.peek()).toBe(all.find((r) => r.state === 'pending'));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('steps over an allocated request once, not on every scan behind a waiting head', () => {
    const reads = { n: 0 };
    const specs: Spec[] = [{ state: 'pending', vcores: 1, racks: null, relax: true, wait: 0 }];
    for (let i = 0; i < 100; i++) specs.push({ state: 'allocated', vcores: 1, racks: null, relax: true, wait: 0 });
    specs.push({ state: 'pending', vcores: 1, racks: null, relax: true, wait: 0 });
    const queue = new RequestQueue();
    for (const r of requestsOf(specs)) queue.push(counted(r, reads));
    // Neither pending request may relax to the rack yet, and the head stays pending.
    const fit = fitAt(1000);
    expect(queue.find(fit, AGED, 2)).toBeUndefined();
    const first = reads.n;
    expect(first).toBeGreaterThan(100);
    expect(queue.find(fit, AGED, 2)).toBeUndefined();
    expect(reads.n - first).toBeLessThan(10);
  });

  it('answers aged scans behind a waiting head without reading a request, until the head may go', () => {
    const reads = { n: 0 };
    const young: Spec = { state: 'pending', vcores: 1, racks: null, relax: true, wait: 0 };
    const all = requestsOf(Array.from({ length: 20 }, () => young)).map((r) => counted(r, reads));
    const queue = new RequestQueue();
    for (const r of all) queue.push(r);
    const fit = fitAt(1000, 1);
    expect(queue.find(fit, AGED, 1)).toBeUndefined();
    const read = reads.n;
    for (const now of [1500, 2999, 5999, 0]) {
      fit.now = now;
      expect(queue.find(fit, AGED, 1)).toBeUndefined();
    }
    expect(reads.n).toBe(read);
    // Past twice the delay the head may run anywhere.
    fit.now = 6000;
    expect(queue.find(fit, AGED, 1)).toBe(all[0]);
  });
});
