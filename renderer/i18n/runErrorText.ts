/**
 * A run's error as the page shows it, in the page's language: labs/runErrorText.ts words it (the
 * CLI's --lang uses the same rules), with the attempts' reasons inside a MapReduce job's own
 * failure in the words of the page's run namespace (attemptReasonText).
 */
import type { Language } from './language';
import { i18n } from './i18n';
import { attemptReasonText, reasonText, type RunSay } from '../viz/run/attemptText';
import { activeLanguage } from './activeLocale';
import { runErrorInGerman, runErrorText as runErrorIn } from '../../labs/runErrorText';

export function runErrorText(message: string, language: Language): string {
  if (language !== 'de') return message;
  const german = i18n.getFixedT('de');
  const words: RunSay = (key, options) => german(`run:${key}`, options);
  return runErrorIn(message, language, (reason) => reasonText(reason, words));
}

/**
 * Why an attempt or a job ended, where a page lists it (JobHistory's Note and Diagnostics, the Spark
 * stage page's Errors), in the page's language: its known shapes as attemptReasonText words them,
 * and ClusterLab's own errors of the learner's code (reduce walking its values twice) as the run's
 * error box words them. A learner's own exception stays as it is.
 */
export function reasonOnPage(reason: string): string {
  const text = attemptReasonText(reason);
  return activeLanguage() === 'de' ? runErrorInGerman(text) : text;
}
