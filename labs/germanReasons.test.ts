/**
 * The checks of the three German labs give their reasons in German too (CheckVerdict.reasons),
 * with the same verdicts: every step's German starter and solution (the English code, German
 * comments) run for real, the solution passes and the starter fails as the English do, and each
 * check's German reason is there, differs from the English and has no English left in it.
 */
import { describe, expect, it } from 'vitest';
import { labTestRunner } from './__tests__/labTestRunner';
import hdfsBlocksLab from './hdfs-blocks/lab';
import iotAveragesLab from './mapreduce-iot-averages/lab';
import sparkInMemoryLab from './spark-in-memory/lab';
import { localizeCheckResults, localizeLab } from './labLocale';
import { evaluateChecks, runStep } from './runStep';
import type { CheckResult, LabCheck, StepRun } from './labTypes';

/** Words an untranslated English reason would carry. */
const ENGLISH = /\b(the|expected|got|with|every|and|were|ran|which|should)\b/;

describe.each([hdfsBlocksLab, iotAveragesLab, sparkInMemoryLab].map((lab) => [lab.id, lab] as const))(
  'German reasons of %s',
  (_id, lab) => {
    it("every check of every step's starter and solution says why in German", async () => {
      const runner = labTestRunner();
      const problems: string[] = [];
      const german = localizeLab(lab, 'de');
      for (const [i, step] of lab.steps.entries()) {
        for (const source of [german.steps[i]!.starter, german.steps[i]!.solution]) {
          const outcome = await runStep({ lab, stepIndex: i, source, runner });
          expect(outcome.error, `${step.id}: the run failed`).toBeNull();
          const solved = source === german.steps[i]!.solution;
          if (solved) expect(outcome.passed, `${step.id}: the German solution passes`).toBe(true);
          else
            expect(
              outcome.checks.some((c) => !c.pass),
              `${step.id}: the German starter fails one`,
            ).toBe(true);
          const shown = localizeCheckResults(german.steps[i]!, outcome.checks, 'de');
          outcome.checks.forEach((c, k) => {
            const de = c.reasons?.de;
            const where = `${step.id} ${solved ? 'solution' : 'starter'} '${c.id}'`;
            if (de === undefined) problems.push(`${where}: no German reason for "${c.reason}"`);
            else if (de === c.reason || ENGLISH.test(de)) problems.push(`${where}: not German: "${de}"`);
            else expect(shown[k]!.reason).toBe(de);
          });
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  },
);

describe('German reasons', () => {
  it('state the same figures as the English, the German way', async () => {
    const outcome = await runStep({
      lab: hdfsBlocksLab,
      stepIndex: 0,
      source: hdfsBlocksLab.steps[0]!.starter,
      runner: labTestRunner(),
    });
    const blocks = outcome.checks.find((c) => c.id === 'four-blocks')!;
    expect(blocks.reason).toBe(
      'expected 4 blocks (128 MB + 128 MB + 128 MB + 128 MB), got 8 (64 MB + 64 MB + 64 MB + 64 MB + 64 MB + 64 MB + 64 MB + 64 MB): set "blockSize" to "128m" so 512 MB is cut into 4 blocks',
    );
    expect(blocks.reasons?.de).toBe(
      'erwartet: 4 Blöcke (128 MB + 128 MB + 128 MB + 128 MB), erhalten: 8 (64 MB + 64 MB + 64 MB + 64 MB + 64 MB + 64 MB + 64 MB + 64 MB): setze "blockSize" auf "128m", damit 512 MB in 4 Blöcke zerlegt werden',
    );
  });

  it('say in German why a run could not be judged, or a check could not judge it', async () => {
    const lab = iotAveragesLab;
    const outcome = await runStep({ lab, stepIndex: 0, source: 'export default {', runner: labTestRunner() });
    expect(outcome.error?.kind).toBe('compile');
    expect(outcome.checks.map((c) => [c.reason, c.reasons?.de])[0]).toEqual([
      'not judged: the job did not compile',
      'nicht bewertet: der Job ließ sich nicht kompilieren',
    ]);
    const throwing: LabCheck = {
      id: 'x',
      title: 'x',
      evaluate: () => {
        throw new Error('no report');
      },
    };
    expect(evaluateChecks({ ...lab.steps[0]!, checks: [throwing] }, {} as StepRun)[0]!.reasons).toEqual({
      de: 'der Check konnte diesen Lauf nicht bewerten: no report',
    });
  });

  it('reach the app only as strings of known locales, whatever a check returns', () => {
    const step = hdfsBlocksLab.steps[0]!;
    const hostile = (reasons: unknown): LabCheck => ({
      id: 'x',
      title: 'x',
      evaluate: () => ({ pass: true, reason: 'fine', reasons }) as never,
    });
    const judged = (reasons: unknown): CheckResult =>
      evaluateChecks({ ...step, checks: [hostile(reasons)] }, {} as StepRun)[0]!;
    expect(judged({ de: 'gut', fr: 'bien' }).reasons).toEqual({ de: 'gut' });
    expect(judged({ de: 42 })).not.toHaveProperty('reasons');
    expect(judged('gut')).not.toHaveProperty('reasons');
    expect(judged({ de: '  ' })).not.toHaveProperty('reasons');
  });
});
