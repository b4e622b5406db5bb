/**
 * The grade table: one row per student × step, written as CSV and JSON. Rows hold no wall-clock
 * value, and are sorted, so the same folder gives the same bytes. CSV cells that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) get a leading `'`.
 */

export type GradeStatus = 'pass' | 'fail' | 'error' | 'missing' | 'not-gradable';

export interface GradeRow {
  /** The student's name as the hand-in (or the job folder) gives it. */
  student: string;
  /** The hand-in file or job folder, relative to the graded folder. */
  source: string;
  /** '' for a row about the whole submission (a file that could not be read). */
  lab: string;
  /** 1-based; 0 for a row about the whole submission or lab. */
  step: number;
  stepId: string;
  status: GradeStatus;
  checksPassed: number;
  checksTotal: number;
  /** The checks that failed, with their reasons (a run that failed: none; see `reason`). */
  failing: { id: string; reason: string }[];
  /** Why the row is not a pass in one sentence: the run's error, the file's problem, "not handed in". */
  reason: string;
  /** The run's simulated duration, ms; null without a run. */
  simulatedMs: number | null;
  /** The run's key figures (jobs, tasks, shuffle bytes, …), by name. */
  figures: Record<string, number>;
  /** The variant's seed the step was run with (null: the step has none). */
  variantSeed: number | null;
  /**
   * The other students who handed in the same code for this step (line ends and trailing white
   * space aside; the starter is never a finding), in the table's order: sameHandedInCode.ts.
   */
  sameCodeAs: string[];
}

/** The order of the table: student (normal form), source, the labs' order, step. */
export function sortRows(
  rows: GradeRow[],
  labOrder: (lab: string) => number,
  key: (student: string) => string,
): GradeRow[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort(
    (a, b) =>
      cmp(key(a.student), key(b.student)) ||
      cmp(a.source, b.source) ||
      labOrder(a.lab) - labOrder(b.lab) ||
      cmp(a.lab, b.lab) ||
      a.step - b.step,
  );
}

const CONTROL =
  // eslint-disable-next-line no-control-regex -- control characters are what is made visible
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A text cell: controls shown as \uXXXX, formulas defused, quoted when it must be. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let text = value.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'student',
  'source',
  'lab',
  'step',
  'step_id',
  'status',
  'checks_passed',
  'checks_total',
  'failing_checks',
  'reason',
  'simulated_s',
  'figures',
  'variant_seed',
  'same_code_as',
] as const;

const secondsOf = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000);

export function gradeCsv(rows: readonly GradeRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const cells: (string | number | null)[] = [
      r.student,
      r.source,
      r.lab,
      r.step === 0 ? null : r.step,
      r.stepId,
      r.status,
      r.checksPassed,
      r.checksTotal,
      r.failing.map((f) => `${f.id}: ${f.reason}`).join(' | '),
      r.reason,
      secondsOf(r.simulatedMs),
      Object.entries(r.figures)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      r.variantSeed,
      r.sameCodeAs.join('; '),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The `format` of a grade table's JSON, and the first line of its CSV (how `grade` knows its own earlier files). */
export const GRADE_FORMAT = 'clusterlab-grades';
export const GRADE_CSV_HEAD = CSV_COLUMNS.join(',');
/** The heads of tables earlier versions wrote (before `same_code_as`): still the grader's own files. */
export const EARLIER_GRADE_CSV_HEADS: readonly string[] = [CSV_COLUMNS.slice(0, -1).join(',')];

/** The table as JSON: `{ format: 'clusterlab-grades', version: 1, rows }`, two-space indented. */
export function gradeJson(rows: readonly GradeRow[]): string {
  return `${JSON.stringify({ format: GRADE_FORMAT, version: 1, rows }, null, 2)}\n`;
}

export interface GradeTotals {
  submissions: number;
  /** Submissions that could not be read at all (one error row each). */
  unreadable: number;
  /** Steps run: passed, failed or ended in an error. */
  steps: number;
  passed: number;
  failed: number;
  errors: number;
  missing: number;
  notGradable: number;
}

export function gradeTotals(rows: readonly GradeRow[], submissions: number): GradeTotals {
  const stepRows = rows.filter((r) => r.step > 0);
  const n = (s: GradeStatus) => stepRows.filter((r) => r.status === s).length;
  return {
    submissions,
    unreadable: rows.filter((r) => r.step === 0 && r.lab === '' && r.status === 'error').length,
    steps: n('pass') + n('fail') + n('error'),
    passed: n('pass'),
    failed: n('fail'),
    errors: n('error'),
    missing: n('missing'),
    notGradable: rows.filter((r) => r.status === 'not-gradable').length,
  };
}
