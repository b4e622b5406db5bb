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
  JobStep,
  StepTranslation,
  StepVariant,
  VariantValues,
} from './labTypes';
import { variantPlaceholders } from './variant';

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

/**
 * A variant read in the translation's locale: its instructions the translated ones, and where the
 * variant's starter or solution for a student is the lab's own, the translated one (its comments).
 */
function localizeVariant(step: JobStep, variant: StepVariant, t: StepTranslation): StepVariant {
  const translated = (which: 'starter' | 'solution') => (values: VariantValues) => {
    const code = variant[which](values);
    return code === step[which] ? (t[which] ?? code) : code;
  };
  return {
    ...variant,
    // Without placeholders the variant's text is the step's own: the translated one then.
    instructions:
      t.variantInstructions ??
      (variantPlaceholders(variant.instructions).length === 0 ? t.instructions : variant.instructions),
    starter: translated('starter'),
    solution: translated('solution'),
  };
}

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
  const practice = step.practice?.hints && t.practiceHints ? { ...step.practice, hints: [...t.practiceHints] } : null;
  if (practice) return localizeStep({ ...step, practice }, { ...t, practiceHints: undefined });
  if (step.kind === 'mapreduce' || step.kind === 'spark') {
    const variant = step.variant && localizeVariant(step, step.variant, t);
    const job = variant ? { ...step, ...texts, variant } : { ...step, ...texts };
    return step.extraRuns === undefined ? job : { ...job, extraRuns: relabel(step.extraRuns, t.extraRuns) };
  }
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
