import { describe, expect, it } from 'vitest';
import { Kernel } from './kernel';

describe('Kernel', () => {
  it('runs events in (time, priority, sequence) order and advances the clock', () => {
    const k = new Kernel();
    const seen: string[] = [];
    k.schedule(10, () => seen.push(`b@${k.now}`));
    k.schedule(5, () => seen.push(`a@${k.now}`));
    k.schedule(10, () => seen.push(`c-high@${k.now}`), -1);
    k.schedule(10, () => seen.push(`d@${k.now}`));
    k.run();
    expect(seen).toEqual(['a@5', 'c-high@10', 'b@10', 'd@10']);
    expect(k.now).toBe(10);
    expect(k.eventCount).toBe(4);
  });

  it('lets handlers schedule more events and honours cancel and until', () => {
    const k = new Kernel();
    let ticks = 0;
    const tick = () => {
      ticks++;
      k.schedule(1, tick);
    };
    k.schedule(0, tick);
    const h = k.schedule(3.5, () => {
      ticks += 1000;
    });
    h.cancel();
    k.run({ until: 10 });
    expect(ticks).toBe(11);
    expect(k.now).toBe(10);
  });

  it('rejects scheduling in the past or with a bad delay', () => {
    const k = new Kernel();
    expect(() => k.schedule(-1, () => {})).toThrow(/delay/);
    expect(() => k.schedule(Number.NaN, () => {})).toThrow(/delay/);
    k.schedule(5, () => {});
    k.run();
    expect(() => k.scheduleAt(2, () => {})).toThrow(/>= now/);
  });

  it('queues a posted event (no handle) where the same schedule call would, daemon ones too', () => {
    const order = (usePost: boolean) => {
      const k = new Kernel();
      const seen: string[] = [];
      const at = (name: string) => () => seen.push(`${name}@${k.now}`);
      if (usePost) {
        k.post(10, at('b'));
        k.postAt(5, at('a'));
        k.post(10, at('c-high'), -1);
        k.postDaemon(10, at('d-daemon'));
        k.post(10, at('e'));
      } else {
        k.schedule(10, at('b'));
        k.scheduleAt(5, at('a'));
        k.schedule(10, at('c-high'), -1);
        k.scheduleDaemon(10, at('d-daemon'));
        k.schedule(10, at('e'));
      }
      k.postDaemon(20, at('late-daemon'));
      k.run();
      return { seen, now: k.now, events: k.eventCount };
    };
    expect(order(true)).toEqual(order(false));
    // A daemon event alone does not keep the run going: the one at 20 never ran.
    expect(order(true).seen).toEqual(['a@5', 'c-high@10', 'b@10', 'd-daemon@10', 'e@10']);
  });

  it('runs a shared handler with each postWith event’s own argument, in the order a closure each would run', () => {
    const order = (shared: boolean) => {
      const k = new Kernel();
      const seen: string[] = [];
      const note = (name: string) => seen.push(`${name}@${k.now}`);
      const at = (name: string) => () => note(name);
      for (const [delay, name] of [
        [10, 'b'],
        [5, 'a'],
        [10, 'c'],
        [0, 'z'],
      ] as const) {
        if (shared) k.postWith(delay, note, name);
        else k.post(delay, at(name));
        k.post(delay, at(`${name}-plain`));
      }
      if (shared) k.postAtWith(7, note, 'at7');
      else k.postAt(7, at('at7'));
      // A slot freed by a postWith event and reused by a plain one: the plain handler gets no argument.
      k.post(20, (...args: unknown[]) => seen.push(`plain-args:${args.filter((x) => x !== undefined).length}`));
      k.run();
      return seen;
    };
    expect(order(true)).toEqual(order(false));
    expect(order(true)).toEqual([
      'z@0',
      'z-plain@0',
      'a@5',
      'a-plain@5',
      'at7@7',
      'b@10',
      'b-plain@10',
      'c@10',
      'c-plain@10',
      'plain-args:0',
    ]);
    const k = new Kernel();
    // The last event's argument is not held once run() or step() returns.
    const held = () => (k as unknown as { arg: unknown }).arg;
    k.postWith(1, () => {}, { big: true });
    k.run();
    expect(held()).toBeUndefined();
    k.postWith(1, () => {}, { big: true });
    k.step();
    expect(held()).toBeUndefined();
    expect(() => k.postWith(-1, () => {}, 1)).toThrow(/^postWith: delay/);
    expect(() => k.postAtWith(Number.NaN, () => {}, 1)).toThrow(/^postAtWith: time/);
  });

  it('refuses a posted event in the past or with a bad delay, naming the call', () => {
    const k = new Kernel();
    expect(() => k.post(-1, () => {})).toThrow(/^post: delay/);
    expect(() => k.postDaemon(Number.POSITIVE_INFINITY, () => {})).toThrow(/^postDaemon: delay/);
    k.post(5, () => {});
    k.run();
    expect(() => k.postAt(2, () => {})).toThrow(/^postAt: time must be finite and >= now/);
    expect(() => k.post(1, () => {}, 0.5)).toThrow(/priority/);
    expect(k.pending).toBe(0);
  });

  it('keeps simulated time in whole microseconds, so times survive a decimal round trip', () => {
    const k = new Kernel();
    const seen: number[] = [];
    k.schedule(0.1, () => k.schedule(0.2, () => seen.push(k.now)));
    k.schedule(7000.032, () => k.schedule(0.011 + 328.022, () => seen.push(k.now)));
    k.run();
    expect(seen).toEqual([0.3, 7328.065]);
    expect(Number(String(seen[1]))).toBe(seen[1]);
  });

  it('calls a budget check every N events and lets it end the run', () => {
    const k = new Kernel();
    const tick = (): void => void k.schedule(1, tick);
    tick();
    let checks = 0;
    expect(k.run({ maxEvents: 1000, every: 100, check: () => checks++ })).toBe(1000);
    expect(checks).toBe(10);
    const over = new Error('budget');
    expect(() =>
      k.run({
        every: 50,
        check: () => {
          throw over;
        },
      }),
    ).toThrow(over);
    expect(() => k.run({ every: 0, check: () => {} })).toThrow(/every must be a whole number > 0, got 0/);
  });
});
