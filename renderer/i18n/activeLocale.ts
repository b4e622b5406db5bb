/**
 * The language the page shows now, for code outside React (the viz helpers format numbers, sizes
 * and times with it). i18n.ts sets it when the language changes; it starts as English so pure
 * functions used in tests and in the worker keep their English output.
 */
import { LOCALE_TAG, type Language } from './language';

let active: Language = 'en';
const listeners = new Set<() => void>();

export function activeLanguage(): Language {
  return active;
}

export function activeLocaleTag(): string {
  return LOCALE_TAG[active];
}

export function setActiveLanguage(language: Language): void {
  if (language === active) return;
  active = language;
  for (const listener of listeners) listener();
}

/** Called after every change of the language; returns the function that stops listening. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
