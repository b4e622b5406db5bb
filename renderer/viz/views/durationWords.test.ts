import { describe, expect, it } from 'vitest';
import { ageSeconds, durationWords, tickWords, timeTicks } from './durationWords';
import { ageSeconds as checkAge } from '../../../labs/checkKit';
import { agePeaks, runPipeline } from '../../../engine/pipeline';
import lab, { RUN_MS } from '../../../labs/netflix-trending/lab';
import { setActiveLanguage } from '../../i18n/activeLocale';

describe('durations in plain words', () => {
  it('says each size as a reader would, rounding across the boundaries', () => {
    expect(durationWords(420)).toBe('420 ms');
    expect(durationWords(1_100)).toBe('1.1 s');
    expect(durationWords(9_960)).toBe('10 s');
    expect(durationWords(42_400)).toBe('42 s');
    expect(durationWords(59_600)).toBe('1 min');
    expect(durationWords(425_000)).toBe('7 min 5 s');
    expect(durationWords(420_000)).toBe('7 min');
    expect(durationWords(1_205_005)).toBe('20 min');
    expect(durationWords(3_599_000)).toBe('1 h');
    expect(durationWords(3_900_000)).toBe('1 h 5 min');
    expect(durationWords(-5)).toBe('0 ms');
    expect(tickWords(0)).toBe('0');
    expect(tickWords(1_000)).toBe('1 s');
    expect(tickWords(1_500)).toBe('1.5 s');
  });

  it('puts round ticks on a time axis', () => {
    expect(timeTicks(420_000, 5)).toEqual([0, 120_000, 240_000, 360_000]);
    expect(timeTicks(9_000_000, 3).map(tickWords)).toEqual(['0', '1 h', '2 h']);
    expect(timeTicks(9_000_000, 5).map(tickWords)).toEqual(['0', '30 min', '1 h', '1 h 30 min', '2 h', '2 h 30 min']);
    expect(timeTicks(0)).toEqual([0]);
  });
});

describe('how old a row is, as the view and the checks print it', () => {
  it('is never rounder than it is: a refresh every 29 s leaves the row 30.002 s old, not "30 s" beside "more than 30 s"', () => {
    const spec = JSON.parse(lab.steps[1]!.solution) as { parts: { id: string; settings?: object }[] };
    spec.parts.find((p) => p.id === 'recommender')!.settings = { show: 'trending', refreshMs: 29_000 };
    const result = runPipeline({ pipeline: spec as never, cluster: 'classroom', untilMs: RUN_MS, seed: 28 });
    const view = result.views.find((v) => v.dashboard === 'recommender')!;
    const worst = Math.max(...agePeaks(view, 60_000, result.simulatedMs).map((p) => p.ageMs));
    expect(worst).toBeGreaterThan(30_000);
    expect(ageSeconds(worst)).toBe('30.002 s');
    expect(checkAge(worst)).toBe(ageSeconds(worst));
    for (const ms of [30_000, 30_000.3, 29_999.7, 6_040, 1_002.07, 59_996, 606_400])
      expect(checkAge(ms)).toBe(ageSeconds(ms));
    expect([30_000, 30_000.3, 29_999.7, 6_040, 59_996, 606_400].map(ageSeconds)).toEqual([
      '30 s',
      '30.001 s',
      '30 s',
      '6.04 s',
      '59.996 s',
      '10 min 6 s',
    ]);
    setActiveLanguage('de');
    try {
      expect(ageSeconds(worst)).toBe('30,002 s');
    } finally {
      setActiveLanguage('en');
    }
  });
});
