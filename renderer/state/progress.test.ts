import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROGRESS,
  labFinished,
  labStatus,
  parseProgress,
  stepsLeft,
  toLastRun,
  withCurrentStep,
  withStep,
} from './progress';

describe('progress', () => {
  it('tracks status from not started to done', () => {
    expect(labStatus(EMPTY_PROGRESS, 'a', ['s1', 's2'])).toBe('not-started');
    let p = withStep(EMPTY_PROGRESS, 'a', 's1', (s) => ({ ...s, code: 'x', passed: true }));
    expect(labStatus(p, 'a', ['s1', 's2'])).toBe('in-progress');
    p = withStep(p, 'a', 's2', (s) => ({ ...s, passed: true }));
    expect(labStatus(p, 'a', ['s1', 's2'])).toBe('done');
    expect(withCurrentStep(p, 'a', 1).labs.a!.step).toBe(1);
    expect(p.lastLab).toBe('a');
  });

  it('a lab is finished only when every step has passed, not when the last one has', () => {
    const ids = ['s1', 's2', 's3'];
    let p = withStep(EMPTY_PROGRESS, 'a', 's3', (s) => ({ ...s, passed: true }));
    expect(labFinished(p, 'a', ids)).toBe(false);
    expect(labStatus(p, 'a', ids)).toBe('in-progress');
    expect(stepsLeft(p, 'a', ids)).toEqual([0, 1]);
    p = withStep(p, 'a', 's1', (s) => ({ ...s, passed: true }));
    expect(stepsLeft(p, 'a', ids)).toEqual([1]);
    p = withStep(p, 'a', 's2', (s) => ({ ...s, passed: true }));
    expect(labFinished(p, 'a', ids)).toBe(true);
    expect(stepsLeft(p, 'a', ids)).toEqual([]);
    expect(labFinished(EMPTY_PROGRESS, 'a', [])).toBe(false);
  });

  it('drops malformed saved data instead of trusting it', () => {
    expect(parseProgress(null)).toEqual(EMPTY_PROGRESS);
    expect(parseProgress({ labs: { a: { step: -3, steps: { s: { code: 5, passed: 'yes' } } }, b: 7 } })).toEqual({
      version: 1,
      labs: { a: { step: 0, steps: { s: {} } } },
    });
  });

  it('loads progress saved before last runs were kept, unchanged', () => {
    const old = {
      version: 1,
      lastLab: 'a',
      theme: 'light',
      labs: { a: { step: 1, steps: { s1: { code: 'x', passed: true, runs: 3 }, s2: { code: 'y' } } } },
    };
    expect(parseProgress(JSON.parse(JSON.stringify(old)))).toEqual(old);
  });

  it('keeps the last run verdicts across a save and a load, and drops malformed ones', () => {
    const lastRun = toLastRun(
      [
        { id: 'c1', pass: true, reason: 'fine' },
        { id: 'c2', pass: false, reason: 'expected 3, got 1' },
      ],
      null,
      1_700_000_000_000,
    );
    expect(lastRun.checks.map((c) => c.state)).toEqual(['pass', 'fail']);
    const p = withStep(EMPTY_PROGRESS, 'a', 's1', (s) => ({ ...s, lastRun }));
    const loaded = parseProgress(JSON.parse(JSON.stringify(p)));
    expect(loaded.labs.a!.steps.s1!.lastRun).toEqual(lastRun);

    const compileError = toLastRun([{ id: 'c1', pass: false, reason: 'x' }], 'the job did not compile', 6, {
      message: 'step.js:3:5: SyntaxError: Unexpected token',
      line: 3,
      column: 5,
    });
    const saved = withStep(EMPTY_PROGRESS, 'a', 's', (s) => ({ ...s, lastRun: compileError }));
    expect(parseProgress(JSON.parse(JSON.stringify(saved))).labs.a!.steps.s!.lastRun!.error).toEqual({
      message: 'step.js:3:5: SyntaxError: Unexpected token',
      line: 3,
      column: 5,
    });
    const failed = toLastRun(
      [{ id: 'c1', pass: false, reason: 'not judged: the job did not compile' }],
      'the job did not compile',
      5,
    );
    expect(failed).toEqual({
      at: 5,
      checks: [{ id: 'c1', state: 'not-judged', message: '' }],
      notJudged: 'the job did not compile',
    });
    expect(
      parseProgress(JSON.parse(JSON.stringify(withStep(EMPTY_PROGRESS, 'a', 's', (s) => ({ ...s, lastRun: failed })))))
        .labs.a!.steps.s!.lastRun,
    ).toEqual(failed);

    for (const bad of [
      { at: 'yesterday', checks: [] },
      { at: 1, checks: 'all good' },
      { at: 1, checks: [{ id: 'c1', state: 'maybe', message: '' }] },
      { at: 1, checks: [{ state: 'pass', message: '' }] },
    ]) {
      const parsed = parseProgress({ version: 1, labs: { a: { step: 0, steps: { s: { code: 'k', lastRun: bad } } } } });
      expect(parsed.labs.a!.steps.s).toEqual({ code: 'k' });
    }
  });

  it("keeps the sandbox's example, cluster and block size, and drops a malformed one whole", () => {
    const setting = { example: 'wc', cluster: 'two-racks', blockSize: 65_536 };
    expect(parseProgress({ version: 1, labs: {}, sandboxSetting: setting }).sandboxSetting).toEqual(setting);
    expect(
      parseProgress({ version: 1, labs: {}, sandboxSetting: { ...setting, cluster: 100 } }).sandboxSetting,
    ).toEqual({ ...setting, cluster: 100 });
    for (const bad of [
      'wc',
      { ...setting, example: '' },
      { ...setting, example: 'x'.repeat(65) },
      { ...setting, cluster: -1 },
      { ...setting, cluster: { preset: 'x' } },
      { ...setting, blockSize: 0 },
      { ...setting, blockSize: 1.5 },
      { ...setting, blockSize: '4096' },
    ])
      expect(parseProgress({ version: 1, labs: {}, sandboxSetting: bad }).sandboxSetting).toBeUndefined();
  });
});
