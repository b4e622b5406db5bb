/**
 * The lab's per-student variant (readingsVariant.ts): step 1 runs on the student's own
 * readings, the figures the texts state (times, blocks read locally) hold on them too, the checks
 * judge the student's own answers, and without a seed the lab is what it was.
 */
import { describe, expect, it } from 'vitest';
import lab, { HOT } from './lab';
import type { JobRunReport } from '../../engine/api';
import { createFunctionRunner } from '../../engine/sandbox';
import { runStep } from '../runStep';
import { seconds } from '../checkKit';
import { runVariant, studentSeed, variantSolution } from '../variant';
import { plainHotCounts, plainMeanAndHighest } from './checks';
import { readingsText } from './cluster';
import { readingsTextFor } from './readingsVariant';

const runner = createFunctionRunner();
const SEEDS = [1, 2, 12345, studentSeed('Ana Lima'), studentSeed('Bo Chen')];
const flat = (text: string) => text.replace(/\s+/g, ' ');
const withConf = (source: string, conf: string) =>
  source.replace(/export const conf = \{[\s\S]*?\};/, `export const conf = ${conf};`);
const answers = (text: string) => [plainMeanAndHighest(text), plainHotCounts(HOT, text)];

describe('data-locality: per-student variants', () => {
  it("each seed's readings: the lab's lines and lengths, every value within a degree, other answers", () => {
    const own = readingsText();
    const lines = own.split('\n');
    const [ownMean, ownHot] = answers(own);
    for (const seed of SEEDS) {
      const mine = readingsTextFor(seed);
      if (seed === SEEDS[0]) expect(readingsTextFor(seed)).toBe(mine); // pure
      const mineLines = mine.split('\n');
      expect(mineLines.map((l) => l.length)).toEqual(lines.map((l) => l.length));
      mineLines.forEach((l, i) => {
        if (l === '') return;
        const [a, b] = [l, lines[i]!].map((x) => Number(x.split(',')[2]));
        expect(Math.abs(a! - b!)).toBeLessThan(1);
      });
      const [mean, hot] = answers(mine);
      expect(mean).not.toEqual(ownMean);
      expect(hot).not.toEqual(ownHot);
    }
    expect(answers(readingsTextFor(SEEDS[3]!))).not.toEqual(answers(readingsTextFor(SEEDS[4]!)));
    expect(runVariant(lab, lab.steps[0]!, null).text('readings')).toBe(own);
    // Steps 2 and 3 stay the lab's file (readingsVariant.ts says why).
    for (const i of [1, 2]) expect(lab.steps[i]!.kind === 'spark' && lab.steps[i]!.variant).toBe(undefined);
    // Five seeds' readings generated and their answers computed: 15 s alone, twice that on a busy machine.
  }, 120_000);

  it("step 1's figures hold on every seed; the solution passes, the starter fails", async () => {
    for (const seed of SEEDS) {
      const run = async (stepIndex: number, source: string) => {
        const out = await runStep({ lab, stepIndex, source, runner, variantSeed: seed });
        return { out, report: out.report as JobRunReport };
      };
      const failing = (out: Awaited<ReturnType<typeof run>>['out']) =>
        out.checks.filter((c) => !c.pass).map((c) => `${c.id}: ${c.reason}`);
      const solved = [];
      for (let i = 0; i < 1; i++) {
        const r = await run(i, variantSolution(lab.steps[i]!, seed));
        expect(failing(r.out), `step ${i + 1}, seed ${seed}`).toEqual([]);
        solved.push(r);
      }
      const onSpark = await run(
        0,
        withConf(lab.steps[0]!.solution, "{ 'spark.yarn.executor.nodeLabelExpression': 'compute' }"),
      );
      expect(flat(lab.steps[0]!.instructions)).toContain(
        `the same job took ${seconds(onSpark.report.simulatedMs)} on the Spark servers and ${seconds(solved[0]!.report.simulatedMs)} on the Hadoop servers`,
      );
    }
    for (let i = 0; i < 1; i++) {
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
  }, 400_000);

  it("a program that returns the lab's own answer passes without a seed and fails on a student's", async () => {
    const own = answers(readingsText());
    for (const [i, check] of [[0, 'mean-and-highest']] as const) {
      const copied = withConf(
        lab.steps[i]!.solution.replace(
          /export default async \(sc\) =>[\s\S]*$/,
          `export default async (sc) => {\n  await sc.textFile('/data/readings.csv').count();\n  return ${JSON.stringify(own[i])};\n};\n`,
        ),
        '{}',
      );
      const asWritten = await runStep({ lab, stepIndex: i, source: copied, runner });
      expect(asWritten.checks.find((c) => c.id === check)!.pass, `step ${i + 1} as written`).toBe(true);
      for (const seed of SEEDS.slice(0, 2)) {
        const mine = await runStep({ lab, stepIndex: i, source: copied, runner, variantSeed: seed });
        expect(mine.checks.find((c) => c.id === check)!.pass, `step ${i + 1}, seed ${seed}`).toBe(false);
      }
    }
  }, 120_000);
});
