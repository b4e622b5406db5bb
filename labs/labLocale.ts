/**
 * A lab as a learner reads it in a locale: `localizeLab(lab, 'de')` gives the same lab (same run
 * settings, checks' verdicts, starters and solutions) with every text the learner reads taken from
 * the lab's translation, or English where the lab has none, and says which locale its texts are
 * in so the app can tell a German reader "this lab is in English". Pure and memoised: the same lab
 * and locale give the same object every time.
 */
import type {
  CheckResult,
  Lab,
  LabCheck,
  LabLocale,
  LabStep,
  LabTranslation,
  CatalogueTranslation,
  StepTranslation,
} from './labTypes';

/** The locales the app offers: English, the labs' source, and those labs are translated into. */
export type UiLocale = 'en' | LabLocale;

export interface LocalizedLab extends Lab {
  /** The locale asked for. */
  readonly locale: UiLocale;
  /** The locale of the intro, steps, hints, check titles and dataset descriptions. */
  readonly textLocale: UiLocale;
  /** The locale of the title and summary (a catalogue translation has these alone). */
  readonly titleLocale: UiLocale;
}

const cache = new WeakMap<Lab, Map<UiLocale, LocalizedLab>>();

/** The lab's translation into `locale`, if it has one (complete or catalogue-only). */
export function translationOf(lab: Lab, locale: UiLocale): LabTranslation | CatalogueTranslation | undefined {
  return locale === 'en' ? undefined : lab.translations?.[locale];
}

/** True when the learner reads every text of the lab in `locale`. */
export function isFullyTranslated(lab: Lab, locale: UiLocale): boolean {
  if (locale === 'en') return true;
  const t = translationOf(lab, locale);
  return t !== undefined && t.partial === undefined;
}

/** `texts[id]` if the translation has it as its own entry ("constructor" is a valid id, not Object's). */
const own = <T>(texts: Record<string, T> | undefined, id: string): T | undefined =>
  texts !== undefined && Object.hasOwn(texts, id) ? texts[id] : undefined;

const relabel = <X extends { id: string; label: string }>(runs: X[], labels: Record<string, string> = {}): X[] =>
  runs.map((x) => ({ ...x, label: own(labels, x.id) ?? x.label }));

function localizeStep(step: LabStep, t: StepTranslation): LabStep {
  const checks: LabCheck[] = step.checks.map((c) => ({ ...c, title: own(t.checks, c.id) ?? c.title }));
  const texts = {
    title: t.title,
    instructions: t.instructions,
    hints: [...t.hints],
    checks,
    starter: t.starter ?? step.starter,
    solution: t.solution ?? step.solution,
  };
  if (step.kind === 'mapreduce' || step.kind === 'spark')
    return step.extraRuns === undefined
      ? { ...step, ...texts }
      : { ...step, ...texts, extraRuns: relabel(step.extraRuns, t.extraRuns) };
  if (step.kind === 'stream')
    return step.extraRuns === undefined
      ? { ...step, ...texts }
      : { ...step, ...texts, extraRuns: relabel(step.extraRuns, t.extraRuns) };
  return { ...step, ...texts };
}

function build(lab: Lab, locale: UiLocale): LocalizedLab {
  const t = translationOf(lab, locale);
  if (t === undefined) return { ...lab, locale, textLocale: 'en', titleLocale: 'en' };
  if (t.partial === 'catalogue')
    return { ...lab, title: t.title, summary: t.summary, locale, textLocale: 'en', titleLocale: locale };
  return {
    ...lab,
    title: t.title,
    summary: t.summary,
    intro: t.intro,
    datasets: lab.datasets.map((d) => ({ ...d, description: own(t.datasets, d.id) ?? d.description })),
    steps: lab.steps.map((s) => {
      const st = own(t.steps, s.id);
      return st ? localizeStep(s, st) : s;
    }),
    locale,
    textLocale: locale,
    titleLocale: locale,
  };
}

/** The lab with the learner-facing texts of `locale` (English where it has no translation). */
export function localizeLab(lab: Lab, locale: UiLocale): LocalizedLab {
  let byLocale = cache.get(lab);
  if (byLocale === undefined) cache.set(lab, (byLocale = new Map()));
  let localized = byLocale.get(locale);
  if (localized === undefined) byLocale.set(locale, (localized = build(lab, locale)));
  return localized;
}

/**
 * Check results (runStep's, which carry the English titles) with the titles of a localized
 * step's checks, matched by id, and each reason in `locale` where the check wrote one
 * (`CheckVerdict.reasons`); English otherwise.
 */
export function localizeCheckResults(step: LabStep, results: readonly CheckResult[], locale: UiLocale): CheckResult[] {
  return results.map((r) => ({
    ...r,
    title: step.checks.find((c) => c.id === r.id)?.title ?? r.title,
    reason: (locale === 'en' ? undefined : r.reasons?.[locale]) ?? r.reason,
  }));
}
