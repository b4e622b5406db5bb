/**
 * Grades one submission: re-runs every handed-in step of the graded labs with runStep (as
 * `clusterlab check` does), never reading the file's own `passed` or `lastRun`, on the student's
 * variant (labs/variant.ts: the seed of their name). Every outcome becomes a row; nothing a
 * submission holds stops the rest (a failure of the run itself is the row's error).
 */
import type { JobRunReport } from '../../engine/api';
import type { TaskRunner } from '../../engine/sandbox';
import type { Lab } from '../labTypes';
import { runStep, settingsStep, type StepOutcome } from '../runStep';
import { stepVaries, studentSeed } from '../variant';
import type { HandIn } from './handInFile';
import type { GradeRow } from './gradeTable';
import type { UiLocale } from '../labLocale';
import { runErrorText } from '../runErrorText';
import { gradeWords } from './gradeWords';

export interface Submission {
  /** The file or folder, relative to the graded folder. */
  source: string;
  /** The student's name (from the hand-in, or the job folder's name); null when unreadable. */
  student: string | null;
  /** Null when the submission cannot be used at all (see `errors`). */
  handIn: HandIn | null;
  /** Why the whole submission cannot be used. */
  errors: string[];
  /** Why a lab (`lab/`) or a step (`lab/step-id`) of it was left out. */
  leftOut: Map<string, string>;
  /** Files of a job folder that were not used, each with why. */
  ignored: string[];
}

export interface GradeContext {
  /** The labs this build (and any pack) can run. */
  labs: readonly Lab[];
  /** The labs graded: every step of each gets a row for every student. */
  graded: readonly string[];
  /** Runs job steps' code (a sandbox pool with a budget per run); not needed when only settings steps are graded. */
  runner?: TaskRunner;
  /** Called before each run, for the terminal's progress line. */
  onStep?: (lab: string, step: number) => void;
  /**
   * The submission's own time budget: once `spent()` (its seconds so far) reaches `seconds`, its
   * remaining steps are not run, each row saying why. A step already running ends at its own limit.
   */
  budget?: { seconds: number; spent: () => number };
  /** A fresh wall-clock check for each step's run (runStep's `check`): a pipeline step's run ends at it. */
  stepCheck?: () => () => void;
  /** The language of a failed run's error in its row (labs/runErrorText.ts); English by default. */
  lang?: UiLocale;
}

/** The reason of a step the submission's time budget left unrun (no figure of the machine in it), in `lang`. */
export const budgetUsedReason = (seconds: number, lang: UiLocale = 'en') => gradeWords(lang).budgetUsed(seconds);

