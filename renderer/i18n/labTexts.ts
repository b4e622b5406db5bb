/**
 * THE place where the renderer reads a lab's texts (titles, summaries, the intro, each step's
 * instructions, hints and check titles) in the chosen language. The home page, the lab list and
 * the lab page read every lab text through this hook, never straight from labs/.
 *
 * labs/ holds each lab's texts in English today. When labs/ gives its texts per locale (an API such
 * as `localizeLab(lab, locale)` and one for the catalogue's entries), call it in `entryIn` and
 * `labIn` below: nothing else in the renderer needs to change.
 */
import { useMemo } from 'react';
import type { LabEntry } from '../../labs/catalogue';
import type { Lab } from '../../labs/labTypes';
import { useAppStore } from '../state/store';
import type { Language } from './language';

export interface LabTexts {
  /** A catalogue entry's title and summary in the language. */
  entry(entry: LabEntry): Pick<LabEntry, 'title' | 'summary'>;
  /** The lab with its texts in the language (the same object while the language stays). */
  lab(lab: Lab): Lab;
}

/** A catalogue entry's texts in `language`: English, the language labs/ writes them in, until labs/ has others. */
export function entryIn(entry: LabEntry, _language: Language): Pick<LabEntry, 'title' | 'summary'> {
  return { title: entry.title, summary: entry.summary };
}

/** A lab's texts in `language`: English, the language labs/ writes them in, until labs/ has others. */
export function labIn(lab: Lab, _language: Language): Lab {
  return lab;
}

export function useLabTexts(): LabTexts {
  const language = useAppStore((s) => s.language);
  return useMemo(() => {
    const labs = new Map<Lab, Lab>();
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
