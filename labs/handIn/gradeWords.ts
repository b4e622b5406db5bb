/**
 * The grade table's own reasons (a step not handed in, left unrun, failing checks, a lab or step
 * this ClusterLab does not know) in the table's language: `clusterlab grade --lang`. The checks'
 * reasons and a run's error are worded where they are made (the lab's checks, labs/runErrorText.ts).
 */
import { plural } from '../plural';
import type { UiLocale } from '../labLocale';

export interface GradeWords {
  unreadable: string;
  filesNotUsed: (files: string) => string;
  /** 'a', or 'a', 'b' and 3 more: at most five names. */
  listed: (ids: readonly string[]) => string;
  noStep: (lab: string, names: string) => string;
  noLab: (lab: string, steps: number, names: string) => string;
  moreProblems: (n: number) => string;
  notHandedIn: string;
  /** A step the submission's time budget left unrun (no figure of the machine in it). */
  budgetUsed: (seconds: number) => string;
  couldNotRun: (message: string) => string;
  checksFailed: (failed: number, total: number) => string;
}

const names = (ids: readonly string[], and: (more: number) => string): string => {
  const shown = ids.slice(0, 5).map((id) => `'${id}'`);
  return ids.length > 5 ? `${shown.join(', ')} ${and(ids.length - 5)}` : shown.join(', ');
};

const GERMAN_SECONDS = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 });

const WORDS: Record<UiLocale, GradeWords> = {
  en: {
    unreadable: 'the submission could not be read',
    filesNotUsed: (files) => `files not used: ${files}`,
    listed: (ids) => names(ids, (more) => `and ${more} more`),
    noStep: (lab, list) => `lab '${lab}' has no step ${list} in this ClusterLab`,
    noLab: (lab, steps, list) =>
      `this ClusterLab has no lab '${lab}' (${plural(steps, 'step')} handed in: ${list}; a teacher's pack? grade with --pack)`,
    moreProblems: (n) => ` (and ${plural(n, 'more problem')} in this lab)`,
    notHandedIn: 'not handed in',
    budgetUsed: (seconds) => `not run: this submission used its time budget of ${seconds} s`,
    couldNotRun: (message) => `the grader could not run this step: ${message}`,
    checksFailed: (failed, total) => `${failed} of ${total} checks failed`,
  },
  de: {
    unreadable: 'die Abgabe ließ sich nicht lesen',
    filesNotUsed: (files) => `nicht verwendete Dateien: ${files}`,
    listed: (ids) => names(ids, (more) => `und ${more} weitere`),
    noStep: (lab, list) => `Lab '${lab}' hat in diesem ClusterLab keinen Schritt ${list}`,
    noLab: (lab, steps, list) =>
      `dieses ClusterLab hat kein Lab '${lab}' (${steps} ${steps === 1 ? 'Schritt' : 'Schritte'} abgegeben: ${list}; ein Lab-Paket der Lehrkraft? Mit --pack bewerten)`,
    moreProblems: (n) => ` (und ${n} ${n === 1 ? 'weiteres Problem' : 'weitere Probleme'} in diesem Lab)`,
    notHandedIn: 'nicht abgegeben',
    budgetUsed: (seconds) =>
      `nicht ausgeführt: Diese Abgabe hat ihr Zeitbudget von ${GERMAN_SECONDS.format(seconds)} s aufgebraucht`,
    couldNotRun: (message) => `der Bewerter konnte diesen Schritt nicht ausführen: ${message}`,
    checksFailed: (failed, total) => `${failed} von ${total} Prüfungen nicht bestanden`,
  },
};

export function gradeWords(lang: UiLocale): GradeWords {
  return WORDS[lang] ?? WORDS.en;
}
