/**
 * Learners' progress: per lab, the current step, the code of each step as typed, which
 * steps passed their checks and the verdicts of each step's last run. Pure functions over plain data; the store holds the value and
 * saveProgress persists it.
 */
import { parseLanguage, type Language } from '../i18n/language';
import { validTimeLimit } from './timeLimit';
import { studentNameProblem } from '../../labs/handIn/studentName';

export interface StepProgress {
  code?: string;
  passed?: boolean;
  runs?: number;
  /** The verdicts of the step's last run, shown after a reload until the next run. */
  lastRun?: LastRun;
  /** When the step last changed (ms since the epoch; stamped by the store): the newest edit wins a merge between tabs. */
  updatedAt?: number;
  /**
   * For a step that varies per student: the name its last run used ('' for none), since the data
   * differs per name and a hand-in is graded on its name's (features/handIn/otherNameRuns.ts).
   * Absent: not known (an older save, an imported step). Not part of the hand-in format.
   */
  ranAs?: string;
}

/** One check's verdict as saved: small plain data, never the trace. */
export interface SavedCheck {
  id: string;
  state: 'pass' | 'fail' | 'not-judged';
  message: string;
}

export interface LastRun {
  /** When the run finished (ms since the epoch). */
  at: number;
  checks: SavedCheck[];
  /** Why the checks could not judge the run (the job did not compile, …), once; absent when they judged it. */
  notJudged?: string;
  /** The run's error as the learner saw it at the editor, with its position when known. */
  error?: SavedError;
}

export interface SavedError {
  message: string;
  line: number | null;
  column: number | null;
}

export interface LabProgress {
  step: number;
  steps: Record<string, StepProgress>;
}

/**
 * The saved format, version 1. Fields are only ever added, optional, so progress saved by any
 * earlier build keeps loading (parseProgress drops what it does not know); a change an older
 * build could not read safely gets a new version, which persistence.ts then refuses to overwrite.
 */
export interface Progress {
  version: 1;
  labs: Record<string, LabProgress>;
  lastLab?: string;
  /** The free sandbox's job code, as typed. */
  sandboxCode?: string;
  /** The free sandbox's KafkaJS program (the Streaming tab), as typed. */
  streamCode?: string;
  /** The free sandbox's example, cluster and block size, as last picked (the panel checks them against what it offers). */
  sandboxSetting?: SandboxSetting;
  /** Preferences. */
  theme?: 'light' | 'dark';
  /** The language the app is shown in (absent: the system's, see i18n/language.ts). */
  language?: Language;
  /** The time limit for the learner's code, in seconds (see timeLimit.ts; absent: the default). */
  timeLimitSeconds?: number;
  /** The student's name (Settings): it names the hand-in file and picks the student's variant of steps that vary (labs/variant.ts). */
  studentName?: string;
  /** When sandboxCode, streamCode or sandboxSetting, and the settings (theme, language, time limit), last changed: for merges between tabs. */
  sandboxUpdatedAt?: number;
  settingsUpdatedAt?: number;
}

export interface SandboxSetting {
  example: string;
  /** A preset's name or a node count. */
  cluster: string | number;
  blockSize: number;
}

export const EMPTY_PROGRESS: Progress = { version: 1, labs: {} };

export type LabStatus = 'not-started' | 'in-progress' | 'done';

/** The one rule for "finished": every step of the lab has passed its checks (in any order). */
export function labFinished(progress: Progress, labId: string, stepIds: readonly string[]): boolean {
  return stepsLeft(progress, labId, stepIds).length === 0 && stepIds.length > 0;
}

/** The indices of the steps that have not passed yet, in order. */
export function stepsLeft(progress: Progress, labId: string, stepIds: readonly string[]): number[] {
  const steps = progress.labs[labId]?.steps ?? {};
  return stepIds.flatMap((id, i) => (steps[id]?.passed ? [] : [i]));
}

export function labStatus(progress: Progress, labId: string, stepIds: readonly string[]): LabStatus {
  if (!progress.labs[labId]) return 'not-started';
  return labFinished(progress, labId, stepIds) ? 'done' : 'in-progress';
}

const MAX_MESSAGE = 2000;
const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);

/** A run's verdicts as saved with the step: ids, states and messages only. */
export function toLastRun(
  checks: readonly { id: string; pass: boolean; reason: string }[],
  notJudged: string | null,
  at: number,
  error: SavedError | null = null,
): LastRun {
  return {
    at,
    checks: checks.map((c) => ({
      id: c.id,
      state: notJudged !== null ? 'not-judged' : c.pass ? 'pass' : 'fail',
      message: notJudged !== null ? '' : clip(c.reason),
    })),
    ...(notJudged !== null ? { notJudged: clip(notJudged) } : {}),
    ...(error ? { error: { message: clip(error.message), line: error.line, column: error.column } } : {}),
  };
}

const position = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);

function parseError(data: unknown): SavedError | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const raw = data as { message?: unknown; line?: unknown; column?: unknown };
  if (typeof raw.message !== 'string') return undefined;
  return { message: clip(raw.message), line: position(raw.line), column: position(raw.column) };
}