const MAX_REASON = 500;
const clip = (t: string) => {
  const line = t.replace(/\s*\n\s*/g, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
};

/** A message without its wall-clock figures (how long a loop had run when it was stopped): the table must not depend on the machine. */
const tableText = (message: string) =>
  message
    .replace(/ has been running for [\d.]+ s /g, ' ran until the time limit ')
    .replace(/ läuft schon seit [\d.,]+ s /g, ' lief bis zum Zeitlimit ');

const row = (sub: Submission, fields: Partial<GradeRow>): GradeRow => ({
  student: sub.student ?? '',
  source: sub.source,
  lab: '',
  step: 0,
  stepId: '',
  status: 'error',
  checksPassed: 0,
  checksTotal: 0,
  failing: [],
  reason: '',
  simulatedMs: null,
  figures: {},
  variantSeed: null,
  sameCodeAs: [],
  ...fields,
});

/** The key figures a report carries (job steps: jobs, tasks, failed attempts, shuffle and remote bytes). */
export function figuresOf(outcome: StepOutcome): Record<string, number> {
  const report = outcome.report;
  if (!report || (outcome.kind !== 'mapreduce' && outcome.kind !== 'spark')) return {};
  const m = (report as JobRunReport).metrics;
  return {
    jobs: m.jobs,
    tasks: m.tasks,
    failed_attempts: m.failedAttempts,
    shuffle_bytes: m.shuffleBytes,
    remote_read_bytes: m.bytesReadRemote,
  };
}

export async function gradeHandIn(sub: Submission, ctx: GradeContext): Promise<GradeRow[]> {
  const handIn = sub.handIn;
  const words = gradeWords(ctx.lang ?? 'en');
  if (!handIn) return [row(sub, { reason: clip(sub.errors.join('; ') || words.unreadable) })];
  const rows: GradeRow[] = [];
  const seed = studentSeed(handIn.student.name);
  if (sub.ignored.length > 0)
    rows.push(row(sub, { status: 'not-gradable', reason: clip(words.filesNotUsed(sub.ignored.join('; '))) }));
  // Steps this ClusterLab cannot run: one row per lab, however many steps the file names (a
  // file may name 200 labs of 100 steps; the table stays one line a lab).
  for (const [labId, lab] of Object.entries(handIn.labs)) {
    const known = ctx.labs.find((l) => l.id === labId);
    const unknown = Object.keys(lab.steps).filter((stepId) => !known?.steps.some((s) => s.id === stepId));
    if (unknown.length === 0) continue;
    const names = words.listed(unknown);
    rows.push(
      row(sub, {
        lab: labId,
        stepId: unknown.length === 1 ? unknown[0]! : '',
        status: 'not-gradable',
        reason: known ? words.noStep(labId, names) : words.noLab(labId, unknown.length, names),
      }),
    );
  }
  // What the file held of labs not graded here, but could not be read: said, not dropped.
  // One row a lab: its first problem, and how many more there are.
  const unreadable = new Map<string, { stepId: string; why: string; more: number }>();
  for (const [key, why] of [...sub.leftOut].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [labId, stepId] = key.split('/') as [string, string];
    if (ctx.graded.includes(labId)) continue;
    const seen = unreadable.get(labId);
    if (seen) seen.more++;
    else unreadable.set(labId, { stepId, why, more: 0 });
  }
  for (const [labId, { stepId, why, more }] of unreadable) {
    const tail = more > 0 ? words.moreProblems(more) : '';
    rows.push(row(sub, { lab: labId, stepId, reason: clip(why) + tail }));
  }
  for (const labId of ctx.graded) {
    const lab = ctx.labs.find((l) => l.id === labId);
    if (!lab) continue;
    for (const [i, step] of lab.steps.entries()) {
      const base = { lab: labId, step: i + 1, stepId: step.id };
      const leftOut = sub.leftOut.get(`${labId}/${step.id}`) ?? sub.leftOut.get(`${labId}/`);
      if (leftOut) {
        rows.push(row(sub, { ...base, reason: clip(leftOut) }));
        continue;
      }
      const code = handIn.labs[labId]?.steps[step.id]?.code;
      if (code === undefined) {
        rows.push(row(sub, { ...base, status: 'missing', reason: words.notHandedIn }));
        continue;
      }
      if (ctx.budget && ctx.budget.spent() >= ctx.budget.seconds) {
        const variantSeed = stepVaries(lab, step) ? seed : null;
        rows.push(row(sub, { ...base, variantSeed, reason: words.budgetUsed(ctx.budget.seconds) }));
        continue;
      }
      ctx.onStep?.(labId, i + 1);
      rows.push(await gradeStep(sub, lab, i, code, seed, ctx.runner, ctx.stepCheck?.(), ctx.lang ?? 'en'));
    }
  }
  return rows;
}

async function gradeStep(
  sub: Submission,
  lab: Lab,
  index: number,
  code: string,
  seed: number,
  runner: TaskRunner | undefined,
  check: (() => void) | undefined,
  lang: UiLocale,
): Promise<GradeRow> {
  const step = lab.steps[index]!;
  const words = gradeWords(lang);
  const variantSeed = stepVaries(lab, step) ? seed : null;
  const base = { lab: lab.id, step: index + 1, stepId: step.id, variantSeed };
  let outcome: StepOutcome;
  try {
    outcome = await runStep({
      lab,
      stepIndex: index,
      source: code,
      ...(runner ? { runner } : {}),
      ...(check ? { check } : {}),
      fileName: `${lab.id}.step${index + 1}.${settingsStep(step) ? 'json' : 'js'}`,
      variantSeed,
    });
  } catch (error) {
    return row(sub, {
      ...base,
      reason: clip(words.couldNotRun(String((error as Error)?.message ?? error))),
    });
  }
  const total = outcome.checks.length;
  const passed = outcome.checks.filter((c) => c.pass).length;
  const simulatedMs = outcome.report ? Math.round(outcome.report.simulatedMs) : null;
  const common = { ...base, checksPassed: passed, checksTotal: total, simulatedMs, figures: figuresOf(outcome) };
  if (outcome.error)
    return row(sub, { ...common, status: 'error', reason: clip(tableText(runErrorText(outcome.error.message, lang))) });
  const failing = outcome.checks.filter((c) => !c.pass).map((c) => ({ id: c.id, reason: clip(c.reason) }));
  return row(sub, {
    ...common,
    status: outcome.passed ? 'pass' : 'fail',
    failing,
    reason: outcome.passed ? '' : words.checksFailed(failing.length, total),
  });
}
