// The pool's console output and budget, with a scripted worker: a run's console lines are capped
// in count and characters and late lines dropped, and checkBudget times a run out from the host side.
import { describe, expect, it } from 'vitest';
import { JobTimeoutError, RunStoppedError } from './contract/jobCodeError';
import { LOG_LIMITS } from './consoleCap';
import { SandboxPoolCore } from './sandboxPoolCore';
import { ScriptedPlatform, sparkRun } from './__tests__/scriptedPlatform';

describe('SandboxPoolCore console output', () => {
  it(`shows at most ${LOG_LIMITS.lines} lines of a run, then says how many were not shown`, async () => {
    const { platform, pool, worker } = await sparkRun();
    for (let i = 0; i < 1500; i++) worker.reply({ type: 'log', text: `line ${i}` });
    expect(platform.logs).toHaveLength(LOG_LIMITS.lines);
    pool.endRun();
    expect(platform.logs).toHaveLength(LOG_LIMITS.lines + 1);
    expect(platform.logs.at(-1)).toMatch(/^… 500 more lines of console output not shown/);
  });

  it(`cuts a run's output at ${LOG_LIMITS.chars} characters`, async () => {
    const { platform, pool, worker } = await sparkRun();
    worker.reply({ type: 'log', text: 'x'.repeat(150_000) });
    worker.reply({ type: 'log', text: 'y'.repeat(150_000) });
    worker.reply({ type: 'log', text: 'z' });
    expect(platform.logs[1]).toMatch(/^y{50000}… \(100000 more characters\)$/);
    expect(platform.logs).toHaveLength(2);
    pool.endRun();
    expect(platform.logs.at(-1)).toMatch(/^… 1 more line of console output/);
  });

  it('drops output that arrives after the run ended or was stopped', async () => {
    const { platform, pool, worker, driver } = await sparkRun();
    pool.stop();
    await expect(driver).rejects.toBeInstanceOf(RunStoppedError);
    worker.reply({ type: 'log', text: 'after the stop' });
    pool.endRun();
    worker.reply({ type: 'log', text: 'after the end' });
    expect(platform.logs).toEqual([]);
  });
});

describe('SandboxPoolCore.checkBudget', () => {
  it('does nothing within the budget, times the run out past it, and keeps throwing that failure', async () => {
    const { platform, pool, driver } = await sparkRun();
    platform.clock = 9_999;
    expect(() => pool.checkBudget()).not.toThrow();
    platform.clock = 10_000;
    expect(() => pool.checkBudget()).toThrow(JobTimeoutError);
    await expect(driver).rejects.toBeInstanceOf(JobTimeoutError);
    expect(() => pool.checkBudget()).toThrow(/time budget \(10 s/);
    pool.endRun();
    expect(() => pool.checkBudget()).not.toThrow(); // no run: nothing to check
  });

  it('throws the stop of a stopped run', async () => {
    const { pool, driver } = await sparkRun();
    pool.stop();
    expect(() => pool.checkBudget()).toThrow(RunStoppedError);
    await expect(driver).rejects.toBeInstanceOf(RunStoppedError);
  });

  it('never times out a run without a budget', async () => {
    const platform = new ScriptedPlatform();
    platform.timeoutSeconds = null;
    const pool = new SandboxPoolCore(platform);
    const loading = pool.load({ fileName: 'job.js', code: '' });
    platform.workers[0]!.reply({ type: 'loaded', id: platform.workers[0]!.posted[0]!.id, shape: { kind: 'spark' } });
    await loading;
    platform.clock = 1e12;
    expect(() => pool.checkBudget()).not.toThrow();
  });
});
