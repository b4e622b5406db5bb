import { describe, expect, it } from 'vitest';
import { compareCells, pageOf, sortRows } from './tableRows';

describe('DataTable sorting and paging', () => {
  it('sorts numbers as numbers and strings naturally, stably, with empty cells last', () => {
    const rows = [
      { id: 'task 10', ms: 5 },
      { id: 'task 2', ms: null },
      { id: 'task 1', ms: 5 },
      { id: 'task 3', ms: 40 },
    ];
    expect(sortRows(rows, (r) => r.id, false).map((r) => r.id)).toEqual(['task 1', 'task 2', 'task 3', 'task 10']);
    expect(sortRows(rows, (r) => r.ms, false).map((r) => r.id)).toEqual(['task 10', 'task 1', 'task 3', 'task 2']);
    expect(sortRows(rows, (r) => r.ms, true).map((r) => r.id)).toEqual(['task 3', 'task 10', 'task 1', 'task 2']);
    expect(compareCells(9, 10)).toBeLessThan(0);
    expect(compareCells('b', 'A')).toBeGreaterThan(0);
  });

  it('pages rows and clamps the page asked for', () => {
    expect(pageOf(0, 100, 0)).toEqual({ index: 0, count: 1, from: 0, to: 0 });
    expect(pageOf(250, 100, 1)).toEqual({ index: 1, count: 3, from: 100, to: 200 });
    expect(pageOf(250, 100, 9)).toEqual({ index: 2, count: 3, from: 200, to: 250 });
    expect(pageOf(250, 100, -3).index).toBe(0);
  });
});
