import { describe, expect, it } from 'vitest';
import { EventQueue, keyTime, lastKeyBy, queueKey } from './eventQueue';
import { Kernel } from './kernel';
import { createRng, type Rng } from './rng';

interface TestEvent {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
}

function event(time: number, priority: number, seq: number): TestEvent {
  return { time, priority, seq };
}

/** The queue holds slots; this keeps each slot's event, as the kernel keeps its handlers, and frees a slot once popped. */
class TestQueue {
  readonly q = new EventQueue();
  private readonly bySlot: (TestEvent | undefined)[] = [];

  get size(): number {
    return this.q.size;
  }

  push(e: TestEvent): void {
    const slot = this.q.push(queueKey(e.time, e.priority));
    expect(this.bySlot[slot]).toBeUndefined(); // a slot is handed out again only once freed
    this.bySlot[slot] = e;
  }

  pop(lastKey?: number): TestEvent | undefined {
    const slot = this.q.pop(lastKey);
    if (slot < 0) return undefined;
    const e = this.bySlot[slot];
    this.bySlot[slot] = undefined;
    this.q.release(slot);
    return e;
  }

  peek(): TestEvent | undefined {
    const slot = this.q.peek();
    return slot < 0 ? undefined : this.bySlot[slot];
  }
}

const inOrder = (a: TestEvent, b: TestEvent): number => a.time - b.time || a.priority - b.priority || a.seq - b.seq;

