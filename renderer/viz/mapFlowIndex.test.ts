/**
 * The map draws a transfer while it moves and for the index's fixed linger of simulated time after
 * it ended; the legend counts the moving ones and the ones that just ended. At every instant,
 * whatever was asked before (playing forward, seeking back), a drawn line is one of the two.
 */
import { describe, expect, it } from 'vitest';
import type { MapFlow } from './mapFlows';
import { FLOW_LINGER_SHARE, MapFlowIndex } from './mapFlowIndex';

const flow = (start: number, end: number, from: string, to: string): MapFlow => ({
  start,
  end,
  from,
  to,
  bytes: 1000,
  scope: 'rack',
  kind: 'shuffle',
});

// 16 fetches that end at 2.0-2.3 s, then nothing moves until a last write from 6 s to 10 s.
const FLOWS: MapFlow[] = [
  ...Array.from({ length: 16 }, (_, i) => flow(1000 + i * 10, 2000 + i * 20, `n${i % 4}`, `n${4 + Math.floor(i / 4)}`)),
  flow(6000, 10_000, 'n1', 'n2'),
].sort((a, b) => a.start - b.start);

const node = (n: string) => n;

function pictureAndLegend(index: MapFlowIndex, t: number) {
  const pairs = index.pairs(t, index.lingerMs, node);
  return {
    drawn: pairs.filter((p) => p.fade > 0).length,
    moving: index.activeAt(t).length,
    ended: index.justEnded(t),
  };
}

describe('MapFlowIndex: what is drawn and what the legend counts agree', () => {
  it('lingers a fixed share of the transfers’ span of simulated time', () => {
    const index = new MapFlowIndex(FLOWS);
    expect(index.lingerMs).toBeCloseTo((10_000 - 1000) * FLOW_LINGER_SHARE);
  });

  it('at every instant, paused or played, forward or back: a line is drawn only for a moving or just-ended transfer', () => {
    const instants = [
      0, 999, 1000, 1500, 1999, 2000, 2150, 2300, 2301, 2400, 2500, 2700, 2800, 3000, 3300, 5000, 6000, 9999, 10_000,
      10_200, 10_400,
    ];
    const played = new MapFlowIndex(FLOWS);
    const atEach = instants.map((t) => pictureAndLegend(played, t));
    // Seeking back and forth (each instant asked of a fresh index and after a later one) gives the same.
    for (const [i, t] of instants.entries()) {
      expect(pictureAndLegend(new MapFlowIndex(FLOWS), t), `at ${t}`).toEqual(atEach[i]);
      const seeked = new MapFlowIndex(FLOWS);
      pictureAndLegend(seeked, 20_000);
      expect(pictureAndLegend(seeked, t), `back to ${t}`).toEqual(atEach[i]);
    }
    for (const [i, t] of instants.entries()) {
      const { drawn, moving, ended } = atEach[i]!;
      if (drawn > 0) expect(moving + ended, `at ${t}`).toBeGreaterThan(0);
      if (moving + ended > 0) expect(drawn, `at ${t}`).toBeGreaterThan(0);
    }
    // Past the linger (2.3 s + 0.36 s): nothing moves, nothing just ended, nothing is drawn.
    for (const t of [2700, 3000, 3300, 5000])
      expect(pictureAndLegend(new MapFlowIndex(FLOWS), t)).toEqual({ drawn: 0, moving: 0, ended: 0 });
    // Just after the fetches: none moves, they are drawn fading and counted as just ended.
    expect(pictureAndLegend(new MapFlowIndex(FLOWS), 2301)).toMatchObject({ moving: 0 });
    expect(pictureAndLegend(new MapFlowIndex(FLOWS), 2301).ended).toBeGreaterThan(0);
  });
});
