import { describe, expect, it } from 'vitest';
import { formatSimTime, formatSpan } from './format';

describe('formatSpan', () => {
  it('gives a stretch under a second in ms, never "0.0 s" (the flow legend said lines stay 0.0 s)', () => {
    expect(formatSpan(18.4)).toBe('18 ms');
    expect(formatSpan(4.2)).toBe('4.2 ms');
    expect(formatSpan(460)).toBe('460 ms');
    expect(formatSimTime(18.4)).toBe('0.0 s');
  });

  it('reads as the clock from a second on', () => {
    expect(formatSpan(1500)).toBe(formatSimTime(1500));
    expect(formatSpan(95_000)).toBe('1 min 35 s');
  });
});
