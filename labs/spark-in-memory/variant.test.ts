/**
 * The lab's per-student variants (dataVariant.ts): step 1 averages the student's own sensor file,
 * steps 2 to 4 rank their own link graph; the checks judge the run's own data, and without a seed
 * the lab is what it was.
 */
import { describe, expect, it } from 'vitest';
import lab from './lab';
import { graphText, plainAverages, plainPageRank, sensorText } from '../labData';
import { labTestRunner } from '../__tests__/labTestRunner';
import { localizeLab } from '../labLocale';
import { runStep } from '../runStep';
import { runVariant, studentSeed, variantInstructions, variantSolution, variantStarter } from '../variant';

const runner = labTestRunner();
const SEEDS = [1, 2, 12345, studentSeed('Ana Lima'), studentSeed('Bo Chen')];
const DATA = ['sensors', 'graph', 'graph', 'graph'] as const;
const truth = (id: 'sensors' | 'graph', text: string) =>
  id === 'sensors' ? plainAverages(text, 10) : plainPageRank(text, 10);

describe('spark-in-memory: per-student variants', () => {
  it("each seed draws its own data of the lab's kind and size, with other right answers", () => {
    lab.steps.forEach((step, i) => {
      const id = DATA[i]!;
      const own = runVariant(lab, step, null).text(id);
      expect(own).toBe(id === 'sensors' ? sensorText(1) : graphText());
      const [a, b] = [runVariant(lab, step, SEEDS[3]!).text(id), runVariant(lab, step, SEEDS[4]!).text(id)];
      expect(a).not.toBe(b);
      expect(truth(id, a)).not.toEqual(truth(id, b));
      expect(truth(id, a)).not.toEqual(truth(id, own));
      const pages = (text: string) =>
        new Set(
          text
            .split('\n')
            .filter(Boolean)
            .map((l) => l.split(' ')[0]),
        ).size;
      if (id === 'graph')
        expect([pages(a), pages(own)]).toEqual([300, 300]); // 300 pages, as the texts say
      else expect(a.split('\n').length).toBe(own.split('\n').length); // 20,000 readings
    });
  });

  it('without a seed, and in German, the steps are as written', () => {
    for (const l of [lab, localizeLab(lab, 'de')])
      l.steps.forEach((step) => {
        expect(variantInstructions(step, SEEDS[0]!)).toBe(step.instructions);
        expect(variantStarter(step, SEEDS[0]!)).toBe(step.starter);
        expect(variantSolution(step, SEEDS[0]!)).toBe(step.solution);
      });
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
  }, 300_000);

  it("a program that returns the lab's own answer passes without a seed and fails on a student's", async () => {
    for (const [i, check] of [
      [0, 'exact-averages'],
      [2, 'ranks-correct'],
    ] as const) {
      const id = DATA[i]!;
      const copied = `export default async (sc) => {
  await sc.textFile('/data/${id === 'sensors' ? 'sensors.csv' : 'graph.txt'}').count();
  return ${JSON.stringify(truth(id, id === 'sensors' ? sensorText(1) : graphText()))};
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
});
