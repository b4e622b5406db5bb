/**
 * THE place where the renderer reads a lab's texts (titles, summaries, the intro, each step's
 * instructions, hints and check titles) in the chosen language. The home page, the lab list and
 * the lab page read every lab text through this hook, never straight from labs/.
 *
 * labs/ gives them per locale (labs/labLocale.ts: localizeLab; labs/localizedCatalogue.ts):
 * English where a lab has no translation, with the locale its texts are in (`textLocale`), so
 * the page can say that a lab opens in English.
 */
import { useMemo } from 'react';
import type { LabEntry } from '../../labs/catalogue';
import type { Lab } from '../../labs/labTypes';
import { localizeLab, type LocalizedLab } from '../../labs/labLocale';
import { localizedCatalogue } from '../../labs/localizedCatalogue';
import { useAppStore } from '../state/store';
import type { Language } from './language';

export interface LabTexts {
  /** A catalogue entry's title and summary in the language, and the language its lab's texts are in. */
  entry(entry: LabEntry): EntryTexts;
  /** The lab with its texts in the language (the same object while the language stays). */
  lab(lab: Lab): LocalizedLab;
}

export interface EntryTexts extends Pick<LabEntry, 'title' | 'summary'> {
  /** The language of the lab's intro and steps: English for a lab translated by title alone. */
  textLanguage: Language;
}

/** A catalogue entry's texts in `language` (English where the lab has no translation). */
export function entryIn(entry: LabEntry, language: Language): EntryTexts {
  const localized = language === 'en' ? undefined : localizedCatalogue(language).find((e) => e.id === entry.id);
  return {
    title: localized?.title ?? entry.title,
    summary: localized?.summary ?? entry.summary,
    textLanguage: localized?.textLocale ?? 'en',
  };
}

/** A lab's texts in `language` (memoised by labs/labLocale.ts). */
export function labIn(lab: Lab, language: Language): LocalizedLab {
  return localizeLab(lab, language);
}

export function useLabTexts(): LabTexts {
  const language = useAppStore((s) => s.language);
  return useMemo(() => {
    const labs = new Map<Lab, LocalizedLab>();
    return {
      entry: (entry) => entryIn(entry, language),
      lab: (lab) => {
        let text = labs.get(lab);
        if (!text) {
          text = labIn(lab, language);
          labs.set(lab, text);
        }
        return text;
      },
    };
  }, [language]);
}
