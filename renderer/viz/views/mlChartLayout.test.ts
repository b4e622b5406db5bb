import { describe, expect, it } from 'vitest';
import { mlChartLayout, mlChartSummary, mlCursorX } from './mlChartLayout';
import { mlRun } from './__tests__/mlRuns';

describe('the served error chart', () => {
  it('step 2 solution: the line, the unscored first minutes shaded, drifts and deployments marked', async () => {
    const result = await mlRun('2-models-do-not-work-forever', 'solution');
    const ml = result.ml!;
    const l = mlChartLayout(ml, result.simulatedMs, 540, 160);
    expect(l.path.startsWith('M')).toBe(true);
    expect(l.unscored).toHaveLength(11);
    expect(l.unscored[0]!.x).toBe(l.left);
    expect(l.drifts).toHaveLength(12);
    expect(l.drifts.every((d) => d.y >= l.top && d.y <= l.bottom && d.action === 'retrain')).toBe(true);
    expect(l.deploys).toHaveLength(23);
    // Labels never closer than the gap, and the first deployment is labelled.
    const labelled = l.deploys.filter((d) => d.label);
    expect(labelled[0]!.version).toBe(1);
    for (let i = 1; i < labelled.length; i++) expect(labelled[i]!.x - labelled[i - 1]!.x).toBeGreaterThanOrEqual(26);
    expect(l.yTicks.map((t) => t.label)).toEqual(['0 kW', '1 kW', '2 kW', '3 kW']);
    expect(l.xTicks[0]!.label).toBe('0');
    expect(mlCursorX(l, 0)).toBe(l.left);
    expect(mlCursorX(l, result.simulatedMs)).toBe(l.right);
    expect(mlChartSummary(ml, result.simulatedMs)).toBe(
      "The served predictions' mean absolute error per minute over 2 h 1 min: at worst 2.09 kW (the minute to 1 h 56 min). 23 models deployed, 12 drifts detected, 11 minutes with readings passed on without a prediction.",
    );
  });

  it('step 1 starter: nothing scored, no line, every minute shaded', async () => {
    const result = await mlRun('1-train-and-apply', 'starter');
    const l = mlChartLayout(result.ml!, result.simulatedMs, 480, 160);
    expect(l.path).toBe('');
    expect(l.unscored).toHaveLength(61);
    expect(mlChartSummary(result.ml!, result.simulatedMs)).toBe(
      'No prediction was served in 1 h 1 min. 0 models deployed, 0 drifts detected, 61 minutes with readings passed on without a prediction.',
    );
  });
});
