/**
 * The app's i18next instance: every namespace's English and German texts bundled with the app (no
 * HTTP backend: the app is offline and its CSP strict), English the source and the fallback.
 * `changeLanguage` switches without a reload: components reading texts through useTranslation
 * render again, nothing else is remounted, so nothing typed is lost.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setActiveLanguage } from './activeLocale';
import { LANGUAGES, type Language } from './language';
import { NAMESPACES, resources } from './resources';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: [...NAMESPACES],
  defaultNS: 'common',
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  // The resources are bundled: initialise at once, so the first render already has its texts.
  initAsync: false,
  returnNull: false,
});

/** Shows the app in `language` from the next render on; `<html lang>` follows. */
export function changeLanguage(language: Language): void {
  setActiveLanguage(language);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
