import { describe, expect, it } from 'vitest';
import { CHECK_EVERY, REPORT_EVERY_MS, createLoopGuard, loopDeadline } from './loopGuard';
import { RunawayLoopError } from './jobCodeError';

describe('createLoopGuard', () => {
  it('reports the running loop at most once a second, and throws with its line past the deadline', () => {
    let clock = 0;
    const reports: number[] = [];
    const guard = createLoopGuard({
      fileName: 'job.js',
      now: () => clock,
      startedAt: 0,
      deadline: loopDeadline(0, 5),
      limitSeconds: 5,
      onLoop: (line) => reports.push(line),
    });
    // 1 ms per look at the clock: CHECK_EVERY iterations per simulated ms.
    const spin = (line: number, ms: number) => {
      for (let i = 0; i < ms * CHECK_EVERY; i++) {
        if (i % CHECK_EVERY === 0) clock++;
        guard(line);
      }
    };
    spin(7, 2500);
    expect(reports).toEqual([7, 7]);
    expect(REPORT_EVERY_MS).toBe(1000);
    expect(() => spin(12, 5000)).toThrow(RunawayLoopError);
    expect(reports.slice(2).every((l) => l === 12)).toBe(true);
    expect(() => guard(3)).toThrow(/line 3/);
  });

  it('never throws or reports without a deadline', () => {
    const reports: number[] = [];
    const guard = createLoopGuard({
      fileName: 'job.js',
      now: () => 1e12,
      startedAt: 0,
      deadline: null,
      limitSeconds: 0,
      onLoop: (line) => reports.push(line),
    });
    for (let i = 0; i < 10 * CHECK_EVERY; i++) guard(1);
    expect(reports).toEqual([]);
  });
});
