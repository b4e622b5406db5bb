import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatNumber } from '../viz/run/format';
import { seconds } from '../viz/views/durationWords';
import { setActiveLanguage } from './activeLocale';
import { count, fixed, percent } from './numberFormat';

afterEach(() => setActiveLanguage('en'));

describe('numbers, sizes and times per locale', () => {
  it('English: decimal point and comma grouping', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(fixed(1.25, 1)).toBe('1.3');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatNumber(12345.678)).toBe('12,345.68');
    expect(seconds(4200)).toBe('4.20 s');
    expect([percent(50), percent(12.34, 1)]).toEqual(['50%', '12.3%']);
  });

  it('German: decimal comma and point grouping ("1.234"), switched at once', () => {
    setActiveLanguage('de');
    expect(count(1234567)).toBe('1.234.567');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(100)).toBe('100 B');
    expect(formatMs(1234)).toBe('1,23 s');
    expect(formatMs(90_500)).toBe('90,50 s');
    expect(formatMs(185_000)).toBe('3 min 5 s');
    expect(formatNumber(12345.678)).toBe('12.345,68');
    expect(formatNumber(0.12345)).toBe('0,1235');
    expect(seconds(4200)).toBe('4,20 s');
    expect(seconds(185_000)).toBe('3 min 5 s');
    // German writes a no-break space before %, as Intl's de-DE (labs/germanFormat.ts) does.
    expect([percent(50), percent(12.34, 1)]).toEqual(['50\u00a0%', '12,3\u00a0%']);
  });
});
