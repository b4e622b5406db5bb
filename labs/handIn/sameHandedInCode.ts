/**
 * Which students handed in the same code for a step, for the teacher's eye: a per-student variant
 * stops copied answers (hard-coded outputs fail another student's data), not copied code (a correct
 * general program passes every variant, as it should). Code is compared after normalizing line ends
 * and trailing white space; code equal to the step's starter (the lab's, or the student's variant's)
 * is not a finding: everyone gets it.
 */
import type { Lab } from '../labTypes';
import { variantStarter, stepVaries, studentSeed } from '../variant';
import type { Submission } from './gradeHandIn';
import { normalizeStudentName } from './studentName';

/** Code as compared: LF line ends, no trailing white space on a line or at the end. */
export function normalizedCode(code: string): string {
  return code
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

export interface SameCodeGroup {
  lab: string;
  /** 1-based. */
  step: number;
  stepId: string;
  /** Who handed it in, in the table's order (name's normal form, then source). */
  members: { student: string; source: string }[];
}

/** The groups of two or more submissions with the same code for a step of `graded`, in the course's order. */
export function sameHandedInCode(
  submissions: readonly Submission[],
  labs: readonly Lab[],
  graded: readonly string[],
): SameCodeGroup[] {
  const groups: SameCodeGroup[] = [];
  const ordered = [...submissions].sort((a, b) => {
    const [x, y] = [normalizeStudentName(a.student ?? ''), normalizeStudentName(b.student ?? '')];
    return x < y ? -1 : x > y ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
  });
  for (const lab of labs) {
    if (!graded.includes(lab.id)) continue;
    for (const [i, step] of lab.steps.entries()) {
      const byCode = new Map<string, { student: string; source: string }[]>();
      for (const sub of ordered) {
        const code = sub.handIn?.labs[lab.id]?.steps[step.id]?.code;
        if (code === undefined || sub.leftOut.has(`${lab.id}/${step.id}`)) continue;
        const mine = normalizedCode(code);
        if (mine === '' || mine === normalizedCode(step.starter)) continue;
        const name = sub.handIn!.student.name;
        if (stepVaries(lab, step) && mine === normalizedCode(variantStarter(step, studentSeed(name)))) continue;
        byCode.set(mine, [...(byCode.get(mine) ?? []), { student: sub.student ?? name, source: sub.source }]);
      }
      // One student's two files with the same code are no finding (grade says they are the same student's).
      for (const members of byCode.values())
        if (new Set(members.map((m) => normalizeStudentName(m.student))).size > 1)
          groups.push({ lab: lab.id, step: i + 1, stepId: step.id, members });
    }
  }
  return groups;
}
