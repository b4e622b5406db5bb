import { describe, expect, it } from 'vitest';
import { mlRegistry, REGISTRY_ROWS_SHOWN } from './mlRegistry';
import { mlRun, refusedFleetRun } from './__tests__/mlRuns';

describe('the registry at an instant', () => {
  it('lists only the models trained by t, newest first, capped', async () => {
    const ml = (await mlRun('2-models-do-not-work-forever', 'starter')).ml!;
    expect(mlRegistry(ml, 600_000)).toEqual({ rows: [], trained: 0, more: 0 });
    const mid = mlRegistry(ml, 3_000_000);
    expect(mid.trained).toBe(4);
    expect(mid.rows.map((r) => r.version)).toEqual([4, 3, 2, 1]);
    expect(mid.rows[0]).toMatchObject({
      trainedAt: '40 min 20 s',
      why: 'schedule',
      window: { from: '0 s', to: '39 min 5 s' },
      rows: '9,379',
      per: 'fleet',
      power: '29.52 × load + 5.07 kW',
      holdout: '1.38 kW',
      status: 'serving',
      statusText: 'at 40 min 20 s, serving now',
    });
    expect(mid.rows[1]!.status).toBe('replaced');
    const end = mlRegistry(ml, 7_260_000);
    expect(end).toMatchObject({ trained: 12, more: 12 - REGISTRY_ROWS_SHOWN });
    expect(mlRegistry(ml, 7_260_000, Number.POSITIVE_INFINITY).rows).toHaveLength(12);
  });

  it('at every minute: only models trained by then, and at most one serving, deployed by then', async () => {
    const ml = (await mlRun('2-models-do-not-work-forever', 'solution')).ml!;
    for (let t = 0; t <= 7_260_000; t += 30_000) {
      const rows = mlRegistry(ml, t, Number.POSITIVE_INFINITY).rows;
      const byVersion = new Map(ml.models.map((m) => [m.version, m]));
      expect(rows.every((r) => byVersion.get(r.version)!.trainedAtMs <= t)).toBe(true);
      const serving = rows.filter((r) => r.status === 'serving');
      expect(serving.length).toBeLessThanOrEqual(1);
      for (const r of rows.filter((x) => x.status === 'serving' || x.status === 'replaced'))
        expect(byVersion.get(r.version)!.deployedAtMs!).toBeLessThanOrEqual(t);
    }
  });

  it('a model trained but not yet deployed is on its way', async () => {
    const ml = (await mlRun('1-train-and-apply', 'solution')).ml!;
    const row = mlRegistry(ml, ml.models[0]!.trainedAtMs).rows[0]!;
    expect(row).toMatchObject({ version: 1, status: 'pending', statusText: 'not yet: on its way to model serving' });
  });

  it('drift-triggered models say so; per-pump models list each pump', async () => {
    const wear = (await mlRun('2-models-do-not-work-forever', 'solution')).ml!;
    expect(mlRegistry(wear, 2_900_000).rows[0]).toMatchObject({
      version: 5,
      why: 'drift',
      window: { from: '37 min 1 s', to: '46 min 5 s' },
    });
    const perPump = (await mlRun('3-a-model-per-pump', 'solution')).ml!;
    const row = mlRegistry(perPump, 700_000).rows[0]!;
    expect(row.per).toBe('pump');
    expect(row.pumps.map((p) => p.key)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(row.power).toMatch(/^slope .+ to .+, intercept .+ to .+ kW$/);
  });

  it('a refused model says why', async () => {
    const ml = (await refusedFleetRun()).ml!;
    const bad = ml.models.find((m) => m.rejected !== null)!;
    const row = mlRegistry(ml, bad.trainedAtMs).rows.find((r) => r.version === bad.version)!;
    expect(row.status).toBe('refused');
    expect(row.statusText).toMatch(
      /^refused: its error on the held-out readings, [\d.]+ kW, is above maxHoldoutMae \(2 kW\)$/,
    );
  });
});
