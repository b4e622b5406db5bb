import { describe, expect, it } from 'vitest';
import type { NodePicture } from './clusterPicture';
import { CHIP_W, layoutNodes, layoutSummaries, summariseRacks, type Box } from './clusterMapLayout';

function node(i: number, rack: string, extra: Partial<NodePicture> = {}): NodePicture {
  return {
    id: `n${i}`,
    rack,
    alive: true,
    slowFactor: 1,
    cores: 4,
    usedCores: 0,
    memoryMb: 8192,
    usedMemoryMb: 0,
    blocks: [],
    containers: [],
    ...extra,
  };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutNodes', () => {
  const nine = Array.from({ length: 9 }, (_, i) => node(i + 1, `r${Math.floor(i / 3) + 1}`));

  it('puts three racks side by side at 820 px, cards inside the width and never overlapping', () => {
    const layout = layoutNodes(nine, 820, 4);
    expect(layout.racks.map((r) => r.y)).toEqual([8, 8, 8]);
    const cards = [...layout.cards.values()];
    expect(cards).toHaveLength(9);
    for (const c of cards) expect(c.x + c.w).toBeLessThanOrEqual(820);
    for (let i = 0; i < cards.length; i++)
      for (let j = i + 1; j < cards.length; j++) expect(overlaps(cards[i]!, cards[j]!)).toBe(false);
    // Every chip row fits inside its card: "blk_1073741825" at 12 px is never clipped.
    expect(8 + layout.chipsPerRow * (CHIP_W + 4) - 4).toBeLessThanOrEqual(cards[0]!.w - 8);
    expect(layout.chipRows).toBe(2);
  });

  it('wraps racks into rows when the map is narrow', () => {
    const layout = layoutNodes(nine, 400, 0);
    expect(new Set(layout.racks.map((r) => r.y)).size).toBe(3);
    expect(layout.chipRows).toBe(0);
  });
});

describe('rack summaries', () => {
  it('sum up alive and dead nodes, busy cores, containers and block replicas per rack', () => {
    const nodes = [
      node(1, 'r1', { usedCores: 3, containerCount: 3, blockCount: 40 }),
      node(2, 'r1', { alive: false }),
      node(3, 'r2', { usedCores: 1, containers: ['m1 (attempt 1)'], blockCount: 2 }),
    ];
    expect(summariseRacks(nodes).map(({ nodes: _n, ...r }) => r)).toEqual([
      { id: 'r1', alive: 1, dead: 1, slow: 0, cores: 8, busyCores: 3, containers: 3, blocks: 40 },
      { id: 'r2', alive: 1, dead: 0, slow: 0, cores: 4, busyCores: 1, containers: 1, blocks: 2 },
    ]);
  });

  it('fit five racks of 20 nodes side by side at 820 px', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => node(i + 1, `r${Math.floor(i / 20) + 1}`));
    const layout = layoutSummaries(summariseRacks(nodes), 820);
    const boxes = [...layout.boxes.values()];
    expect(new Set(boxes.map((b) => b.y)).size).toBe(1);
    for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(820);
  });
});
