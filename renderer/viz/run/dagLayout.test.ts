import { describe, expect, it } from 'vitest';
import { layoutDag, opLines, opRows, SKIPPED_H } from './dagLayout';
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

describe('operation names in a stage box', () => {
  it("keep the Exchange's partitioning and its 200 on a second row, which a cut at 30 characters lost", () => {
    expect(opLines('Exchange hashpartitioning(sensor, 200)')).toEqual(['Exchange', 'hashpartitioning(sensor, 200)']);
    expect(opLines('Exchange rangepartitioning(sensor ASC NULLS FIRST, 200)')).toEqual([
      'Exchange',
      'rangepartitioning(sensor ASC',
      'NULLS FIRST, 200)',
    ]);
    expect(opLines('HashAggregate (partial)')).toEqual(['HashAggregate (partial)']);
    // A word longer than a row, and a fourth row, are cut.
    expect(opLines(`Scan ${'x'.repeat(40)}`)).toEqual(['Scan', `${'x'.repeat(29)}…`]);
    expect(opLines('a'.repeat(28) + ' b'.repeat(40)).length).toBe(3);
  });

  it('gives a box the rows its operations take, whole operations within eight rows', () => {
    const exchange = { rdd: 1, name: 'Exchange hashpartitioning(sensor, 200)', cached: false };
    const short = { rdd: 2, name: 'MapPartitionsRDD', cached: false };
    expect(opRows(stage('s', { ops: [exchange, short] }))).toBe(3);
    expect(opRows(stage('s', { ops: Array(5).fill(exchange) }))).toBe(8);
    const l = layoutDag([stage('a', { ops: [exchange, short] }), stage('b', { ops: [short, short] })], []);
    expect(l.boxes.get('a')!.height - l.boxes.get('b')!.height).toBe(16);
  });
});
