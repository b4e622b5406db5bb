import { describe, expect, it } from 'vitest';
import { parseProgress } from './progress';
import { DEFAULT_TIME_LIMIT_SECONDS, parseTimeLimit, validTimeLimit } from './timeLimit';

describe('the time limit setting', () => {
  it('accepts whole seconds from 2 to 300 and says what is wrong otherwise', () => {
    expect(parseTimeLimit(' 3 ')).toEqual({ seconds: 3 });
    expect(parseTimeLimit('300')).toEqual({ seconds: 300 });
    expect(parseTimeLimit('1')).toEqual({ error: 'The time limit must be between 2 and 300 seconds.', kind: 'range' });
    expect(parseTimeLimit('301')).toEqual({
      error: 'The time limit must be between 2 and 300 seconds.',
      kind: 'range',
    });
    expect(parseTimeLimit('2.5')).toEqual({
      error: 'Enter a whole number of seconds, between 2 and 300 seconds.',
      kind: 'format',
    });
    expect(parseTimeLimit('')).toHaveProperty('error');
    expect(validTimeLimit(DEFAULT_TIME_LIMIT_SECONDS)).toBe(30);
  });

  it('is saved with progress, and a bad saved value is dropped', () => {
    expect(parseProgress({ version: 1, labs: {}, timeLimitSeconds: 5 }).timeLimitSeconds).toBe(5);
    expect(parseProgress({ version: 1, labs: {}, timeLimitSeconds: 0 })).not.toHaveProperty('timeLimitSeconds');
    expect(parseProgress({ version: 1, labs: {}, timeLimitSeconds: '20' })).not.toHaveProperty('timeLimitSeconds');
  });
});
