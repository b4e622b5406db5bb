/**
 * A lab's translations (part of the lab format, labs/labTypes.ts, which re-exports them): the
 * locales, and the texts of a lab and its steps in one locale. validateTranslations.ts proves a
 * translation matches its English source.
 */

/** The locales a lab's texts may be translated into (English is the source and needs no entry). */
export type LabLocale = 'de';
export const LAB_LOCALES: readonly LabLocale[] = ['de'];

/** One step's texts in a locale: every field the learner reads, keyed like the English. */
export interface StepTranslation {
  title: string;
  /** Markdown: the same figures, citations, links and code as the English (validateTranslations.ts). */
  instructions: string;
  /**
   * A step with a per-student variant: its `variant.instructions` in this locale, the same
   * `{{variant.name}}` placeholders; `instructions` are this text filled with the lab's own values.
   */
  variantInstructions?: string;
  /** As many hints as the English, in the same order. */
  hints: string[];
  /** The step's `practice.hints` in this locale (as many, in the same order); only for a step that has them. */
  practiceHints?: string[];
  /** Every check's title, by check id. */
  checks: Record<string, string>;
  /** Every extra run's label, by its id (the step's extra runs; none: leave it out). */
  extraRuns?: Record<string, string>;
  /** A job or KafkaJS step's starter with its comments in this locale: the same code, token for token. */
  starter?: string;
  /** The solution likewise (shown once a lab is done). */
  solution?: string;
}

/** A lab translated in full: the learner reads nothing in English. */
export interface LabTranslation {
  partial?: undefined;
  title: string;
  summary: string;
  /** Markdown, as the English intro. */
  intro: string;
  /** Every dataset's description, by dataset id (none: `{}`). */
  datasets: Record<string, string>;
  /** Every step, by step id. */
  steps: Record<string, StepTranslation>;
}

/** Only the home page's entry is translated: the lab itself stays English (the app says so). */
export interface CatalogueTranslation {
  partial: 'catalogue';
  title: string;
  summary: string;
}

export type LabTranslations = Partial<Record<LabLocale, LabTranslation | CatalogueTranslation>>;
