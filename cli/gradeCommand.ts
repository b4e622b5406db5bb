/**
 * `clusterlab grade FOLDER`: re-runs every handed-in step of a class headless and writes a table
 * of student × step (PREFIX.csv and PREFIX.json). Hand-in files and job folders are read by
 * gradeSubmission.ts, graded by labs/handIn/gradeHandIn.ts (never trusting a file's own verdicts,
 * each student on their own variant) and tabled by labs/handIn/gradeTable.ts. The table has no
 * wall-clock value and is sorted: the same folder gives the same bytes. Timings go to the terminal.
 */
import { lstatSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError, type CliIo } from './cliIo';
import { MAX_TIMEOUT_SECONDS, parseTimeoutSeconds } from './runArgs';
import { createNodeSandboxPool, defaultPoolSize } from './sandboxPool';
import { readSubmissions } from './gradeSubmission';
import { fileHead, isGradeTableHead } from './gradeTableFile';
import { oneLine } from './terminalSafeIo';
import { budgetCheck, withRunBudget, type TaskRunner } from '../engine/sandbox';
import { LABS } from '../labs/labRegistry';
import { settingsStep } from '../labs/runStep';
import { normalizeStudentName } from '../labs/handIn/studentName';
import { budgetUsedReason, gradeHandIn, type Submission } from '../labs/handIn/gradeHandIn';
import { sameHandedInCode } from '../labs/handIn/sameHandedInCode';
import { gradeCsv, gradeJson, gradeTotals, sortRows, type GradeRow } from '../labs/handIn/gradeTable';
import type { Lab, LabCheck } from '../labs/labTypes';
import type { UiLocale } from '../labs/labLocale';
import { LANGUAGES, parseLang } from './langOption';
import { loadPackAt, packArg } from './packSource';

/** Each submission's time budget unless --budget says otherwise: four endless steps at the default --timeout. */
export const DEFAULT_BUDGET_SECONDS = 120;

export const GRADE_USAGE = `Usage: clusterlab grade FOLDER [--out PREFIX] [--timeout SEC] [--budget SEC] [--pack PACK] [--json] [--lang ${LANGUAGES.join('|')}]

Re-runs every step handed in under FOLDER (never trusting the files' own results) and writes
PREFIX.csv and PREFIX.json: one row per student and step, with pass/fail, the failing checks'
reasons and the run's simulated figures. FOLDER holds hand-in files (*.clusterlab, *.json:
'clusterlab export'), or one subfolder per student (its name) with job files named
<lab-id>.step<N>.<js|ts|json>. Steps of a variant run on the student's own data.
  --out PREFIX    where the table goes (default: grades, i.e. grades.csv and grades.json)
  --timeout SEC   wall-clock budget of each step's run (default 30, at most ${MAX_TIMEOUT_SECONDS})
  --budget SEC    wall-clock budget of each submission (default ${DEFAULT_BUDGET_SECONDS}, at most ${MAX_TIMEOUT_SECONDS}): once
                  a submission has used it, its remaining steps are not run (their rows say so)
  --pack PACK     also grade the labs of this teacher's pack (its folder or .clusterlab file)
  --json          print the summary as JSON
  --lang LANG     the failing checks' reasons and a failed run's error in the table in LANG
                  (${LANGUAGES.join(', ')}; English where a check has no translation)
Exit code: 0 the folder was graded (whatever the students' results), 2 bad usage or an unreadable folder.
`;

function parseBudgetSeconds(text: string | undefined): number {
  try {
    return parseTimeoutSeconds(text);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.message.replace(/^--timeout/, '--budget'));
    throw error;
  }
}

interface GradeArgs {
  folder: string;
  out: string;
  timeoutSeconds: number;
  budgetSeconds: number;
  json: boolean;
  pack: string | null;
  lang: UiLocale;
}

function parseArgs(argv: string[]): GradeArgs | 'help' {
  const positional: string[] = [];
  const args: GradeArgs = {
    folder: '',
    out: 'grades',
    timeoutSeconds: 30,
    budgetSeconds: DEFAULT_BUDGET_SECONDS,
    json: false,
    pack: null,
    lang: 'en',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--out') {
      const v = argv[++i];
      if (!v || v.startsWith('-')) throw new UsageError('--out needs a PREFIX, e.g. --out grades/class-3a');
      args.out = v;
    } else if (a === '--timeout') args.timeoutSeconds = parseTimeoutSeconds(argv[++i]);
    else if (a === '--budget') args.budgetSeconds = parseBudgetSeconds(argv[++i]);
    else if (a === '--json') args.json = true;
    else if (a === '--pack') {
      if (args.pack !== null) throw new UsageError('--pack is given twice: grade one pack at a time');
      args.pack = packArg(argv[++i]);
    } else if (a === '--lang') args.lang = parseLang(argv[++i]);
    else if (a.startsWith('--lang=')) args.lang = parseLang(a.slice('--lang='.length));
    else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}' (see 'clusterlab grade --help')`);
    else positional.push(a);
  }
  if (positional.length !== 1)
    throw new UsageError(`expected one FOLDER, got ${positional.length} argument(s)\n\n${GRADE_USAGE}`, true);
  args.folder = positional[0]!;
  return args;
}

