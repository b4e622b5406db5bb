/**
 * The words `clusterlab check` puts around a lab's own texts (the step line, the verdicts, the
 * tally, the hint), in English or German: with --lang de the frame is German too, not only the
 * titles and reasons the labs wrote. Verdicts are padded to one width so the titles line up.
 */
import type { UiLocale } from '../labs/labLocale';

export interface CheckWords {
  step(n: number, of: number): string;
  pass: string;
  fail: string;
  runFailed: string;
  notJudged(why: string): string;
  noneJudged(total: number): string;
  tally(passed: number, total: number): string;
  simulated(seconds: number): string;
  hint: string;
}

const EN: CheckWords = {
  step: (n, of) => `step ${n} of ${of}`,
  pass: 'PASS',
  fail: 'FAIL',
  runFailed: 'The run failed',
  notJudged: (why) => `Checks not judged (${why})`,
  noneJudged: (total) => `0 of ${total} checks passed: none could be judged.`,
  tally: (passed, total) => `${passed} of ${total} checks passed`,
  simulated: (s) => `simulated time ${s.toFixed(3)} s`,
  hint: 'Hint',
};

const DE: CheckWords = {
  step: (n, of) => `Schritt ${n} von ${of}`,
  pass: 'BESTANDEN',
  fail: 'NICHT BESTANDEN',
  runFailed: 'Der Lauf ist gescheitert',
  notJudged: (why) => `Nicht beurteilte Prüfungen (${why})`,
  noneJudged: (total) => `0 von ${total} Prüfungen bestanden: keine ließ sich beurteilen.`,
  tally: (passed, total) => `${passed} von ${total} Prüfungen bestanden`,
  simulated: (s) => `simulierte Zeit ${s.toFixed(3).replace('.', ',')} s`,
  hint: 'Tipp',
};

/** The frame's words in `lang` (English for a language without them). */
export function checkWords(lang: UiLocale): CheckWords {
  return lang === 'de' ? DE : EN;
}
