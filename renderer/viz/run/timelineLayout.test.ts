import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { changeLanguage } from '../../i18n/i18n';
import { makeSyntheticRunView } from './__tests__/syntheticRun';
import {
  countRunning,
  hitTest,
  laneAt,
  makeTimelineLayout,
  navigate,
  runningAt,
  runningOnDeadNodes,
  deadNodesAt,
  timeAt,
  timeTicks,
  xOf,
} from './timelineLayout';
import type { RunView } from './runViewTypes';
import { outputRows, formatCell, MAX_COLUMNS } from './outputRows';

const view = makeSyntheticRunView({ nodes: 20, attempts: 1500, seed: 4 });

describe('syntheticRun', () => {
  it('is deterministic and as big as asked, with kills, retries and a dead node', () => {
    const again = makeSyntheticRunView({ nodes: 20, attempts: 1500, seed: 4 });
    expect(again.bars.map((b) => [b.start, b.end, b.node])).toEqual(view.bars.map((b) => [b.start, b.end, b.node]));
    expect(view.bars).toHaveLength(1500);
    expect(view.lanes).toHaveLength(20);
    expect(view.totals.killed).toBeGreaterThan(0);
    expect(view.totals.retries).toBeGreaterThan(0);
    expect(view.markers.some((m) => m.kind === 'nodeDied')).toBe(true);
    const big = makeSyntheticRunView({ nodes: 100, attempts: 10_000, seed: 1 });
    expect(big.bars).toHaveLength(10_000);
    expect(big.lanes).toHaveLength(100);
  });
});

describe('timeline layout', () => {
  const l = makeTimelineLayout(view, 1200, 600);
  it('maps time to x and back, and y to lanes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: view.durationMs, noNaN: true }),
        (t) => Math.abs(timeAt(l, xOf(l, t)) - t) < 1e-6 * view.durationMs,
      ),
    );
    expect(laneAt(l, l.laneY[0]!)).toBe(0);
    expect(laneAt(l, l.laneY[5]! + 0.5)).toBe(5);
    expect(laneAt(l, -1)).toBe(-1);
    expect(laneAt(l, l.laneY[view.lanes.length]! + 1)).toBe(-1);
    expect(l.height).toBeLessThanOrEqual(600 + 4);
  });

  it('ticks are round, increasing and inside the run', () => {
    const ticks = timeTicks(l);
    expect(ticks.length).toBeGreaterThan(2);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
    expect(ticks.at(-1)!).toBeLessThanOrEqual(l.t1 + 1e-9);
  });

  it('runningAt finds exactly the bars with start <= t < end', () => {
    const buf = new Int32Array(view.bars.length);
    fc.assert(
      fc.property(fc.double({ min: 0, max: view.durationMs, noNaN: true }), (t) => {
        const n = runningAt(view, t, buf);
        const got = [...buf.subarray(0, n)].sort((a, b) => a - b);
        const want = view.bars.filter((b) => b.start <= t && b.end > t).map((b) => b.index);
        expect(got).toEqual(want);
        expect(countRunning(view, t)).toBe(want.length);
      }),
      { numRuns: 60 },
    );
  });

  it('hitTest finds the bar drawn under the pointer and nothing before it started', () => {
    const b = view.bars.find((x) => x.end - x.start > view.durationMs / 100)!;
    const x = xOf(l, (b.start + b.end) / 2);
    const y = l.laneY[b.lane]! + b.slot * l.rowH + l.rowH / 2;
    expect(hitTest(view, l, x, y, view.durationMs)).toBe(b.index);
    expect(hitTest(view, l, x, y, b.start - 1)).not.toBe(b.index);
    expect(hitTest(view, l, 2, y, view.durationMs)).toBe(-1);
  });

  it('keyboard navigation moves along a lane and across lanes, only to started attempts', () => {
    const first = navigate(view, -1, 'Home', view.durationMs);
    expect(first).toBe(view.index.byStart[0]);
    const right = navigate(view, first, 'ArrowRight', view.durationMs);
    expect(view.bars[right]!.lane).toBe(view.bars[first]!.lane);
    expect(view.bars[right]!.start).toBeGreaterThanOrEqual(view.bars[first]!.start);
    const down = navigate(view, first, 'ArrowDown', view.durationMs);
    expect(view.bars[down]!.lane).toBeGreaterThan(view.bars[first]!.lane);
    expect(navigate(view, first, 'ArrowLeft', view.durationMs)).toBe(first);
    expect(navigate(view, -1, 'Home', -1)).toBe(-1);
  });
});

