/**
 * The student's own variant of a step (labs/variant.ts): when the learner has set their name in
 * Settings, a step that varies per student runs on, and shows, the values and data their name's
 * seed gives; without a name every step runs as written.
 */
import type { Lab, LabStep } from '../../../labs/labTypes';
import { stepVaries, studentSeed, variantInstructions, variantStarter } from '../../../labs/variant';
import { studentNameProblem } from '../../../labs/handIn/studentName';

/** The seed of `name` for `lab`'s step `stepIndex`, or null when the step runs as written. */
export function variantSeedFor(lab: Lab | undefined, stepIndex: number, name: string | undefined): number | null {
  const step = lab?.steps[stepIndex];
  if (!lab || !step || name === undefined || studentNameProblem(name) !== null) return null;
  return stepVaries(lab, step) ? studentSeed(name) : null;
}

/** `{ variantSeed }` for the engine's runStep message, or nothing when the step runs as written. */
export function studentVariantSeed(
  lab: Lab | undefined,
  stepIndex: number,
  name: string | undefined,
): { variantSeed?: number } {
  const seed = variantSeedFor(lab, stepIndex, name);
  return seed === null ? {} : { variantSeed: seed };
}

/** What the lab page shows of a step for the student: its instructions and its starter, with the student's values. */
export function studentStepTexts(
  step: LabStep,
  seed: number | null,
  formatNumber: (n: number) => string,
): { instructions: string; starter: string } {
  return { instructions: variantInstructions(step, seed, formatNumber), starter: variantStarter(step, seed) };
}
