/**
 * Learners' progress: per lab, the current step, the code of each step as typed, and which
 * steps passed their checks. Pure functions over plain data; the store holds the value and
 * saveProgress persists it.
 */
import { validTimeLimit } from './timeLimit';

export interface StepProgress {
  code?: string;
  passed?: boolean;
  runs?: number;
}

export interface LabProgress {
  step: number;
  steps: Record<string, StepProgress>;
}

export interface Progress {
  version: 1;
  labs: Record<string, LabProgress>;
  lastLab?: string;
  /** The free sandbox's job code, as typed. */
  sandboxCode?: string;
  /** Preferences. */
  theme?: 'light' | 'dark';
  /** The time limit for the learner's code, in seconds (see timeLimit.ts; absent: the default). */
  timeLimitSeconds?: number;
}

export const EMPTY_PROGRESS: Progress = { version: 1, labs: {} };

export type LabStatus = 'not-started' | 'in-progress' | 'done';

export function labStatus(progress: Progress, labId: string, stepIds: readonly string[]): LabStatus {
  const lab = progress.labs[labId];
  if (!lab) return 'not-started';
  return stepIds.length > 0 && stepIds.every((id) => lab.steps[id]?.passed) ? 'done' : 'in-progress';
}

/** Reads saved progress defensively: anything malformed is dropped, never trusted. */
export function parseProgress(data: unknown): Progress {
  if (typeof data !== 'object' || data === null) return EMPTY_PROGRESS;
  const raw = data as {
    labs?: unknown;
    lastLab?: unknown;
    sandboxCode?: unknown;
    theme?: unknown;
    timeLimitSeconds?: unknown;
  };
  const timeLimit = validTimeLimit(raw.timeLimitSeconds);
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
          steps[stepId] = {
            ...(typeof sp.code === 'string' ? { code: sp.code } : {}),
            ...(sp.passed === true ? { passed: true } : {}),
            ...(typeof sp.runs === 'number' ? { runs: sp.runs } : {}),
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
    ...(raw.theme === 'light' || raw.theme === 'dark' ? { theme: raw.theme } : {}),
    ...(timeLimit !== null ? { timeLimitSeconds: timeLimit } : {}),
  };
}

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
