import { describe, expect, it } from 'vitest';
import {
  clampRange,
  fitRange,
  makeTimelineLayout,
  MIN_SPAN_MS,
  panRange,
  timeAt,
  timeTicks,
  withRange,
  xOf,
  zoomRange,
} from './timelineLayout';
import { formatTick } from './drawTimeline';
import { tickWords } from '../views/durationWords';

const view = { lanes: [{ index: 0, id: 'n1', label: 'n1', node: 'n1', rack: 'r1', slots: 1 }], durationMs: 40_000 };

describe('timeline zoom and pan', () => {
  it('zooms at an anchor that stays at the same x', () => {
    const l = makeTimelineLayout(view, 1000, 300);
    const anchor = 12_345;
    const x = xOf(l, anchor);
    const r = zoomRange({ t0: 0, t1: 40_000 }, 0.1, anchor, 40_000);
    expect(r.t1 - r.t0).toBeCloseTo(4000);
    expect(xOf(withRange(l, r), anchor)).toBeCloseTo(x);
    expect(timeAt(withRange(l, r), x)).toBeCloseTo(anchor);
  });

  it('stops at the run’s ends and at the narrowest span', () => {
    expect(panRange({ t0: 1000, t1: 2000 }, -5000, 40_000)).toEqual({ t0: 0, t1: 1000 });
    expect(panRange({ t0: 1000, t1: 2000 }, 90_000, 40_000)).toEqual({ t0: 39_000, t1: 40_000 });
    let r = { t0: 0, t1: 40_000 };
    for (let i = 0; i < 40; i++) r = zoomRange(r, 0.5, 20_000, 40_000);
    expect(r.t1 - r.t0).toBe(MIN_SPAN_MS);
    expect(clampRange({ t0: -10, t1: 90_000 }, 40_000)).toEqual({ t0: 0, t1: 40_000 });
  });

  it('fits one attempt so it fills most of the view', () => {
    const r = fitRange(30_000, 30_004, 40_000);
    const l = withRange(makeTimelineLayout(view, 1000, 300), r);
    const w = xOf(l, 30_004) - xOf(l, 30_000);
    expect(w / (l.width - l.left - 8)).toBeGreaterThan(0.8);
  });

  it('labels a zoomed-in axis with enough decimals to tell ticks apart', () => {
    const l = withRange(makeTimelineLayout(view, 1000, 300), { t0: 30_000, t1: 30_004 });
    const ticks = timeTicks(l);
    const labels = ticks.map((t) => formatTick(t, ticks[1]! - ticks[0]!));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toMatch(/^30\.000\d? s$/);
    expect(formatTick(500, 100)).toBe('500 ms');
    // As the range line and the checks say a time: "65 s", "10 min 5 s" (the axis read "1m05s").
    expect(formatTick(65_000)).toBe('65 s');
    expect(formatTick(605_000)).toBe('10 min 5 s');
    expect(formatTick(600_000)).toBe('10 min');
    expect(formatTick(3_600_000)).toBe('1 h');
    expect(formatTick(605_400, 100)).toBe('10 min 5.4 s');
    expect(formatTick(605_420, 10)).toBe('10 min 5.42 s');
    // The origin is '0' whatever its neighbours count in, as on the views' axes (tickWords).
    expect(formatTick(0, 200_000)).toBe(tickWords(0));
    expect(formatTick(0, 200)).toBe('0');
    expect(formatTick(0, 0.5)).toBe('0');
  });
});
