/**
 * The lab's per-student variants (sensorVariant.ts): every job step runs on the student's own
 * sensor file, the texts state its facts, the checks judge its real averages, and without a seed
 * the lab is what it was (its own data, texts and verdicts).
 */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { plainAverages, SENSOR_BLOCK_SIZE, sensorText } from '../labData';
import { labTestRunner } from '../__tests__/labTestRunner';
import { localizeLab } from '../labLocale';
import { runStep } from '../runStep';
import { zahl } from '../germanFormat';
import { runVariant, studentSeed, variantInstructions, variantSolution, variantValues } from '../variant';
import { sensorTextFor, sensorVariantValues } from './sensorVariant';

const runner = labTestRunner();
const SEEDS = [1, 2, 12345, studentSeed('Ana Lima'), studentSeed('Bo Chen')];
const flat = (text: string) => text.replace(/\s+/g, ' ');
const days = (text: string) => plainAverages(text, 10).length;

describe('mapreduce-iot-averages: per-student variants', () => {
  it('each seed draws its own file of the same size class; the texts state its days and minutes', () => {
    const [a, b] = [sensorTextFor(SEEDS[3]!, 1), sensorTextFor(SEEDS[4]!, 1)];
    expect(a).not.toBe(b);
    expect(plainAverages(a, 10)).not.toEqual(plainAverages(b, 10));
    for (const seed of SEEDS) {
      const one = sensorTextFor(seed, 1);
      const ten = sensorTextFor(seed, 10);
      expect(one).not.toBe(sensorText(1));
      expect(sensorTextFor(seed, 1)).toBe(one); // pure
      expect(one.split('\n').length - 1).toBe(20_000);
      expect(Math.ceil(one.length / SENSOR_BLOCK_SIZE)).toBe(9); // "the nine map tasks"
      expect(Math.ceil(ten.length / SENSOR_BLOCK_SIZE)).toBe(90); // "90 splits, 90 machines"
      expect(one.slice(0, 10)).toBe('2016-05-01'); // the example day the texts give
      const values = sensorVariantValues(seed);
      expect(days(one)).toBe(values.days);
      expect(days(ten)).toBe(values.days);
      expect(plainAverages(one, 16).length).toBe(values.minutes);
      expect(one).toContain(`,${values.sensor},`);
      const text = flat(variantInstructions(lab.steps[1]!, seed));
      expect(text).toContain(
        `grows from ${values.days} to about ${(values.minutes as number).toLocaleString('en-US')};`,
      );
      const de = flat(variantInstructions(localizeLab(lab, 'de').steps[1]!, seed, zahl));
      expect(de).toContain(`wächst von ${values.days} auf etwa ${zahl(values.minutes as number)};`);
    }
    expect(new Set(SEEDS.map((s) => sensorVariantValues(s).days)).size).toBeGreaterThan(1);
  });

  it("without a seed the steps are as written: the lab's own data and texts", () => {
    expect(sensorVariantValues(null)).toEqual({ days: 10, minutes: 14_400, sensor: 'sensor-1' });
    lab.steps.forEach((step, i) => {
      expect(variantInstructions(step, null)).toBe(step.instructions);
      expect(variantSolution(step, null)).toBe(step.solution);
      expect(runVariant(lab, step, null).text('sensors')).toBe(sensorText(1));
      expect(step.kind === 'mapreduce' && step.variant !== undefined, `step ${i + 1} varies`).toBe(true);
    });
    expect(flat(lab.steps[1]!.instructions)).toContain('grows from 10 to about 14,400;');
    expect(flat(localizeLab(lab, 'de').steps[1]!.instructions)).toContain('wächst von 10 auf etwa 14.400;');
  });

  it('the solutions pass on every seed; the starters fail', async () => {
    for (let i = 0; i < lab.steps.length; i++) {
      const step = lab.steps[i]!;
      for (const seed of SEEDS) {
        const out = await runStep({
          lab,
          stepIndex: i,
          source: variantSolution(step, seed),
          runner,
          variantSeed: seed,
        });
        expect(
          out.checks.filter((c) => !c.pass).map((c) => `${c.id}: ${c.reason}`),
          `step ${i + 1}, seed ${seed}`,
        ).toEqual([]);
      }
      const starter = await runStep({ lab, stepIndex: i, source: step.starter, runner, variantSeed: SEEDS[0]! });
      expect(
        starter.checks.some((c) => !c.pass),
        `step ${i + 1}'s starter`,
      ).toBe(true);
    }
  }, 240_000);

  it("a job that writes the lab's own averages passes without a seed and fails on a student's", async () => {
    for (const [i, keyLength, check] of [
      [0, 10, 'exact-averages'],
      [1, 16, 'exact-minute-averages'],
    ] as const) {
      const own = Object.fromEntries(plainAverages(sensorText(1), keyLength));
      const copied = `const OWN = ${JSON.stringify(own)};
export default {
  kind: 'mapreduce',
  input: '/data/sensors.csv',
  output: '/out/daily',
  numReduceTasks: 3,
  map(offset, line, ctx) {
    ctx.write(line.slice(0, ${keyLength}), 1);
  },
  reduce(key, values, ctx) {
    for (const v of values) void v;
    if (key in OWN) ctx.write(key, OWN[key]);
  },
};
`;
      const asWritten = await runStep({ lab, stepIndex: i, source: copied, runner });
      expect(asWritten.checks.find((c) => c.id === check)!.pass, `step ${i + 1} as written`).toBe(true);
      for (const seed of SEEDS.slice(0, 2)) {
        const mine = await runStep({ lab, stepIndex: i, source: copied, runner, variantSeed: seed });
        expect(mine.checks.find((c) => c.id === check)!.pass, `step ${i + 1}, seed ${seed}`).toBe(false);
      }
    }
  }, 120_000);

  it("two students' correct answers differ", async () => {
    const [ana, bo] = [SEEDS[3]!, SEEDS[4]!];
    const step = lab.steps[2]!;
    const results = [];
    for (const seed of [ana, bo]) {
      const out = await runStep({ lab, stepIndex: 2, source: variantSolution(step, seed), runner, variantSeed: seed });
      results.push(JSON.stringify((out.report as { result: unknown }).result));
    }
    expect(results[0]).not.toBe(results[1]);
    expect(variantValues(step, ana)).not.toEqual(variantValues(step, bo));
  }, 60_000);
});
