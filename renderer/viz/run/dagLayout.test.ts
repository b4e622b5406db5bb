import { describe, expect, it } from 'vitest';
import { layoutDag, SKIPPED_H } from './dagLayout';
import type { StageView } from './runViewTypes';

const stage = (id: string, over: Partial<StageView> = {}): StageView => ({
  id,
  label: id,
  job: 'j',
  taskSet: null,
  tasks: 1,
  skipped: false,
  submittedAt: 0,
  finishedAt: null,
  bars: [],
  ...over,
});

describe('dag layout (dagre)', () => {
  it('puts every parent above its child, siblings side by side, boxes apart', () => {
    const stages = [stage('a'), stage('b'), stage('c'), stage('d')];
    const edges = [
      { from: 'a', to: 'c', kind: 'wide' as const, label: '' },
      { from: 'b', to: 'c', kind: 'wide' as const, label: '' },
      { from: 'c', to: 'd', kind: 'narrow' as const, label: '' },
    ];
    const l = layoutDag(stages, edges);
    for (const e of edges) {
      const from = l.boxes.get(e.from)!;
      expect(from.y + from.height).toBeLessThan(l.boxes.get(e.to)!.y);
    }
    expect(l.boxes.get('a')!.y).toBe(l.boxes.get('b')!.y);
    const [a, b] = [l.boxes.get('a')!, l.boxes.get('b')!];
    expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(a.width);
    expect(l.paths).toHaveLength(3);
    for (const box of l.boxes.values()) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(l.width);
      expect(box.y + box.height).toBeLessThanOrEqual(l.height);
    }
    // A cycle from a bad trace must not hang.
    expect(() => layoutDag(stages, [...edges, { from: 'd', to: 'a', kind: 'wide', label: '' }])).not.toThrow();
  });

  it('sizes a box by its operations and draws skipped stages compact', () => {
    const ops = ['textFile', 'map', 'filter'].map((name, rdd) => ({ rdd, name, cached: false }));
    const l = layoutDag([stage('run', { ops }), stage('skip', { ops, skipped: true })], []);
    expect(l.boxes.get('run')!.ops).toBe(3);
    expect(l.boxes.get('skip')!.height).toBe(SKIPPED_H);
    expect(l.boxes.get('run')!.height).toBeGreaterThan(SKIPPED_H);
  });
});
