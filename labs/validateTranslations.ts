/**
 * Checks a lab's `translations` (labTypes.ts) after validateLab has checked its English: a
 * translation is either complete (every title, summary, intro, step, hint, check title, extra run
 * label and dataset description, and nothing the English has not) or a catalogue entry (`partial:
 * 'catalogue'`: title and summary only). Markdown and hints must keep the English's code, cited
 * chapters, figures, links and numbers (markdownFacts.ts); a translated starter or solution must
 * be the English code with only its comments translated (sameCode.ts). Each refusal names the
 * locale and the field: `translations.de.steps['put-512mb'].hints: must have 2 entries like the
 * English, got 1`.
 */
import { markdownFactsDiffer } from './markdownFacts';
import { codeDiffers } from './sameCode';
import { LAB_LOCALES, type Lab, type LabLocale, type LabStep } from './labTypes';
import { fillVariantText, variantPlaceholders } from './variant';

/** The longest text a translation may carry (a lab's whole intro is a few thousand characters). */
export const MAX_TRANSLATED_TEXT = 100_000;

type Bad = (field: string, problem: string) => never;

const describe = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}...` : v);
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
};

/** `steps['put-512mb']`: ids are kebab-case, so the field reads as one path. */
const key = (field: string, id: string) => `${field}['${id}']`;

export function validateTranslations(lab: Lab, bad: Bad): void {
  if (lab.translations === undefined) return;
  const object = (field: string, v: unknown): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(field, `must be an object, got ${describe(v)}`);
    return v as Record<string, unknown>;
  };
  const text = (field: string, v: unknown): string => {
    if (typeof v !== 'string' || v.trim() === '') bad(field, `must be a non-empty string, got ${describe(v)}`);
    if ((v as string).length > MAX_TRANSLATED_TEXT)
      bad(field, `is ${(v as string).length} characters long, more than ${MAX_TRANSLATED_TEXT}`);
    return v as string;
  };
  /** The same facts as the English text (code, chapters, figures, links). */
  const faithful = (field: string, english: string, v: unknown) => {
    const translated = text(field, v);
    if (english.length > MAX_TRANSLATED_TEXT)
      bad(field, `translates an English text of ${english.length} characters, more than ${MAX_TRANSLATED_TEXT}`);
    const problem = markdownFactsDiffer(english, translated, field.split('.')[1] as LabLocale);
    if (problem !== null) bad(field, problem);
  };
  const onlyFields = (field: string, o: Record<string, unknown>, allowed: readonly string[]) => {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) bad(`${field}.${k}`, `is not a field of a translation (fields: ${allowed.join(', ')})`);
  };
  /** Exactly the English's ids: none missing, none the English has not. */
  const byId = (field: string, v: unknown, ids: readonly string[], what: string): Record<string, unknown> => {
    const o = object(field, v);
    for (const id of ids)
      if (!Object.hasOwn(o, id)) bad(key(field, id), `is missing: every ${what} of the English needs one`);
    for (const id of Object.keys(o))
      if (!ids.includes(id))
        bad(key(field, id), `the lab has no ${what} '${id}' (its ${what}s: ${ids.join(', ') || 'none'})`);
    return o;
  };

  const all = object('translations', lab.translations);
  for (const [locale, t] of Object.entries(all)) {
    const at = `translations.${locale}`;
    if (!LAB_LOCALES.includes(locale as never))
      bad(
        at,
        `is not a locale labs are translated into (locales: ${LAB_LOCALES.join(', ')}; English is the lab's own text)`,
      );
    if (t === undefined) continue;
    const tr = object(at, t);
    text(`${at}.title`, tr.title);
    text(`${at}.summary`, tr.summary);
    if (tr.partial !== undefined) {
      if (tr.partial !== 'catalogue')
        bad(
          `${at}.partial`,
          `must be 'catalogue' (only the title and summary) or left out, got ${describe(tr.partial)}`,
        );
      onlyFields(at, tr, ['partial', 'title', 'summary']);
      continue;
    }
    onlyFields(at, tr, ['title', 'summary', 'intro', 'datasets', 'steps']);
    faithful(`${at}.intro`, lab.intro, tr.intro);
    const datasets = byId(
      `${at}.datasets`,
      tr.datasets,
      lab.datasets.map((d) => d.id),
      'dataset',
    );
    for (const d of lab.datasets) faithful(key(`${at}.datasets`, d.id), d.description, datasets[d.id]);
    const steps = byId(
      `${at}.steps`,
      tr.steps,
      lab.steps.map((s) => s.id),
      'step',
    );
    for (const step of lab.steps) {
      const sat = key(`${at}.steps`, step.id);
      const st = object(sat, steps[step.id]);
      onlyFields(sat, st, [
        'title',
        'instructions',
        'variantInstructions',
        'hints',
        'practiceHints',
        'checks',
        'extraRuns',
        'starter',
        'solution',
      ]);
      text(`${sat}.title`, st.title);
      faithful(`${sat}.instructions`, step.instructions, st.instructions);
      const variantProblem = translatedVariantProblem(step, st, locale);
      if (variantProblem !== null) bad(`${sat}.variantInstructions`, variantProblem);
      if (!Array.isArray(st.hints)) bad(`${sat}.hints`, `must be an array, got ${describe(st.hints)}`);
      const hints = st.hints as unknown[];
      if (hints.length !== step.hints.length)
        bad(`${sat}.hints`, `must have ${step.hints.length} entries like the English, got ${hints.length}`);
      step.hints.forEach((h, k) => faithful(`${sat}.hints[${k}]`, h, hints[k]));
      const own = step.practice?.hints;
      if (own === undefined && st.practiceHints !== undefined)
        bad(`${sat}.practiceHints`, 'the step has no practice hints to translate');
      if (own !== undefined) {
        const tr = st.practiceHints;
        if (!Array.isArray(tr) || tr.length !== own.length)
          bad(`${sat}.practiceHints`, `must have ${own.length} entries like the English practice.hints`);
        own.forEach((h, k) => faithful(`${sat}.practiceHints[${k}]`, h, (tr as unknown[])[k]));
      }
      const checks = byId(
        `${sat}.checks`,
        st.checks,
        step.checks.map((c) => c.id),
        'check',
      );
      for (const c of step.checks) faithful(key(`${sat}.checks`, c.id), c.title, checks[c.id]);
      for (const which of ['starter', 'solution'] as const) {
        if (st[which] === undefined) continue;
        if (step.kind !== 'mapreduce' && step.kind !== 'spark' && step.kind !== 'stream')
          bad(`${sat}.${which}`, `a ${step.kind} step's ${which} is settings, not code with comments: leave it out`);
        const translated = text(`${sat}.${which}`, st[which]);
        if (step[which].length > MAX_TRANSLATED_TEXT)
          bad(
            `${sat}.${which}`,
            `translates an English text of ${step[which].length} characters, more than ${MAX_TRANSLATED_TEXT}`,
          );
        const problem = codeDiffers(step[which], translated);
        if (problem !== null) bad(`${sat}.${which}`, problem);
      }
      const extraRuns = 'extraRuns' in step ? (step.extraRuns ?? []) : [];
      if (extraRuns.length > 0 || st.extraRuns !== undefined) {
        const labels = byId(
          `${sat}.extraRuns`,
          st.extraRuns,
          extraRuns.map((x) => x.id),
          'extra run',
        );
        for (const x of extraRuns) faithful(key(`${sat}.extraRuns`, x.id), x.label, labels[x.id]);
      }
    }
  }
}

