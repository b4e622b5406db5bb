import { describe, expect, it } from 'vitest';
import { Kernel } from './kernel';

/**
 * A series runs exactly as its events scheduled one by one with scheduleAt: the same order among
 * other events (ties too), the same event count, and a cancel that drops the ones left.
 */
describe('Kernel.scheduleSeriesAt', () => {
  // Before, around and after the series' times, ties included, queued before and after it.
  const run = (series: boolean, cancelAt: number | null): { seen: string[]; events: number; now: number } => {
    const k = new Kernel();
    const seen: string[] = [];
    const times = [2, 2, 3.5, 3.5, 3.5, 7, 7.0004, 9];
    k.scheduleAt(2, () => seen.push(`before@${k.now}`));
    k.scheduleAt(3.5, () => seen.push(`before@${k.now}`));
    let handle;
    if (series) {
      let next = 0;
      handle = k.scheduleSeriesAt(times, () => seen.push(`s${next++}@${k.now}`));
    } else {
      const hs = times.map((t, i) => k.scheduleAt(t, () => seen.push(`s${i}@${k.now}`)));
      handle = { cancel: () => hs.forEach((h) => h.cancel()) };
    }
    k.scheduleAt(3.5, () => seen.push(`after@${k.now}`));
    k.scheduleAt(7, () => seen.push(`after@${k.now}`), -1);
    if (cancelAt !== null) k.scheduleAt(cancelAt, () => handle.cancel());
    k.run();
    return { seen, events: k.eventCount, now: k.now };
  };

  it('runs its events where scheduleAt would have put each, ties and priorities included', () => {
    expect(run(true, null)).toEqual(run(false, null));
    expect(run(true, null).seen).toContain('s7@9');
  });

  it('drops the events left when cancelled, as cancelling each of their handles does', () => {
    for (const at of [0, 2, 3.5, 7, 10]) expect(run(true, at)).toEqual(run(false, at));
    expect(run(true, 3.5).seen.some((s) => s.startsWith('s5'))).toBe(false);
  });

  it('refuses a time as scheduleAt does, in the same words, at the first time it refuses', () => {
    const refusal = (f: () => unknown): string => {
      try {
        f();
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
      return 'none';
    };
    const cases = [
      [5, 1e11 + 1, Number.POSITIVE_INFINITY],
      [5, Number.POSITIVE_INFINITY, 1e11 + 1],
      [1e11 + 0.1234567],
      [5, Number.NaN],
      [5, 4],
    ];
    for (const times of cases) {
      const k = new Kernel();
      k.schedule(4.5, () => {});
      k.run();
      const one = new Kernel();
      one.schedule(4.5, () => {});
      one.run();
      const expected = refusal(() => times.forEach((t) => one.scheduleAt(t, () => {})));
      expect(refusal(() => k.scheduleSeriesAt(times, () => {}))).toBe(expected);
      expect(expected).not.toBe('none');
      expect(k.pending).toBe(0);
    }
  });

  it('refuses decreasing or past times before it queues anything', () => {
    const k = new Kernel();
    k.schedule(5, () => {});
    k.run();
    expect(() => k.scheduleSeriesAt([6, 5.5], () => {})).toThrow('times must not decrease, got 5.5 after 6');
    expect(() => k.scheduleSeriesAt([6, 4], () => {})).toThrow('time must be finite and >= now (5)');
    expect(() => k.scheduleSeriesAt([6, Number.NaN], () => {})).toThrow(RangeError);
    expect(k.pending).toBe(0);
    expect(k.idle).toBe(true);
    expect(k.scheduleSeriesAt([], () => {}).time).toBe(5);
    expect(k.scheduleSeriesAt([6, 8.25], () => {}).time).toBe(8.25);
  });
});
