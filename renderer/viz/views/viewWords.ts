/**
 * The words a dashboard's view is told in: what a key is ("article", "title") and what an event
 * is ("page view"), in the page's language. A lab may give its own, with their forms per locale
 * (labs/labTypes.ts `PipelineWords`); without them, or without its locale's, a trending row's
 * keys are titles, other keys "key", in the app's own words (views.json `words`).
 */
import type { ViewReport } from '../../../engine/pipeline';
import type { PipelineWords } from '../../../labs/labTypes';
import { activeLanguage } from '../../i18n/activeLocale';
import type { Language } from '../../i18n/language';
import { count as countNumber } from '../../i18n/numberFormat';
import { viewsText } from './viewsText';

export interface ViewWords {
  /** One key, as in "article 3", and several ("articles"). */
  key: string;
  keys: string;
  /** One event and several ("page view", "page views"). */
  event: string;
  events: string;
}

/** The app's own words for keys and events (`trending`: titles and views), in the page's language. */
export function appWords(trending: boolean): ViewWords {
  const kind = trending ? 'trending' : 'plain';
  const word = (form: keyof ViewWords) => viewsText(`words.${kind}.${form}`);
  return { key: word('key'), keys: word('keys'), event: word('event'), events: word('events') };
}

/**
 * The words for `view` in `language`: the lab's (English as given, another language from its
 * translations), else the app's for a trending row or for plain keys and events.
 */
export function wordsFor(
  view: ViewReport,
  given?: Partial<PipelineWords>,
  language: Language = activeLanguage(),
): ViewWords {
  const base = appWords(view.samples.some((s) => s.trending));
  const forms = language === 'en' ? given : given?.translations?.[language];
  if (!forms) return base;
  const key = forms.key ?? base.key;
  return {
    key,
    keys: forms.keys ?? (forms.key !== undefined ? `${forms.key}s` : base.keys),
    event: forms.event ?? base.event,
    events: forms.events ?? base.events,
  };
}

/** A count with the page's grouping ("12,345" / "12.345"). */
export const count = (v: number): string => countNumber(v);

/** "1 page view", "2 page views". */
export function countOf(v: number, words: ViewWords): string {
  return viewsText('countOf', { count: v, n: count(v), event: words.event, events: words.events });
}

/** "1 article", "12 articles". */
export function keyCount(v: number, words: ViewWords): string {
  return viewsText('keyCount', { count: v, n: count(v), key: words.key, keys: words.keys });
}

/** The word with a capital first letter, for a column's head ("Page views"). */
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
