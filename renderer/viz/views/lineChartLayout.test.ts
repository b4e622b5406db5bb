import { describe, expect, it } from 'vitest';
import { chartCursor, countTicks, durationTicks, lineChartLayout } from './lineChartLayout';
import { tickWords } from './durationWords';
import { lambdaRun, naiveSpeedLayerRun } from './__tests__/viewRuns';

describe('a line chart over the run', () => {
  const view = lambdaRun('1-start-with-batch', 'solution').views[0]!;
  const points = view.samples.map((s) => ({ t: s.t, v: s.behindMs }));
  const chart = (t: number, width = 540) =>
    lineChartLayout({ points, spanMs: 420_000, t, width, height: 120, yTicks: durationTicks, yLabel: tickWords });

  it('spans the run on x and the worst value on y, with round ticks', () => {
    const c = chart(0);
    expect(c.xTicks.map((tk) => tk.label)).toEqual(['0', '2 min', '4 min', '6 min']);
    expect(c.xTicks[0]!.at).toBe(c.left);
    expect(c.xTicks.at(-1)!.at).toBeLessThanOrEqual(c.right);
    expect(c.yTicks.map((tk) => tk.label)).toEqual(['0', '1 min', '2 min']);
    expect(c.yTicks.every((tk) => tk.at >= c.top && tk.at <= c.bottom)).toBe(true);
    expect(c.path.startsWith('M')).toBe(true);
    expect(c.right).toBeLessThanOrEqual(540);
  });

  it('puts the cursor at t on the value of the last refresh at or before it', () => {
    expect(chart(1).cursor.value).toBeNull();
    const s = view.samples[60]!;
    const c = chart(s.t + 1);
    expect(c.cursor.value).toBe(s.behindMs);
    expect(c.cursor.x).toBeCloseTo(c.left + ((s.t + 1) / 420_000) * (c.right - c.left));
    const worst = chart(420_000);
    expect(worst.cursor.y).toBeGreaterThanOrEqual(worst.top);
    expect(worst.cursor.y).toBeLessThanOrEqual(worst.bottom);
  });

  it('fits a narrow column with fewer time ticks', () => {
    const narrow = chart(0, 300);
    expect(narrow.xTicks.length).toBeLessThan(chart(0).xTicks.length);
    expect(narrow.right).toBeLessThanOrEqual(300);
  });

  it('lines up with a chart above it when given the same room for its labels', () => {
    const narrowLabels = lineChartLayout({
      points: [{ t: 0, v: 3 }],
      spanMs: 420_000,
      t: 0,
      width: 540,
      height: 80,
      yTicks: countTicks,
      yLabel: String,
      minLeft: 58,
    });
    expect(narrowLabels.left).toBe(58);
  });

  it('gives the y axis a tick above a worst value well past the last round one', () => {
    expect(durationTicks(109_950)).toEqual([0, 60_000, 120_000]);
    expect(durationTicks(1_002)).toEqual([0, 500, 1_000]);
  });

  it('counts twice on whole-number ticks', () => {
    const naive = naiveSpeedLayerRun().views[0]!;
    const ticks = countTicks(naive.maxDoubleCounted);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)!).toBeGreaterThanOrEqual(naive.maxDoubleCounted);
    expect(ticks.every(Number.isInteger)).toBe(true);
    expect(countTicks(1)).toEqual([0, 1]);
  });
});

describe('the cursor as playback moves', () => {
  it('is the same whether laid out with the chart or moved on its own', () => {
    const view = naiveSpeedLayerRun().views[0]!;
    const points = view.samples.map((s) => ({ t: s.t, v: s.doubleCounted }));
    const base = { points, spanMs: 420_000, width: 500, height: 80, yTicks: countTicks, yLabel: String, steps: true };
    const still = lineChartLayout({ ...base, t: 0 });
    for (const t of [0, 130_000, 200_000, 419_000, 500_000]) {
      expect(chartCursor(still, points, t)).toEqual(lineChartLayout({ ...base, t }).cursor);
    }
    expect(chartCursor(still, points, 500_000).x).toBe(still.right);
  });
});
