/**
 * The catalogue (catalogue.ts) as the home page shows it in a locale: each entry's title and
 * summary from its lab's translation (labLocale.ts), or for a lab still announced from
 * catalogueTranslations.ts, English otherwise; with the locale of the lab's own texts, so the
 * page can mark a lab that opens in English. Memoised per locale.
 */
import { LAB_CATALOGUE, type LabEntry } from './catalogue';
import { CATALOGUE_TRANSLATIONS } from './catalogueTranslations';
import { localizeLab, type UiLocale } from './labLocale';
import { findLab } from './labRegistry';

export interface LocalizedLabEntry extends LabEntry {
  /** The locale of this entry's title and summary. */
  titleLocale: UiLocale;
  /** The locale the lab's intro and steps are in (an announced lab: its title's). */
  textLocale: UiLocale;
}

const cache = new Map<UiLocale, readonly LocalizedLabEntry[]>();

function localizeEntry(entry: LabEntry, locale: UiLocale): LocalizedLabEntry {
  const lab = findLab(entry.id);
  if (lab !== undefined) {
    const l = localizeLab(lab, locale);
    return { ...entry, title: l.title, summary: l.summary, titleLocale: l.titleLocale, textLocale: l.textLocale };
  }
  const t = locale === 'en' ? undefined : CATALOGUE_TRANSLATIONS[locale][entry.id];
  if (t === undefined) return { ...entry, titleLocale: 'en', textLocale: 'en' };
  return { ...entry, title: t.title, summary: t.summary, titleLocale: locale, textLocale: locale };
}

/** Every lab of the course in the catalogue's order, its title and summary in `locale` where translated. */
export function localizedCatalogue(locale: UiLocale): readonly LocalizedLabEntry[] {
  let entries = cache.get(locale);
  if (entries === undefined) cache.set(locale, (entries = LAB_CATALOGUE.map((e) => localizeEntry(e, locale))));
  return entries;
}
