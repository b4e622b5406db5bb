/**
 * The lab's per-student variant (sensorsVariant.ts): step 1 runs on the student's own readings,
 * the Shuffle Write its text states holds on them too, the check judges their own answer, and
 * without a seed the lab is what it was. Steps 2 and 3 stay the lab's file (sensorsVariant.ts says why).
 */
import { afterAll, describe, expect, it } from 'vitest';
import lab from './lab';
import type { JobRunReport } from '../../engine/api';
import { runStep } from '../runStep';
import { formatBytes } from '../hdfsSettings';
import { labTestRunner } from '../__tests__/labTestRunner';
import { runVariant, studentSeed, variantSolution } from '../variant';
import { plainSensorStats, shuffleWritten } from './checks';
import { sensorsText } from './data';
import { sensorsTextFor } from './sensorsVariant';
import groupByKey from './reference/group-by-key.js?raw';

const runner = labTestRunner();
afterAll(() => runner.close());
const SEEDS = [1, 2, 12345, studentSeed('Ana Lima'), studentSeed('Bo Chen')];
const flat = (text: string) => text.replace(/\s+/g, ' ');
const encoded = (text: string) => new TextEncoder().encode(text);

describe('rdd-dataframe-sql: per-student variants', () => {
  it("each seed's readings: the lab's sizes and line lengths, other sensors' statistics", () => {
    const own = sensorsText();
    const lengths = own.split('\n').map((l) => l.length);
    for (const seed of SEEDS) {
      const mine = sensorsTextFor(seed);
      expect(sensorsTextFor(seed)).toBe(mine); // pure
      expect(mine.split('\n').map((l) => l.length)).toEqual(lengths);
      expect(encoded(mine).length).toBe(encoded(own).length);
      const stats = plainSensorStats(mine);
      expect(stats.map(([s]) => s)).toEqual(plainSensorStats(own).map(([s]) => s)); // the same nine names
      expect(stats).not.toEqual(plainSensorStats(own));
    }
    expect(plainSensorStats(sensorsTextFor(SEEDS[3]!))).not.toEqual(plainSensorStats(sensorsTextFor(SEEDS[4]!)));
    for (const i of [1, 2]) expect(lab.steps[i]!.kind === 'spark' && lab.steps[i]!.variant).toBe(undefined);
    expect(runVariant(lab, lab.steps[0]!, null).text('sensors')).toBe(sensorsText());
  });

  it("step 1's Shuffle Write holds on every seed; the solution passes, the starter fails", async () => {
    for (const seed of SEEDS) {
      const run = async (stepIndex: number, source: string) => {
        const out = await runStep({ lab, stepIndex, source, runner, variantSeed: seed });
        return { out, report: out.report as JobRunReport };
      };
      const grouped = await run(0, groupByKey);
      expect(grouped.out.checks.find((c) => c.id === 'sensor-stats')!.pass, `seed ${seed}`).toBe(true);
      expect(flat(lab.steps[0]!.instructions)).toContain(
        `Shuffle Write is ${formatBytes(shuffleWritten(grouped.report))}, three quarters`,
      );
      const rdd = await run(0, variantSolution(lab.steps[0]!, seed));
      expect(
        rdd.out.checks.filter((c) => !c.pass).map((c) => `${c.id}: ${c.reason}`),
        `seed ${seed}`,
      ).toEqual([]);
    }
    for (const i of [0]) {
      const starter = await runStep({
        lab,
        stepIndex: i,
        source: lab.steps[i]!.starter,
        runner,
        variantSeed: SEEDS[0]!,
      });
      expect(
        starter.checks.some((c) => !c.pass),
        `step ${i + 1}'s starter`,
      ).toBe(true);
    }
  }, 300_000);

  it("a program that returns the lab's own answer passes without a seed and fails on a student's", async () => {
    const copied = `export default async (sc) => {
  await sc.textFile('/data/sensors.csv').count();
  return ${JSON.stringify(plainSensorStats(sensorsText()))};
};
`;
    for (const i of [0]) {
      const asWritten = await runStep({ lab, stepIndex: i, source: copied, runner });
      expect(asWritten.checks.find((c) => c.id === 'sensor-stats')!.pass, `step ${i + 1} as written`).toBe(true);
      for (const seed of SEEDS.slice(0, 2)) {
        const mine = await runStep({ lab, stepIndex: i, source: copied, runner, variantSeed: seed });
        expect(mine.checks.find((c) => c.id === 'sensor-stats')!.pass, `step ${i + 1}, seed ${seed}`).toBe(false);
      }
    }
  }, 120_000);
});
