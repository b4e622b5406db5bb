/**
 * Why the checks could not judge a failed run, in a few words ("the job did not compile"). Its own
 * module (types only from runStep) so the app's page can word a failed run without loading the runner.
 */
import type { LabLocale, StepKind } from './labTypes';
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
  pack: "the lab pack's own code failed",
};

const NOT_JUDGED_DE: Record<StepError['kind'], string> = {
  compile: 'der Job ließ sich nicht kompilieren',
  settings: 'die Einstellungen ließen sich nicht lesen',
  code: 'der Job ist während des Laufs gescheitert',
  spec: 'die Job-Datei beschreibt keinen Job',
  timeout: 'der Job hat sein Zeitbudget überschritten',
  stuck: 'die Simulation konnte nicht zu Ende laufen',
  input: 'die Eingabe des Jobs ließ sich nicht lesen',
  invalid: 'die Einstellungen des Laufs sind ungültig',
  pack: 'der eigene Code des Lab-Pakets ist gescheitert',
};

/** A pipeline step's file is its pipeline, not settings: what could not be read is named so. */
const PIPELINE_NOT_READ = { en: 'the pipeline file could not be read', de: 'die Pipeline-Datei ließ sich nicht lesen' };
/** A pipeline step has no job: what ran out of time is its pipeline's run. */
const PIPELINE_TIMEOUT = {
  en: "the pipeline's run ran out of its time budget",
  de: 'der Lauf der Pipeline hat sein Zeitbudget überschritten',
};

/** Why, in English or (with 'de') German; `stepKind` the failed step's kind (a pipeline step's file is its pipeline). */
export function notJudgedReason(
  error: Pick<StepError, 'kind'>,
  locale: 'en' | LabLocale = 'en',
  stepKind?: StepKind,
): string {
  const lang = locale === 'de' ? 'de' : 'en';
  if (error.kind === 'settings' && stepKind === 'pipeline') return PIPELINE_NOT_READ[lang];
  if (error.kind === 'timeout' && stepKind === 'pipeline') return PIPELINE_TIMEOUT[lang];
  return (locale === 'de' ? NOT_JUDGED_DE : NOT_JUDGED)[error.kind];
}
