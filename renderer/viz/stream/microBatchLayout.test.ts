import { beforeAll, describe, expect, it } from 'vitest';
import type { KafkaJobReport } from '../../../engine/api';
import { buildStreamView } from './streamView';
import { windowsAfter, windowsAt, type MicroBatchView } from './microBatchView';
import { describeWindows, layoutStrip, layoutWindowChart } from './microBatchLayout';
import { runFleetWindows } from './fleetWindowsRun';

let report: KafkaJobReport;
let view: MicroBatchView;
let activeUntil: number;

beforeAll(async () => {
  report = await runFleetWindows('starter');
  const stream = buildStreamView(report);
  view = stream.microBatches!;
  activeUntil = stream.activeUntil;
}, 60_000);

describe('where the micro-batch pictures put things', () => {
  it('draws a block for each batch ended by the instant, the latest labelled, inside the strip', () => {
    for (const width of [360, 640, 900])
      for (let n = 0; n <= view.batches.length; n++) {
        const t = n === 0 ? 0 : view.batches[n - 1]!.t;
        const strip = layoutStrip(view, windowsAt(view, t), t, activeUntil, width);
        expect(strip.blocks.map((b) => b.batch.id)).toEqual(view.batches.slice(0, n).map((b) => b.id));
        expect(strip.blocks.filter((b) => b.latest).map((b) => b.batch.id)).toEqual(n > 0 ? [n - 1] : []);
        for (const b of strip.blocks) {
          expect(b.x).toBeGreaterThanOrEqual(strip.left);
          expect(b.x + b.w).toBeLessThanOrEqual(strip.right + 5);
          expect(b.lateH > 0).toBe(b.batch.late > 0);
        }
        if (n > 0) expect(strip.latestLabel?.text).toMatch(new RegExp(`^#${n - 1} · \\d+ rows?`));
        for (const tk of strip.ticks) expect(tk.x).toBeLessThanOrEqual(strip.right);
      }
  });

  it('labels the strip’s time axis in round words, as the pipeline views’ axes do ("10 s", "1 min")', () => {
    const t = view.batches.at(-1)!.t;
    const ticks = layoutStrip(view, windowsAt(view, t), t, activeUntil, 640).ticks.map((tk) => tk.text);
    expect(ticks.length).toBeGreaterThan(2);
    for (const text of ticks) expect(text).toMatch(/^(0|\d+ (s|min)( \d+ s)?)$/);
  });

  it('puts every window and row of the instant in its lane, the watermark at its event time', () => {
    const end = windowsAfter(view, view.batches.length);
    const chart = layoutWindowChart(view, end, 640);
    expect(chart.lanes.map((l) => l.label)).toEqual(view.keys);
    expect(chart.cells).toHaveLength(end.windows.length);
    expect(chart.dots).toHaveLength(end.rows.length);
    for (const c of chart.cells) {
      const lane = chart.lanes.find((l) => l.key === c.window.key)!;
      expect(c.y).toBeGreaterThanOrEqual(lane.y);
      expect(c.y + c.h).toBeLessThanOrEqual(lane.y + chart.laneHeight);
      expect(c.x).toBeGreaterThanOrEqual(chart.left);
      expect(c.x + c.w).toBeLessThanOrEqual(chart.right);
    }
    for (const d of chart.dots) {
      const lane = chart.lanes.find((l) => l.key === d.row.key)!;
      expect(d.y).toBeGreaterThan(lane.y);
      expect(d.y).toBeLessThan(lane.y + chart.laneHeight);
    }
    // Later event times lie further right: the watermark is left of the latest event.
    expect(chart.watermark!.x).toBeLessThan(chart.latest!.x);
    expect(chart.band).toEqual({ x: chart.watermark!.x, w: chart.latest!.x - chart.watermark!.x });
    // Labels are kept inside the chart.
    for (const l of [chart.watermark!.label, chart.latest!.label])
      expect(l.anchor === 'start' ? l.x + l.text.length * 6 : l.x).toBeLessThanOrEqual(chart.right + 1);
  });

  it('says what the chart shows at the instant in words', () => {
    expect(describeWindows(windowsAfter(view, 0))).toBe('No micro-batch has ended yet: no window, no watermark.');
    const late = view.batches.find((b) => b.late > 0)!;
    const at = windowsAt(view, late.t);
    expect(describeWindows(at)).toMatch(
      new RegExp(
        `^Watermark 08:\\d\\d:\\d\\d(\\.\\d{1,3})?\\. Latest event 08:\\d\\d:\\d\\d(\\.\\d{1,3})?\\. ${at.written} windows written, ${at.open} open\\. \\d+ rows read, ${late.late} dropped as late\\.$`,
      ),
    );
  });
});
