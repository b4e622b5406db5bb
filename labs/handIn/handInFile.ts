/**
 * The hand-in file: one versioned JSON file per student with their progress (labs, steps, code,
 * the app's last verdicts, settings), saved by the app and by `clusterlab export`, loaded back by
 * the app on another machine and graded by `clusterlab grade`. Its extension is `.clusterlab`,
 * which teachers' lab packs share: the `format` field tells the two apart. docs/hand-in-format.md
 * documents every field; this module holds the types, the names and the limits.
 */

/** `format` of a hand-in (a student's progress). */
export const HAND_IN_FORMAT = 'clusterlab-progress';
/** `format` reserved for teachers' lab packs (same `.clusterlab` extension). */
export const PACK_FORMAT = 'clusterlab-pack';
/** The version this build writes and reads; a file with a higher one was made by a newer ClusterLab. */
export const HAND_IN_VERSION = 1;
/** The file extension of hand-ins (and packs). */
export const HAND_IN_EXTENSION = '.clusterlab';

/** Every bound is checked before the work it bounds. */
export const HAND_IN_LIMITS = {
  /** The whole file, in bytes (UTF-8): checked before it is parsed. */
  fileBytes: 8 * 1024 * 1024,
  /** Nesting of arrays and objects (a hand-in needs 6): checked by a scan before JSON.parse. */
  depth: 16,
  labs: 200,
  stepsPerLab: 100,
  /** Characters of one step's code. */
  codeChars: 512 * 1024,
  /** Characters of a student's name (after trimming). */
  nameChars: 100,
  /** Checks of one step's last run. */
  checksPerRun: 100,
  /** Characters of one check's message, an error's message or notJudged (longer ones are cut, as the app does). */
  messageChars: 2000,
  /** Characters of a lab or step id or a check id. */
  idChars: 64,
} as const;

export type SavedCheckState = 'pass' | 'fail' | 'not-judged';

export interface HandInCheck {
  id: string;
  state: SavedCheckState;
  message: string;
}

/** The verdicts the app showed after the step's last run: kept for the student, never trusted by `grade`. */
export interface HandInLastRun {
  /** When the run finished, ms since the epoch. */
  at: number;
  checks: HandInCheck[];
  notJudged?: string;
  error?: { message: string; line: number | null; column: number | null };
}

export interface HandInStep {
  /** The step's text as the student left it: job code, or JSON settings. */
  code?: string;
  /** The app's verdict (every check passed once): the student's record, re-judged by `grade`. */
  passed?: boolean;
  /** How many times the step was run. */
  runs?: number;
  lastRun?: HandInLastRun;
}

export interface HandInLab {
  /** The step the student was on, 0-based. */
  step: number;
  steps: Record<string, HandInStep>;
}

export interface HandInSettings {
  theme?: 'light' | 'dark';
  timeLimitSeconds?: number;
  /** The app's language, a BCP 47 tag such as `en` or `de`. */
  language?: string;
}

export interface HandIn {
  format: typeof HAND_IN_FORMAT;
  version: typeof HAND_IN_VERSION;
  student: { name: string };
  /** The ClusterLab that wrote the file. */
  app: { version: string };
  /** When the file was written, ISO 8601 UTC. */
  exportedAt: string;
  labs: Record<string, HandInLab>;
  settings: HandInSettings;
}

/** A problem with a file: where (file, line, column, field path) and what. */
export interface HandInProblem {
  /** 'error': the file, lab or step named is not used; 'warning': it is kept (an unknown lab, say). */
  severity: 'error' | 'warning';
  file: string;
  line: number | null;
  column: number | null;
  /** The field, e.g. `labs.hdfs-blocks.steps.put-512mb.code`; '' for the file as a whole. */
  path: string;
  message: string;
}

/** `ana.clusterlab:12:7: labs.x.steps.y.code: must be a string`. */
export function describeProblem(p: HandInProblem): string {
  const at = p.line !== null ? `:${p.line}${p.column !== null ? `:${p.column}` : ''}` : '';
  return `${p.file}${at}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** The labs and their step ids this build knows (a teacher's pack may add more). */
export type KnownLabs = ReadonlyMap<string, readonly string[]>;

export function knownLabsOf(labs: readonly { id: string; steps: readonly { id: string }[] }[]): KnownLabs {
  return new Map(labs.map((l) => [l.id, l.steps.map((s) => s.id)]));
}

/** Lab, step and check ids: kebab-case as the lab format requires (so `__proto__` is never an id). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** The name of a backup of the current progress made before an import: `progress-before-import-2026-11-30T15-50-00Z.json`. */
export function backupName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return `progress-before-import-${stamp}.json`;
}

export { buildHandIn, handInFileName } from './buildHandIn';
export { parseHandIn, type ParsedHandIn } from './parseHandIn';
export { importHandIn, type ImportSummary, type ProgressLike } from './importHandIn';
export { normalizeStudentName, studentNameProblem } from './studentName';
