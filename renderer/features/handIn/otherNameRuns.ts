/**
 * Which steps a hand-in under a name would be graded on other data than the student last ran: a
 * step that varies per student (labs/variant.ts stepVaries) runs on the data of the name set when
 * it runs, or on the lab's own data without a name, and `clusterlab grade` re-runs it on the data of
 * the name in the file. Each run of such a step saves the name it used (StepProgress.ranAs).
 */
import { normalizeStudentName, studentNameProblem } from '../../../labs/handIn/studentName';
import type { Lab } from '../../../labs/labTypes';
import { stepVaries } from '../../../labs/variant';
import type { Progress } from '../../state/progress';

/** `{ ranAs }` for the saved run of `lab`'s step `stepIndex` under `name`: the name, '' for none; nothing when the step does not vary. */
export function ranAsOf(lab: Lab | undefined, stepIndex: number, name: string | undefined): { ranAs?: string } {
  const step = lab?.steps[stepIndex];
  if (!lab || !step || !stepVaries(lab, step)) return {};
  return { ranAs: name !== undefined && studentNameProblem(name) === null ? name : '' };
}

/** A varying step last run under another name than the hand-in's ('' : without a name). */
export interface OtherNameRun {
  labId: string;
  stepId: string;
  ranAs: string;
}

/**
 * The varying steps whose last run used another name than `name` (names compared in their normal
 * form, as seeds are made), in lab and step order. None when `name` is not a usable name.
 */
export function otherNameRuns(
  progress: Progress,
  name: string,
  labOf: (id: string) => Lab | undefined,
): OtherNameRun[] {
  if (studentNameProblem(name) !== null) return [];
  const own = normalizeStudentName(name);
  const found: OtherNameRun[] = [];
  for (const labId of Object.keys(progress.labs).sort()) {
    const lab = labOf(labId);
    if (!lab) continue;
    const steps = progress.labs[labId]!.steps;
    for (const step of lab.steps) {
      const ranAs = steps[step.id]?.ranAs;
      if (ranAs === undefined || !stepVaries(lab, step)) continue;
      if (ranAs === '' || normalizeStudentName(ranAs) !== own) found.push({ labId, stepId: step.id, ranAs });
    }
  }
  return found;
}
