import { describe, expect, it } from 'vitest';
import { MAX_KEPT, useRunHistory, withKept, type NewRun } from './runHistory';

const run = (source: string): NewRun => ({
  at: 0,
  source,
  setting: '',
  report: { kind: 'hdfs' } as NewRun['report'],
  nodes: [],
  faults: [],
});

describe('runHistory', () => {
  it('numbers runs per step and keeps the last MAX_KEPT', () => {
    let list = withKept([], run('a'), 1);
    for (let i = 2; i <= MAX_KEPT + 2; i++) list = withKept(list, run(`v${i}`), i);
    expect(list).toHaveLength(MAX_KEPT);
    expect(list[0]!.number).toBe(3);
    expect(list[list.length - 1]!.number).toBe(MAX_KEPT + 2);
  });

  it('keeps each step apart, and numbers go on after old runs are dropped', () => {
    const { keep } = useRunHistory.getState();
    for (let i = 0; i < MAX_KEPT + 1; i++) keep('lab:x:0', run(`x${i}`));
    keep('lab:x:1', run('other'));
    const s = useRunHistory.getState();
    expect(s.runs['lab:x:0']!.map((r) => r.number)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(s.runs['lab:x:1']!.map((r) => r.number)).toEqual([1]);
  });
});
