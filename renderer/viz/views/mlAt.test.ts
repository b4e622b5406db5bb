import { describe, expect, it } from 'vitest';
import { formula, mlAt, mlNowLines, paramsSummary, servingAt } from './mlAt';
import { mlRun, refusedFleetRun } from './__tests__/mlRuns';

describe('machine learning at an instant of playback', () => {
  it('step 1 starter: no model ever, every minute unscored', async () => {
    const ml = (await mlRun('1-train-and-apply', 'starter')).ml!;
    const now = mlAt(ml, 3_660_000);
    expect(now.serving).toBeNull();
    expect(mlNowLines(now)).toEqual([
      'No model serves yet: model serving passes the readings on without a prediction.',
      'Last full minute (1 h to 1 h 1 min): no reading was scored; 5 readings passed on without a prediction.',
      'No drift detected so far.',
    ]);
  });

  it('step 1 solution: before, during and after the first deployment', async () => {
    const ml = (await mlRun('1-train-and-apply', 'solution')).ml!;
    expect(mlNowLines(mlAt(ml, 30_000))).toEqual([
      'No model serves yet: model serving passes the readings on without a prediction.',
      'No minute of served readings has ended yet.',
      'No drift detected so far.',
    ]);
    const first = ml.models[0]!;
    // Trained, not yet deployed: still no model serving, but one trained.
    const between = mlAt(ml, first.trainedAtMs);
    expect(between.serving).toBeNull();
    expect(mlNowLines(between)[0]).toBe(
      'No model serves yet (1 trained so far): model serving passes the readings on without a prediction.',
    );
    const after = mlAt(ml, 700_000);
    expect(after.serving?.version).toBe(1);
    const lines = mlNowLines(after);
    expect(lines[0]).toBe(
      'Model v1 serves, since 10 min 20 s: one model for the fleet, power = 29.41 × load + 5.17 kW.',
    );
    expect(lines[1]).toBe(
      'Trained by trainer at 10 min 20 s on schedule, on the readings sent from 0 s to 9 min 1 s (2,164 fit, the newest fifth held out); held-out error 1.27 kW.',
    );
    expect(lines[2]).toBe(
      'Last full minute (10 min to 11 min): 200 predictions were off by 1.23 kW on average; 100 readings passed on without a prediction.',
    );
  });

  it('step 2 solution: the last drift before t, and the model it had trained', async () => {
    const ml = (await mlRun('2-models-do-not-work-forever', 'solution')).ml!;
    const d = ml.drifts[0]!;
    expect(mlAt(ml, d.t - 1).lastDrift).toBeNull();
    const now = mlAt(ml, d.t + 30_000);
    expect(now.drifts).toBe(1);
    expect(mlNowLines(now)[3]).toBe(
      'Last drift at 47 min 1 s (1 so far), detected by model: the latest predictions, by model v4, were off by 2.01 kW on average; it had a new model trained.',
    );
    expect(now.serving?.version).toBe(5);
    expect(mlNowLines(now)[1]).toContain('Trained by retrainer at 47 min 21 s after a drift');
    // At every minute, the serving model was deployed by then and no later deployment precedes t.
    for (let t = 0; t <= 7_260_000; t += 60_000) {
      const s = servingAt(ml, t);
      if (s) expect(s.deployedAtMs).toBeLessThanOrEqual(t);
      expect(
        ml.models.some(
          (m) => m.deployedAtMs !== null && m.deployedAtMs <= t && m.deployedAtMs > (s?.deployedAtMs ?? -1),
        ),
      ).toBe(false);
    }
  });

  it('step 3: per-pump models summarised as ranges; a refused fleet model never serves', async () => {
    const ml = (await mlRun('3-a-model-per-pump', 'solution')).ml!;
    expect(paramsSummary(ml.models[0]!)).toMatch(/^slope [\d.]+ to [\d.]+, intercept [\d.]+ to [\d.]+ kW$/);
    expect(mlNowLines(mlAt(ml, 700_000))[0]).toContain('one model per pump (8 pumps)');
    const refused = (await refusedFleetRun()).ml!;
    const bad = refused.models.find((m) => m.rejected !== null)!;
    const s = servingAt(refused, bad.trainedAtMs + 1000);
    expect(s?.version).not.toBe(bad.version);
    expect(formula({ slope: 2, intercept: -1.234 })).toBe('power = 2.00 × load − 1.23 kW');
  });
});

describe('a minute without readings', () => {
  it('says the last minute with readings, and that none was served since', async () => {
    const ml = (await mlRun('1-train-and-apply', 'solution')).ml!;
    // The readings stop at 1 h; an instant after the run's end has quiet minutes before it.
    const lines = mlNowLines(mlAt(ml, 3_800_000));
    expect(lines[2]).toMatch(
      /^Last minute with readings \(1 h to 1 h 1 min\): [\d,]+ predictions? (was|were) off by [\d.]+ kW on average\. No reading was served since\.$/,
    );
    expect(mlNowLines(mlAt(ml, 3_660_000))[2]).toMatch(/^Last full minute \(1 h to 1 h 1 min\)/);
  });
});