/**
 * What is wrong with a step translation's `variantInstructions`: a step whose variant's text has
 * `{{variant.name}}` placeholders needs them translated with the same placeholders and facts, and
 * filled with the lab's own values (numbers in the locale's format) they are the translated
 * `instructions`. Null when right.
 */
function translatedVariantProblem(step: LabStep, st: Record<string, unknown>, locale: string): string | null {
  const variant = step.kind === 'mapreduce' || step.kind === 'spark' ? step.variant : undefined;
  const english = variant ? variantPlaceholders(variant.instructions) : [];
  if (st.variantInstructions === undefined)
    return english.length === 0
      ? null
      : `is missing: the step's variant writes {{variant.${english[0]}}} in its text; translate variant.instructions with the same placeholders`;
  if (!variant) return 'the step has no per-student variant: leave it out';
  if (typeof st.variantInstructions !== 'string') return 'must be a text';
  const translated = st.variantInstructions;
  const names = variantPlaceholders(translated);
  const missing = english.find((n) => !names.includes(n));
  if (missing !== undefined) return `lacks {{variant.${missing}}}, which the English has`;
  const extra = names.find((n) => !english.includes(n));
  if (extra !== undefined) return `has {{variant.${extra}}}, which the English has not`;
  const facts = markdownFactsDiffer(variant.instructions, translated, locale as LabLocale);
  if (facts !== null) return facts;
  const format = new Intl.NumberFormat(locale);
  if (fillVariantText(translated, variant.values(null), (n) => format.format(n)) !== st.instructions)
    return "filled with the lab's own values (values(null)) it must be the translated instructions";
  return null;
}