function parseLastRun(data: unknown): LastRun | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const raw = data as { at?: unknown; checks?: unknown; notJudged?: unknown; error?: unknown };
  if (typeof raw.at !== 'number' || !Number.isFinite(raw.at) || !Array.isArray(raw.checks)) return undefined;
  const checks: SavedCheck[] = [];
  for (const c of raw.checks as unknown[]) {
    const x = (typeof c === 'object' && c !== null ? c : {}) as { id?: unknown; state?: unknown; message?: unknown };
    if (typeof x.id !== 'string' || !['pass', 'fail', 'not-judged'].includes(x.state as string)) return undefined;
    checks.push({
      id: x.id,
      state: x.state as SavedCheck['state'],
      message: typeof x.message === 'string' ? clip(x.message) : '',
    });
  }
  const error = parseError(raw.error);
  return {
    at: raw.at,
    checks,
    ...(typeof raw.notJudged === 'string' ? { notJudged: clip(raw.notJudged) } : {}),
    ...(error ? { error } : {}),
  };
}

/** Reads saved progress defensively: anything malformed is dropped, never trusted. */
export function parseProgress(data: unknown): Progress {
  if (typeof data !== 'object' || data === null) return EMPTY_PROGRESS;
  const raw = data as {
    labs?: unknown;
    lastLab?: unknown;
    sandboxCode?: unknown;
    streamCode?: unknown;
    sandboxSetting?: unknown;
    theme?: unknown;
    language?: unknown;
    timeLimitSeconds?: unknown;
    studentName?: unknown;
    sandboxUpdatedAt?: unknown;
    settingsUpdatedAt?: unknown;
  };
  const timeLimit = validTimeLimit(raw.timeLimitSeconds);
  const sandboxSetting = parseSandboxSetting(raw.sandboxSetting);
  const language = parseLanguage(raw.language);
  const labs: Record<string, LabProgress> = {};
  if (typeof raw.labs === 'object' && raw.labs !== null) {
    for (const [id, value] of Object.entries(raw.labs as Record<string, unknown>)) {
      if (typeof value !== 'object' || value === null) continue;
      const v = value as { step?: unknown; steps?: unknown };
      const steps: Record<string, StepProgress> = {};
      if (typeof v.steps === 'object' && v.steps !== null) {
        for (const [stepId, s] of Object.entries(v.steps as Record<string, unknown>)) {
          if (typeof s !== 'object' || s === null) continue;
          const sp = s as StepProgress;
          const lastRun = parseLastRun(sp.lastRun);
          steps[stepId] = {
            ...(typeof sp.code === 'string' ? { code: sp.code } : {}),
            ...(sp.passed === true ? { passed: true } : {}),
            ...(typeof sp.runs === 'number' ? { runs: sp.runs } : {}),
            ...(lastRun ? { lastRun } : {}),
            ...(stamp(sp.updatedAt) ? { updatedAt: sp.updatedAt } : {}),
            ...(ranAsName(sp.ranAs) ? { ranAs: sp.ranAs } : {}),
          };
        }
      }
      labs[id] = { step: typeof v.step === 'number' && v.step >= 0 ? Math.floor(v.step) : 0, steps };
    }
  }
  return {
    version: 1,
    labs,
    ...(typeof raw.lastLab === 'string' ? { lastLab: raw.lastLab } : {}),
    ...(typeof raw.sandboxCode === 'string' ? { sandboxCode: raw.sandboxCode } : {}),
    ...(typeof raw.streamCode === 'string' ? { streamCode: raw.streamCode } : {}),
    ...(sandboxSetting ? { sandboxSetting } : {}),
    ...(raw.theme === 'light' || raw.theme === 'dark' ? { theme: raw.theme } : {}),
    ...(language !== null ? { language } : {}),
    ...(timeLimit !== null ? { timeLimitSeconds: timeLimit } : {}),
    ...(studentNameProblem(raw.studentName) === null ? { studentName: raw.studentName as string } : {}),
    ...(stamp(raw.sandboxUpdatedAt) ? { sandboxUpdatedAt: raw.sandboxUpdatedAt } : {}),
    ...(stamp(raw.settingsUpdatedAt) ? { settingsUpdatedAt: raw.settingsUpdatedAt } : {}),
  };
}

const shortName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** The sandbox's saved choices, shaped right (whether the app still offers them is the panel's question). */
function parseSandboxSetting(data: unknown): SandboxSetting | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const raw = data as { example?: unknown; cluster?: unknown; blockSize?: unknown };
  if (!shortName(raw.example) || !positiveInt(raw.blockSize)) return undefined;
  if (!shortName(raw.cluster) && !positiveInt(raw.cluster)) return undefined;
  return { example: raw.example, cluster: raw.cluster, blockSize: raw.blockSize };
}

/** A saved run's name: '' (none) or a name a hand-in accepts. */
const ranAsName = (v: unknown): v is string => v === '' || (typeof v === 'string' && studentNameProblem(v) === null);

const stamp = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

export function withStep(
  progress: Progress,
  labId: string,
  stepId: string,
  change: (s: StepProgress) => StepProgress,
): Progress {
  const lab = progress.labs[labId] ?? { step: 0, steps: {} };
  return {
    ...progress,
    lastLab: labId,
    labs: { ...progress.labs, [labId]: { ...lab, steps: { ...lab.steps, [stepId]: change(lab.steps[stepId] ?? {}) } } },
  };
}

export function withCurrentStep(progress: Progress, labId: string, step: number): Progress {
  const lab = progress.labs[labId] ?? { step: 0, steps: {} };
  return { ...progress, lastLab: labId, labs: { ...progress.labs, [labId]: { ...lab, step } } };
}
