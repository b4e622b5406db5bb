/**
 * A run's error as the page shows it, in the page's language: labs/runErrorText.ts words it (the
 * CLI's --lang uses the same rules), with the attempts' reasons inside a MapReduce job's own
 * failure in the words of the page's run namespace (reasonText, the shapes attemptReasonText knows).
 * A page that lists an attempt's reason says it with attemptReasonText (viz/run/attemptText.ts).
 */
import type { Language } from './language';
import { i18n } from './i18n';
import { reasonText, type RunSay } from '../viz/run/attemptText';
import { runErrorText as runErrorIn } from '../../labs/runErrorText';

export function runErrorText(message: string, language: Language): string {
  if (language !== 'de') return message;
  const german = i18n.getFixedT('de');
  const words: RunSay = (key, options) => german(`run:${key}`, options);
  return runErrorIn(message, language, (reason) => reasonText(reason, words));
}