/** One line per student handed in more than once (names compared in their normal form): each is graded, the teacher decides. */
function sameStudent(submissions: Submission[]): string[] {
  const bySeed = new Map<string, string[]>();
  for (const s of submissions) {
    if (s.student === null) continue;
    const key = normalizeStudentName(s.student);
    bySeed.set(key, [...(bySeed.get(key) ?? []), s.source]);
  }
  return [...bySeed.values()]
    .filter((sources) => sources.length > 1)
    .map((sources) => `${sources.join(', ')} are the same student's: each is graded`);
}

/** The labs graded: every lab this build knows that any submission handed a step of in, in the course's order. */
function gradedLabs(submissions: Submission[], labs: readonly Lab[]): Lab[] {
  const seen = new Set(submissions.flatMap((s) => Object.keys(s.handIn?.labs ?? {})));
  return labs.filter((l) => seen.has(l.id));
}

export async function gradeCommand(argv: string[], io: CliIo, builtIn: readonly Lab[] = LABS): Promise<number> {
  const args = parseArgs(argv);
  if (args === 'help') {
    io.out(GRADE_USAGE);
    return 0;
  }
  const loadedLabs = args.pack ? [...builtIn, ...(await loadPackAt(resolve(io.cwd, args.pack))).labs] : builtIn;
  const labs = args.lang === 'en' ? loadedLabs : loadedLabs.map((l) => reasonsIn(l, args.lang));
  const started = performance.now();
  const folder = resolve(io.cwd, args.folder);
  const out = resolve(io.cwd, args.out);
  // Where the table goes is checked before the work: a class is not graded for nothing.
  let outDir: Stats | null = null;
  try {
    outDir = statSync(dirname(out));
  } catch {
    outDir = null;
  }
  if (!outDir?.isDirectory()) throw new UsageError(`--out ${args.out}: the folder ${dirname(out)} does not exist`);
  // The table never replaces a file that is not an earlier table (a student's hand-in named like it).
  for (const file of [`${out}.csv`, `${out}.json`]) {
    const problem = notATable(file);
    if (problem) throw new UsageError(`--out ${args.out}: ${problem}: choose another PREFIX`);
  }
  const { submissions, skipped } = readSubmissions(folder, labs, new Set([`${out}.csv`, `${out}.json`]));
  for (const name of skipped) io.err(`clusterlab grade: skipped ${name}\n`);
  for (const line of sameStudent(submissions)) io.err(`clusterlab grade: ${line}\n`);
  const graded = gradedLabs(submissions, labs);
  const needsSandbox = graded.some((l) => l.steps.some((s) => !settingsStep(s)));
  const pool = needsSandbox
    ? await createNodeSandboxPool({ size: defaultPoolSize(), timeoutSeconds: args.timeoutSeconds, log: () => {} })
    : null;
  // Each run of each step has its own budget: --timeout covers its code and its simulation.
  const runner: TaskRunner | null = pool ? withRunBudget(pool, args.timeoutSeconds, () => performance.now()) : null;
  const rows: GradeRow[] = [];
  try {
    for (const [i, sub] of submissions.entries()) {
      const t0 = performance.now();
      let mine: GradeRow[];
      try {
        // Each submission's own budget: a student's endless loops cost the class at most this.
        const budget = { seconds: args.budgetSeconds, spent: () => (performance.now() - t0) / 1000 };
        mine = await gradeHandIn(sub, {
          labs,
          graded: graded.map((l) => l.id),
          budget,
          ...(runner ? { runner } : {}),
          stepCheck: () => budgetCheck(args.timeoutSeconds, () => performance.now()),
          lang: args.lang,
        });
      } catch (error) {
        mine = [failedRow(sub, error)];
      }
      rows.push(...mine);
      const passed = mine.filter((r) => r.step > 0 && r.status === 'pass').length;
      const ran = mine.filter(
        (r) => r.step > 0 && (r.status === 'pass' || r.status === 'fail' || r.status === 'error'),
      ).length;
      const unrun = mine.filter((r) => r.reason === budgetUsedReason(args.budgetSeconds, args.lang)).length;
      const what = sub.handIn
        ? `${passed} of ${ran - unrun} steps passed${unrun > 0 ? ` (${unrun} not run: its time budget of ${args.budgetSeconds} s was used)` : ''}`
        : `not graded: ${oneLine(sub.errors[0] ?? 'unreadable').slice(0, 200)}`;
      io.err(
        `[${i + 1}/${submissions.length}] ${sub.source}${sub.student ? ` (${sub.student})` : ''}: ${what}, ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
      );
    }
  } finally {
    await runner?.close();
  }
  markSameCode(submissions, labs, graded, rows, io);
  const order = new Map(labs.map((l, i) => [l.id, i]));
  // Rows about a whole submission first, then the labs in the course's order, then labs this build does not know.
  const sorted = sortRows(rows, (lab) => (lab === '' ? -1 : (order.get(lab) ?? labs.length)), normalizeStudentName);
  try {
    writeFileSync(`${out}.csv`, gradeCsv(sorted));
    writeFileSync(`${out}.json`, gradeJson(sorted));
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new UsageError(`cannot write ${out}.csv and .json (${String(code ?? 'write error')}): check --out`);
  }
  const seconds = (performance.now() - started) / 1000;
  const totals = gradeTotals(sorted, submissions.length);
  const perMinute = Math.round((submissions.length / Math.max(seconds, 0.001)) * 60 * 10) / 10;
  if (args.json)
    io.out(
      `${JSON.stringify({ ...totals, seconds: Math.round(seconds * 10) / 10, perMinute, csv: `${out}.csv`, json: `${out}.json` })}\n`,
    );
  else
    io.out(
      `Graded ${totals.submissions} submission(s) of ${graded.length} lab(s) (${graded.map((l) => l.id).join(', ') || 'none'}): ` +
        `${totals.steps} step run(s): ${totals.passed} passed, ${totals.failed} failed, ${totals.errors} error(s); ${totals.missing} not handed in, ${totals.notGradable} not gradable, ${totals.unreadable} unreadable submission(s).\n` +
        `${seconds.toFixed(1)} s, ${perMinute} submissions per minute.\nWrote ${basename(out)}.csv and ${basename(out)}.json (${oneLine(out)}.*).\n`,
    );
  return 0;
}

/**
 * The lab with each check's reason in `locale` where the check wrote one (its `reasons`), so the
 * table's failing reasons are in that language; English otherwise. A pack's sandboxed checks
 * are judged elsewhere and keep theirs.
 */
function reasonsIn(lab: Lab, locale: UiLocale): Lab {
  if (locale === 'en') return lab;
  const inLocale = (c: LabCheck): LabCheck =>
    c.sandboxed
      ? c
      : {
          ...c,
          evaluate: (run) => {
            const v = c.evaluate(run);
            const reason = v.reasons?.[locale];
            return reason === undefined ? v : { ...v, reason };
          },
        };
  return { ...lab, steps: lab.steps.map((s) => ({ ...s, checks: s.checks.map(inLocale) })) } as Lab;
}

/** Why the table may not be written over `file` (it exists and is not an earlier grade table), or null. */
function notATable(file: string): string | null {
  let head: string;
  try {
    if (!lstatSync(file).isFile()) return `${basename(file)} exists and is not a file`;
    head = fileHead(file);
  } catch (error) {
    return (error as { code?: unknown }).code === 'ENOENT' ? null : `${basename(file)} cannot be read`;
  }
  return isGradeTableHead(file, head) ? null : `${basename(file)} exists and is not a grade table`;
}

function failedRow(sub: Submission, error: unknown): GradeRow {
  return {
    student: sub.student ?? '',
    source: sub.source,
    lab: '',
    step: 0,
    stepId: '',
    status: 'error',
    checksPassed: 0,
    checksTotal: 0,
    failing: [],
    reason: `the grader failed on this submission: ${oneLine(String((error as Error)?.message ?? error)).slice(0, 300)}`,
    simulatedMs: null,
    figures: {},
    variantSeed: null,
    sameCodeAs: [],
  };
}

/** Prints one line per group of students who handed in the same code for a step, and fills their rows' `sameCodeAs`. */
function markSameCode(submissions: Submission[], labs: readonly Lab[], graded: Lab[], rows: GradeRow[], io: CliIo) {
  const groups = sameHandedInCode(
    submissions,
    labs,
    graded.map((l) => l.id),
  );
  for (const g of groups) {
    const names = g.members.map((m) => (m.student ? `${m.student} (${m.source})` : m.source));
    io.err(`clusterlab grade: the same code for ${g.lab} step ${g.step} (${g.stepId}): ${oneLine(names.join(', '))}\n`);
    for (const m of g.members) {
      const row = rows.find((r) => r.source === m.source && r.lab === g.lab && r.step === g.step);
      const others = g.members.filter((o) => normalizeStudentName(o.student) !== normalizeStudentName(m.student));
      if (row) row.sameCodeAs = others.map((o) => o.student || o.source);
    }
  }
}
