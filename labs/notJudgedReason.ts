/**
 * Why the checks could not judge a failed run, in a few words ("the job did not compile"). Its own
 * module (types only from runStep) so the app's page can word a failed run without loading the runner.
 */
import type { StepError } from './runStep';

const NOT_JUDGED: Record<StepError['kind'], string> = {
  compile: 'the job did not compile',
  settings: 'the settings could not be read',
  code: 'the job failed while running',
  spec: 'the job file does not describe a job',
  timeout: 'the job ran out of its time budget',
  stuck: 'the simulation could not finish',
  input: "the job's input could not be read",
  invalid: 'the run settings are not valid',
};

export function notJudgedReason(error: Pick<StepError, 'kind'>): string {
  return NOT_JUDGED[error.kind];
}
