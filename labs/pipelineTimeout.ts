/**
 * What a pipeline step says when its time budget runs out: in its run (no job ran, so not the
 * sandbox's words about a job), or in a check that runs the pipeline again.
 */
import type { CheckResult, LabCheck } from './labTypes';

/** A pipeline step's run stopped at the time limit. */
export function pipelineTimeoutMessage(seconds: number): string {
  return `the pipeline's run ran out of its time budget (${seconds} s of wall time) and was stopped; if it is only slow (many events, a short refresh, trigger or retry), raise the time limit (Settings in the app, --timeout on the command line)`;
}

/**
 * A check that runs the learner's pipeline again (platform-blueprint: under another outage) and
 * ran past the time budget there: the run itself finished, so only this check is not judged.
 */
export function rerunTimedOut(c: LabCheck, seconds: number): CheckResult {
  const de = seconds.toLocaleString('de-DE');
  return {
    id: c.id,
    title: c.title,
    pass: false,
    reason: `not judged: this check runs your pipeline again, and that run went past the time budget (${seconds} s of wall time); raise the time limit to have it judged`,
    reasons: {
      de: `nicht bewertet: dieser Check lässt deine Pipeline noch einmal laufen, und dieser Lauf hat das Zeitbudget (${de} s echte Zeit) überschritten; erhöhe das Zeitlimit, damit er bewertet wird`,
    },
  };
}
