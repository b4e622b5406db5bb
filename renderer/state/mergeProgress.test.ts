import { describe, expect, it } from 'vitest';
import { mergeProgress, stampChanges } from './mergeProgress';
import { EMPTY_PROGRESS, parseProgress, withCurrentStep, withStep, type Progress } from './progress';

/** What the store does on every change: apply it, then stamp what changed. */
const edit = (p: Progress, at: number, change: (p: Progress) => Progress) => stampChanges(p, change(p), at);
const code = (labId: string, stepId: string, value: string) => (p: Progress) =>
  withStep(p, labId, stepId, (s) => ({ ...s, code: value }));
const roundTrip = (p: Progress) => parseProgress(JSON.parse(JSON.stringify(p)));

describe('stampChanges', () => {
  it('stamps only the steps, sandbox code and settings that changed, always later than before', () => {
    let p = edit(EMPTY_PROGRESS, 100, code('a', 's1', 'x'));
    expect(p.labs.a!.steps.s1!.updatedAt).toBe(100);
    p = edit(p, 100, code('a', 's1', 'xy')); // same millisecond: still later
    expect(p.labs.a!.steps.s1!.updatedAt).toBe(101);
    const moved = edit(p, 500, (q) => withCurrentStep(q, 'a', 1));
    expect(moved.labs.a!.steps.s1!.updatedAt).toBe(101);
    const other = edit(p, 600, code('a', 's2', 'z'));
    expect(other.labs.a!.steps).toMatchObject({ s1: { updatedAt: 101 }, s2: { updatedAt: 600 } });
    const sandbox = edit(p, 700, (q) => ({ ...q, sandboxCode: 'job' }));
    expect(sandbox).toMatchObject({ sandboxUpdatedAt: 700 });
    expect(sandbox.settingsUpdatedAt).toBeUndefined();
    expect(edit(p, 800, (q) => ({ ...q, theme: 'light' }))).toMatchObject({ settingsUpdatedAt: 800 });
  });
});

describe('mergeProgress', () => {
  it("a stale tab's save does not wipe another tab's newer code: each step keeps its newest edit", () => {
    const stale = roundTrip(EMPTY_PROGRESS); // tab B, opened before anything was typed
    const tabA = edit(EMPTY_PROGRESS, 1_000, code('lab', 's1', 'code from A'));
    const tabB = edit(stale, 2_000, code('lab', 's2', 'code from B'));
    const savedByB = mergeProgress(tabB, roundTrip(tabA)); // B reads what A saved before writing
    expect(savedByB.labs.lab!.steps.s1!.code).toBe('code from A');
    expect(savedByB.labs.lab!.steps.s2!.code).toBe('code from B');
    const followedByA = mergeProgress(tabA, roundTrip(savedByB));
    expect(followedByA.labs.lab!.steps).toEqual(savedByB.labs.lab!.steps);
  });

  it('for one step, the newer edit wins on either side, and passed stays passed', () => {
    const base = edit(EMPTY_PROGRESS, 10, (p) => withStep(p, 'lab', 's', (s) => ({ ...s, code: 'old', passed: true })));
    const newer = edit(roundTrip(base), 20, code('lab', 's', 'new'));
    const older = edit(roundTrip(base), 15, (p) =>
      withStep(p, 'lab', 's', (s) => ({ ...s, code: 'mid', passed: undefined })),
    );
    expect(mergeProgress(older, newer).labs.lab!.steps.s).toMatchObject({ code: 'new', passed: true });
    expect(mergeProgress(newer, older).labs.lab!.steps.s).toMatchObject({ code: 'new', passed: true });
    // A local edit newer than the other tab's (unsaved here) is kept: the editor does not follow.
    expect(mergeProgress(newer, older)).toBe(newer);
  });

  it("keeps this tab's place, takes newer sandbox code and settings, and is a no-op when nothing is newer", () => {
    const here = edit(withCurrentStep(EMPTY_PROGRESS, 'lab', 2), 50, (p) => ({
      ...p,
      sandboxCode: 'mine',
      theme: 'dark',
    }));
    const there = edit(withCurrentStep(roundTrip(EMPTY_PROGRESS), 'lab', 0), 90, (p) => ({
      ...p,
      sandboxCode: 'theirs',
      theme: 'light',
      timeLimitSeconds: 20,
    }));
    const merged = mergeProgress(here, roundTrip(there));
    expect(merged).toMatchObject({ lastLab: 'lab', sandboxCode: 'theirs', theme: 'light', timeLimitSeconds: 20 });
    // The sandbox's example, cluster and block size travel with its code, under the same stamp.
    const picked = edit(merged, 120, (p) => ({
      ...p,
      sandboxSetting: { example: 'wc', cluster: 100, blockSize: 256 },
    }));
    expect(picked.sandboxUpdatedAt).toBe(120);
    expect(mergeProgress(merged, roundTrip(picked)).sandboxSetting).toEqual({
      example: 'wc',
      cluster: 100,
      blockSize: 256,
    });
    expect(mergeProgress(picked, roundTrip(merged)).sandboxSetting).toEqual(picked.sandboxSetting);
    expect(merged.labs.lab!.step).toBe(2);
    expect(mergeProgress(merged, roundTrip(merged))).toBe(merged);
  });

  it('merges progress saved before stamps existed: any stamped edit is newer, nothing is dropped', () => {
    const old = parseProgress({
      version: 1,
      labs: { lab: { step: 1, steps: { s1: { code: 'v1 code', passed: true } } } },
    });
    expect(old.labs.lab!.steps.s1!.updatedAt).toBeUndefined();
    const edited = edit(roundTrip(old), 5, code('lab', 's2', 'new'));
    const merged = mergeProgress(old, roundTrip(edited));
    expect(merged.labs.lab!.steps).toMatchObject({ s1: { code: 'v1 code', passed: true }, s2: { code: 'new' } });
    expect(mergeProgress(edited, old)).toBe(edited);
  });
});
