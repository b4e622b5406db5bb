import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS, labStatus, parseProgress, withCurrentStep, withStep } from './progress';

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

  it('drops malformed saved data instead of trusting it', () => {
    expect(parseProgress(null)).toEqual(EMPTY_PROGRESS);
    expect(parseProgress({ labs: { a: { step: -3, steps: { s: { code: 5, passed: 'yes' } } }, b: 7 } })).toEqual({
      version: 1,
      labs: { a: { step: 0, steps: { s: {} } } },
    });
  });
});
