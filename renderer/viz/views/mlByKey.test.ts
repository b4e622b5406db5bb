import { describe, expect, it } from 'vitest';
import { mlByKey, byKeySentence, lastStretch } from './mlByKey';
import { mlRun } from './__tests__/mlRuns';

describe('the error pump by pump over the last 10 minutes', () => {
  it('step 3 starter: the two worn pumps and others above 3 kW highlighted; reached only in the last stretch', async () => {
    const result = await mlRun('3-a-model-per-pump', 'starter');
    const ml = result.ml!;
    const rows = mlByKey(ml);
    expect(rows[0]).toEqual({ key: 0, scored: '359', mae: '11.74 kW', over: true });
    expect(rows.filter((r) => r.over).map((r) => r.key)).toEqual([0, 1, 2, 3, 5, 7]);
    expect(lastStretch(ml, result.simulatedMs, 6_659_999)).toEqual({ fromMs: 6_660_000, reached: false });
    expect(lastStretch(ml, result.simulatedMs, 6_660_000).reached).toBe(true);
    expect(byKeySentence(ml)).toMatch(/^2,705 predictions, off by [\d.]+ kW on average; 6 of 8 pumps above 3 kW\.$/);
  });

  it('step 3 solution: every pump within 3 kW', async () => {
    const ml = (await mlRun('3-a-model-per-pump', 'solution')).ml!;
    expect(mlByKey(ml).some((r) => r.over)).toBe(false);
    expect(byKeySentence(ml)).toContain('every pump within 3 kW.');
  });
});