describe('output rows', () => {
  it('shows pairs, objects and single values, capped with a count', () => {
    const pairs = Array.from({ length: 250 }, (_, i) => [`k${i}`, i + 0.123456]);
    const r = outputRows(pairs);
    expect(r.columns).toEqual(['key', 'value']);
    expect(r.rows).toHaveLength(200);
    expect(r.total).toBe(250);
    expect(outputRows([{ a: 1 }, { a: 2, b: 3 }]).columns).toEqual(['a', 'b']);
    expect(outputRows(42)).toEqual({ columns: ['value'], rows: [[42]], total: 1, hiddenColumns: 0 });
    expect(formatCell(1234567.891234)).toBe('1,234,567.8912');
    expect(formatCell([1, 'x'])).toBe('[1,"x"]');
  });

  it("names a pair's columns in the page's language, and an object's by its own keys", () => {
    changeLanguage('de');
    try {
      expect(outputRows([['2016-05-01', 20.5]]).columns).toEqual(['Schlüssel', 'Wert']);
      expect(outputRows(42).columns).toEqual(['Wert']);
      expect(outputRows([{ key: 1, value: 2 }]).columns).toEqual(['key', 'value']);
    } finally {
      changeLanguage('en');
    }
  });

  it('builds at most MAX_COLUMNS columns of a row with a million values, and counts the rest', () => {
    const wide = outputRows([Array.from({ length: 1_000_000 }, (_, i) => i)]);
    expect(wide.columns).toHaveLength(MAX_COLUMNS);
    expect(wide.rows[0]).toHaveLength(MAX_COLUMNS);
    expect(wide.hiddenColumns).toBe(1_000_000 - MAX_COLUMNS);
    const keys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const objects = outputRows([keys]);
    expect(objects.columns).toHaveLength(MAX_COLUMNS);
    expect(objects.hiddenColumns).toBe(100_000 - MAX_COLUMNS);
  });
});

describe('bars on a dead node', () => {
  const bar = (node: string, start: number, end: number) => ({ node, start, end }) as RunView['bars'][number];
  const marker = (kind: 'nodeDied' | 'nodeRestarted', node: string, t: number) =>
    ({ kind, node, t, lane: 0, text: '' }) as RunView['markers'][number];
  const small = {
    bars: [bar('n1', 0, 100), bar('n2', 0, 100), bar('n2', 10, 100)],
    markers: [marker('nodeDied', 'n2', 20), marker('nodeRestarted', 'n2', 60)],
  };
  it('counts the running bars whose node died and has not restarted by t', () => {
    const ids = Int32Array.from([0, 1, 2]);
    expect(runningOnDeadNodes(small, 10, ids, 3)).toBe(0);
    expect(runningOnDeadNodes(small, 20, ids, 3)).toBe(2);
    expect(runningOnDeadNodes(small, 59, ids, 2)).toBe(1);
    expect(runningOnDeadNodes(small, 60, ids, 3)).toBe(0);
    expect([...deadNodesAt(small, 30)]).toEqual(['n2']);
  });
  it('finds them in a real-sized view: every bar it counts is on a node that died before t', () => {
    const died = view.markers.find((m) => m.kind === 'nodeDied')!;
    const buf = new Int32Array(view.bars.length);
    const t = died.t + 1;
    const n = runningAt(view, t, buf);
    const onDead = runningOnDeadNodes(view, t, buf, n);
    const expected = [...buf.subarray(0, n)].filter((i) => deadNodesAt(view, t).has(view.bars[i]!.node)).length;
    expect(onDead).toBe(expected);
    expect(deadNodesAt(view, died.t - 1).has(died.node!)).toBe(false);
  });
});
