/**
 * Machine learning in production on the pipeline engine: pumps' readings, a Spark job training a
 * regression on the lake, model serving scoring the stream, drift detected and acted on, and the
 * registry of every model trained.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core';
import { runPipeline, type PipelineSpec } from './index';
import { BASE_KW, KW_PER_LOAD } from './pumpReadings';

const wire = (...ids: string[]) => ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));

function pumps(
  options: {
    clients?: Record<string, unknown>;
    trainer?: Record<string, unknown>;
    serving?: Record<string, unknown>;
  } = {},
): PipelineSpec {
  return {
    parts: [
      {
        id: 'pumps',
        type: 'clients',
        settings: { events: 18_000, ratePerSec: 5, keys: 8, values: 'pumps', ...options.clients },
      },
      { id: 'api', type: 'api', node: 'n1' },
      { id: 'log', type: 'kafka', node: 'n1' },
      { id: 'flume', type: 'flume', node: 'n2', settings: { rollInterval: 60, rollCount: 0, rollSize: 0 } },
      { id: 'lake', type: 'hdfs', node: 'n2' },
      {
        id: 'trainer',
        type: 'spark-batch',
        node: 'n2',
        settings: { op: 'trainRegression', everyMs: 600_000, ...options.trainer },
      },
      { id: 'scorer', type: 'spark-streaming', node: 'n3' },
      { id: 'model', type: 'model-serving', node: 'n3', settings: { ...options.serving } },
      { id: 'store', type: 'hbase', node: 'n3' },
      { id: 'board', type: 'dashboard', node: 'n3' },
    ],
    wires: [
      ...wire('pumps', 'api', 'log', 'flume', 'lake', 'trainer', 'model'),
      ...wire('log', 'scorer', 'model', 'store', 'board'),
    ],
  } as PipelineSpec;
}

const run = (spec: PipelineSpec, untilMs = 3_660_000) => runPipeline({ pipeline: spec, cluster: 'classroom', untilMs });
const lastMae = (r: ReturnType<typeof run>) => {
  const rows = r.ml!.served.filter((b) => b.mae !== null).slice(-5);
  return rows.reduce((a, b) => a + b.mae! * b.scored, 0) / rows.reduce((a, b) => a + b.scored, 0);
};

describe('training in batch, applying in the stream', () => {
  it('fits the pumps: a fleet model near the typical pump, per-pump models nearer each pump', () => {
    const fleet = run(pumps());
    const first = fleet.ml!.models[0]!;
    expect(first.trainedAtMs).toBeGreaterThan(600_000);
    expect(first.deployedAtMs).toBeGreaterThan(first.trainedAtMs);
    expect(first.models[0]!.slope).toBeGreaterThan(KW_PER_LOAD * 0.9);
    expect(first.models[0]!.slope).toBeLessThan(KW_PER_LOAD * 1.1);
    expect(first.models[0]!.intercept).toBeGreaterThan(BASE_KW * 0.5);
    expect(first.models[0]!.intercept).toBeLessThan(BASE_KW * 1.5);
    // Before the first model, readings pass on unscored; after it, all are scored.
    expect(fleet.ml!.served[0]!.unscored).toBeGreaterThan(0);
    expect(fleet.ml!.served.slice(-10).every((b) => b.unscored === 0)).toBe(true);
    const perKey = run(pumps({ trainer: { modelPer: 'key' } }));
    expect(perKey.ml!.models[0]!.models).toHaveLength(8);
    // Noise of 1 kW: a right model's mean absolute error is about 0.8 kW; the fleet's is larger.
    expect(lastMae(perKey)).toBeLessThan(1);
    expect(lastMae(fleet)).toBeGreaterThan(lastMae(perKey));
    expect(perKey.summary.displayed).toBe(perKey.summary.produced);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(run(pumps({ trainer: { modelPer: 'key' } })))).toBe(
      JSON.stringify(run(pumps({ trainer: { modelPer: 'key' } }))),
    );
  });
});

describe('models do not work forever', () => {
  const wear = { wearFromMs: 900_000, wearPerHour: 0.6 };

  it('wear makes an old model drift; with onDrift alert it is recorded, nothing retrains', () => {
    const r = run(
      pumps({ clients: wear, trainer: { everyMs: 86_400_000 - 1, modelPer: 'key' }, serving: { onDrift: 'alert' } }),
    );
    expect(r.ml!.models).toHaveLength(0);
    const trained = run(
      pumps({
        clients: wear,
        trainer: { everyMs: 600_000, modelPer: 'key' },
        serving: { onDrift: 'alert', driftMae: 2 },
      }),
    );
    expect(trained.ml!.drifts.length).toBeGreaterThan(0);
    expect(trained.ml!.drifts[0]!.t).toBeGreaterThan(900_000);
    expect(trained.ml!.drifts.every((d) => d.action === 'alert')).toBe(true);
    expect(trained.ml!.models.every((m) => m.trigger === 'schedule')).toBe(true);
  });

  it('with onDrift retrain, the trainer trains on recent readings at once and the error comes back down', () => {
    const stale = run(pumps({ clients: wear, trainer: { everyMs: 3_000_000, modelPer: 'key' } }));
    const loop = run(
      pumps({
        clients: wear,
        trainer: { everyMs: 3_000_000, modelPer: 'key', trainWindowMs: 300_000 },
        serving: { onDrift: 'retrain', driftMae: 2 },
      }),
    );
    const byDrift = loop.ml!.models.filter((m) => m.trigger === 'drift');
    expect(byDrift.length).toBeGreaterThan(0);
    expect(byDrift[0]!.trainedAtMs).toBeGreaterThan(loop.ml!.drifts[0]!.t);
    expect(byDrift[0]!.deployedAtMs).not.toBeNull();
    expect(byDrift[0]!.windowFromMs).toBeGreaterThanOrEqual(byDrift[0]!.trainedAtMs - 300_000 - 60_000);
    expect(lastMae(loop)).toBeLessThan(lastMae(stale));
  });

  it('a model that tests worse than maxHoldoutMae is not deployed, and says why', () => {
    const r = run(pumps({ trainer: { maxHoldoutMae: 0.1 } }));
    expect(r.ml!.models.length).toBeGreaterThan(0);
    expect(r.ml!.models.every((m) => !m.deployed && m.deployedAtMs === null)).toBe(true);
    expect(r.ml!.models[0]!.rejected).toMatch(/above maxHoldoutMae \(0.1 kW\)/);
    expect(r.ml!.served.every((b) => b.scored === 0)).toBe(true);
  });
});

describe('a training job as data', () => {
  const problem = (spec: PipelineSpec) => {
    try {
      run(spec, 1_000);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('trains on readings only, deploys to model serving only', () => {
    expect(problem(pumps({ clients: { values: 'none' } }))).toMatch(/the clients' events carry none: give "pumps"/);
    const toStore = pumps();
    toStore.wires = toStore.wires.map((w) => (w.from === 'trainer' ? { from: 'trainer', to: 'store' } : w));
    expect(problem(toStore)).toMatch(/it deploys to model serving, not to "store"/);
    const counting = pumps({ trainer: { op: 'countByKey' } });
    expect(problem(counting)).toMatch(/only a job whose op is trainRegression deploys models/);
  });
});

describe('the registry tells the truth', () => {
  it('numbers models across training jobs, and a model serving never took is not deployed at a time', () => {
    const two = pumps({ trainer: { modelPer: 'key' } });
    two.parts.push({
      id: 't2',
      type: 'spark-batch',
      node: 'n1',
      settings: { op: 'trainRegression', everyMs: 420_000 },
    });
    two.wires.push({ from: 'lake', to: 't2' }, { from: 't2', to: 'model' });
    const r = run(two);
    const versions = r.ml!.models.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    // A model superseded before it arrived was never served.
    const served = r.ml!.models.filter((m) => m.deployedAtMs !== null).map((m) => m.deployedAtMs!);
    expect([...served].sort((a, b) => a - b)).toEqual(served);
  });

  it('a serving part that was down gets the newest model once it is back', () => {
    const r = runPipeline({
      pipeline: pumps(),
      cluster: 'classroom',
      untilMs: 1_200_000,
      faults: [
        { atMs: 590_000, kind: 'stopPart', part: 'model' },
        { atMs: 700_000, kind: 'startPart', part: 'model' },
      ],
    });
    const first = r.ml!.models[0]!;
    expect(first.deployed).toBe(true);
    expect(first.deployedAtMs).toBeGreaterThanOrEqual(700_000);
    expect(first.deployedAtMs).toBeLessThan(720_000);
  });

  it('refuses a model that cannot score all its held-out readings', () => {
    const r = run(pumps({ clients: { keys: 300 }, trainer: { modelPer: 'key' } }), 1_300_000);
    expect(r.ml!.models.length).toBeGreaterThan(0);
    expect(r.ml!.models[0]!.rejected).toMatch(/held-out readings belong to keys it has no model for/);
  });
});

describe('a drift whose retraining cannot start at once', () => {
  it('asks again until the training job can train', () => {
    const wear = { wearFromMs: 900_000, wearPerHour: 0.6 };
    const spec = pumps({
      clients: wear,
      trainer: { everyMs: 3_000_000, modelPer: 'key', trainWindowMs: 300_000 },
      serving: { onDrift: 'retrain', driftMae: 2 },
    });
    const free = runPipeline({ pipeline: spec, cluster: 'classroom', untilMs: 3_660_000 });
    const drift = free.ml!.drifts[0]!;
    // The training job is stopped when the drift comes and starts again a minute later.
    const r = runPipeline({
      pipeline: spec,
      cluster: 'classroom',
      untilMs: 3_660_000,
      faults: [
        { atMs: drift.t - 1_000, kind: 'stopPart', part: 'trainer' },
        { atMs: drift.t + 60_000, kind: 'startPart', part: 'trainer' },
      ],
    });
    const byDrift = r.ml!.models.find((m) => m.trigger === 'drift');
    expect(byDrift).toBeDefined();
    expect(byDrift!.trainedAtMs).toBeGreaterThan(drift.t + 60_000);
    expect(byDrift!.trainedAtMs).toBeLessThan(drift.t + 60_000 + 60_000);
  });
});
