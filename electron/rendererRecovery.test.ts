// The window's recovery from a dead renderer process, without Electron: a fake target records
// reloads, questions and quits, on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { createRendererRecovery, MAX_RELOADS, RELOAD_WINDOW_MS, type RecoveryTarget } from './rendererRecovery';

function fakeTarget(answer: 'reload' | 'quit' = 'reload') {
  const seen = { reloads: 0, asked: [] as string[], quits: 0, logs: [] as string[], t: 0, gone: false };
  const target: RecoveryTarget = {
    reload: () => void seen.reloads++,
    ask: async (message, detail) => {
      seen.asked.push(`${message} ${detail}`);
      return answer;
    },
    quit: () => void seen.quits++,
    log: (m) => void seen.logs.push(m),
    now: () => seen.t,
    isGone: () => seen.gone,
  };
  return { seen, target };
}

const oom = { reason: 'oom', exitCode: 133 };

describe('createRendererRecovery', () => {
  it('logs the reason and reloads the window', () => {
    const { seen, target } = fakeTarget();
    const onGone = createRendererRecovery(target);
    onGone({}, oom);
    expect(seen.reloads).toBe(1);
    expect(seen.logs).toEqual(["the window's renderer process is gone: oom (exit code 133)"]);
  });

  it('does not reload after a clean exit or when the window is closed', () => {
    const { seen, target } = fakeTarget();
    const onGone = createRendererRecovery(target);
    onGone({}, { reason: 'clean-exit', exitCode: 0 });
    seen.gone = true;
    onGone({}, oom);
    expect(seen.reloads).toBe(0);
  });

  it('never reloads in a loop: past MAX_RELOADS in the window it asks, and Quit quits', async () => {
    const { seen, target } = fakeTarget('quit');
    const onGone = createRendererRecovery(target);
    for (let i = 0; i < MAX_RELOADS; i++) {
      seen.t += 1_000;
      onGone({}, oom);
    }
    expect(seen.reloads).toBe(MAX_RELOADS);
    onGone({}, oom);
    // A crash while the question is open asks nothing more.
    onGone({}, oom);
    await Promise.resolve();
    await Promise.resolve();
    expect(seen.reloads).toBe(MAX_RELOADS);
    expect(seen.asked).toHaveLength(1);
    expect(seen.asked[0]).toMatch(/stopped 4 times in a short while\. It ran out of memory.*Your progress is saved/);
    expect(seen.quits).toBe(1);
  });

  it('Reload starts the count afresh; crashes far apart reload every time', async () => {
    const { seen, target } = fakeTarget('reload');
    const onGone = createRendererRecovery(target);
    for (let i = 0; i <= MAX_RELOADS; i++) onGone({}, { reason: 'crashed', exitCode: 1 });
    await Promise.resolve();
    await Promise.resolve();
    expect(seen.asked[0]).toMatch(/The reason given: crashed\./);
    expect(seen.reloads).toBe(MAX_RELOADS + 1);
    onGone({}, oom);
    expect(seen.reloads).toBe(MAX_RELOADS + 2);
    for (let i = 0; i < 10; i++) {
      seen.t += RELOAD_WINDOW_MS;
      onGone({}, oom);
    }
    expect(seen.reloads).toBe(MAX_RELOADS + 12);
    expect(seen.asked).toHaveLength(1);
  });
});
