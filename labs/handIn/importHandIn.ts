/**
 * Loads a hand-in into the app's progress on another machine. The caller backs the current
 * progress up first (backupName); this function only computes the new value and says what changed.
 * A step in the hand-in replaces the same step of the current progress (its code, verdicts, runs);
 * steps and labs the hand-in does not mention are kept; the settings the hand-in carries win.
 */
import type { HandIn, HandInLastRun } from './handInFile';

/** The app's saved progress as renderer/state/progress.ts defines it (the fields a hand-in touches). */
export interface ProgressLike {
  version: 1;
  labs: Record<
    string,
    {
      step: number;
      steps: Record<
        string,
        { code?: string; passed?: boolean; runs?: number; lastRun?: HandInLastRun; updatedAt?: number }
      >;
    }
  >;
  theme?: 'light' | 'dark';
  timeLimitSeconds?: number;
  language?: string;
  settingsUpdatedAt?: number;
}

export interface ImportSummary {
  /** Labs the current progress did not have. */
  labsAdded: string[];
  /** `lab/step` entries new to the current progress. */
  stepsAdded: string[];
  /** `lab/step` entries whose code or verdicts the hand-in replaced. */
  stepsReplaced: string[];
  /** `lab/step` entries that were already the same. */
  stepsUnchanged: string[];
  /** Settings the hand-in changed, by name. */
  settingsChanged: string[];
  /** One sentence for the learner. */
  text: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The new progress and what changed. `at` (ms since the epoch) stamps the imported steps, so they win merges between tabs. */
export function importHandIn<P extends ProgressLike>(
  current: P,
  handIn: HandIn,
  at: number,
): { progress: P; summary: ImportSummary } {
  const labs = { ...current.labs };
  const summary: ImportSummary = {
    labsAdded: [],
    stepsAdded: [],
    stepsReplaced: [],
    stepsUnchanged: [],
    settingsChanged: [],
    text: '',
  };
  for (const labId of Object.keys(handIn.labs).sort()) {
    const incoming = handIn.labs[labId]!;
    const before = labs[labId];
    if (!before) summary.labsAdded.push(labId);
    const steps = { ...(before?.steps ?? {}) };
    for (const stepId of Object.keys(incoming.steps).sort()) {
      const s = incoming.steps[stepId]!;
      const old = steps[stepId];
      const { updatedAt: _stamp, ...oldContent } = old ?? {};
      const key = `${labId}/${stepId}`;
      if (old && same(oldContent, s)) {
        summary.stepsUnchanged.push(key);
        continue;
      }
      (old ? summary.stepsReplaced : summary.stepsAdded).push(key);
      steps[stepId] = { ...s, updatedAt: at };
    }
    labs[labId] = { step: incoming.step, steps };
  }
  const settings: Partial<ProgressLike> = {};
  for (const name of ['theme', 'timeLimitSeconds', 'language'] as const) {
    const value = handIn.settings[name];
    if (value === undefined || value === current[name]) continue;
    (settings as Record<string, unknown>)[name] = value;
    summary.settingsChanged.push(name);
  }
  const changed = summary.labsAdded.length + summary.stepsAdded.length + summary.stepsReplaced.length;
  summary.text =
    changed === 0 && summary.settingsChanged.length === 0
      ? `Nothing changed: the progress of ${handIn.student.name} was already here.`
      : `Loaded the progress of ${handIn.student.name}: ${summary.stepsAdded.length} step(s) added, ${summary.stepsReplaced.length} replaced, ${summary.stepsUnchanged.length} unchanged${summary.settingsChanged.length ? `; settings changed: ${summary.settingsChanged.join(', ')}` : ''}.`;
  const progress = {
    ...current,
    labs,
    ...settings,
    ...(summary.settingsChanged.length ? { settingsUpdatedAt: at } : {}),
  } as P;
  return { progress, summary };
}
