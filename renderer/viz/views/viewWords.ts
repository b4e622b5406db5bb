/**
 * The words a dashboard's view is told in: what a key is ("article", "title") and what an event
 * is ("page view"). A lab may give its own; a trending row's keys are titles, other keys "key".
 */
import type { ViewReport } from '../../../engine/pipeline';

export interface ViewWords {
  /** One key, as in "article 3". */
  key: string;
  /** One event and several ("page view", "page views"). */
  event: string;
  events: string;
}

export const PLAIN_WORDS: ViewWords = { key: 'key', event: 'event', events: 'events' };
export const TRENDING_WORDS: ViewWords = { key: 'title', event: 'view', events: 'views' };

/** The words for `view`: the lab's, else titles and views for a trending row, else keys and events. */
export function wordsFor(view: ViewReport, given?: Partial<ViewWords>): ViewWords {
  const base = view.samples.some((s) => s.trending) ? TRENDING_WORDS : PLAIN_WORDS;
  return { ...base, ...given };
}

export const count = (v: number): string => v.toLocaleString('en-US');

/** "1 page view", "2 page views". */
export function countOf(v: number, words: ViewWords): string {
  return `${count(v)} ${v === 1 ? words.event : words.events}`;
}
