import { describe, expect, it } from 'vitest';
import { CHECK_EVERY, REPORT_EVERY_MS, createLoopGuard, loopDeadline } from './loopGuard';
import { RunawayLoopError } from './contract/jobCodeError';

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
  // A slow job: a short loop (line 3) entered once per key, again and again until the deadline.
  // Its instance never ran long, so it is not called endless; the run's time is named instead.
  it('does not call a short loop entered again and again endless; an endless one it does', () => {
    const make = () => {
      const clock = { t: 0 };
      const guard = createLoopGuard({
        fileName: 'bigmr.js',
        now: () => clock.t,
        startedAt: 0,
        deadline: loopDeadline(0, 20),
        limitSeconds: 20,
      });
      return { clock, guard };
    };
    const slow = make();
    let error: unknown;
    try {
      for (;;) {
        slow.guard(-3);
        for (let i = 0; i < 50; i++) {
          slow.clock.t += 0.1;
          slow.guard(3);
        }
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunawayLoopError);
    expect((error as Error).message).toBe(
      'Your code was still running at bigmr.js line 3 when the time limit (20 s) ran out — a loop that never ends, or more work than fits in the time limit? If it is only slow, raise the time limit (Settings in the app, --timeout on the command line).',
    );
    const endless = make();
    endless.guard(-3);
    error = undefined;
    try {
      for (;;) {
        endless.clock.t += 0.1;
        endless.guard(3);
      }
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toMatch(
      /^Your loop at bigmr\.js line 3 has been running for 19(\.\d)? s \(the time limit for your code is 20 s\) — does its condition ever become false\?$/,
    );
  });
});
