// When Monaco's TypeScript worker may start: the learner typed, or START_AFTER_MS passed,
// whichever comes first; once the learner has typed, at once from then on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
});
afterEach(() => void vi.useRealTimers());

async function fresh() {
  return import('./languageServiceStart');
}

/** Whether `promise` has resolved once the timers up to `ms` have fired. */
async function settledAfter(promise: Promise<void>, ms: number): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(ms);
  return done;
}

describe('whenLanguageServiceWanted', () => {
  it('waits START_AFTER_MS when the learner neither types nor runs', async () => {
    const { whenLanguageServiceWanted, START_AFTER_MS } = await fresh();
    const wanted = whenLanguageServiceWanted();
    expect(await settledAfter(wanted, START_AFTER_MS - 1)).toBe(false);
    expect(await settledAfter(wanted, 1)).toBe(true);
  });

  it('is wanted when the learner types, and at once from then on', async () => {
    const { whenLanguageServiceWanted, learnerTyped } = await fresh();
    const wanted = whenLanguageServiceWanted();
    expect(await settledAfter(wanted, 100)).toBe(false);
    learnerTyped();
    expect(await settledAfter(wanted, 0)).toBe(true);
    expect(await settledAfter(whenLanguageServiceWanted(), 0)).toBe(true);
  });

  it('takes a key press for typing, but not a modifier alone nor Ctrl/Cmd+Enter (Run)', async () => {
    const { isTyping } = await fresh();
    const press = (key: string, mods: { ctrlKey?: boolean; metaKey?: boolean } = {}) =>
      isTyping({ key, ctrlKey: mods.ctrlKey ?? false, metaKey: mods.metaKey ?? false });
    expect(press('a')).toBe(true);
    expect(press('Enter')).toBe(true);
    expect(press(' ', { ctrlKey: true })).toBe(true); // Ctrl+Space: completions
    expect(press('ArrowDown')).toBe(true);
    // Ctrl+Enter sends Control's own key press first, then Enter with Ctrl held.
    expect(press('Control', { ctrlKey: true })).toBe(false);
    expect(press('Enter', { ctrlKey: true })).toBe(false);
    expect(press('Meta', { metaKey: true })).toBe(false);
    expect(press('Enter', { metaKey: true })).toBe(false);
    expect(press('Shift')).toBe(false);
  });
});
