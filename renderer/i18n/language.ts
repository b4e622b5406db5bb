/**
 * The app's languages: which exist, reading a saved choice defensively, and the first start's
 * choice from the system's preferred languages (German when the system prefers German, else English).
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, the same in every language (a learner finds their own). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** The BCP 47 tag each language formats numbers, sizes and times with. */
export const LOCALE_TAG: Record<Language, string> = { en: 'en-US', de: 'de-DE' };

export function parseLanguage(value: unknown): Language | null {
  return value === 'en' || value === 'de' ? value : null;
}

/**
 * The language for a first start: the first of the system's preferred languages (navigator.languages)
 * that the app has, so "de-AT" gives German and "fr, de" gives English (French comes first and the app
 * has no French: English is the fallback, as for any language it lacks).
 */
export function systemLanguage(preferred: readonly string[] | undefined): Language {
  const first = preferred?.find((tag) => typeof tag === 'string' && tag.length > 0);
  return first?.toLowerCase().split('-')[0] === 'de' ? 'de' : 'en';
}