/** Where `e` goes in `events`, sorted last-first by `inOrder`. */
function insertionPoint(events: readonly TestEvent[], e: TestEvent): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (inOrder(events[mid]!, e) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pushes events drawn by `draw`, popping one after every `popEvery` pushes, then drains; every pop is checked against a sorted reference. */
function churn(rng: Rng, pushes: number, draw: (now: number) => [number, number], popEvery = 2): void {
  const q = new TestQueue();
  // Kept sorted last-first, so the next event is at the end (a sort per pop made this test take 25 s).
  const reference: TestEvent[] = [];
  let now = 0;
  let seq = 0;
  const popOne = (): void => {
    const expected = reference.pop();
    const got = q.pop();
    expect(got).toBe(expected);
    if (got) now = got.time;
  };
  for (let i = 0; i < pushes; i++) {
    const [delay, priority] = draw(now);
    const e = event(Math.round((now + delay) * 1000) / 1000, priority, seq++);
    q.push(e);
    reference.splice(insertionPoint(reference, e), 0, e);
    if (i % popEvery === 0) popOne();
  }
  while (reference.length > 0) popOne();
  expect(q.size).toBe(0);
  expect(q.pop()).toBeUndefined();
}

describe('EventQueue (a calendar queue)', () => {
  it('pops in (time, priority, push order) for random input', () => {
    const rng = createRng(3);
    const q = new TestQueue();
    const all: TestEvent[] = [];
    for (let i = 0; i < 2000; i++) {
      const e = event(rng.int(50), rng.int(3), i);
      all.push(e);
      q.push(e);
    }
    const popped: TestEvent[] = [];
    while (q.size > 0) popped.push(q.pop()!);
    expect(popped).toEqual([...all].sort(inOrder));
  });

  it('keeps exact order while it grows, shrinks and measures its days again', () => {
    // Integer times with many ties and several priorities (the kernel benchmark's shape).
    const rng = createRng(2);
    churn(rng, 20_000, () => [1 + rng.int(5), rng.int(4)], 1);
    churn(rng, 20_000, () => [1 + rng.int(100), rng.int(4) - 2]);
    // Microsecond times spread over six orders of magnitude, and a burst of events at one instant.
    churn(rng, 20_000, () => [rng.next() ** 6 * 1e6, rng.int(64) - 32], 3);
    churn(rng, 5_000, (now) => [now < 50 ? 0 : rng.int(3) * 0.001, 0]);
    // A dense burst among sparse events a second apart (the day width must serve both).
    churn(rng, 20_000, () => (rng.int(5) < 3 ? [1000 * (1 + rng.int(20_000)), 0] : [rng.next() * 1000, 1]), 4);
  });

  it('serves a far event after a long gap, and a few events among many far ones', () => {
    const rng = createRng(4);
    // Mostly near events, one in fifty a day away: the calendar's days fit the near ones.
    churn(rng, 20_000, () => (rng.int(50) === 0 ? [86_400_000, 1] : [rng.next(), 0]));
    // The queue drains to a few events, then refills with a very different spacing.
    const q = new TestQueue();
    const events = [
      ...Array.from({ length: 3000 }, (_, i) => event(i * 0.001, 0, i)),
      ...Array.from({ length: 3000 }, (_, i) => event(1e9 + i * 1000, 0, 3000 + i)),
    ];
    for (const e of events) q.push(e);
    const popped: TestEvent[] = [];
    while (q.size > 0) popped.push(q.pop()!);
    expect(popped).toEqual(events);
  });

  it('leaves events later than the last key in place', () => {
    const q = new TestQueue();
    const a = event(5, 0, 0);
    const b = event(5.001, -3, 1);
    q.push(b);
    q.push(a);
    expect(q.pop(lastKeyBy(4.999))).toBeUndefined();
    expect(q.pop(lastKeyBy(5))).toBe(a);
    expect(q.pop(lastKeyBy(5.0005))).toBeUndefined();
    expect(q.peek()).toBe(b);
    expect(q.pop(lastKeyBy(5.001))).toBe(b);
    expect(q.size).toBe(0);
  });

  it('maps keys back to their times and bounds odd `until` values', () => {
    for (const t of [0, 0.001, 7328.065, 1e10 + 0.123]) {
      expect(keyTime(queueKey(t, 31))).toBe(t);
      expect(keyTime(queueKey(t, -32))).toBe(t);
      expect(lastKeyBy(t)).toBe(queueKey(t, 31));
    }
    expect(lastKeyBy(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(lastKeyBy(1e300)).toBe(Number.POSITIVE_INFINITY);
    expect(lastKeyBy(-1)).toBe(-1);
    expect(lastKeyBy(Number.NEGATIVE_INFINITY)).toBe(-1);
  });
});

describe('Kernel handles', () => {
  it('cancel only their own event, also once its slot holds a later one', () => {
    const k = new Kernel();
    const ran: string[] = [];
    const first = k.schedule(1, () => ran.push('first'));
    k.run();
    // The first event's slot is free again: the next event takes it.
    const second = k.schedule(1, () => ran.push('second'));
    first.cancel();
    expect(first.time).toBe(1);
    expect(second.time).toBe(2);
    const third = k.schedule(2, () => ran.push('third'));
    third.cancel();
    third.cancel();
    expect(k.idle).toBe(false);
    k.run();
    expect(ran).toEqual(['first', 'second']);
    expect(k.idle).toBe(true);
    // A handle cancelled from inside its own handler, and a daemon's handle, change nothing.
    let self: { cancel(): void } | null = null;
    self = k.schedule(1, () => {
      self!.cancel();
      ran.push('self');
    });
    const daemon = k.scheduleDaemon(5, () => ran.push('daemon'));
    k.run();
    daemon.cancel();
    expect(ran).toEqual(['first', 'second', 'self']);
    expect(k.idle).toBe(true);
    expect(k.pending).toBe(1);
  });
});

describe('Kernel limits on time and priority', () => {
  it('refuses a priority outside [-32, 31] or not whole, and a time past its range', () => {
    const k = new Kernel();
    expect(() => k.schedule(1, () => {}, 32)).toThrow('priority must be a whole number in [-32, 31], got 32');
    expect(() => k.schedule(1, () => {}, -33)).toThrow(/got -33/);
    expect(() => k.schedule(1, () => {}, 0.5)).toThrow(/got 0.5/);
    expect(() => k.scheduleAt(2e11, () => {})).toThrow("time 200000000000 ms is past the kernel's range");
    expect(k.schedule(1, () => {}, 31).time).toBe(1);
    expect(k.schedule(1, () => {}, -32).time).toBe(1);
  });

  it('runs 200,000 events in the same order as a sorted reference, with cancels and until', () => {
    const k = new Kernel();
    const rng = createRng(9);
    const seen: number[] = [];
    const ran = new Set<number>();
    const expected: { time: number; priority: number; seq: number }[] = [];
    const handles: { cancel(): void }[] = [];
    let seq = 0;
    const cancelled = new Set<number>();
    const spawn = (): void => {
      const id = seq++;
      const priority = rng.int(5) - 2;
      const delay = 0.25 * (1 + rng.int(1000)); // never 0: an event at "now" can run after a lower priority that already ran
      const h = k.schedule(
        delay,
        () => {
          seen.push(id);
          ran.add(id);
          if (seq < 200_000) spawn();
          if (seq < 200_000 && rng.int(3) === 0) spawn();
          if (handles.length > 0 && rng.int(4) === 0) {
            const victim = rng.int(handles.length);
            handles[victim]!.cancel();
          }
        },
        priority,
      );
      expected.push({ time: k.now + delay, priority, seq: id });
      handles.push({
        cancel: () => {
          if (!ran.has(id)) cancelled.add(id);
          h.cancel();
        },
      });
      if (handles.length > 64) handles.shift();
    };
    for (let i = 0; i < 100; i++) spawn();
    while (k.run({ until: k.now + 5000 }) > 0);
    const order = expected
      .filter((e) => !cancelled.has(e.seq))
      .sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq)
      .map((e) => e.seq);
    expect(seen.length).toBeGreaterThan(150_000);
    expect(cancelled.size).toBeGreaterThan(1000);
    expect(seen).toEqual(order);
  });
});
