/**
 * Makes a hand-in from the app's progress (the same shape as renderer/state/progress.ts's Progress):
 * every lab and step with its code, the app's verdicts and the settings. What is only the app's
 * business (edit stamps for merges between tabs, the free sandbox's code) stays out.
 */
import { HAND_IN_FORMAT, HAND_IN_VERSION, type HandIn, type HandInLab, type HandInStep } from './handInFile';
import type { ProgressLike } from './importHandIn';
import { displayStudentName, normalizeStudentName, studentNameProblem } from './studentName';

export class HandInBuildError extends Error {
  override name = 'HandInBuildError';
}

/**
 * The hand-in of `progress` for `student`, written by ClusterLab `appVersion` at `at`. Throws a
 * HandInBuildError when the name cannot be used (the message says why).
 */
export function buildHandIn(
  progress: ProgressLike,
  student: string,
  appVersion: string,
  at: Date,
  language?: string,
): HandIn {
  const problem = studentNameProblem(student);
  if (problem) throw new HandInBuildError(`the student's name ${problem}`);
  const labs: Record<string, HandInLab> = {};
  for (const labId of Object.keys(progress.labs).sort()) {
    const lab = progress.labs[labId]!;
    const steps: Record<string, HandInStep> = {};
    for (const stepId of Object.keys(lab.steps).sort()) {
      const s = lab.steps[stepId]!;
      steps[stepId] = {
        ...(s.code !== undefined ? { code: s.code } : {}),
        ...(s.passed !== undefined ? { passed: s.passed } : {}),
        ...(s.runs !== undefined ? { runs: s.runs } : {}),
        ...(s.lastRun !== undefined ? { lastRun: s.lastRun } : {}),
      };
    }
    labs[labId] = { step: lab.step, steps };
  }
  const lang = language ?? progress.language;
  return {
    format: HAND_IN_FORMAT,
    version: HAND_IN_VERSION,
    student: { name: displayStudentName(student) },
    app: { version: appVersion },
    exportedAt: at.toISOString(),
    labs,
    settings: {
      ...(progress.theme !== undefined ? { theme: progress.theme } : {}),
      ...(progress.timeLimitSeconds !== undefined ? { timeLimitSeconds: progress.timeLimitSeconds } : {}),
      ...(lang !== undefined ? { language: lang } : {}),
    },
  };
}

/** The file's text: two-space indented JSON and a final newline, so a teacher can read it. */
export function handInText(handIn: HandIn): string {
  return `${JSON.stringify(handIn, null, 2)}\n`;
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** A file name made from the student's name: "Ana Lima" → `ana-lima.clusterlab` (letters and digits kept, any script). */
export function handInFileName(student: string): string {
  let slug = normalizeStudentName(student)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  slug = [...slug].slice(0, 60).join('').replace(/-+$/, '');
  if (slug === '' || RESERVED.test(slug)) slug = `student-${slug}`.replace(/-$/, '');
  return `${slug}.clusterlab`;
}
