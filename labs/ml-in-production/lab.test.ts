/**
 * What the ml-in-production texts say, checked against the runs (every lab's solutions and
 * starters are judged by labs/allLabs.test.ts): the pumps, the regression and its held-out test,
 * wear from 30 minutes, two worn pumps in step 3.
 */
import { describe, expect, it } from 'vitest';
import lab, { HOUR_RUN_MS, MAX_HOLDOUT_KW, TWO_HOUR_RUN_MS, WEAR_FROM_MS } from './lab';
import { BASE_KW, KW_PER_LOAD, NOISE_KW, PART_CATALOGUE } from '../../engine/pipeline';
import { editPipeline, flat, runPipelineLabStep, type PipelineFile } from '../__tests__/pipelineLabTest';

type File = PipelineFile;

const run = (stepIndex: number, source: string) => runPipelineLabStep(lab, stepIndex, source);
const edit = editPipeline;
const pumps = (text: string) => (JSON.parse(text) as File).parts.find((p) => p.type === 'clients')!.settings!;

describe('the ml-in-production lab', () => {
  it('the intro: 8 pumps, 5 readings a second together, about 5 kW plus 30 kW at full load, off by about 1 kW', () => {
    const text = flat(lab.intro);
    expect(text).toContain('**8 pumps**');
    expect(text).toContain('Together they send **5 readings a second**');
    expect(text).toContain('about 5 kW plus 30 kW at full load');
    expect(text).toContain('(up to 10% either way)');
    expect(text).toContain('typically off by about 1 kW (a Gaussian error with a standard deviation of 1 kW)');
    expect([BASE_KW, KW_PER_LOAD, NOISE_KW]).toEqual([5, 30, 1]);
    expect(text).toContain('the older **four fifths**');
    expect(pumps(lab.steps[0]!.starter)).toMatchObject({ keys: 8, ratePerSec: 5 });
    expect(PART_CATALOGUE['spark-batch'].settings.trainWindowMs!.default).toBe(0);
  });

  it('step 1: an hour of readings, a model every 10 minutes, the fleet model within 2.5 kW', async () => {
    const text = flat(lab.steps[0]!.instructions);
    expect(text).toContain('the run lasts **1 h 1 min** (18,000 readings in the first hour)');
    expect(HOUR_RUN_MS).toBe(3_660_000);
    const { result } = await run(0, lab.steps[0]!.solution);
    expect(result.ml!.models[0]!.trainedAtMs).toBeGreaterThan(600_000);
    expect(result.ml!.models[0]!.trainedAtMs).toBeLessThan(660_000);
  });

  it('step 2: the pumps wear from 30 minutes at 40% per hour; retraining on all readings does not keep up', async () => {
    const text = flat(lab.steps[1]!.instructions);
    expect(text).toContain('every pump starts to wear **at 30 minutes**');
    expect(text).toContain('**40% more per unit of load after each hour of wear**');
    expect(text).toContain('The run lasts **2 h 1 min**');
    expect(pumps(lab.steps[1]!.starter)).toMatchObject({ wearFromMs: WEAR_FROM_MS, wearPerHour: 0.4, events: 36_000 });
    expect(TWO_HOUR_RUN_MS).toBe(7_260_000);
    // Retraining on drift but on every reading: the new models fit the pumps as they were on average.
    const allData = edit(lab.steps[1]!.solution, (p) => {
      delete p.parts.find((x) => x.type === 'spark-batch')!.settings!.trainWindowMs;
    });
    const { out } = await run(1, allData);
    expect(out.checks.find((c) => c.id === 'drift-detected')!.pass).toBe(true);
    expect(out.checks.find((c) => c.id === 'served-error')!.pass).toBe(false);
    // A threshold a healthy fleet's model reaches is a false alarm.
    const tight = edit(lab.steps[1]!.solution, (p) => {
      p.parts.find((x) => x.type === 'model-serving')!.settings = { onDrift: 'retrain', driftMae: 1 };
    });
    const early = await run(1, tight);
    expect(early.out.checks.find((c) => c.id === 'drift-detected')!.reason).toContain('before any pump wore');
  });

  it('step 3: pumps 0 and 1 wear at 60% per hour; one model per pump, tested within 2 kW', async () => {
    const text = flat(lab.steps[2]!.instructions);
    expect(text).toContain('only **pumps 0 and 1 wear**, fast: 60% more power per unit of load after each hour');
    expect(pumps(lab.steps[2]!.starter)).toMatchObject({ wearingKeys: 2, wearPerHour: 0.6 });
    expect(text).toContain(`above ${MAX_HOLDOUT_KW} kW**`);
    const { result } = await run(2, lab.steps[2]!.solution);
    const deployed = result.ml!.models.filter((m) => m.deployed);
    expect(deployed.every((m) => m.models.length === 8 && m.settings.modelPer === 'key')).toBe(true);
    // A fleet model behind the same test is refused once the worn pumps pull it apart.
    const fleet = edit(lab.steps[2]!.solution, (p) => {
      p.parts.find((x) => x.type === 'spark-batch')!.settings!.modelPer = 'fleet';
    });
    const refused = await run(2, fleet);
    expect(refused.result.ml!.models.some((m) => !m.deployed && m.rejected?.includes('above maxHoldoutMae'))).toBe(
      true,
    );
    expect(refused.out.checks.find((c) => c.id === 'every-pump')!.pass).toBe(false);
    // The starter sets no bound: the check says so (it told of models 'testing up to 1000000.00 kW').
    const starter = await run(2, lab.steps[2]!.starter);
    const tested = starter.out.checks.find((c) => c.id === 'tested-before-production')!;
    expect(tested.pass).toBe(false);
    expect(tested.reason).toMatch(
      /^retrainer sets no maxHoldoutMae, so it deploys every model it trains, however far off it is on held-out readings: set maxHoldoutMae to at most 2 kW\.$/,
    );
    const loose = edit(lab.steps[2]!.solution, (p) => {
      p.parts.find((x) => x.type === 'spark-batch')!.settings!.maxHoldoutMae = 5;
    });
    expect((await run(2, loose)).out.checks.find((c) => c.id === 'tested-before-production')!.reason).toMatch(
      /deploys models that test up to 5\.00 kW on held-out readings \(its maxHoldoutMae\): set maxHoldoutMae to at most 2 kW\.$/,
    );
  });
});
