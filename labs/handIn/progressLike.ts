/**
 * The desktop app's saved progress file (userData/progress.json, renderer/state/progress.ts's
 * format) read defensively for `clusterlab export`: what is malformed is left out and said, never
 * trusted; the hand-in's own checks (parseHandIn) then bound what is kept.
 */
import { parseLastRun } from './parseLastRun';
import type { ProgressLike } from './importHandIn';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The progress in `data` and a sentence per entry left out (`labs.x.steps.y: …`). */
export function progressLikeOf(data: unknown): { progress: ProgressLike; problems: string[] } | { error: string } {
  if (!isObj(data)) return { error: 'not a ClusterLab progress file: it must hold one JSON object' };
  if (data.format !== undefined)
    return { error: `not the app's progress file: it is a '${String(data.format).slice(0, 40)}' file` };
  if (data.version !== 1 || !isObj(data.labs))
    return { error: 'not a ClusterLab progress file (version 1 with "labs"): was it saved by a newer ClusterLab?' };
  const problems: string[] = [];
  const labs: ProgressLike['labs'] = {};
  for (const [labId, raw] of Object.entries(data.labs)) {
    if (!isObj(raw) || !isObj(raw.steps)) {
      problems.push(`labs.${labId}: not a lab's progress, left out`);
      continue;
    }
    const steps: ProgressLike['labs'][string]['steps'] = {};
    for (const [stepId, s] of Object.entries(raw.steps)) {
      if (!isObj(s) || (s.code !== undefined && typeof s.code !== 'string')) {
        problems.push(`labs.${labId}.steps.${stepId}: not a step's progress, left out`);
        continue;
      }
      steps[stepId] = {
        ...(typeof s.code === 'string' ? { code: s.code } : {}),
        ...(s.passed === true ? { passed: true } : {}),
        ...(typeof s.runs === 'number' && Number.isInteger(s.runs) && s.runs >= 0 ? { runs: s.runs } : {}),
      };
      if (s.lastRun !== undefined) {
        // A malformed record of the last run is dropped; the code is what matters.
        const lastRun = parseLastRun(s.lastRun, `labs.${labId}.steps.${stepId}.lastRun`, () => {});
        if (lastRun) steps[stepId]!.lastRun = lastRun;
        else problems.push(`labs.${labId}.steps.${stepId}.lastRun: not a run's verdicts, left out (the code is kept)`);
      }
    }
    const step = typeof raw.step === 'number' && Number.isInteger(raw.step) && raw.step >= 0 ? raw.step : 0;
    labs[labId] = { step, steps };
  }
  return {
    progress: {
      version: 1,
      labs,
      ...(data.theme === 'light' || data.theme === 'dark' ? { theme: data.theme } : {}),
      ...(typeof data.timeLimitSeconds === 'number' ? { timeLimitSeconds: data.timeLimitSeconds } : {}),
      ...(typeof data.language === 'string' ? { language: data.language } : {}),
    },
    problems,
  };
}
